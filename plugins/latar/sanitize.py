"""Contributed Markdown → HTML that cannot run script or clobber the page (nh3 / ammonia)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3
from markdown import Markdown

BLOCK_TAGS = frozenset({"p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li", "br", "sup", "sub"})
INLINE_TAGS = frozenset({"em", "strong", "a", "code", "br", "sup", "sub"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>")
_markdown = Markdown(extensions=[], output_format="html")


def clean(html: str, tags: frozenset[str] = BLOCK_TAGS) -> str:
    """Keep only allowlisted tags, ``a[href]`` with http(s)/mailto/relative URLs; drop ids, classes, styles, on*."""
    return nh3.clean(
        html,
        tags=set(tags),
        attributes={"a": {"href"}},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_to_html(text: str) -> str:
    """Render contributed Markdown (no extensions, raw HTML later removed by :func:`clean`)."""
    _markdown.reset()
    return _markdown.convert(text)


@lru_cache(maxsize=65536)
def render_block(text: str) -> str:
    """A note body: Markdown rendered, then sanitised with the block allowlist."""
    return clean(markdown_to_html(text))


@lru_cache(maxsize=65536)
def render_inline(text: str) -> str:
    """A summary or a title: Markdown rendered as one inline run, then sanitised."""
    html = _PARAGRAPH_BREAK.sub(" ", markdown_to_html(text))
    return clean(html, INLINE_TAGS).strip()


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Contributed text with every tag removed (for titles, attributes, JSON)."""
    return nh3.clean(text, tags=set()).strip()


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """Contributed text as plain text: tags removed, entities decoded."""
    return html.unescape(plain(text))
