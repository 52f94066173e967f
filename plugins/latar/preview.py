"""``mkdocs serve`` never goes dark: problems are shown on the pages they affect, not only in a terminal.

A strict build still fails on the same problems; the preview is for fixing them while reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from .htmlbuild import append, tag, to_html
from .problems import Problem


def page_problems(problems: Sequence[Problem], own: Sequence[str] | None = None) -> list[Problem]:
    """What a page shows: a note's page (or a broken article's) the problems of its own files ``own``;
    every other latar page all of them.

    Any broken note or article can change any article (a note missing from it, an anchor
    elsewhere), so the home page, article pages, lists and the timeline show every problem.
    """
    if own is None:
        return list(problems)
    return [problem for problem in problems if problem.path in own]


def problems_banner(problems: Sequence[Problem]) -> str:
    """A box at the top of a preview page listing each problem with file, line and message."""
    if not problems:
        return ""
    box = tag("div", class_="latar-problems admonition failure", role="alert", data_search_exclude="")
    title = f"Pratinjau: {len(problems)} masalah — build ketat (mkdocs build --strict) akan gagal"
    append(box, tag("p", title, class_="admonition-title"))
    items = tag("ul", class_="latar-problems-list")
    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        items.append(append(tag("li"), tag("code", where), ": ", problem.message))
    box.append(items)
    return to_html(box)
