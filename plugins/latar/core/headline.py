"""The headline's marker: a note anchor with ``headline: true`` attaches to the article's title, not to its text.

The same matching rules as the text (:mod:`latar.core.anchoring`: case folded unless the anchor says otherwise,
whole words, clitics allowed), one marker per headline. Part of the rule book: an anchor whose words are not in
the headline, or a second note on the same headline, is a problem with the note's file, line and fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from latar.core.anchoring import at_word_boundary, fold
from latar.core.articles import Article, nfc
from latar.core.notes import Note
from latar.core.problems import Problem

P = TypeVar("P", bound=Any)


@dataclass(frozen=True)
class HeadlineMark:
    """A note's phrase in an article's headline: ``title[start:end]``."""

    note_id: str
    start: int
    end: int
    phrase: str


def find_in_headline(text: str, title: str, case_sensitive: bool = False) -> tuple[int, int] | None:
    """Where ``text`` stands in ``title`` as whole words, or None."""
    haystack, needle = (title, text) if case_sensitive else (fold(title), fold(text))
    start = haystack.find(needle)
    while start != -1:
        if at_word_boundary(title, start, start + len(needle)):
            return start, start + len(needle)
        start = haystack.find(needle, start + 1)
    return None


def headline_marks(notes: Iterable[Note], articles: Sequence[Article]) -> tuple[dict[str, HeadlineMark], list[Problem]]:
    """Each article's headline mark (by article name) and the problems of the headline anchors."""
    marks: dict[str, HeadlineMark] = {}
    problems = []
    for note in sorted(notes, key=lambda n: n.id):
        for anchor in (a for a in note.anchors if a.headline):
            wanted = [a for a in articles if not anchor.articles or a.name in anchor.articles]
            found = False
            for article in wanted:
                title = nfc(article.meta.title)
                where = find_in_headline(anchor.text, title, anchor.case_sensitive)
                if where is None:
                    continue
                found = True
                other = marks.get(article.name)
                if other:
                    problems.append(
                        Problem(
                            note.path,
                            anchor.line,
                            f"the headline of {article.name} already carries the marker of note '{other.note_id}'; "
                            "a headline has one marker: remove 'headline: true' from one of the two anchors",
                        )
                    )
                    continue
                marks[article.name] = HeadlineMark(note.id, *where, title[where[0] : where[1]])
            if not found:
                names = ", ".join(a.name for a in wanted) or "no article"
                problems.append(
                    Problem(
                        note.path,
                        anchor.line,
                        f"the anchor has 'headline: true' but {anchor.text!r} is not in the headline of {names}; "
                        "copy whole words from the article's title (its sidecar's 'title'), or remove 'headline: true'",
                    )
                )
    return marks, problems


def headline_first(placements: tuple[P, ...], first: str | None) -> tuple[P, ...]:
    """An article's placements (:class:`latar.core.pipeline.Placement`) renumbered so that ``first``, the note marked on
    the headline, is number 1: the headline is read first."""
    if first is None:
        return placements
    numbers = {first: 1}
    return tuple(replace(p, number=numbers.setdefault(p.note_id, len(numbers) + 1)) for p in placements)
