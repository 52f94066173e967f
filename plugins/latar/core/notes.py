"""Notes: ``docs/anotasi/<id>.md``, YAML front matter (the contributors' interface) plus a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from latar.core.articles import nfc
from latar.core.contributed import regular_files, unreadable
from latar.core.files import file_label, read_text
from latar.core.memo import Memo
from latar.core.problems import InputError, Problem
from latar.core.rules import note_rules
from latar.core.schema import validate
from latar.core.slug import SAFE_SLUG, slug
from latar.core.yamlload import KeyPath, line_of, load_yaml

KINDS = ("background", "person", "organization", "place", "event", "clarification", "aftermath")
SAFE_ID = re.compile(rf"^{SAFE_SLUG.pattern}\Z")
"""A note id: the slug rule (:data:`latar.core.slug.SAFE_SLUG`), the whole string (``\\Z``, not ``$``: "kremlin\\n" is no id)."""
_OPENING = re.compile(r"\A---[ \t]*\n")


@dataclass(frozen=True)
class Anchor:
    """A TextQuoteSelector-like phrase: exact text, optional prefix/suffix."""

    text: str
    prefix: str = ""
    suffix: str = ""
    occurrence: str = "first"
    case_sensitive: bool = False
    line: int | None = None
    articles: tuple[str, ...] = ()
    """The articles (by name) this anchor applies to; empty: every article."""
    articles_line: int | None = None
    headline: bool = False
    """Anchors on the article's headline (its title), not on its text: see :mod:`latar.core.headline`."""


@dataclass(frozen=True)
class Source:
    """A reputable source for the note's facts."""

    title: str
    url: str
    publisher: str
    date: str | None = None
    accessed: str | None = None
    archive_url: str | None = None


@dataclass(frozen=True)
class Original:
    """The source's own words behind a clarification's claim."""

    text: str
    language: str
    source: int | None = None
    """1-based index into the note's sources."""
    closest: bool = False
    """The closest wording found, not the article's own source text."""


@dataclass(frozen=True)
class Note:
    """One validated note."""

    id: str
    path: str
    title: str
    kind: str
    summary: str
    anchors: tuple[Anchor, ...]
    sources: tuple[Source, ...]
    body: str = ""
    date: str | None = None
    hindsight: bool = False
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    """Editorial problems (see :mod:`latar.rules`): the note renders, but a strict build fails."""
    redirect_from: tuple[str, ...] = ()
    claim: str | None = None
    """Clarifications: the article's exact words the note reviews."""
    claim_line: int | None = field(default=None, compare=False)
    """The line of ``claim`` in the note's file."""
    verdict: str | None = None
    """Clarifications: the finding on ``claim`` (an id of :data:`latar.core.claims.VERDICTS`)."""
    original: Original | None = None
    """Clarifications: the source's own words behind ``claim``, in their language."""
    wikidata: str | None = None
    """The Wikidata item (``Q…``) of the note's subject."""


class InvalidNote(InputError):
    """A note that cannot be published; ``anchors`` keeps those of its anchors that are well formed.

    They are still checked against the articles, so a contributor learns about a mistyped anchor
    in the same run as about the other problems, not one fix later.
    """

    def __init__(self, problems: list[Problem], anchors: tuple[Anchor, ...] = ()) -> None:
        super().__init__(problems)
        self.anchors = anchors


class _FrontMatter(YAMLHandler):
    """python-frontmatter's YAML handler, used explicitly: no JSON/TOML autodetection."""


def split_front_matter(text: str, label: str) -> tuple[str, str, int]:
    """Return (front matter, body, file line of the body's first character) or raise InputError."""
    if not text.strip():
        raise InputError([Problem(label, 1, "the file is empty; start it with a '---' line, the front matter, and another '---' line")])
    if not _OPENING.match(text):
        raise InputError([Problem(label, 1, "the file must start with a '---' line followed by the YAML front matter")])
    try:
        front, body = _FrontMatter().split(text)
    except ValueError:
        raise InputError([Problem(label, 1, "the front matter is not closed; add a '---' line after it")]) from None
    start = len(text) - len(body) if text.endswith(body) else len(text)
    return front, body, text.count("\n", 0, start) + 1


def parse_note(note_id: str, text: str, label: str) -> Note:
    """Parse and validate one note's text; raise InvalidNote with every problem found.

    A note that can be rendered but breaks an editorial rule is returned with them in ``problems``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body, body_line = split_front_matter(text, label)
    data, lines = load_yaml(front, label, first_line=1)
    blocking, editorial = note_rules(data, lines, body, body_line, label)
    problems = validate("note", data, label, lines) + blocking
    if not SAFE_ID.match(note_id):
        problems.insert(
            0, Problem(label, None, f"the note id '{note_id}' (its file name) is not a safe slug; rename the file to '{slug(note_id)}.md'")
        )
    if problems:
        raise InvalidNote(_in_order(problems + editorial), _anchors(data, lines))
    return replace(_build(note_id, label, data, lines, body), problems=tuple(_in_order(editorial)))


def note_problems(note_id: str, text: str, label: str) -> list[Problem]:
    """Every problem of one note's text, whether it blocks publication or not."""
    try:
        return list(parse_note(note_id, text, label).problems)
    except InputError as err:
        return err.problems


