"""Reading contributed text files: UTF-8 only, no binaries, bounded size."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from latar.core.contributed import read_bytes
from latar.core.problems import InputError, Problem, printable

MAX_FILE_BYTES = 512 * 1024


def read_text(path: Path, label: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Decode a contributed file as UTF-8 (a BOM is dropped), or raise an InputError (links are not followed)."""
    raw = read_bytes(path, label, max_bytes)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem(label, 1, "the file is not UTF-8 (it is UTF-16); re-save it with UTF-8 encoding")])
    if b"\x00" in raw:
        raise InputError([Problem(label, None, "the file is binary (it contains NUL bytes); save it as UTF-8 text")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(
            [
                Problem(
                    label,
                    line,
                    f"the file is not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); re-save it with UTF-8 encoding",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def read_leniently(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """The text of a file that :func:`read_text` refuses, as far as it can be read (bad bytes replaced), to search in.

    None when there is nothing to search: the file is too large, binary, empty or gone.
    """
    try:
        raw = read_bytes(path, str(path), max_bytes)  # no link followed, never more than max_bytes read
    except InputError:
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw or not raw.strip():
        return None
    return raw.decode("utf-8", errors="replace").removeprefix("\ufeff")


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR, without the line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def file_label(path: Path, root: Path) -> str:
    """How messages name a file: relative to the project root, with forward slashes."""
    folder = _folder_label(path.parent, root)
    if folder is None:
        return printable(path.as_posix())
    return printable(path.name if folder == "." else f"{folder}/{path.name}")


@lru_cache(maxsize=256)
def _folder_label(folder: Path, root: Path) -> str | None:
    """A folder relative to the root (resolved once per folder, not once per file), or None if outside."""
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
