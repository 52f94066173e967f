"""latar as a Python-Markdown extension: a page whose Markdown is ``::: latar <article name>`` shows that article.

The route for a generator that runs Python-Markdown extensions but no MkDocs plugins (Zensical, see README)::

    markdown.Markdown(extensions=[LatarExtension(root="path/to/project", repository="https://github.com/o/r")])

The article is the one the MkDocs plugin publishes, byte for byte: the same pipeline places the notes and the
same renderer writes the page's ``.latar-article`` (markers, footnotes Material shows as tooltips, source box).
What the plugin adds around it (note pages, lists, cards, search, the Web Annotation collection) is not here yet.
Articles and notes are loaded once per extension, at the first directive; problems are logged as warnings.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from latar import strings
from latar.core.articles import SAFE_NAME
from latar.core.pipeline import Placements, check
from latar.html.article import ArticleRenderer

log = logging.getLogger("latar")
DIRECTIVE = re.compile(r"^::: *latar +(?P<name>\S+) *$")
PRIORITY = 105
"""Before Python-Markdown's own block processors, and before mkdocstrings' ``:::`` (75)."""


class LatarExtension(Extension):
    """``::: latar <name>`` → the annotated article ``<name>`` of the project at ``root``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "root": [".", "the project folder; seeds_dir and notes_dir are relative to it"],
            "seeds_dir": ["seeds", "folder of articles (<name>.txt + <name>.yml)"],
            "notes_dir": ["docs/anotasi", "folder of notes (<id>.md)"],
            "notes_url": ["../../anotasi/", "where note pages are, relative to the page that shows the article"],
            "id_prefix": ["latar", "prefix of every id latar writes"],
            "repository": ["", "GitHub repository that 'Usulkan catatan' sends proposals to (empty: none)"],
            "branch": ["main", "the repository's main branch"],
            "review_placements": [False, "every article keeps a record of reviewed placements (seeds/<name>.placements.yml)"],
        }
        super().__init__(**kwargs)
        self._placements: Placements | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the directive."""
        md.registerExtension(self)
        md.parser.blockprocessors.register(ArticleDirective(md.parser, self), "latar", PRIORITY)

    def placements(self) -> Placements:
        """Every article with its notes placed, loaded at the first use (the problems logged once)."""
        if self._placements is None:
            root = Path(self.getConfig("root"))
            self._placements = check(
                root,
                root / self.getConfig("seeds_dir"),
                root / self.getConfig("notes_dir"),
                surroundings=strings.surroundings,
                review=bool(self.getConfig("review_placements")),
            )
            for problem in self._placements.problems:
                log.warning("latar: %s", problem)
        return self._placements

    def article_html(self, name: str) -> str | None:
        """The article's HTML, or None (with a warning) when there is no such article."""
        placements = self.placements()
        placed = next((placed for placed in placements.placed if placed.article.name == name), None)
        if placed is None:
            known = ", ".join(article.name for article in placements.articles) or "none"
            log.warning(
                "latar: '::: latar %s' names no article (articles: %s); use the name of a .txt in %s",
                name,
                known,
                self.getConfig("seeds_dir"),
            )
            return None
        base = self.getConfig("notes_url")
        notes = {note.id: note for note in placements.notes}
        renderer = ArticleRenderer(notes, lambda note_id: f"{base}{note_id}/", self.getConfig("id_prefix"), self._attributes())
        return renderer.render(placed).html

    def _attributes(self) -> dict[str, str]:
        """What assets/propose/form.js needs on the article element: repository, branch and notes folder (as the plugin sets them)."""
        repository = str(self.getConfig("repository")).rstrip("/")
        if not repository:
            return {}
        return {"repository": repository, "branch": self.getConfig("branch"), "notes": Path(self.getConfig("notes_dir")).as_posix()}


class ArticleDirective(BlockProcessor):
    """A block that is exactly ``::: latar <name>``."""

    def __init__(self, parser: BlockParser, extension: LatarExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return DIRECTIVE.match(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        name = DIRECTIVE.match(blocks.pop(0).strip()).group("name")
        if not SAFE_NAME.match(name):
            log.warning("latar: '::: latar %s' is not an article name (lower-case letters, digits and hyphens)", name)
            return True
        html = self.extension.article_html(name)
        if html is not None:
            placeholder = self.parser.md.htmlStash.store(html)
            etree.SubElement(parent, "p").text = placeholder  # the raw-HTML postprocessor swaps the whole <p> for the block
        return True


def makeExtension(**kwargs: Any) -> LatarExtension:
    """``markdown.Markdown(extensions=["latar.extension"])``."""
    return LatarExtension(**kwargs)
