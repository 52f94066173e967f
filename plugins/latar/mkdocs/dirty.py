"""``mkdocs serve --dirty``: a save rebuilds only the pages it touches, as latar's model says, not as file times say.

MkDocs 1.6's dirty build leaves the site folder as the last build wrote it and skips every page whose
``File.is_modified()`` is False (by file times; always True for a page made from a string, which latar's generated
pages are). Here latar decides instead, before any page is read (``on_nav``, after every page exists): each page gets a
key of its inputs, and only pages whose key is unchanged since the last build are marked unmodified.

- A note's page: the note file, its placements, its dates and its own problems.
- An article's page (and the home page's copy): the article as rendered with every note placed in it, its dates and
  every problem (an article page shows them all).
- Pages that list every note or article, and the project's own pages: always rebuilt (a handful).
- Everything every page shares (the build signature): latar's version, ``mkdocs.yml``, the theme overrides, the
  navigation, every page's address, title and kind, every article file and the project's own pages. When it
  changes (a note added, deleted or renamed, a title, an article, the configuration), every page is rebuilt, in a
  site folder emptied first, so that nothing stale stays (the serve's temporary folder only, never ``docs/``).

What MkDocs and latar collect from a page as it is built (its title, meta and table of contents for the others'
navigation; its head tags and social card; its sitemap entry; the render cache) is kept by the page's key and given
back to a skipped page in ``on_env``, so ``on_post_build`` writes what a full build writes. MkDocs' warning about
dirty builds is replaced by latar's own line saying what was rebuilt. Every coupling to MkDocs' dirty build is here:
the method MkDocs asks (``File.is_modified``), the warning's text, the attributes of a page it fills.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import latar
from latar.mkdocs import rendercache
from latar.mkdocs.pages import ArticlePage, NotePage
from latar.mkdocs.preview import page_problems
from latar.mkdocs.site import CARD, SiteModel
from latar.outputs.cards import Card

DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs on every dirty build (``mkdocs/commands/build.py``); latar says more."""
SHARED_PLUGINS = ("latar", "search", "material/search")
"""Plugins that collect nothing from a page latar skips (Material's search is told to skip every page when latar's
search answers); with any other plugin every rebuild is a full one."""
SHOWN = 3
"""Changed files named in the preview line."""


@dataclass
class Kept:
    """What a built page left behind, for the build that skips it."""

    key: str
    markdown: str | None
    meta: dict[str, Any]
    title: str | None
    toc: Any
    canonical_url: str | None
    content: str | None
    anchors: set[str] | None
    head: str | None
    card: tuple[str, Card] | None


class _QuietDirtyWarning(logging.Filter):
    """Drops MkDocs' dirty-build warning: latar's own line says what a rebuild did."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    """Replace MkDocs' warning on every dirty build by latar's line (once per process)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(found, _QuietDirtyWarning) for found in logger.filters):
        logger.addFilter(_QuietDirtyWarning())


def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False


def _digest(parts: Any) -> str:
    return hashlib.blake2b(json.dumps(parts, default=str).encode("utf-8"), digest_size=20).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return ""


