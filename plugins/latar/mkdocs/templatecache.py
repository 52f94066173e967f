"""Material's templates compiled once, not once per build: Jinja's compiled templates kept in latar's cache folder.

Every build, MkDocs makes a Jinja environment and compiles Material's templates in it (45 of them, about a third of
a small site's build), and Material's search plugin makes three more environments for its words. latar's ``on_config``
runs first (priority 100) and has every environment of the theme use one :class:`Compiled` cache
(:func:`latar.mkdocs.theme.environments`): compiled templates in memory for the process (``mkdocs serve``: the server's life) and, when latar has a cache
folder, on disk in ``templat/<Jinja's version>-<Python's magic number>/`` for the next process. Jinja checks each
entry against its template's source (a changed template, a ``custom_dir`` override or one of latar's patches is
compiled anew).

The cache holds code that is run: marshalled Python code objects. So it lives only in latar's cache folder (the
user's, or ``$LATAR_CACHE_DIR``; never a folder git tracks, never through a link, see
:func:`latar.outputs.cardcache.cache_folders`), is never restored from CI's cache (it is in ``LOCAL_CACHES``, not
``CACHES``), and an entry is read only when it is a regular file owned by this user and writable by no one else, in a
folder that is too. An entry that cannot be read, is not Jinja's, or is not a code object is a miss: the template is
compiled and the entry written again, atomically.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import stat
import tempfile
import types
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

MAX_BYTES = 4 * 1024 * 1024
"""An entry larger than this is not read (Material's largest compiled template is about 60 KB)."""
UNSAFE = stat.S_IWGRP | stat.S_IWOTH


def version_folder(folder: Path) -> Path:
    """Where this Jinja and this Python keep their entries under the cache's ``folder``."""
    return folder / f"{jinja2.__version__}-{importlib.util.MAGIC_NUMBER.hex()}"


class Compiled(BytecodeCache):
    """Compiled templates by Jinja's key: in memory, and in ``folder`` (None: in memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if hasattr(os, "geteuid") else None  # ownership is how an entry is trusted
        self.code: dict[str, bytes] = {}
        self.loaded = 0
        """Entries read from the folder."""
        self.compiled = 0
        """Templates Jinja compiled (none had a sound entry)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """The entry for ``bucket``'s template, when there is a sound one for its source (else Jinja compiles it)."""
        data = self.code.get(bucket.key)
        folder = self.folder if data is None else None
        if folder is not None:
            data = read_owned(folder, f"{bucket.key}.bin")
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # any damaged entry is a miss
            bucket.reset()
        if not isinstance(bucket.code, types.CodeType):
            bucket.reset()
        elif folder is not None:  # read from the folder
            self.code[bucket.key] = data
            self.loaded += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        """A template Jinja has just compiled: kept in memory and written to the folder."""
        data = bucket.bytecode_to_string()
        self.code[bucket.key] = data
        self.compiled += 1
        if self.folder is not None:
            write_owned(self.folder, f"{bucket.key}.bin", data)


@functools.cache
def cache(folder: Path | None) -> Compiled:
    """One cache per folder in a process: ``mkdocs serve`` keeps what it compiled from one rebuild to the next."""
    return Compiled(None if folder is None else version_folder(folder))


def safe(info: os.stat_result, kind: int) -> bool:
    """Whether a file or folder is of ``kind``, this user's, and writable by no one else."""
    return stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.geteuid() and not info.st_mode & UNSAFE


def read_owned(folder: Path, name: str) -> bytes | None:
    """``folder/name``'s bytes, when both are safe (:func:`safe`) and the file is not too large; else None."""
    try:
        if not safe(os.lstat(folder), stat.S_IFDIR):
            return None
        handle = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not safe(info, stat.S_IFREG) or info.st_size > MAX_BYTES:
            return None
        with os.fdopen(handle, "rb", closefd=False) as entry:
            return entry.read(MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def write_owned(folder: Path, name: str, data: bytes) -> None:
    """Write ``folder/name`` atomically, the folder made this user's only; nothing when that cannot be done."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not safe(os.lstat(folder), stat.S_IFDIR):
            return
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
