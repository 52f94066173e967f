"""A clarification's rules and where its ``claim`` stands: the article's own words, in its text or its headline.

Part of the rule book: :func:`clarification_rules` (``claim`` and ``verdict`` on clarifications only, ``original``
with a claim and from a listed source) is called from :func:`latar.core.rules.note_rules`, and
:func:`claim_problems` (the claim verbatim in an article where the note lands) from the pipeline, so that
``latar check`` and the build say the same. A claim is verbatim when it occurs in a paragraph or in the headline
exactly as written, runs of white space counting as one space (a folded YAML string may break a line where the
article did not). The note page quotes it with a link to where it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from latar.core.problems import Problem
from latar.core.yamlload import KeyPath, line_of

if TYPE_CHECKING:  # notes.py imports the rule book, which imports this module
    from latar.core.articles import Article
    from latar.core.notes import Note

VERDICTS = ("accurate", "incomplete", "unsupported", "mistranslated", "unattributed", "misattributed", "inaccurate")
"""A clarification's findings (labels for readers: :data:`latar.strings.VERDICT_LABELS`); the schema lists the same."""
CLARIFICATION_FIELDS = ("claim", "verdict")
MAX_LISTED = 3


@dataclass(frozen=True)
class ClaimSpot:
    """Where a claim was found: an article's paragraph, or its headline."""

    article: Article
    paragraph: int | None
    """0-based index in :attr:`Article.paragraphs`; None: the headline."""


def squash(text: str) -> str:
    """``text`` with every run of white space as one space, trimmed."""
    return " ".join(text.split())


def find_claim(claim: str, article: Article) -> ClaimSpot | None:
    """The first paragraph holding ``claim`` verbatim, else the headline, else None."""
    wanted = squash(claim)
    if not wanted:
        return None
    for index, paragraph in enumerate(article.paragraphs):
        if wanted in squash(paragraph):
            return ClaimSpot(article, index)
    return ClaimSpot(article, None) if wanted in squash(article.meta.title) else None


def searched(note: Note, articles: Sequence[Article], landed: Mapping[str, Iterable[str]]) -> list[Article]:
    """The articles a note's claim is looked for in: those where the note lands, or every article when it lands in none."""
    names = set(landed.get(note.id, ()))
    return [article for article in articles if article.name in names] or list(articles)


def claim_spots(note: Note, articles: Sequence[Article], landed: Mapping[str, Iterable[str]]) -> list[ClaimSpot]:
    """Where the note's claim is, one spot per article that has it (none without a claim)."""
    if not note.claim:
        return []
    return [spot for article in searched(note, articles, landed) if (spot := find_claim(note.claim, article))]


def clarification_rules(data: dict[str, Any], lines: dict[KeyPath, int], label: str) -> list[Problem]:
    """``claim`` and ``verdict`` on every clarification and on nothing else; ``original`` with a claim, from a listed source."""
    problems = []
    kind = data.get("kind")
    if kind == "clarification":
        for key in CLARIFICATION_FIELDS:
            if key not in data:
                what = "the article's exact words it reviews" if key == "claim" else f"the finding, one of: {', '.join(VERDICTS)}"
                problems.append(Problem(label, line_of(lines, ("kind",)), f"'kind: clarification' needs '{key}' ({what}); add it"))
    elif isinstance(kind, str):
        for key in CLARIFICATION_FIELDS:
            if key in data:
                problems.append(
                    Problem(
                        label,
                        line_of(lines, (key,)),
                        f"'{key}' is only for 'kind: clarification' (this note is '{kind}'); remove it, or make the note a clarification",
                    )
                )
    original = data.get("original")
    if original is not None and "claim" not in data:
        problems.append(
            Problem(
                label,
                line_of(lines, ("original",)),
                "'original' gives the source's words behind a 'claim'; add the claim, or remove 'original'",
            )
        )
    sources = data.get("sources")
    source = original.get("source") if isinstance(original, dict) else None
    if isinstance(source, int) and not isinstance(source, bool) and isinstance(sources, list) and source > len(sources):
        problems.append(
            Problem(
                label,
                line_of(lines, ("original", "source")),
                f"'original.source' is {source} but the note has {len(sources)} source{'' if len(sources) == 1 else 's'}; "
                "give the number of the entry the words come from (1 = the first)",
            )
        )
    return problems


def claim_problems(notes: Iterable[Note], articles: Sequence[Article], landed: Mapping[str, Iterable[str]]) -> list[Problem]:
    """A clarification's ``claim`` that is not verbatim in the text or headline of an article where the note lands.

    ``landed``: the names of the articles each note is placed in. A note placed nowhere is looked for in every article.
    """
    from latar.core.anchoring import closest  # noqa: PLC0415 - anchoring imports the notes, which import this module

    problems = []
    for note in notes:
        if not note.claim:
            continue
        candidates = searched(note, articles, landed)
        if not candidates or any(find_claim(note.claim, article) for article in candidates):
            continue
        names = [article.name for article in candidates]
        where = ", ".join(names[:MAX_LISTED]) + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")
        how = "where the note lands" if note.id in landed else "the note lands in none, so every article was searched"
        near = closest(note.claim, [text for article in candidates for text in (article.meta.title, *article.paragraphs)])
        hint = f"; the closest words there: '{near}'" if near else ""
        problems.append(
            Problem(
                note.path,
                note.claim_line,
                f"'claim' is not in the text or headline of {where} ({how}){hint}; copy the article's exact words",
            )
        )
    return problems
