"""Former addresses keep working: ``redirect_from`` in an article's sidecar or a note's front matter.

Each former name gets a small static page at its old address with a meta refresh, a canonical
link and a plain link (for readers without automatic redirects), like mkdocs-redirects writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from latar.core.articles import Article
from latar.core.notes import Note
from latar.core.problems import Problem


@dataclass(frozen=True)
class Redirect:
    """One former name of an article or a note, and the current one."""

    kind: str
    """``article`` or ``note``."""
    old: str
    new: str
    title: str


def redirects(articles: Iterable[Article], notes: Iterable[Note]) -> list[Redirect]:
    """Every former name, articles first, sorted."""
    found = [Redirect("article", old, a.name, a.meta.title) for a in articles for old in a.meta.redirect_from]
    found += [Redirect("note", old, n.id, n.title) for n in notes for old in n.redirect_from]
    return sorted(found, key=lambda r: (r.kind, r.old))


def redirect_problems(articles: list[Article], notes: list[Note], root: Path | None = None) -> list[Problem]:
    """A former name must not be a current name of the same kind, nor be claimed twice.

    With ``root``, each problem names the line of the former name in its file.
    """
    problems = []
    kinds = (
        ("article", [(a.name, _sidecar(a), a.meta.redirect_from) for a in articles]),
        ("note", [(n.id, n.path, n.redirect_from) for n in notes]),
    )
    for kind, items in kinds:
        current = {name for name, _, _ in items}
        claimed: dict[str, str] = {}
        for name, label, former in sorted(items):
            for old in former:
                if old in current:
                    message = f"redirect_from names '{old}', but the {kind} '{old}' exists; remove '{old}' from redirect_from"
                elif old in claimed:
                    message = f"redirect_from names '{old}', which already redirects to the {kind} '{claimed[old]}'; keep it in one of them"
                else:
                    claimed[old] = name
                    continue
                problems.append(Problem(label, _line_of(root, label, old), message))
    return problems


def _line_of(root: Path | None, label: str, old: str) -> int | None:
    """The line of ``- old`` in the file's ``redirect_from`` list, if it can be read."""
    if root is None or not (root / label).is_file():
        return None
    inside = False
    item = re.compile(rf"""^\s*-\s*(['"]?){re.escape(old)}\1\s*(#.*)?$""")
    for number, line in enumerate((root / label).read_text("utf-8", "replace").splitlines(), start=1):
        if line.startswith("redirect_from:"):
            inside = True
        elif inside and item.match(line):
            return number
        elif inside and line and not line[0].isspace() and not line.startswith("-"):
            inside = False
    return None


def _sidecar(article: Article) -> str:
    return article.text_label.removesuffix(".txt") + ".yml"
