"""Find every note's phrases in article text: one Aho–Corasick pass for all anchors.

Rules: case-insensitive unless the anchor says otherwise; NFC text; a match must
start and end on a word boundary, where Indonesian clitics (``-nya``, ``-lah``,
``-kah``, ``-pun``, attached or hyphenated) may follow; ``prefix``/``suffix`` must
match the text right before/after (as a W3C TextQuoteSelector); where matches
overlap, the longest wins; ``occurrence: first`` keeps the first match per article;
an anchor with ``articles`` applies only in those articles.

When two notes collide (the same phrase, or one anchor hiding another), the message goes on
the note that is new or changed (``changed``: file labels, from :mod:`latar.gitinfo`), naming
the other; when that cannot be told, on both.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import ahocorasick

from latar.core.articles import Unreadable
from latar.core.crossing import across
from latar.core.crossing import message as crossing_message
from latar.core.notes import Anchor, Note
from latar.core.phrase_claims import Claims
from latar.core.problems import Problem
from latar.core.schema import did_you_mean

CLITICS = ("nya", "lah", "kah", "pun")
MAX_LISTED = 8  # article names listed when an anchor names one that does not exist
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
    case: dict[Target, str] = field(default_factory=dict)
    """Found only with other capitals (``case_sensitive: true``)."""
    near: dict[Target, tuple[str, str]] = field(default_factory=dict)
    """Prefix or suffix off by the space next to the phrase: (snippet, fix)."""
    elsewhere: dict[Target, str] = field(default_factory=dict)
    """Found in full only in an article the anchor's ``articles`` leaves out."""


def _shared(first: Anchor, second: Anchor) -> bool:
    """True if two anchors can apply in the same article (no ``articles`` means every article)."""
    return not first.articles or not second.articles or bool(set(first.articles) & set(second.articles))


def blame(first: Target, second: Target, changed: Collection[str] | None) -> list[Target]:
    """Which of two colliding anchors gets the message: the one whose note is new or changed, else both."""
    if changed is not None:
        culprits = [target for target in (first, second) if target.path in changed]
        if len(culprits) == 1:
            return culprits
    return [first, second]


class Anchorer:
    """All anchors of all notes, compiled once into one automaton."""

    def __init__(self, notes: Iterable[Note], changed: Collection[str] | None = None) -> None:
        """``changed``: labels of the notes that are new or changed (None: unknown); unchanged notes keep their phrases."""
        self.targets: list[Target] = []
        self.problems: list[Problem] = []
        self.changed = changed
        self._automaton = ahocorasick.Automaton()
        claims = Claims()
        keys: dict[str, list[Target]] = defaultdict(list)
        for note in sorted(notes, key=lambda n: (changed is not None and n.path in changed, n.id)):
            for index, anchor in enumerate(note.anchors):
                if anchor.headline:  # on the title, not the text: latar.core.headline
                    continue
                target = Target(note.id, index, anchor, note.path)
                selector = (fold(anchor.text), fold(anchor.prefix), fold(anchor.suffix))
                owner = claims.owner(selector, anchor, note.id)
                if owner is not None:
                    for culprit in blame(owner, target, changed):
                        other = owner if culprit is target else target
                        verb = "already" if culprit is target else "also"
                        self.problems.append(
                            Problem(
                                culprit.path,
                                culprit.anchor.line,
                                f"the phrase '{anchor.text}' is {verb} claimed by {other.path}; "
                                "add a prefix or suffix that tells them apart, or merge the two notes",
                            )
                        )
                    continue
                claims.add(selector, target)
                self.targets.append(target)
                keys[fold(anchor.text)].append(target)
        for key, targets in keys.items():
            self._automaton.add_word(key, (len(key), tuple(targets)))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()

    def hits(self, block_index: int, block: Block, diagnostics: Diagnostics | None = None, article: str | None = None) -> list[Hit]:
        """Every candidate match in one block of ``article`` (overlapping candidates included).

        ``article`` None: a text outside any article, where every anchor applies.
        """
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
                anchor = target.anchor
                if anchor.case_sensitive and text[start:end] != anchor.text:
                    if diagnostics is not None:
                        diagnostics.case.setdefault(target, text[start:end])
                    continue
                if not _context_matches(text, folded, start, end, anchor):
                    if diagnostics is not None:
                        diagnostics.context.setdefault(target, _snippet(text, start, end))
                        fix = _near_miss(text, folded, start, end, anchor)
                        if fix:
                            diagnostics.near.setdefault(target, (_snippet(text, start, end), fix))
                    continue
                if article is not None and anchor.articles and article not in anchor.articles:
                    if diagnostics is not None:
                        diagnostics.elsewhere.setdefault(target, article)
                    continue
                if not block.allows(start, end):
                    if diagnostics is not None:
                        diagnostics.ineligible.setdefault(target, _snippet(text, start, end))
                    continue
                found.append(Hit(block_index, start, end, target))
        return found


