"""``mkdocs serve``: a page whose inputs did not change since the last rebuild is not rendered again.

MkDocs 1.6 rebuilds every page on every save, and Material's template is most of the cost (about 2.4 ms a page:
5 s of a 200 × 2,000 site's rebuild). A page's output depends on what it gets before its template runs: its title,
content, meta and table of contents, its head tags, its neighbours in the navigation, the navigation itself and the
configuration. So, while serving, each page gets a key made of these once latar has filled it (``on_page_content``,
latar's last word on it); when the previous rebuild wrote a page with the same key, the page is given an empty
template and its earlier output is written again (``on_post_page``). Outputs are kept zlib-compressed, only while
serving. ``mkdocs build`` never uses this: every build renders every page.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

TEMPLATE = "latar-unchanged.html"
"""The empty template an unchanged page gets (registered in ``on_env``); its earlier output replaces what it renders."""


class RenderCache:
    """Earlier outputs by page key; a new build signature (navigation, configuration, theme overrides) empties it."""

    def __init__(self) -> None:
        self.signature = ""
        self._previous: dict[str, bytes] = {}
        self._current: dict[str, bytes] = {}
        self._keys: dict[str, str] = {}
        self._previous_keys: dict[str, str] = {}
        self.reused = 0

    def start(self, config: MkDocsConfig, nav: Navigation) -> None:
        """A new build: what every page shares; outputs of a build with another signature are dropped."""
        signature = _digest([config_digest(config), theme_files(config), nav_signature(nav)])
        same = signature == self.signature
        self._previous, self._previous_keys = (self._current, self._keys) if same else ({}, {})
        self._current, self._keys, self.signature, self.reused = {}, {}, signature, 0

    def look_up(self, page: Page, content: str, head: str) -> None:
        """Key the page by its inputs (``content``: its HTML as latar leaves it); an unchanged page gets the empty template."""
        key = _digest(
            [
                page.file.src_uri,
                page.title,
                content,
                json.dumps(page.meta, sort_keys=True, default=str),
                str(page.toc),
                head,
                page.canonical_url,
                [_neighbour(page.previous_page), _neighbour(page.next_page)],
            ]
        )
        self._keys[page.file.src_uri] = key
        if key in self._previous:
            page.meta["template"] = TEMPLATE

    def reuse(self, page: Page) -> str | None:
        """The page's earlier output, when it got the empty template (kept for the next rebuild too)."""
        if page.meta.get("template") != TEMPLATE or page.file.src_uri not in self._keys:
            return None
        key = self._keys[page.file.src_uri]
        self._current[key] = self._previous[key]
        self.reused += 1
        return zlib.decompress(self._previous[key]).decode("utf-8")

    def carry(self, uri: str) -> None:
        """A page this build does not write at all (``mkdocs serve --dirty``): its earlier output stays for the next one."""
        key = self._previous_keys.get(uri)
        if key is not None and key in self._previous:
            self._keys[uri] = key
            self._current[key] = self._previous[key]

    def keep(self, page: Page, output: str) -> str:
        """Keep a page's new output for the next rebuild."""
        key = self._keys.get(page.file.src_uri)
        if key is not None:
            self._current[key] = zlib.compress(output.encode("utf-8"), 1)
        return output


def register(env: Any) -> Any:
    """The empty template unchanged pages get (the theme's templates are compiled once per server: see
    :mod:`~latar.mkdocs.templatecache`)."""
    from jinja2 import ChoiceLoader, DictLoader  # noqa: PLC0415 - only while serving

    env.loader = ChoiceLoader([DictLoader({TEMPLATE: ""}), env.loader])
    return env


def _digest(parts: Any) -> str:
    return hashlib.blake2b(json.dumps(parts, default=str).encode("utf-8"), digest_size=20).hexdigest()


def config_digest(config: MkDocsConfig) -> str:
    """``mkdocs.yml``'s digest."""
    path = config.config_file_path
    return hashlib.blake2b(Path(path).read_bytes()).hexdigest() if path and os.path.isfile(path) else ""


def theme_files(config: MkDocsConfig) -> list[tuple[str, int]]:
    """The theme overrides' files and their change times (``custom_dir``; the installed theme does not change)."""
    folder = config.theme.custom_dir
    if not folder or not os.path.isdir(folder):
        return []
    return sorted((str(path), path.stat().st_mtime_ns) for path in Path(folder).rglob("*") if path.is_file())


def nav_signature(nav: Navigation) -> list[Any]:
    """The navigation's entries: titles and addresses, nested."""
    return [_nav_item(item) for item in nav.items]


def _nav_item(item: Any) -> list[Any]:
    return [getattr(item, "title", None), getattr(item, "url", None), [_nav_item(child) for child in getattr(item, "children", None) or []]]


def _neighbour(page: Page | None) -> list[Any] | None:
    return None if page is None else [page.title, page.url]
