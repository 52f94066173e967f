"""The search index kept between builds, next to the cards (outside the work tree, never through a link).

Indexing every page is the most expensive thing ``on_post_build`` does, and most builds index the same pages as the
last one (a developer's rebuild, CI with its cache restored). So the files of ``cari/`` are kept as they were written,
in a folder named by a hash of everything that makes them (the search pages, the code that indexes them, the stemmer's
version; see :func:`latar.outputs.searchindex.index_key`), and the next build with the same key hard-links them into
the site, as cards are: no file is made anew, and nothing of the index is held in memory.

An entry is data, never code: ``entry.json`` (its key, its key count, its file names in order, and the SHA-256 of those
names and their bytes, the hash that names the build's folder) and the files themselves, each a regular file, never a
link, up to :data:`MAX_FILE_BYTES`. Every file is read and hashed as it is placed; an entry whose hash, key, names or
form do not check out (truncated, edited, foreign) is dropped, the index is made again and replaces it. Only the newest
entry is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from latar.core.contributed import link_or_copy, read_bytes
from latar.core.problems import InputError

KEY = re.compile(r"[0-9a-f]{64}")
OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
"""An entry of the earlier form (all files in one JSON): removed when an entry is kept."""
MAKING = ".making-"
STALE_SECONDS = 600
"""A ``.making-*`` folder older than this was left by a stopped build (a younger one may be another build's, at work)."""
MAX_KEYS = 10**9
FILE_NAME = re.compile(r"[tpx](?:0|[1-9][0-9]*)\.json")
"""The names :func:`latar.outputs.searchindex.index_files` gives the index's files."""
ENTRY = "entry.json"
MAX_ENTRY_BYTES = 8 * 1024 * 1024
"""``entry.json`` larger than this is not read (10,000 pages name about 10,000 files: some 130 KB)."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""A kept file larger than this is not used (the largest, a shard or a long page's text, is well under 1 MiB)."""


@dataclass(frozen=True)
class Kept:
    """An entry as its ``entry.json`` describes it (its files not yet read)."""

    folder: Path
    names: tuple[str, ...]
    keys: int
    build: str


@dataclass(frozen=True)
class Placed:
    """What :meth:`IndexCache.place` put into the site: the build's hash, its key count, its files, bytes and shards."""

    build: str
    keys: int
    files: int
    bytes: int
    shards: int


def hashed_form(name: str, data: bytes) -> bytes:
    """One file as the build's hash takes it (its name and its bytes; the hash names the build's folder)."""
    return name.encode("utf-8") + b"\0" + data + b"\0"


class IndexCache:
    """Index files by the key of their inputs, under ``folder`` (None: nothing kept, every build indexes)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _entry(self, key: str) -> Path | None:
        if self.folder is None or not KEY.fullmatch(key) or self.folder.is_symlink():
            return None
        return self.folder / key

    def get(self, key: str) -> Kept | None:
        """The entry kept for ``key`` as its ``entry.json`` says, or None when there is none or it is malformed."""
        folder = self._entry(key)
        try:
            if folder is None or not stat.S_ISDIR(os.lstat(folder).st_mode):
                return None
            data = json.loads(read_bytes(folder / ENTRY, ENTRY, MAX_ENTRY_BYTES))
        except (OSError, InputError, ValueError, RecursionError):  # missing, unreadable, a link, too large, not JSON
            return None
        if not isinstance(data, dict) or data.get("key") != key or type(data.get("keys")) is not int or not 0 <= data["keys"] <= MAX_KEYS:
            return None
        names, build = data.get("files"), data.get("build")
        if not isinstance(build, str) or not KEY.fullmatch(build) or not isinstance(names, list) or not names:
            return None
        if not all(isinstance(name, str) and FILE_NAME.fullmatch(name) for name in names) or len(set(names)) != len(names):
            return None
        return Kept(folder, tuple(names), data["keys"], build)

    def place(self, kept: Kept, dest: Path) -> Placed | None:
        """Hard-link (or copy, across file systems) the kept files into the empty folder ``dest``, reading and hashing
        each; None, and ``dest`` emptied, when any is not a regular file or the hash is not the entry's."""
        try:
            size = _link_all(kept, dest)
        except (OSError, InputError):
            size = None
        if size is None:
            for entry in os.scandir(dest):
                Path(entry.path).unlink(missing_ok=True)
            return None
        self._tidy(kept.folder.name)
        return Placed(kept.build, kept.keys, len(kept.names), size, sum(name.startswith("t") for name in kept.names))

    def put(self, key: str, written: Path, names: Sequence[str], keys: int, build: str) -> None:
        """Keep the files ``names`` of the folder ``written`` (in the site) for ``key``, linked or copied, and drop every
        other entry; a cache that cannot be written is skipped."""
        final = self._entry(key)
        if final is None:
            return
        making: Path | None = None
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            making = Path(tempfile.mkdtemp(prefix=MAKING, dir=final.parent))
            for name in names:
                link_or_copy(written / name, making / name, MAX_FILE_BYTES)
            entry = {"key": key, "keys": keys, "build": build, "files": list(names)}
            (making / ENTRY).write_text(json.dumps(entry, separators=(",", ":")), encoding="utf-8")
            _remove(final)
            making.rename(final)
        except (OSError, InputError):
            if making is not None:
                _remove(making)
            return
        self._tidy(final.name)

    def _tidy(self, newest: str) -> None:
        """Remove every entry but ``newest``: only what this cache writes (``<sha256>/``, a stopped build's
        ``.making-*/``, and the earlier form's ``<sha256>.json`` and ``*.tmp``); an unreadable folder is left as it is."""
        if self.folder is None:
            return
        try:
            with os.scandir(self.folder) as found:
                others = [entry for entry in found if entry.name != newest]
            for other in others:
                stale = other.name.startswith(MAKING) and time.time() - other.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
                if KEY.fullmatch(other.name) or OLD_ENTRY.fullmatch(other.name) or other.name.endswith(".tmp") or stale:
                    _remove(Path(other.path))
        except OSError:
            return


def _link_all(kept: Kept, dest: Path) -> int | None:
    """Link each kept file into ``dest`` and hash what ``dest`` then holds: the bytes placed, or None when a file is
    not a regular one within :data:`MAX_FILE_BYTES` or the hash is not the entry's."""
    hashed = hashlib.sha256()
    size = 0
    for name in kept.names:
        info = os.lstat(kept.folder / name)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        link_or_copy(kept.folder / name, dest / name, MAX_FILE_BYTES)
        data = read_bytes(dest / name, name, MAX_FILE_BYTES)  # what the site now holds: the link just made
        hashed.update(hashed_form(name, data))
        size += len(data)
    return size if hashed.hexdigest() == kept.build else None


def _remove(path: Path) -> None:
    """Remove a file or a folder of the cache (a link is removed, never followed)."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
