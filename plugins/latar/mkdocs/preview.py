"""``mkdocs serve`` never goes dark: what cannot be published keeps its address and says why, and every latar page
starts with the problems that affect it (file, line, message). ``mkdocs build`` shows none of this: it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from latar import strings
from latar.core.articles import SAFE_NAME
from latar.core.files import file_label
from latar.core.problems import Problem
from latar.html.builder import append, tag, to_html


def broken_articles(seeds_dir: Path, root: Path, taken: Callable[[str], bool]) -> list[tuple[str, tuple[str, str]]]:
    """Each article in the seeds folder that could not be loaded: its name and its two files.

    ``taken``: whether a name already has a page (a loaded article, or a Markdown file at its address).
    """
    found = []
    for text in sorted(seeds_dir.glob("*.txt")):
        if SAFE_NAME.match(text.stem) and not taken(text.stem):
            found.append((text.stem, (file_label(text, root), file_label(text.with_suffix(".yml"), root))))
    return found


def unpublished(article: bool) -> str:
    """The page of a note or an article that cannot be published yet (its problems stand above)."""
    return to_html(tag("p", strings.unpublished(article)))


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
    append(box, tag("p", strings.preview_title(len(problems)), class_="admonition-title"))
    items = tag("ul", class_="latar-problems-list")
    for problem in problems:
        items.append(append(tag("li"), tag("code", problem.where), ": ", problem.message))
    box.append(items)
    return to_html(box)
