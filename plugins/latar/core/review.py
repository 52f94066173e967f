"""Reviewed placements: anchoring proposes, an editor decides.

Every place a note lands in an article is recorded in ``seeds/<name>.placements.yml`` with a decision (accepted or
rejected). :func:`review` compares the pipeline's placements with that record: a placement the record does not hold
(new, said on the article's line), one that moved, and a recorded one that is gone (vanished; both said on the
record's line) are one problem each, for ``latar check``, the
strict build and CI alike; a rejected placement is kept out of the article. :func:`record_text` writes the record
(``latar placements accept`` / ``reject``). No HTML, no MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from latar.core.command import latar_command
from latar.core.contributed import RECORD_SUFFIX, regular_files, unreadable
from latar.core.files import MAX_FILE_BYTES, file_label, read_text
from latar.core.problems import InputError, Problem
from latar.core.schema import validate
from latar.core.yamlload import load_yaml

if TYPE_CHECKING:  # the pipeline imports this module
    from latar.core.articles import Article
    from latar.core.headline import HeadlineMark
    from latar.core.pipeline import Placement

ACCEPTED, REJECTED = "accepted", "rejected"
HEADLINE = 0
"""The ``paragraph`` of the headline's placement (:mod:`latar.core.headline`): it is read before paragraph 1."""
WORDS = 4
"""Words of the paragraph kept on each side of a phrase: enough to tell one spot from another, short enough to read."""
_WORD = re.compile(r"\S*\w\S*")
"""A word with the punctuation stuck to it (a lone dash or comma is no word)."""


@dataclass(frozen=True)
class Entry:
    """One placement as the record holds it (or as the pipeline computed it, with no decision yet)."""

    note: str
    phrase: str
    paragraph: int
    """1-based, among the article's paragraphs (publisher lines not counted); 0: the headline (:data:`HEADLINE`)."""
    occurrence: int
    """The note's 1st, 2nd… place in the article, in reading order."""
    before: str
    after: str
    decision: str = ACCEPTED
    line: int | None = None

    @property
    def spot(self) -> tuple[str, int, str, str, str]:
        """Where it is, whatever the decision: note, paragraph, phrase and the words around it."""
        return self.note, self.paragraph, self.phrase.casefold(), " ".join(self.before.split()), " ".join(self.after.split())

    def __str__(self) -> str:
        return f"{'the headline' if self.paragraph == HEADLINE else f'paragraph {self.paragraph}'}: '{self.in_context}'"

    @property
    def in_context(self) -> str:
        """The phrase in brackets with the words around it (``…`` where the paragraph goes on)."""
        head, tail = ellipses(self)
        return f"{head}{self.before}[{self.phrase}]{self.after}{tail}"


@dataclass(frozen=True)
class Record:
    """An article's reviewed placements, as read from its file."""

    label: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Review:
    """What the record says about an article's computed placements."""

    kept: tuple[Placement, ...]
    """The placements shown: rejected ones left out, renumbered; unreviewed ones carry ``reviewed=False``."""
    rejected: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    headline: HeadlineMark | None = None
    """The headline's marker, unless the record rejects it."""


def ellipses(entry: Entry) -> tuple[str, str]:
    """``…`` on the side where the paragraph goes on past the words kept (as far as the entry tells)."""
    return ("…" if len(_WORD.findall(entry.before)) >= WORDS else ""), ("…" if len(_WORD.findall(entry.after)) >= WORDS else "")


def record_label(article: Article) -> str:
    """The record's file as messages name it: ``seeds/<name>.placements.yml``."""
    return article.text_label.removesuffix(".txt") + RECORD_SUFFIX


def around(text: str, start: int, end: int, words: int = WORDS) -> tuple[str, str]:
    """Up to ``words`` words of ``text`` right before ``start`` and right after ``end``, spacing kept."""
    head_marks = [m.start() for m in _WORD.finditer(text, max(0, start - 400), start)]
    before = text[head_marks[-words] if len(head_marks) >= words else max(0, start - 400) : start].lstrip()
    tail_marks = [m.end() for m in _WORD.finditer(text, end, end + 400)]
    after = text[end : tail_marks[words - 1] if len(tail_marks) >= words else min(len(text), end + 400)].rstrip()
    return before, after


def entry_of(article: Article, placement: Placement, decision: str = ACCEPTED) -> Entry:
    """The record's entry for a computed placement."""
    before, after = around(article.blocks[placement.block].text, placement.start, placement.end)
    return Entry(placement.note_id, placement.phrase, placement.paragraph + 1, placement.occurrence, before, after, decision)


def headline_entry(article: Article, mark: HeadlineMark) -> Entry:
    """The record's entry for the marker on the headline: paragraph 0 (:data:`HEADLINE`), its only occurrence there."""
    before, after = around(article.meta.title, mark.start, mark.end)
    return Entry(mark.note_id, mark.phrase, HEADLINE, 1, before, after)


