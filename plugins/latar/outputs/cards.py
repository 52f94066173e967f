"""Social cards: a 1200×630 PNG per article and note page, drawn with Pillow at build time.

Text is set in Source Sans Pro (Adobe, SIL OFL; from the ``font-source-sans-pro`` package), which
covers Indonesian and the names of other languages' people and places (Pillow's bundled default
font lacks even ``é`` and ``—``). No network. A card is cached by the hash of everything drawn on
it, in memory (``mkdocs serve`` rebuilds) and on disk, so only new or changed cards cost time.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
DESIGN = "2"
"""Bump when the drawing changes, so cached cards are redrawn."""
BACKGROUND = (26, 35, 126)  # Material indigo 900: the site's primary colour, darker for contrast
TEXT = (255, 255, 255)
MUTED = (197, 202, 233)  # indigo 100
ACCENT = (255, 213, 79)  # amber 300
FONT_PACKAGE = "font_source_sans_pro"
COMPRESSION = 3
"""zlib level of the PNG: 3 draws a card in about 80 % of level 6's time for 30 % more bytes (level 1: 77 %, 48 %)."""


@dataclass(frozen=True)
class Card:
    """What a card shows."""

    kind: str
    title: str
    detail: str
    site_name: str

    @property
    def alt(self) -> str:
        """The image's text alternative: what it says."""
        return f"{self.kind}: {self.title} — {self.site_name}"

    def key(self) -> str:
        """A hash of everything that changes the picture."""
        data = [DESIGN, _font_version(), self.kind, self.title, self.detail, self.site_name]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


@cache
def _font_version() -> str:
    try:
        return metadata.version(FONT_PACKAGE.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return "?"


@cache
def font(weight: str, size: int) -> FreeTypeFont:
    """Source Sans Pro at ``size`` pixels (``weight``: Regular, Semibold, Bold)."""
    from PIL import ImageFont  # noqa: PLC0415 - Pillow only when a card is drawn (a warm build draws none)

    path = resources.files(FONT_PACKAGE) / "files" / f"SourceSansPro-{weight}.ttf"
    with resources.as_file(path) as file:
        return ImageFont.truetype(str(file), size)


def wrap(text: str, face: FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; the last line ends with "…" if the text does not fit.

    A word wider than a line is cut; every cut is found by halving, so a 60,000-character title costs a few dozen
    measurements, not one per character.
    """
    lines: list[str] = []
    words = text.split()
    index = 0
    while index < len(words) and len(lines) < max_lines:
        line = words[index]
        index += 1
        if face.getlength(line) > width:  # one word wider than the line: it ends the card
            lines.append(_fit(line, face, width))
            return lines
        while index < len(words) and face.getlength(f"{line} {words[index]}") <= width:
            line = f"{line} {words[index]}"
            index += 1
        lines.append(line)
    if index < len(words) and lines:
        lines[-1] = _fit(lines[-1], face, width, whole=True)
    return lines


def _fit(line: str, face: FreeTypeFont, width: int, whole: bool = False) -> str:
    """The longest start of ``line`` that fits ``width`` with " …" after it (at a space when ``whole`` and possible)."""
    low, high = 0, len(line)  # line[:low] + " …" fits; line[:high + 1] + " …" does not
    while low < high:
        middle = (low + high + 1) // 2
        if face.getlength(line[:middle] + " …") <= width:
            low = middle
        else:
            high = middle - 1
    cut = line[:low]
    if whole and low < len(line) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + " …"


def draw(card: Card) -> bytes:
    """Draw the card and return its PNG bytes (palette PNG: small, and fast to encode)."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - Pillow only when a card is drawn

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    kind_face = font("Semibold", 34)
    pen.text((MARGIN, MARGIN), card.kind.upper(), font=kind_face, fill=ACCENT)
    for size, max_lines in ((68, 3), (58, 4), (48, 5)):
        face = font("Bold", size)
        lines = wrap(card.title, face, width, max_lines)
        if not lines or not lines[-1].endswith(" …"):
            break
    y = MARGIN + 70
    line_height = int(size * 1.15)
    for line in lines:
        pen.text((MARGIN, y), line, font=face, fill=TEXT)
        y += line_height
    detail_face = font("Regular", 32)
    footer_y = HEIGHT - MARGIN - 40
    room = max(0, (footer_y - 24 - (y + 20)) // 40)
    for line in wrap(card.detail, detail_face, width, min(room, 3)):
        pen.text((MARGIN, y + 20), line, font=detail_face, fill=MUTED)
        y += 40
    pen.rectangle((MARGIN, footer_y - 16, MARGIN + 96, footer_y - 12), fill=ACCENT)
    pen.text((MARGIN, footer_y), card.site_name, font=font("Bold", 36), fill=TEXT)
    buffer = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(buffer, format="PNG", optimize=False, compress_level=COMPRESSION)
    return buffer.getvalue()
