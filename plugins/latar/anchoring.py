"""Find every note's phrases in article text: one Aho–Corasick pass for all anchors.

Rules: case-insensitive unless the anchor says otherwise; NFC text; a match must
start and end on a word boundary, where Indonesian clitics (``-nya``, ``-lah``,
``-kah``, ``-pun``, attached or hyphenated) may follow; ``prefix``/``suffix`` must
match the text right before/after (as a W3C TextQuoteSelector); where matches
overlap, the longest wins; ``occurrence: first`` keeps the first match per article.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ahocorasick

from .notes import Anchor, Note
from .problems import Problem

CLITICS = ("nya", "lah", "kah", "pun")
MAX_CLOSEST_HINTS = 50  # the closest-text search is costly; past this many orphans the message is shorter


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def at_word_boundary(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is not part of a longer word (clitics allowed after it)."""
    if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        return False
    if end >= len(text) or not (_is_word(text[end]) and _is_word(text[end - 1])):
        return True
    rest = fold(text[end : end + 4])
    return any(rest.startswith(c) and (len(rest) == len(c) or not _is_word(rest[len(c)])) for c in CLITICS)


@dataclass(frozen=True, order=True)
class Target:
    """One anchor of one note."""

    note_id: str
    index: int
    anchor: Anchor = field(compare=False)
    path: str = field(compare=False, default="")


@dataclass(frozen=True)
class Block:
    """A run of text (a paragraph) and the spans of it where notes may attach."""

    text: str
    eligible: tuple[tuple[int, int], ...] | None = None

    def allows(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside one eligible span (``None``: the whole text is eligible)."""
        if self.eligible is None:
            return True
        index = bisect.bisect_right(self.eligible, (start, len(self.text) + 1)) - 1
        return index >= 0 and self.eligible[index][0] <= start and end <= self.eligible[index][1]


@dataclass(frozen=True)
class Hit:
    """A match of a target in block ``block`` at ``[start, end)``."""

    block: int
    start: int
    end: int
    target: Target

    @property
    def length(self) -> int:
        """Characters covered."""
        return self.end - self.start


@dataclass
class Diagnostics:
    """Why a target did not attach somewhere: for orphan messages."""

    ineligible: dict[Target, str] = field(default_factory=dict)
    context: dict[Target, str] = field(default_factory=dict)
    blocked: dict[Target, Target] = field(default_factory=dict)


class Anchorer:
    """All anchors of all notes, compiled once into one automaton."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.targets: list[Target] = []
        self.problems: list[Problem] = []
        self._automaton = ahocorasick.Automaton()
        claimed: dict[tuple[str, str, str], Target] = {}
        keys: dict[str, list[Target]] = defaultdict(list)
        for note in sorted(notes, key=lambda n: n.id):
            for index, anchor in enumerate(note.anchors):
                target = Target(note.id, index, anchor, note.path)
                selector = (fold(anchor.text), fold(anchor.prefix), fold(anchor.suffix))
                owner = claimed.get(selector)
                if owner and owner.note_id != note.id:
                    self.problems.append(
                        Problem(
                            note.path,
                            anchor.line,
                            f"the phrase '{anchor.text}' is already claimed by {owner.path}; "
                            "add a prefix or suffix that tells them apart, or merge the two notes",
                        )
                    )
                    continue
                claimed[selector] = target
                self.targets.append(target)
                keys[fold(anchor.text)].append(target)
        for key, targets in keys.items():
            self._automaton.add_word(key, (len(key), tuple(targets)))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()

    def hits(self, block_index: int, block: Block, diagnostics: Diagnostics | None = None) -> list[Hit]:
        """Every candidate match in one block (overlapping candidates included)."""
        if self._empty or not block.text:
            return []
        text = block.text
        folded = fold(text)
        found: list[Hit] = []
        for last, (length, targets) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if not at_word_boundary(text, start, end):
                continue
            for target in targets:
                if not _context_matches(text, folded, start, end, target.anchor):
                    if diagnostics is not None:
                        diagnostics.context.setdefault(target, _snippet(text, start, end))
                    continue
                if not block.allows(start, end):
                    if diagnostics is not None:
                        diagnostics.ineligible.setdefault(target, _snippet(text, start, end))
                    continue
                found.append(Hit(block_index, start, end, target))
        return found


def _context_matches(text: str, folded: str, start: int, end: int, anchor: Anchor) -> bool:
    source = text if anchor.case_sensitive else folded
    if anchor.case_sensitive and text[start:end] != anchor.text:
        return False
    prefix = anchor.prefix if anchor.case_sensitive else fold(anchor.prefix)
    suffix = anchor.suffix if anchor.case_sensitive else fold(anchor.suffix)
    if prefix and source[max(0, start - len(prefix)) : start] != prefix:
        return False
    return not suffix or source[end : end + len(suffix)] == suffix


def _snippet(text: str, start: int, end: int, width: int = 30) -> str:
    return ("…" if start > width else "") + text[max(0, start - width) : end + width].strip() + ("…" if end + width < len(text) else "")


def select(hits: Sequence[Hit], diagnostics: Diagnostics | None = None) -> list[Hit]:
    """Resolve overlaps (longest wins, then earliest, then note id) and ``occurrence: first``.

    Deterministic: the result depends only on the set of hits, not their order.
    """
    taken: dict[int, list[tuple[int, int, Target]]] = defaultdict(list)
    placed: set[Target] = set()
    accepted: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.block, h.start, h.target)):
        if hit.target.anchor.occurrence == "first" and hit.target in placed:
            continue
        spans = taken[hit.block]
        index = bisect.bisect_left(spans, (hit.start, hit.end))
        neighbours = spans[max(0, index - 1) : index + 1]
        blocker = next((t for s, e, t in neighbours if s < hit.end and hit.start < e), None)
        if blocker is not None:
            if diagnostics is not None:
                diagnostics.blocked.setdefault(hit.target, blocker)
            continue
        spans.insert(index, (hit.start, hit.end, hit.target))
        placed.add(hit.target)
        accepted.append(hit)
    return sorted(accepted, key=lambda h: (h.block, h.start))