def entries_of(article: Article, placements: Iterable[Placement], mark: HeadlineMark | None) -> list[Entry]:
    """The record's entries for an article's computed placements, in reading order: the headline's first."""
    return ([headline_entry(article, mark)] if mark else []) + [entry_of(article, placement) for placement in placements]


def load_records(seeds_dir: Path, root: Path, names: Iterable[str]) -> tuple[dict[str, Record | None], list[Problem]]:
    """Every ``<name>.placements.yml`` of the seeds folder (None: there but unusable, see the problems), and the problems."""
    known = set(names)
    records: dict[str, Record | None] = {}
    problems: list[Problem] = []
    for path in regular_files(seeds_dir, root, RECORD_SUFFIX):
        label = file_label(path, root)
        name = path.name.removesuffix(RECORD_SUFFIX)
        if name not in known:
            problems.append(
                Problem(label, None, f"a record of placements without an article ({name}.txt); remove it, or rename it with its article")
            )
            continue
        try:
            records[name] = parse_record(read_text(path, label), label, name, latar_command(root))
        except InputError as err:
            records[name] = None
            problems += err.problems
        except Exception as err:  # one hostile file never stops the others
            records[name] = None
            problems.append(unreadable(label, err))
    return records, problems


def parse_record(text: str, label: str, name: str, command: str = "latar") -> Record:
    """A record's entries, or an InputError with one problem per mistake (line and fix); ``command``: how to run latar."""
    data, lines = load_yaml(text, label, max_bytes=MAX_FILE_BYTES)  # written by latar: a long article's record is long
    if data is None:
        raise InputError([Problem(label, 1, f"the file is empty; write it with '{command} placements accept {name}'")])
    problems = validate("placements", data, label, lines)
    if not problems and data.get("article", name) != name:
        line = lines.get(("article",))
        problems.append(Problem(label, line, f"'article' is '{data['article']}' but the file is the record of '{name}'; write '{name}'"))
    if problems:
        raise InputError(problems)
    entries = tuple(
        Entry(
            e["note"],
            e["phrase"],
            e["paragraph"],
            e["occurrence"],
            e.get("before", ""),
            e.get("after", ""),
            e["decision"],
            lines.get(("placements", i)),
        )
        for i, e in enumerate(data["placements"])
    )
    return Record(label, entries)


def match(computed: Sequence[Entry], recorded: Sequence[Entry]) -> tuple[dict[int, Entry], list[tuple[int, Entry]], list[int], list[Entry]]:
    """Pair computed placements with the record: exact spots, then moved ones (same note, in order), new, vanished.

    Linear in the number of placements (a record may hold thousands): entries are looked up by spot, then by note.
    """
    by_spot: dict[tuple[str, int, str, str, str], list[int]] = {}
    for position, entry in enumerate(recorded):
        by_spot.setdefault(entry.spot, []).append(position)
    used: set[int] = set()
    exact: dict[int, Entry] = {}
    for index, entry in enumerate(computed):
        positions = by_spot.get(entry.spot)
        if positions:
            position = positions.pop(0)
            exact[index] = recorded[position]
            used.add(position)
    by_note: dict[str, list[int]] = {}
    for position, entry in enumerate(recorded):
        if position not in used:
            by_note.setdefault(entry.note, []).append(position)
    moved, new = [], []
    for index, entry in enumerate(computed):
        if index in exact:
            continue
        positions = by_note.get(entry.note)
        if positions:
            position = positions.pop(0)
            moved.append((index, recorded[position]))
            used.add(position)
        else:
            new.append(index)
    return exact, moved, new, [entry for position, entry in enumerate(recorded) if position not in used]