def _context_matches(text: str, folded: str, start: int, end: int, anchor: Anchor) -> bool:
    source = text if anchor.case_sensitive else folded
    prefix = anchor.prefix if anchor.case_sensitive else fold(anchor.prefix)
    suffix = anchor.suffix if anchor.case_sensitive else fold(anchor.suffix)
    if prefix and source[max(0, start - len(prefix)) : start] != prefix:
        return False
    return not suffix or source[end : end + len(suffix)] == suffix


def _near_miss(text: str, folded: str, start: int, end: int, anchor: Anchor) -> str | None:
    """The fix when a prefix or suffix misses only the space between it and the phrase (``prefix: meliputi``)."""
    prefix = anchor.prefix + " " if anchor.prefix and not anchor.prefix[-1].isspace() else anchor.prefix
    suffix = " " + anchor.suffix if anchor.suffix and not anchor.suffix[0].isspace() else anchor.suffix
    for candidate in ((prefix, anchor.suffix), (anchor.prefix, suffix), (prefix, suffix)):
        if candidate != (anchor.prefix, anchor.suffix) and _context_matches(
            text, folded, start, end, replace(anchor, prefix=candidate[0], suffix=candidate[1])
        ):
            fixes = [
                f"{name}: '{new}'"
                for name, new, old in zip(("prefix", "suffix"), candidate, (anchor.prefix, anchor.suffix), strict=True)
                if new != old
            ]
            return " and ".join(fixes)
    return None


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


