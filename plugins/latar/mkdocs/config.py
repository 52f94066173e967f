"""The plugin's options in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LatarConfig(Config):
    """``plugins: [latar]`` options; every one has a default that suits the project layout."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of articles (``<name>.txt`` + ``<name>.yml``), relative to ``mkdocs.yml``."""
    notes_dir = c.Type(str, default="anotasi")
    """Folder of notes inside ``docs_dir``; also their URL path."""
    articles_dir = c.Type(str, default="artikel")
    """URL folder of every article's permanent page (the newest is also shown as the home page)."""
    id_prefix = c.Type(str, default="latar")
    """Prefix of every id latar writes, so they never clash with authors' footnotes."""
    timeline = c.Type(bool, default=True)
    """Build the ``linimasa/`` page from the notes' dates."""
    annotations_file = c.Type(str, default="anotasi.jsonld")
    """W3C Web Annotation collection written into ``site_dir``."""
    cache_dir = c.Type(str, default=".cache/latar")
    """Folder (relative to ``mkdocs.yml``) where social cards are cached between builds; never inside ``docs_dir``."""
    repository = c.Optional(c.URL())
    """GitHub repository for "edit this note" and "suggest a correction" links (not ``repo_url``,
    which makes Material call the GitHub API from readers' browsers)."""
    branch = c.Type(str, default="main")
    """Branch the edit links point at; also the main branch that new or changed notes are told from."""
    search = c.Type(bool, default=True)
    """Search with Pagefind (Indonesian stemming; nothing fetched until the reader opens search) behind
    Material's search box, which needs ``plugins: [search]``; false leaves Material's own search."""