def review(
    article: Article,
    candidates: Sequence[Placement],
    record: Record | None,
    required: bool,
    known: bool = True,
    command: str = "latar",
    held: Collection[str] = (),
    headline: HeadlineMark | None = None,
) -> Review:
    """Compare an article's computed placements with its record (``required``: an article without one is unreviewed).

    ``known``: False when the record exists but could not be read (its own problems say why; nothing more is said);
    ``command``: how to run latar from the project's folder (the same in every message, wherever it is run from);
    ``held``: notes that exist but cannot be placed now (their own problems say why): their recorded placements wait;
    ``headline``: the note's marker on the headline, reviewed like the others (entry 0 of the computed ones, if any).
    """
    if not known or (record is None and not required):
        return Review(tuple(candidates), (), (), headline)
    label = record.label if record is not None else record_label(article)
    computed = entries_of(article, candidates, headline)
    skip = 1 if headline else 0
    exact, moved, new, vanished = match(computed, record.entries if record is not None else ())
    accept = f"'{command} placements accept {article.name}'"
    problems = []
    for index in new:  # said on the article's line, where it lands: the record has no line for it yet
        entry = computed[index]
        on_text = entry.paragraph != HEADLINE and article.paragraph_lines
        problems.append(
            Problem(
                article.text_label if entry.paragraph != HEADLINE else article.text_label.removesuffix(".txt") + ".yml",
                article.paragraph_lines[entry.paragraph - 1] if on_text else None,
                f"note '{entry.note}' newly lands in {entry}, not yet reviewed in {label}; read it in the article, then "
                f"accept it ({accept}) or keep the note out of this spot ({_reject(command, article.name, entry, computed)})",
            )
        )
    for index, old in moved:
        entry = computed[index]
        problems.append(
            Problem(
                label,
                old.line,
                f"note '{entry.note}' moved: the record has it in {old} ({old.decision}), it now lands in {entry}; "
                f"decide again: accept it ({accept}) or keep the note out ({_reject(command, article.name, entry, computed)})",
            )
        )
    for old in (old for old in vanished if old.note not in held):
        problems.append(
            Problem(
                label,
                old.line,
                f"note '{old.note}' no longer lands in {old} ({old.decision}): the note, its anchor or the article changed; "
                f"update the record ({accept})",
            )
        )
    rejected = {index for index, entry in exact.items() if entry.decision == REJECTED}
    unreviewed = {index for index, _ in moved} | set(new)
    kept = [replace(p, reviewed=i + skip not in unreviewed) for i, p in enumerate(candidates) if i + skip not in rejected]
    mark = headline if headline and 0 not in rejected else None
    return Review(renumber(kept), tuple(exact[index] for index in sorted(rejected)), tuple(problems), mark)


def _reject(command: str, name: str, entry: Entry, computed: Sequence[Entry]) -> str:
    same = sum(other.note == entry.note and other.paragraph == entry.paragraph for other in computed)
    where = f"--paragraph {entry.paragraph}" if same == 1 else f"--occurrence {entry.occurrence}"
    return f"'{command} placements reject {name} {entry.note} {where}'"


def renumber(placements: Iterable[Placement]) -> tuple[Placement, ...]:
    """Notes numbered by first appearance and occurrences counted again (after rejected placements are left out)."""
    numbers: dict[str, int] = {}
    seen: Counter[str] = Counter()
    out = []
    for placement in placements:
        seen[placement.note_id] += 1
        number = numbers.setdefault(placement.note_id, len(numbers) + 1)
        out.append(replace(placement, number=number, occurrence=seen[placement.note_id]))
    return tuple(out)


def decide(
    computed: Sequence[Entry], record: Record | None, reject: Collection[int] = (), accept_all: bool = False, held: Collection[str] = ()
) -> tuple[list[Entry], list[Entry]]:
    """The record to write, and the entries newly accepted.

    Exact matches keep their decision; with ``accept_all`` every other computed placement is accepted and vanished
    entries are dropped (but those of ``held`` notes, which cannot be placed now, are kept); ``reject``: the indexes of
    the computed placements to reject.
    """
    exact, moved, _, vanished = match(computed, record.entries if record is not None else ())
    entries, accepted = [], []
    for index, entry in enumerate(computed):
        if index in reject:
            entries.append(replace(entry, decision=REJECTED))
        elif index in exact:
            entries.append(replace(entry, decision=exact[index].decision))
        elif accept_all:
            entries.append(replace(entry, decision=ACCEPTED))
            accepted.append(entry)
    if not accept_all:  # what was not decided now stays as it was (and a problem until it is decided)
        entries += [old for index, old in moved if index not in reject]
        entries += vanished
    else:
        entries += [old for old in vanished if old.note in held]
    return entries, accepted


def _quote(text: str) -> str:
    """A YAML double-quoted scalar that shows every character (controls, NBSP, bidi marks as ``\\uXXXX``)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def record_text(name: str, entries: Iterable[Entry]) -> str:
    """The record file: a comment saying what it is, the article's name, one entry per placement in reading order."""
    entries = list(entries)
    lines = [
        f"# Reviewed placements of {name}.txt: where each note lands and an editor's decision (accepted: shown there;",
        "# rejected: the note is kept out of that spot). Written by 'latar placements accept' and 'latar placements reject';",
        "# latar check fails while a placement is new, has moved or has vanished. See CONTRIBUTING.md, 'Reviewing placements'.",
        f"article: {name}",
        "placements:" + ("" if entries else " []"),
    ]
    for entry in entries:
        lines += [
            f"  - note: {entry.note}",
            f"    phrase: {_quote(entry.phrase)}",
            f"    paragraph: {entry.paragraph}",
            f"    occurrence: {entry.occurrence}",
            f"    before: {_quote(entry.before)}",
            f"    after: {_quote(entry.after)}",
            f"    decision: {entry.decision}",
        ]
    return "\n".join(lines) + "\n"