def _in_order(problems: list[Problem]) -> list[Problem]:
    """File order; problems about the whole file first; each once."""
    return sorted(dict.fromkeys(problems), key=lambda p: p.line or 0)


def _anchors(data: Any, lines: dict[KeyPath, int]) -> tuple[Anchor, ...]:
    """The note's well-formed anchors: all of them in a valid note, those usable in an invalid one."""
    items = data.get("anchors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    anchors = []
    for index, item in enumerate(items):
        if not (isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip()):
            continue
        prefix, suffix = item.get("prefix", ""), item.get("suffix", "")
        articles = item.get("articles")
        names = tuple(a for a in articles if isinstance(a, str)) if isinstance(articles, list) else ()
        occurrence = item.get("occurrence")
        anchors.append(
            Anchor(
                text=nfc(item["text"].strip()),
                prefix=nfc(prefix) if isinstance(prefix, str) else "",
                suffix=nfc(suffix) if isinstance(suffix, str) else "",
                occurrence=occurrence if occurrence in ("first", "all") else "first",
                case_sensitive=item.get("case_sensitive") is True,
                line=line_of(lines, ("anchors", index)),
                articles=names,
                articles_line=line_of(lines, ("anchors", index, "articles")) if names else None,
                headline=item.get("headline") is True,
            )
        )
    return tuple(anchors)


def _build(note_id: str, label: str, data: dict[str, Any], lines: dict[KeyPath, int], body: str) -> Note:
    anchors = _anchors(data, lines)
    sources = tuple(
        Source(
            title=s["title"].strip(),
            url=s["url"],
            publisher=s["publisher"].strip(),
            date=None if s.get("date") is None else str(s["date"]),
            accessed=s.get("accessed"),
            archive_url=s.get("archive_url"),
        )
        for s in data["sources"]
    )
    date = data.get("date")
    return Note(
        id=note_id,
        path=label,
        title=data["title"].strip(),
        kind=data["kind"],
        summary=data["summary"].strip(),
        anchors=anchors,
        sources=sources,
        body=body.strip("\n") + "\n",
        date=None if date is None else str(date),
        hindsight=data.get("hindsight", False),
        redirect_from=tuple(data.get("redirect_from", ())),
        claim=nfc(data["claim"].strip()) if "claim" in data else None,
        claim_line=line_of(lines, ("claim",)),
        verdict=data.get("verdict"),
        original=_original(data.get("original")),
        wikidata=data.get("wikidata"),
    )


def _original(data: dict[str, Any] | None) -> Original | None:
    if data is None:
        return None
    return Original(nfc(data["text"].strip()), data["language"], data.get("source"), data.get("closest", False))


class ParsedNotes:
    """Notes parsed in the previous build, by file label and text: ``mkdocs serve`` keeps one between rebuilds, so
    a save parses only the note that changed. Keyed by the text itself (not its mtime, which a quick edit of the
    same size may not change); what a build did not read again is forgotten."""

    def __init__(self) -> None:
        self._memo: Memo[Note | InputError] = Memo()

    def parse(self, note_id: str, text: str, label: str) -> Note:
        """:func:`parse_note`, or what it returned (or raised) for the same text last time."""

        def parse_or_error() -> Note | InputError:
            try:
                return parse_note(note_id, text, label)
            except InputError as err:
                return err

        found = self._memo.get((label, text), parse_or_error)
        if isinstance(found, InputError):
            raise found
        return found

    def next_build(self) -> None:
        """Forget what the last build did not read."""
        self._memo.next_build()


def load_note(path: Path, root: Path, parsed: ParsedNotes | None = None) -> Note:
    """Read and parse one note file (``parsed``: what an earlier build parsed)."""
    label = file_label(path, root)
    text = read_text(path, label)
    return parsed.parse(path.stem, text, label) if parsed is not None else parse_note(path.stem, text, label)


def load_notes(notes_dir: Path, root: Path, parsed: ParsedNotes | None = None) -> tuple[list[Note], list[Problem], list[Note]]:
    """Every publishable note in ``notes_dir`` (sorted by id), every problem, and the notes left out.

    The problems include the editorial ones of publishable notes. The notes left out carry only their
    well-formed anchors, to be checked against the articles.
    """
    notes: list[Note] = []
    problems: list[Problem] = []
    unpublished: list[Note] = []
    if parsed is not None:
        parsed.next_build()
    for path in regular_files(notes_dir, root, ".md"):  # links, folders and sub-folders: see latar.core.contributed
        if path.name == "index.md":
            continue
        try:
            note = load_note(path, root, parsed)
            notes.append(note)
            problems.extend(note.problems)
        except InputError as err:
            problems.extend(err.problems)
            if isinstance(err, InvalidNote) and err.anchors:
                label = err.problems[0].path
                unpublished.append(Note(path.stem, label, "", "background", "", err.anchors, ()))
        except Exception as err:  # one hostile file never stops the others: it gets a problem line
            problems.append(unreadable(file_label(path, root), err))
    return notes, problems, unpublished
