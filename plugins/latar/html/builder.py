"""Build HTML as an element tree and serialise it in one place, never by string concatenation.

The tree is :mod:`xml.etree.ElementTree` (C-accelerated), the same structure Python-Markdown's
footnotes extension builds its markup with. Text and attribute values are always escaped by
:func:`to_html`; the one exception is :class:`Markup`, HTML that a parser already produced
(nh3's sanitiser, or :func:`to_html` itself), which is written verbatim and never looked into.

bs4 builds the same trees about ten times slower (``new_tag`` alone is ~16 µs), which made latar's
own share of a newsroom-sized build 40 % (issue #7); the tests still parse every page with bs4.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

FRAGMENT = "latar:fragment"
"""A root without a tag of its own: only its content is written."""
MARKUP = "latar:markup"
"""An element standing for a :class:`Markup` string, written verbatim."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
RAW_TEXT = frozenset({"script", "style"})


class Markup(str):
    """HTML already serialised by a parser: nh3's sanitiser output, or :func:`to_html` output.

    Only :mod:`latar.sanitize` results (via :func:`sanitized`) and :func:`to_html` results may be
    wrapped; anything else must go in as text, which is escaped.
    """

    __slots__ = ()


def sanitized(markup: str) -> Markup:
    """Wrap the output of ``latar.sanitize`` for insertion into a tree."""
    return Markup(markup)


@cache
def attribute_name(keyword: str) -> str:
    """``class_`` → ``class``, ``data_x_y`` → ``data-x-y``."""
    return keyword.rstrip("_").replace("_", "-")


def tag(name: str, text: str | None = None, /, **attrs: str) -> Element:
    """A new element; keyword arguments become attributes (see :func:`attribute_name`)."""
    element = Element(name, {attribute_name(key): value for key, value in attrs.items()})
    if text is not None:
        element.text = text
    return element


def fragment() -> Element:
    """An empty root whose content is serialised without a wrapper."""
    return Element(FRAGMENT)


def append(parent: Element, *items: Element | str) -> Element:
    """Append elements, text (escaped on output) or :class:`Markup` (verbatim) to ``parent``."""
    for item in items:
        if isinstance(item, Markup):
            node = Element(MARKUP)
            node.text = item
            parent.append(node)
        elif isinstance(item, str):
            if len(parent):
                last = parent[-1]
                last.tail = item if last.tail is None else last.tail + item
            else:
                parent.text = item if parent.text is None else parent.text + item
        else:
            parent.append(item)
    return parent


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def dom_text(root: Element) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text a browser's DOM holds for ``root`` (its ``textContent``: every text node in order) and,
    for each element, where its text starts and ends in it (keyed by ``id(element)``).

    :class:`Markup` counts with the text it parses to, as it will in the page.
    """
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    length = 0

    def add(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += len(text)

    def walk(node: Element) -> None:
        start = length
        if node.tag == MARKUP:
            parser = _TextOnly()
            parser.feed(node.text or "")
            parser.close()
            add("".join(parser.parts))
        else:
            if node.text:
                add(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    add(child.tail)
        spans[id(node)] = (start, length)

    walk(root)
    return "".join(parts), spans


def escape_text(text: str) -> str:
    """Escape text content: ``&``, ``<``, ``>``."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(value: str) -> str:
    """Escape a double-quoted attribute value: ``&``, ``<``, ``>``, ``"``."""
    value = escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    return value


def json_text(data: object) -> str:
    """``data`` as JSON for a ``<script>`` element: what could close the element or open a comment is escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(root: Element) -> Markup:
    """Serialise ``root`` as HTML (a :data:`FRAGMENT` root writes only its content)."""
    parts: list[str] = []
    _write(root, parts.append)
    return Markup("".join(parts))


def _write(element: Element, write: Callable[[str], object]) -> None:
    name = element.tag
    if name == MARKUP:
        write(element.text or "")
        return
    if name != FRAGMENT:
        write("<" + name)
        for key, value in element.attrib.items():
            write(f' {key}="{escape_attribute(value)}"')
        write(">")
        if name in VOID or name in RAW_TEXT:
            _check_special(element)
            if name in RAW_TEXT:
                write(f"{element.text or ''}</{name}>")
            return
    if element.text:
        write(escape_text(element.text))
    for child in element:
        _write(child, write)
        if child.tail:
            write(escape_text(child.tail))
    if name != FRAGMENT:
        write(f"</{name}>")


def _check_special(element: Element) -> None:
    """Void elements have no content; script and style hold only text that cannot close them."""
    name = element.tag
    if name in VOID and (element.text or len(element)):
        raise ValueError(f"<{name}> is a void element and cannot have content")
    if name in RAW_TEXT and ("</" in (element.text or "") or len(element)):
        raise ValueError(f"<{name}> content must be plain text without '</'")
