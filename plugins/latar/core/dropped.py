"""What the sanitiser would drop from contributed Markdown, and on which line: said, never silent.

The Markdown is rendered exactly as for publication (cmark-gfm, GitHub's extensions), with source
positions; every element the allowlist of :mod:`latar.sanitize` would remove, and every link nh3
would strip, becomes a message on the line that wrote it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

from latar.core.sanitize import BLOCK_TAGS, INLINE_TAGS, URL_SCHEMES, markdown_to_html

IMAGE = "images are not published; link to the image instead"
HEADING = "headings are not published in notes; use **bold** or split the note"
RAW_HTML = "raw HTML ({tag}) is not published; use Markdown"
RULE = "horizontal rules are not published; leave a blank line between paragraphs"
CHECKBOX = "checkboxes are not published; write a plain list"
LINK = "the link to '{url}' is not published (only https, http, mailto and relative links are); link to an https address"
ONE_LINE = "{what} are not published here (one run of text); move them into the body"

_ONE_LINE_BLOCKS = {"ul": "lists", "ol": "lists", "blockquote": "quotes", "pre": "code blocks", "table": "tables"}
_VOID = frozenset({"img", "hr", "br", "input", "wbr", "area", "base", "col", "embed", "link", "meta", "source", "track"})
_TAGFILTER = "title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext"  # GFM shows these as text
_FILTERED_TEXT = re.compile(rf"<\s*({_TAGFILTER})\b", re.IGNORECASE)
_FILTERED_HTML = re.compile(rf"&lt;\s*(?:{_TAGFILTER})\b", re.IGNORECASE)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_HREF = re.compile(r'\shref="([^"]*)"')
_SCHEME = re.compile(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_SOURCEPOS = re.compile(r"^(\d+):(\d+)-(\d+):(\d+)\Z")


@dataclass(frozen=True)
class Dropped:
    """One thing the sanitiser removes: the line of the Markdown text (1-based) and what to do."""

    line: int
    message: str


@lru_cache(maxsize=4096)
def _href_kept(href: str) -> bool:
    """True if nh3, with the allowlist latar publishes with, keeps this link."""
    cleaned = nh3.clean(f'<a href="{html.escape(href)}">x</a>', tags={"a"}, attributes={"a": {"href"}}, url_schemes=set(URL_SCHEMES))
    return "href=" in cleaned


def _all_kept(rendered: str, allowed: frozenset[str]) -> bool:
    """The fast path (nearly every note): every tag allowed, every link kept, no tag shown as text."""
    hrefs = _HREF.findall(rendered)
    return (
        all(tag.lower() in allowed for tag in _TAG.findall(rendered))
        and rendered.lower().count("href") == len(hrefs)
        and all(_href_kept(html.unescape(href)) for href in hrefs)
        and not _FILTERED_HTML.search(rendered)
    )


def _span(value: str | None) -> tuple[int, int] | None:
    """First and last line of a ``data-sourcepos`` value (an end column of 0 means the line before)."""
    match = _SOURCEPOS.match(value or "")
    if match is None:
        return None
    first, _, last, last_column = (int(group) for group in match.groups())
    return first, last if last_column else max(first, last - 1)


class _Walker(HTMLParser):
    """Walks cmark-gfm's HTML (with source positions) and notes each element the allowlist drops."""

    def __init__(self, source: str, allowed: frozenset[str], one_line: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = source.split("\n")
        self.allowed = allowed
        self.one_line = one_line
        self.open: list[tuple[str, int, int]] = []  # Markdown blocks: (tag, first line, last line)
        self.cursor = (1, 0)  # where the next construct can start: (line, column)
        self.code = 0
        self.found: dict[Dropped, None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, dict(attrs), tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, dict(attrs), True)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self.code = max(0, self.code - 1)
        if self.open and self.open[-1][0] == tag:
            _, _, last = self.open.pop()
            if not self.open:
                self.cursor = max(self.cursor, (last + 1, 0))

    def handle_data(self, data: str) -> None:
        if self.code:
            return
        for match in _FILTERED_TEXT.finditer(data):
            name = match.group(1).lower()
            self._add(RAW_HTML.format(tag=f"<{name}>"), self._locate(re.compile(rf"<\s*{name}\b", re.IGNORECASE)))

    def _start(self, tag: str, attrs: dict[str, str | None], void: bool) -> None:
        span = _span(attrs.get("data-sourcepos"))
        if span is not None:
            self.cursor = max(self.cursor, (span[0], 0))
        if tag in ("code", "pre") and not void:
            self.code += 1
        self._judge(tag, attrs, span)
        if span is not None and not void:
            self.open.append((tag, *span))
        elif span is not None and not self.open:
            self.cursor = max(self.cursor, (span[1] + 1, 0))

    def _judge(self, tag: str, attrs: dict[str, str | None], span: tuple[int, int] | None) -> None:
        if tag in self.allowed:
            href = attrs.get("href")
            if tag == "a" and href is not None and not _href_kept(href):
                scheme = _SCHEME.match(href)
                needle = re.escape(scheme.group(1) + ":") if scheme else re.escape(href.strip()[:20])
                shown = href if len(href) <= 40 else href[:39] + "…"
                self._add(LINK.format(url=shown), self._locate(re.compile(needle, re.IGNORECASE)))
            return
        if self.one_line and tag in BLOCK_TAGS:
            if tag in _ONE_LINE_BLOCKS:
                self._add(ONE_LINE.format(what=_ONE_LINE_BLOCKS[tag]), self._line(span, rf"<\s*{re.escape(tag)}\b"))
            return
        if tag == "img":
            self._add(IMAGE, self._locate(re.compile(r"!\[|<\s*img\b", re.IGNORECASE)))
        elif re.fullmatch(r"h[1-6]", tag):
            self._add(HEADING, self._line(span, rf"<\s*{re.escape(tag)}\b"))
        elif tag == "hr":
            self._add(RULE, self._line(span, r"<\s*hr\b"))
        elif tag == "input" and span is None and (attrs.get("type") or "").lower() == "checkbox" and attrs.get("disabled") is not None:
            self._add(CHECKBOX, self.cursor[0])  # GFM task list: right after its list item's start
        else:
            self._add(RAW_HTML.format(tag=f"<{tag}>"), self._locate(re.compile(rf"<\s*{re.escape(tag)}\b", re.IGNORECASE)))

    def _line(self, span: tuple[int, int] | None, raw: str) -> int:
        """A Markdown block's own line, or, for the same element written as raw HTML, where it is written."""
        return span[0] if span is not None else self._locate(re.compile(raw, re.IGNORECASE))

    def _locate(self, needle: re.Pattern[str]) -> int:
        """The line of the next ``needle`` from the cursor, inside the innermost block; the cursor's line if none."""
        line, column = self.cursor
        limit = min(self.open[-1][2] if self.open else len(self.lines), len(self.lines))
        for number in range(line, limit + 1):
            match = needle.search(self.lines[number - 1], column if number == line else 0)
            if match:
                self.cursor = (number, match.end())
                return number
        return min(line, len(self.lines))

    def _add(self, message: str, line: int) -> None:
        self.found.setdefault(Dropped(line, message), None)


@lru_cache(maxsize=4096)
def dropped(markdown: str, one_line: bool = False) -> tuple[Dropped, ...]:
    """Everything in ``markdown`` that is not published, in order; ``one_line`` for summaries and titles."""
    allowed = INLINE_TAGS | {"p"} if one_line else BLOCK_TAGS
    if _all_kept(markdown_to_html(markdown), allowed):
        return ()
    walker = _Walker(markdown, allowed, one_line)
    walker.feed(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SOURCEPOS))
    walker.close()
    return tuple(walker.found)
