"""Room between an article's paragraphs for their margin notes on wide screens, decided when the page is built.

From 75em (latar.css "Margin notes on wide screens") each marker's note stands whole in a column beside the text,
within a few lines of the marker's line (assets/reading/margin.js). Where a stretch of text has more notes than its
lines have height beside them, the paragraph there is given room above it (``--latar-room``, in lines of its text),
so that the notes before it end before its own begin. It is in the page before any script runs: nothing moves once
drawn. The notes' heights and the markers' lines are estimated from characters (the text's measure and the columns'
width in em, Material's root font scaling both), on the safe side of what reading/margin.js allows; the script then
places the notes in the real layout.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from latar.core.articles import PUBLISHER, Article
from latar.core.notes import Note
from latar.core.pipeline import Placement
from latar.core.sanitize import plain_text, render_inline
from latar.strings import kind_label, verdict_label


@dataclass(frozen=True)
class Band:
    """One range of wide widths (latar.css) and its margin column's narrowest width, in rem."""

    prop: str
    """The CSS custom property that carries the room in this band."""
    column: float


BANDS = (
    Band("--latar-room", 14.2),  # 75em–100em (Material's root font 20 px): 1200 px, (60 − 27.2 − 2 × (1.4 + .8)) / 2
    Band("--latar-room-wide", 20.5),  # from 100em (root font 22 px, then 24 px): 1600 px, the 21rem column nearly
)
MEASURE_EM = 34.0  # the text's measure (latar.css --latar-measure 27.2rem) in its own em (.8rem)
LINE = 1.28  # rem: a line of text (.8rem × 1.6)
PARAGRAPH_GAP = 0.8  # rem: 1em of text between paragraphs
PUBLISHER_SCALE = 0.8  # a publisher's line: .8em text, a measure of 38em
NOTE_FONT = 0.6  # rem
NOTE_LINE = 0.81  # rem: .6rem × 1.35
NOTE_FRAME = 0.65  # rem of the column that is the note's padding and rule, not its text
NOTE_PADDING = 0.2  # rem above and below a note's text
GAP = 0.2  # rem between two notes (reading/margin.js GAP, 4 px)
TEXT_CHARS_PER_EM = 2.0  # Indonesian text in Material's sans-serif: about 68 characters in 34em
NOTE_CHARS_PER_EM = 2.1  # a note's text, wrapped in a narrow column (measured 2.2–2.5; fewer is safer)
REACH = 2.0  # lines a note may stand below its line here (reading/margin.js REACH: 2.9)
RISE = 1.2  # lines a note may stand above its line here (reading/margin.js RISE: 1.9)


@dataclass
class _Note:
    line: int
    height: float


def rooms(article: Article, placements: Sequence[Placement], notes: Mapping[str, Note], headline: str | None) -> dict[int, str]:
    """Each block (index in ``article.blocks``) that needs room above it: its ``style`` attribute's value."""
    by_block: dict[int, list[Placement]] = {}
    for placement in placements:
        by_block.setdefault(placement.block, []).append(placement)
    per_band = [_band(article, by_block, notes, headline, band) for band in BANDS]
    styles: dict[int, str] = {}
    for index in range(len(article.blocks)):
        values = [(band.prop, room[index]) for band, room in zip(BANDS, per_band, strict=True) if room.get(index)]
        if values:
            styles[index] = ";".join(f"{prop}:{value:g}" for prop, value in values)
    return styles


def note_characters(note: Note) -> int:
    """The characters of a note as its margin note shows it: number, kind (and verdict), a finding's title, summary."""
    kind = kind_label(note.kind) + (f" · {verdict_label(note.verdict)}" if note.verdict else "")
    title = f"{plain_text(render_inline(note.title))} — " if note.kind == "clarification" else ""
    return len(f"00 {kind}: {title}{plain_text(render_inline(note.summary))}")


def _band(
    article: Article, by_block: Mapping[int, Sequence[Placement]], notes: Mapping[str, Note], headline: str | None, band: Band
) -> dict[int, float]:
    """The room (lines of text) above each block in one band, by placing estimated notes as reading/margin.js does."""
    text_chars = TEXT_CHARS_PER_EM * MEASURE_EM
    note_chars = NOTE_CHARS_PER_EM * (band.column - NOTE_FRAME) / NOTE_FONT
    one_line = NOTE_LINE + NOTE_PADDING
    floors = [-math.inf, -math.inf]
    seen = {headline} if headline else set()
    top = 0.0
    room: dict[int, float] = {}
    for index, block in enumerate(article.blocks):
        if block.kind == PUBLISHER:
            lines = math.ceil(len(block.text) / (text_chars * 38 / MEASURE_EM))
            top += lines * LINE * PUBLISHER_SCALE + 2 * PARAGRAPH_GAP
            continue
        placed = []
        for placement in by_block.get(index, ()):
            repeat = placement.note_id in seen
            seen.add(placement.note_id)
            chars = note_characters(notes[placement.note_id])
            height = one_line if repeat else math.ceil(chars / note_chars) * NOTE_LINE + NOTE_PADDING
            placed.append(_Note(int(placement.end / text_chars), height))
        shift, floors = _shift(placed, floors, top)
        if shift > 0:
            lines = math.ceil(shift / LINE * 10) / 10
            room[index] = lines
            top += lines * LINE
        top += math.ceil(len(block.text) / text_chars) * LINE + PARAGRAPH_GAP
    return room


def _shift(placed: Sequence[_Note], floors: list[float], top: float) -> tuple[float, list[float]]:
    """How far down a paragraph at ``top`` must move so that the notes before it push none of its own further from its
    line than they stand anyway (with nothing before them: a crowded paragraph's own notes may reach further, within
    what reading/margin.js allows); the columns' floors after it."""
    alone = [max(0.0, over) for over in _place(placed, [-math.inf] * len(floors), top)[1]]
    shift = 0.0
    for _ in range(12):
        excess = max((over - allowed for over, allowed in zip(_place(placed, floors, top + shift)[1], alone, strict=True)), default=0.0)
        if excess <= 0.01:
            break
        shift += excess
    return shift, _place(placed, floors, top + shift)[0]


def _place(placed: Sequence[_Note], floors: list[float], top: float) -> tuple[list[float], list[float]]:
    """Each note in the column where it can stand highest: the columns' floors after, and how far past reach each is."""
    at = list(floors)
    overs = []
    for note in placed:
        ideal = top + note.line * LINE
        column = min(range(len(at)), key=lambda c: max(ideal - RISE * LINE, at[c]))
        start = max(ideal - RISE * LINE, at[column])
        at[column] = start + note.height + GAP
        overs.append(start - (ideal + REACH * LINE))
    return at, overs
