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
    cache_dir = c.Optional(c.Type(str))
    """Folder (relative to ``mkdocs.yml``) where social cards, the search index, parsed notes and compiled templates
    are cached between builds. Default: ``$LATAR_CACHE_DIR``, else the user's cache folder
    (``$XDG_CACHE_HOME/latar/<hash of the project's path>``), outside the work tree; a folder git tracks, or a
    symbolic link, is refused (nothing is then kept between builds)."""
    allowed_files = c.ListOfItems(c.Type(str), default=[])
    """Files under ``docs_dir`` (relative paths or ``fnmatch`` patterns) that are published though they are not notes,
    e.g. ``CNAME``: a maintainer's decision; anything else there is refused (see :mod:`latar.core.contributed`)."""
    review_placements = c.Type(bool, default=False)
    """Every article keeps a record of where notes land, each placement accepted or rejected by an editor
    (``seeds/<name>.placements.yml``, see :mod:`latar.core.review`): a new, moved or vanished placement is a problem.
    Without it, a record that exists is still compared and its rejections honoured."""
    repository = c.Optional(c.URL())
    """GitHub repository for "edit this note" and "suggest a correction" links (not ``repo_url``,
    which makes Material call the GitHub API from readers' browsers)."""
    branch = c.Type(str, default="main")
    """Branch the edit links point at; also the main branch that new or changed notes are told from."""
    search = c.Type(bool, default=True)
    """latar's own search index (Indonesian stemming; nothing fetched until the reader opens search) behind
    Material's search box, which needs ``plugins: [search]``; false leaves Material's own search."""
