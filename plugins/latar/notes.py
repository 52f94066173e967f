"""Notes: ``docs/anotasi/<id>.md``, YAML front matter (the contributors' interface) plus a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from .article import nfc
from .problems import InputError, Problem
from .schema import validate
from .text import file_label, read_text
from .yamlload import line_of, load_yaml

KINDS = ("background", "person", "organization", "place", "event", "clarification", "aftermath")
KIND_LABELS = {
    "background": "Latar belakang",
    "person": "Tokoh",
    "organization": "Lembaga",
    "place": "Tempat",
    "event": "Peristiwa",
    "clarification": "Klarifikasi",
    "aftermath": "Sesudahnya",
}
SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SUMMARY_WORDS = 60
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

    @property
    def kind_label(self) -> str:
        """The kind, in Indonesian."""
        return KIND_LABELS[self.kind]


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
    """Return (front matter, body, line of the body's start) or raise InputError."""
    if not text.strip():
        raise InputError([Problem(label, 1, "the file is empty; start it with a '---' line, the front matter, and another '---' line")])
    if not _OPENING.match(text):
        raise InputError([Problem(label, 1, "the file must start with a '---' line followed by the YAML front matter")])
    try:
        front, body = _FrontMatter().split(text)
    except ValueError:
        raise InputError([Problem(label, 1, "the front matter is not closed; add a '---' line after it")]) from None
    body_line = front.count("\n") + 2
    return front, body, body_line


def parse_note(note_id: str, text: str, label: str) -> Note:
    """Parse and validate one note's text; raise InputError with every problem found."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body, _ = split_front_matter(text, label)
    data, lines = load_yaml(front, label, first_line=1)
    problems = validate("note", data, label, lines)
    if not SAFE_ID.match(note_id):
        slug = re.sub(r"[^a-z0-9]+", "-", note_id.lower()).strip("-") or "nama-catatan"
        problems.insert(
            0, Problem(label, None, f"the note id '{note_id}' (its file name) is not a safe slug; rename the file to '{slug}.md'")
        )
    if not problems:
        words = len(data["summary"].split())
        if words > MAX_SUMMARY_WORDS:
            problems.append(
                Problem(
                    label,
                    line_of(lines, ("summary",)),
                    f"'summary' has {words} words; keep it to {MAX_SUMMARY_WORDS} or fewer and move the rest into the body",
                )
            )
    if problems:
        raise InvalidNote(problems, _anchors(data, lines))
    return _build(note_id, label, data, lines, body)


def _anchors(data: Any, lines: dict) -> tuple[Anchor, ...]:
    """The note's well-formed anchors: all of them in a valid note, those usable in an invalid one."""
    items = data.get("anchors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    anchors = []
    for index, item in enumerate(items):
        if not (isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip()):
            continue
        prefix, suffix = item.get("prefix", ""), item.get("suffix", "")
        anchors.append(
            Anchor(
                text=nfc(item["text"].strip()),
                prefix=nfc(prefix) if isinstance(prefix, str) else "",
                suffix=nfc(suffix) if isinstance(suffix, str) else "",
                occurrence=item.get("occurrence") if item.get("occurrence") in ("first", "all") else "first",
                case_sensitive=item.get("case_sensitive") is True,
                line=line_of(lines, ("anchors", index)),
            )
        )
    return tuple(anchors)


def _build(note_id: str, label: str, data: dict[str, Any], lines: dict, body: str) -> Note:
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
    )


def load_note(path: Path, root: Path) -> Note:
    """Read and parse one note file."""
    label = file_label(path, root)
    return parse_note(path.stem, read_text(path, label), label)


def load_notes(notes_dir: Path, root: Path) -> tuple[list[Note], list[Problem], list[Note]]:
    """Every valid note in ``notes_dir`` (sorted by id), the problems of the others, and the others.

    The others (never published) carry only their well-formed anchors, to be checked against the articles.
    """
    notes, problems, unpublished = [], [], []
    for path in sorted(notes_dir.glob("*.md")):
        if path.name == "index.md":
            continue
        try:
            notes.append(load_note(path, root))
        except InputError as err:
            problems.extend(err.problems)
            if isinstance(err, InvalidNote) and err.anchors:
                label = err.problems[0].path
                unpublished.append(Note(path.stem, label, "", "background", "", err.anchors, ()))
    return notes, problems, unpublished
