"""How deep a note body's Markdown nests quotes and lists, measured before any parser sees it.

cmark-gfm and nh3 grow worse than linearly with nesting depth (255,000 nested quotes held a build for over 15 minutes);
no note needs more than a few levels, so a body nested deeper than :data:`MAX_NESTING` is refused on its line.
"""

from __future__ import annotations

import re

MAX_NESTING = 10
_CONTAINER = re.compile(r"[ \t]*(?:>|[-+*][ \t]|[0-9]{1,9}[.)][ \t])")


def depth(line: str) -> int:
    """Quote and list markers that open the line, plus, before a marker, its indentation in steps of two (nested items)."""
    indent = len(line) - len(line.lstrip(" \t"))
    position, markers = 0, 0
    while match := _CONTAINER.match(line, position):
        if match.end() == position:
            break
        position, markers = match.end(), markers + 1
    return markers + (indent // 2 if markers else 0)


def too_deep(body: str) -> tuple[int, int] | None:
    """``(line index, depth)`` of the first line nested deeper than :data:`MAX_NESTING`, or None."""
    for index, line in enumerate(body.split("\n")):
        if len(line) > MAX_NESTING:  # a shorter line cannot open that many containers
            level = depth(line)
            if level > MAX_NESTING:
                return index, level
    return None