def orphan_problems(
    anchorer: Anchorer,
    placed: set[Target],
    texts: Sequence[str],
    diagnostics: Diagnostics,
    articles: Mapping[str, Sequence[str]] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> list[Problem]:
    """One warning per anchor that attached nowhere, saying why, with the closest text found.

    ``articles``: each article's paragraphs by name, for anchors limited to some articles; an anchor
    naming only articles that do not exist is left to :func:`missing_articles`. ``unreadable``: the
    articles that could not be loaded; an anchor found only there, or that could be there, says so.
    """
    problems = []
    hinted = 0
    for target in anchorer.targets:
        if target in placed:
            continue
        anchor = target.anchor
        if articles is not None and anchor.articles and not any(name in articles for name in anchor.articles):
            continue
        if target in diagnostics.blocked:
            problems += _hidden(target, diagnostics.blocked[target], anchorer.changed)
            continue
        if target in diagnostics.elsewhere:
            why = (
                f"it is found only in the article '{diagnostics.elsewhere[target]}', which its 'articles' leaves out; "
                "add that article to 'articles' or anchor a phrase of the articles it names"
            )
        elif target in diagnostics.ineligible:
            why = (
                f'it is only found outside the running text, in a link, heading, code, the source box or a publisher\'s line such as "Baca juga" ({diagnostics.ineligible[target]!r}); '
                "notes attach to the article's running text: anchor a phrase there"
            )
        elif target in diagnostics.case:
            why = (
                f"the article writes it with other capitals ('{diagnostics.case[target]}') and the anchor has 'case_sensitive: true'; "
                "copy the capitals exactly or remove 'case_sensitive'"
            )
        elif target in diagnostics.near:
            snippet, fix = diagnostics.near[target]
            why = f"its prefix/suffix miss the space next to the phrase at {snippet!r}; write {fix}"
        elif target in diagnostics.context:
            why = (
                f"the phrase is in the article but its prefix/suffix do not match: {diagnostics.context[target]!r}; "
                "copy prefix and suffix exactly from the article"
            )
        elif unreadable and (where := _in_unreadable(anchor, unreadable)):
            problems.append(Problem(target.path, anchor.line, f"anchor '{anchor.text}' is placed nowhere: {where}"))
            continue
        elif hinted < MAX_CLOSEST_HINTS and articles is not None and (crossed := across(anchor, articles)):
            hinted += 1
            problems.append(Problem(target.path, anchor.line, crossing_message(anchor, *crossed)))
            continue
        elif hinted < MAX_CLOSEST_HINTS:
            hinted += 1
            scope = texts
            if articles is not None and anchor.articles:
                scope = [text for name in anchor.articles for text in articles.get(name, ())]
            close = closest(anchor.text, scope)
            why = (
                f"closest text in the article: '{close}'; copy the phrase exactly"
                if close
                else "nothing similar is in the article; check the phrase"
            )
        else:
            why = "check the phrase against the article text"
        problems.append(Problem(target.path, anchor.line, f"anchor '{anchor.text}' matches nothing in any article: {why}"))
    return problems


def _in_unreadable(anchor: Anchor, unreadable: Sequence[Unreadable]) -> str | None:
    """Why an anchor is placed nowhere when an article it may be meant for could not be loaded; None if it is not."""
    scope = [item for item in unreadable if not anchor.articles or item.name in anchor.articles]
    phrase = fold(anchor.text)
    found = [item for item in scope if item.lines is not None and any(phrase in fold(line) for line in item.lines)]
    if found:
        item = found[0]
        return f"it is found only in the article '{item.name}', which {item.why} ({item.label}); fix that file first"
    unknown = [item for item in scope if item.lines is None]
    if unknown:
        item = unknown[0]
        return f"the article '{item.name}' {item.why} ({item.label}), so it cannot be told whether it is there; fix that file first"
    return None


def _hidden(target: Target, longer: Target, changed: Collection[str] | None) -> list[Problem]:
    """An anchor found only inside a longer one: said on the note that is new or changed, else on both."""
    problems = []
    for culprit in blame(longer, target, changed):
        if culprit is target:
            message = (
                f"anchor '{target.anchor.text}' matches nothing in any article: it is only found inside the longer anchor "
                f"'{longer.anchor.text}' of {longer.path} (the longest match wins); anchor a different phrase or merge the notes"
            )
        else:
            message = (
                f"the anchor '{longer.anchor.text}' covers the anchor '{target.anchor.text}' of {target.path} wherever it occurs, "
                "so that note is placed nowhere (the longest match wins); anchor a different phrase or merge the notes"
            )
        problems.append(Problem(culprit.path, culprit.anchor.line, message))
    return problems


def missing_articles(notes: Iterable[Note], names: Collection[str]) -> list[Problem]:
    """Anchors whose ``articles`` name an article that does not exist (renamed or removed)."""
    listed = sorted(names)
    known = ", ".join(listed[:MAX_LISTED]) + (f", … ({len(listed)} in all)" if len(listed) > MAX_LISTED else "") if listed else "none"
    problems = []
    for note in notes:
        for anchor in note.anchors:
            for name in anchor.articles:
                if name not in names:
                    problems.append(
                        Problem(
                            note.path,
                            anchor.articles_line or anchor.line,
                            f"article '{name}' does not exist; it was renamed or removed{did_you_mean(name, listed)} "
                            f"(articles: {known}); correct the name in 'articles' or remove it",
                        )
                    )
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
