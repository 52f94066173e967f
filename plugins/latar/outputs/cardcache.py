"""Where social cards are cached between builds (outside the work tree, never through a link, never a tracked
folder), and how they get into the built site.

A pull request controls the work tree: a card committed into a cache there would be published as a page's image, and
a cache folder committed as a link would have builds write and delete files wherever it points. So the default is the
user's cache folder, keyed by the project's path; ``$LATAR_CACHE_DIR`` (CI caching) or ``plugins.latar.cache_dir``
may move it, and a folder that is a link, or that git tracks, is refused: cards are then drawn for every build.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from latar.core import git
from latar.core.contributed import link_or_copy, linked_folder
from latar.outputs.cards import Card, draw

ENVIRONMENT = "LATAR_CACHE_DIR"
CARD_NAME = re.compile(r"[0-9a-f]{64}\.png")
MAX_BYTES = 4 * 1024 * 1024
"""A cached card larger than this is drawn again."""
POOL_FROM = 8
"""Cards to draw per extra process: fewer are drawn in this one (starting a process costs about 0.2 s)."""


def default_base(root: Path) -> Path:
    """``$LATAR_CACHE_DIR``, else ``$XDG_CACHE_HOME/latar/<hash of the project's path>`` (``~/.cache`` without XDG)."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT]).expanduser()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "latar" / hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]


CACHES = {
    "kartu": ("the card cache", "cards are drawn in memory until then"),
    "cari": ("the search index cache", "every build indexes anew until then"),
    "catatan": ("the parsed notes cache", "every build parses every note until then"),
}
"""latar's data caches (cards, the search index, parsed notes): what each is called in a warning, what happens
without it. CI restores these (their entries are data, checked when read)."""
LOCAL_CACHES = {
    "templat": ("the compiled templates cache", "every build compiles the theme's templates until then"),
}
"""Caches of code that runs (Jinja's compiled templates): under the same rules, but only ever made on this machine,
never restored from CI's cache (see :mod:`latar.mkdocs.templatecache`)."""


def cache_folders(root: Path, option: str | None) -> tuple[dict[str, Path | None], list[str]]:
    """Every folder of :data:`CACHES` and :data:`LOCAL_CACHES` (None where refused), and the warnings that say why
    (one, if the base is refused)."""
    base = root / option if option else default_base(root)
    if base.is_symlink():
        return dict.fromkeys(CACHES | LOCAL_CACHES), [
            f"latar's cache {base} is a symbolic link; remove it (nothing is kept between builds until then)"
        ]
    folders: dict[str, Path | None] = {}
    refused: list[str] = []
    for name, (what, meanwhile) in (CACHES | LOCAL_CACHES).items():
        folders[name], warning = cache_folder(root, option, name, what, meanwhile)
        refused += [warning] if warning else []
    return folders, refused


def cache_folder(root: Path, option: str | None, name: str, what: str, meanwhile: str) -> tuple[Path | None, str | None]:
    """The folder ``name`` of latar's cache (cards, the search index), or None and the warning that says why not."""
    base = root / option if option else default_base(root)
    folder = base / name
    for path in (base, folder):
        if path.is_symlink():
            return None, f"{what} {path} is a symbolic link; remove it ({meanwhile})"
    if folder.is_relative_to(root):
        link = linked_folder(folder, root)
        if link is not None:
            return None, f"{what}'s folder {link} is a symbolic link; remove it ({meanwhile})"
        tracked = git.output(root, "ls-files", "-z", "--", folder.relative_to(root).as_posix())
        if tracked:
            return None, (
                f"{what} {folder} is tracked by git, so a pull request could put files in it; "
                f"remove it from git (git rm -r --cached) or unset plugins.latar.cache_dir ({meanwhile})"
            )
    return folder, None


class CardCache:
    """Cards by content hash on disk under ``folder`` (None: drawn for every build). PNG bytes are never kept in
    memory: a cached card is hard-linked into the site (copied across file systems), a missing one drawn into the
    cache first, in a process pool when there are many (a fresh clone, CI without its cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.drawn = 0

    def place(self, cards: Mapping[Path, Card]) -> set[str]:
        """Write each card at its path in the built site; return the cards' keys (see :meth:`prune`)."""
        keys = {dest: card.key() for dest, card in cards.items()}
        sources: dict[str, Path] = {}
        missing: list[tuple[Card, Path]] = []
        for dest, key in keys.items():
            if key in sources:
                continue
            cached = self.folder / f"{key}.png" if self.folder else None
            if cached is not None and _usable(cached):
                sources[key] = cached
            else:
                sources[key] = cached or dest  # no cache folder: drawn straight into the site
                missing.append((cards[dest], sources[key]))
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        for dest in keys:
            dest.parent.mkdir(parents=True, exist_ok=True)
        draw_all(missing)
        self.drawn += len(missing)
        for dest, key in keys.items():
            if sources[key] != dest:
                link_or_copy(sources[key], dest, MAX_BYTES)
        return set(sources)

    def prune(self, used: set[str]) -> None:
        """Delete cached cards no page uses any more (a title changed, a note was removed)."""
        if self.folder is None or self.folder.is_symlink() or not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):  # only the cards it writes: <sha256>.png, regular files
            if CARD_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) and entry.name[:-4] not in used:
                Path(entry.path).unlink(missing_ok=True)


def draw_all(jobs: list[tuple[Card, Path]]) -> None:
    """Draw each card into its file: one process per core when there are at least :data:`POOL_FROM` of them."""
    workers = min(os.cpu_count() or 1, len(jobs) // POOL_FROM)
    if workers > 1:
        import multiprocessing  # noqa: PLC0415 - only for a cold cache
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
        from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                cards, paths = zip(*jobs, strict=True)
                for _ in pool.map(draw_into, cards, paths, chunksize=max(1, len(jobs) // (workers * 8))):
                    pass
            return
        except (OSError, BrokenProcessPool):  # no processes here (a sandbox): draw them one by one
            pass
    for card, path in jobs:
        draw_into(card, path)


def draw_into(card: Card, path: Path) -> None:
    """Draw ``card`` into ``path``, atomically (a reader never sees half a card; a link at ``path`` is replaced)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(draw(card))
    os.replace(temporary, path)


def _usable(path: Path) -> bool:
    """A cached card: a regular file (not a link), neither empty nor over :data:`MAX_BYTES`."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and 0 < info.st_size <= MAX_BYTES
