"""Contributed Markdown → HTML that cannot run script or clobber the page (nh3 / ammonia)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

INLINE_TAGS = frozenset({"em", "strong", "a", "code", "br", "sup", "sub", "del"})
BLOCK_TAGS = INLINE_TAGS | {"p", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>")


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


@lru_cache(maxsize=65536)
def markdown_to_html(text: str) -> str:
    """Render contributed Markdown as GitHub does (cmark-gfm), so a pull request's preview shows what is published.

    Raw HTML passes through here, as on GitHub, and :func:`clean` then keeps only the allowlist
    (the same split as PyPI's readme_renderer: cmark-gfm, then an ammonia-based sanitiser).
    """
    return _github_html(text)


def _github_html(text: str) -> str:
    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE))


@lru_cache(maxsize=65536)
def render_block(text: str) -> str:
    """A note body: Markdown rendered, then sanitised with the block allowlist (the unsanitised HTML is not kept:
    nothing asks for a body's again, and 10,000 of them are 35 MB)."""
    return clean(_github_html(text))


@lru_cache(maxsize=65536)
def render_inline(text: str) -> str:
    """A summary or a title: Markdown rendered as one inline run, then sanitised."""
    html = _PARAGRAPH_BREAK.sub(" ", markdown_to_html(text))
    return clean(html, INLINE_TAGS).strip()


def _untagged(text: str) -> str:
    return nh3.clean(text, tags=set()).strip()


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Contributed text with every tag removed (for titles, attributes, JSON)."""
    return _untagged(text)


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """Contributed text as plain text: tags removed, entities decoded."""
    return html.unescape(plain(text))


def plain_text_once(text: str) -> str:
    """:func:`plain_text` of a long text read once (a note's body for search), not kept in a cache."""
    return html.unescape(_untagged(text))