class DirtyPreview:
    """Which pages a ``mkdocs serve --dirty`` rebuild skips, and what they left in the last build."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        """``mkdocs serve --dirty`` (``make serve``): set in ``on_startup``."""
        self.signature = ""
        self.full = True
        self.why = ""
        self.skipped: set[str] = set()
        self.rendered = 0
        self.ignored: set[str] = set()
        """Pages MkDocs rendered although latar had marked them unmodified (MkDocs changed)."""
        self.changed: list[str] = []
        self._inputs: dict[str, str] = {}
        self._kept: dict[str, Kept] = {}
        self._next: dict[str, Kept] = {}
        self._keys: dict[str, str | None] = {}
        self._builds = 0
        self._in_nav: set[str] = set()

    def plan(self, site: SiteModel, files: Files, nav: Navigation, config: MkDocsConfig) -> None:
        """Before any page is read: each page's key; an unchanged page is marked unmodified for MkDocs."""
        inputs = self._read_inputs(site, files)
        self.changed = sorted(label for label in inputs.keys() | self._inputs.keys() if inputs.get(label) != self._inputs.get(label))
        signature = self._signature(site, files, nav, config, inputs)
        others = [name for name in config.plugins if name not in SHARED_PLUGINS or (name != "latar" and not site.search)]
        self.full = not self._kept or signature != self.signature or bool(others)
        self.why = f"plugins {', '.join(others)} keep what they collect from every page" if others else ""
        self.signature, self._inputs, self._next, self._keys = signature, inputs, {}, {}
        self.skipped, self.rendered, self.ignored = set(), 0, set()
        self._in_nav = {page.file.src_uri for page in nav.pages}
        for file in files:
            if not file.is_documentation_page():
                continue
            key = self._key(file, site, signature, inputs)
            self._keys[file.src_uri] = key
            kept = self._kept.get(file.src_uri)
            skip = not self.full and key is not None and kept is not None and kept.key == key
            file.is_modified = _unmodified if skip else _modified  # type: ignore[method-assign]
            if skip:
                self.skipped.add(file.src_uri)
        if self.full:
            self._kept = {}
            self._empty(Path(config.site_dir), site.root)

    def restore(self, files: Files, site: SiteModel, renders: rendercache.RenderCache) -> None:
        """``on_env``: each skipped page gets what it had at the end of the last build (for the others' navigation,
        the sitemap, the cards and the render cache)."""
        for uri in sorted(self.skipped - self.ignored):  # a page MkDocs read after all keeps what it read
            file = files.get_file_from_path(uri)
            kept = self._kept[uri]
            page = file.page if file is not None else None
            if page is None:
                continue
            page.markdown, page.meta, page._title_from_render = kept.markdown, dict(kept.meta), kept.title
            page.toc, page.canonical_url, page.content, page.present_anchor_ids = kept.toc, kept.canonical_url, kept.content, kept.anchors
            if kept.head is not None:
                site.heads[uri] = kept.head
            if kept.card is not None:
                site.cards[kept.card[0]] = kept.card[1]
            site.note_in_sitemap(page)
            renders.carry(uri)
            self._next[uri] = kept

    def forget(self) -> None:
        """A build failed half way: the site folder is not what was kept, so the next rebuild is a full one."""
        self.signature, self._kept, self._next = "", {}, {}

    def rendering(self, page: Page) -> None:
        """``on_page_markdown``: a page MkDocs reads and renders (one latar marked unmodified means MkDocs changed)."""
        self.rendered += 1
        if page.file.src_uri in self.skipped:
            self.ignored.add(page.file.src_uri)

    def keep(self, page: Page, site: SiteModel) -> None:
        """``on_post_page``: what the page left in this build, by its key, for the next one."""
        uri = page.file.src_uri
        if uri in self.skipped:
            self.ignored.add(uri)
        key = self._keys.get(uri)
        if key is None or uri in self.skipped:
            return
        path = site.beside(uri, CARD) if uri in site.dests else ""
        card = site.cards.get(path)
        meta = {name: value for name, value in page.meta.items() if value != rendercache.TEMPLATE}
        self._next[uri] = Kept(
            key,
            page.markdown,
            meta,
            page._title_from_render,
            page.toc,
            page.canonical_url,
            page.content if uri in self._in_nav else None,
            page.present_anchor_ids,
            site.heads.get(uri),
            (path, card) if card is not None else None,
        )

    def finish(self) -> list[tuple[int, str]]:
        """``on_post_build``: what this rebuild did, for the terminal (nothing after a serve's first build)."""
        self._kept, self._next = self._next, {}
        self._builds += 1
        if self.ignored:
            self._kept = {}  # nothing kept: the next rebuild is a full one
            return [(logging.WARNING, self._mkdocs_changed())]
        if self._builds == 1:
            return []
        names = ", ".join(self.changed[:SHOWN]) + (f" and {len(self.changed) - SHOWN} more" if len(self.changed) > SHOWN else "")
        touched = f"touched by {names}" if names else "(no file changed)"
        if self.full:
            why = self.why or "the navigation, the configuration, an article or the set of pages changed"
            return [(logging.INFO, f"preview: rebuilt all {self.rendered} pages, {touched}: {why} (full build: make build)")]
        return [(logging.INFO, f"preview: rebuilt {self.rendered} pages {touched}; {len(self.skipped)} unchanged (full build: make build)")]

    def _mkdocs_changed(self) -> str:
        """Said loudly when MkDocs rendered a page latar had marked unmodified: its dirty build no longer asks."""
        return (
            f"MkDocs rendered {len(self.ignored)} pages latar had marked unmodified (e.g. {min(self.ignored)}): its dirty "
            "build no longer asks File.is_modified (MkDocs changed); every rebuild is a full one until latar follows"
        )

    # keys

    @staticmethod
    def _read_inputs(site: SiteModel, files: Files) -> dict[str, str]:
        """Every project file a page is made from (documentation pages, notes, articles), by its label: its digest."""
        found = {}
        for file in files:
            if file.is_documentation_page() and file.abs_src_path:
                path = Path(file.abs_src_path)
                found[path.relative_to(site.root).as_posix() if path.is_relative_to(site.root) else str(path)] = _file_digest(path)
        notes = Path(site.config.docs_dir) / site.options.notes_dir  # notes are read by latar, not by MkDocs
        for path in sorted([*site.seeds_dir.iterdir(), *(notes.rglob("*.md") if notes.is_dir() else ())]):
            if path.is_file():
                found[path.relative_to(site.root).as_posix() if path.is_relative_to(site.root) else str(path)] = _file_digest(path)
        return found

    @staticmethod
    def _signature(site: SiteModel, files: Files, nav: Navigation, config: MkDocsConfig, inputs: dict[str, str]) -> str:
        """What every page shares: when it changes, every page is rebuilt."""
        notes = {site.notes[note_id].path for note_id in site.notes}
        kinds = sorted((uri, type(page).__name__, page.title) for uri, page in site.pages.items())
        return _digest(
            [
                latar.__version__,
                rendercache.config_digest(config),
                rendercache.theme_files(config),
                rendercache.nav_signature(nav),
                sorted((file.src_uri, file.dest_uri) for file in files),
                kinds,
                sorted((label, digest) for label, digest in inputs.items() if label not in notes),
                site.search,
                str(Path(config.site_dir).resolve()),
            ]
        )

    @staticmethod
    def _key(file: File, site: SiteModel, signature: str, inputs: dict[str, str]) -> str | None:
        """A page's key; None for a page rebuilt every time."""
        latar_page = site.pages.get(file.src_uri)
        if isinstance(latar_page, NotePage):
            note = latar_page.note
            placements = site.placements.by_note.get(note.id, ()) if site.placements else ()
            own = page_problems(site.problems, latar_page.own_files())
            parts: list[Any] = [
                inputs.get(note.path) or _file_digest(site.file(note.path)),
                repr(placements),
                repr(site.note_dates(note)),
                own,
            ]
        elif isinstance(latar_page, ArticlePage):
            html = hashlib.blake2b(latar_page.html(site).encode("utf-8"), digest_size=20).hexdigest()
            rendered = site.rendered[latar_page.name]
            parts = [html, rendered.placed.note_count, repr(site.article_dates(latar_page.name)), site.problems]
        else:
            return None
        return _digest([signature, type(latar_page).__name__, file.src_uri, parts])

    @staticmethod
    def _empty(site_dir: Path, root: Path) -> None:
        """A full rebuild starts from an empty site folder, as a clean build does: only ``mkdocs serve``'s temporary
        folder (``mkdocs_…`` outside the project), never a folder of the project."""
        resolved = site_dir.resolve()
        temporary = resolved.name.startswith("mkdocs_") and resolved.is_relative_to(Path(tempfile.gettempdir()).resolve())
        if not temporary or resolved.is_relative_to(root.resolve()) or not resolved.is_dir():
            return
        for entry in resolved.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def said(dirty: DirtyPreview, renders: rendercache.RenderCache) -> list[tuple[int, str]]:
    """What a ``mkdocs serve`` rebuild tells the terminal: the render cache's reuse, then what ``--dirty`` rebuilt."""
    lines = []
    if renders.reused:
        lines.append((logging.INFO, f"preview: {renders.reused} unchanged pages written again without rendering"))
    return lines + (dirty.finish() if dirty.enabled else [])
