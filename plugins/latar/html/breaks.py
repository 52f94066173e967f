"""Line breaks in the article's text: no line may begin with closing punctuation.

A seed may have a space before its punctuation ("presiden Rusia ."), where a browser may break the line, leaving
``.”`` alone at the start of the next one. The text stays the seed's, byte for byte: the word, the space and the
punctuation are only wrapped in a ``span.latar-nowrap`` (``white-space: nowrap`` in latar.css).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from latar.html.builder import tag

CLOSING = ".,;:!?)]}»”’…%"
"""Closing punctuation: what may never begin a line."""
_SPACED = re.compile(rf"(?:^|\S+)\s+[{re.escape(CLOSING)}]+")


def joined(text: str) -> list[str | Element]:
    """``text`` as strings and nowrap spans: each run of white space before closing punctuation joined to both sides.

    At the start of ``text`` (right after a marker, say) the run is joined to the punctuation alone: a marker has no
    break opportunity before it.
    """
    parts: list[str | Element] = []
    cursor = 0
    for match in _SPACED.finditer(text):
        parts.append(text[cursor : match.start()])
        parts.append(tag("span", match.group(), class_="latar-nowrap"))
        cursor = match.end()
    parts.append(text[cursor:])
    return [part for part in parts if not isinstance(part, str) or part]