def orphan_problems(anchorer: Anchorer, placed: set[Target], texts: Sequence[str], diagnostics: Diagnostics) -> list[Problem]:
    """One warning per anchor that attached nowhere, with the closest text found."""
    problems = []
    by_key = {(t.note_id, t.index): t for t in anchorer.targets}
    hinted = 0
    for target in anchorer.targets:
        if target in placed:
            continue
        phrase = target.anchor.text
        if target in diagnostics.blocked:
            other = diagnostics.blocked[target]
            why = (
                f"it is only found inside the longer anchor '{other.anchor.text}' of {by_key[(other.note_id, other.index)].path} "
                "(the longest match wins); anchor a different phrase or merge the notes"
            )
        elif target in diagnostics.ineligible:
            why = (
                f"it is only found outside the running text, in a link, heading, code or the source box ({diagnostics.ineligible[target]!r}); "
                "notes attach to the article's running text: anchor a phrase there"
            )
        elif target in diagnostics.context:
            why = (
                f"the phrase is in the article but its prefix/suffix do not match: {diagnostics.context[target]!r}; "
                "copy prefix and suffix exactly from the article"
            )
        elif hinted < MAX_CLOSEST_HINTS:
            hinted += 1
            close = closest(phrase, texts)
            why = (
                f"closest text in the article: '{close}'; copy the phrase exactly"
                if close
                else "nothing similar is in the article; check the phrase"
            )
        else:
            why = "check the phrase against the article text"
        problems.append(Problem(target.path, target.anchor.line, f"anchor '{phrase}' matches nothing in any article: {why}"))
    return problems


def closest(phrase: str, texts: Sequence[str]) -> str | None:
    """The run of words in ``texts`` most like ``phrase``."""
    size = max(1, len(phrase.split()))
    candidates: set[str] = set()
    for text in texts:
        words = text.split()
        for width in {size - 1, size, size + 1} - {0}:
            candidates.update(" ".join(words[i : i + width]).strip('.,;:!?"“”()') for i in range(len(words) - width + 1))
    by_fold = {fold(c): c for c in candidates}
    import difflib  # noqa: PLC0415 - only when there is an orphan to explain

    match = difflib.get_close_matches(fold(phrase), list(by_fold), n=1, cutoff=0.5)
    return by_fold[match[0]] if match else None
