"""The search index kept between builds, next to the cards (outside the work tree, never through a link).

Indexing every page is the most expensive thing ``on_post_build`` does, and most builds index the same pages as the
last one (a developer's rebuild, CI with its cache restored). So the files of ``cari/`` are kept as one JSON entry
named by a hash of everything that makes them (the search pages, the code that indexes them, the stemmer's version;
see :func:`latar.outputs.searchindex.index_key`), and the next build with the same key writes them from there.

The entry is data, never code: JSON of names and texts, read without following a link and up to :data:`MAX_BYTES`.
It records the SHA-256 of its own files and is used only when that, its key, its file names and its form all check
out; anything else (a truncated, edited or foreign entry) is ignored and the index is made again, then replaces it.
Only the newest entry is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from latar.core.contributed import read_bytes
from latar.core.problems import InputError

ENTRY = re.compile(r"[0-9a-f]{64}\.json")
FILE_NAME = re.compile(r"[tpx](?:0|[1-9][0-9]*)\.json")
"""The names :func:`latar.outputs.searchindex.index_files` gives the index's files."""
MAX_BYTES = 512 * 1024 * 1024
"""An entry larger than this is not read (the index of 10,000 pages is about 60 MiB)."""


def digest(files: Mapping[str, str]) -> str:
    """SHA-256 of the files' names and texts, in order."""
    hashed = hashlib.sha256()
    for name, text in files.items():
        hashed.update(f"{name}\0{text}\0".encode())
    return hashed.hexdigest()


class IndexCache:
    """Index files by the key of their inputs, under ``folder`` (None: nothing kept, every build indexes)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _entry(self, key: str) -> Path | None:
        if self.folder is None or not re.fullmatch(r"[0-9a-f]{64}", key) or self.folder.is_symlink():
            return None
        return self.folder / f"{key}.json"

    def get(self, key: str) -> tuple[dict[str, str], int] | None:
        """The files kept for ``key`` and their key count, or None when there is no entry or it does not check out."""
        path = self._entry(key)
        if path is None:
            return None
        try:
            data = json.loads(read_bytes(path, path.name, MAX_BYTES))
        except (InputError, ValueError, RecursionError):  # missing, a link, too large, not JSON (or nested past the parser)
            return None
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("keys"), int):
            return None
        files = data.get("files")
        if not isinstance(files, dict) or not files:
            return None
        if not all(isinstance(name, str) and FILE_NAME.fullmatch(name) and isinstance(text, str) for name, text in files.items()):
            return None
        if data.get("digest") != digest(files):
            return None
        return files, data["keys"]

    def put(self, key: str, files: Mapping[str, str], keys: int) -> None:
        """Keep ``files`` for ``key``, atomically, and drop every other entry; a cache that cannot be written is skipped."""
        path = self._entry(key)
        if path is None:
            return
        entry = {"key": key, "keys": keys, "digest": digest(files), "files": dict(files)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except OSError:
            return
        for other in os.scandir(path.parent):  # only the entries it writes: <sha256>.json, regular files
            if ENTRY.fullmatch(other.name) and other.name != path.name and other.is_file(follow_symlinks=False):
                Path(other.path).unlink(missing_ok=True)
