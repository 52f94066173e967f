"""What a pull request may add, and how latar touches it: one allowlist of paths, reads that follow no link.

Under the docs folder only notes (``<notes>/<id>.md``) and what a maintainer lists in ``plugins.latar.allowed_files``;
under the seeds folder only ``<name>.txt``, ``<name>.yml`` and ``<name>.placements.yml`` (its reviewed placements); every one a regular file, never a symbolic link, in a
folder that is no link either. ``latar check``, the strict build, ``mkdocs serve`` and CI all get these problems from
:func:`path_problems` (through the pipeline); the MkDocs adapter publishes only :attr:`Contributions.publishable`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from latar.core.problems import InputError, Problem, printable

SYMLINK = "is a symbolic link; commit the file itself (latar reads no links and publishes nothing they point to)"
NOT_REGULAR = "is not a regular file (a folder, device or pipe with a file's name); remove it"
SEED_NAMES = re.compile(r"[^/]+(\.txt|\.placements\.yml|\.yml)\Z")
RECORD_SUFFIX = ".placements.yml"
"""An article's reviewed placements: ``<seeds>/<name>.placements.yml`` (:mod:`latar.core.review`)."""


@dataclass(frozen=True)
class Contributions:
    """The problems of every contributed path, and the docs files (relative, ``/``-separated) that may be published."""

    problems: list[Problem]
    publishable: frozenset[str]


def _label(path: Path, root: Path) -> str:
    try:
        return printable(path.relative_to(root).as_posix())
    except ValueError:
        return printable(path.as_posix())


def linked_folder(folder: Path, root: Path) -> Path | None:
    """The first component of ``folder`` (from ``root`` down) that is a symbolic link, or None."""
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        return None
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def regular_files(folder: Path, root: Path, suffix: str) -> list[Path]:
    """The regular files named ``*<suffix>`` directly in ``folder`` (no links, nothing in a linked folder), sorted."""
    if linked_folder(folder, root) is not None:
        return []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(Path(e.path) for e in entries if e.name.endswith(suffix) and e.is_file(follow_symlinks=False))


def linked_folders(docs_dir: Path, root: Path) -> list[Problem]:
    """The problems of links in the docs folder that point to a folder (which MkDocs would walk into), without following any."""
    docs_dir = _anchored(docs_dir, root)
    found = []
    for folder, dirnames, filenames in os.walk(docs_dir):
        for name in [*dirnames, *filenames]:
            path = Path(folder) / name
            if path.is_symlink() and path.is_dir():
                found.append(Problem(_label(path, root), None, SYMLINK))
        dirnames[:] = [name for name in dirnames if not (Path(folder) / name).is_symlink()]
    return sorted(found)


def read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file, opened without following a link; an InputError says why not.

    The size is what is read, not what ``stat`` says: ``/dev/zero`` and ``/proc`` files report 0 bytes.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as err:
        raise InputError([Problem(label, None, _why(err))]) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise InputError([Problem(label, None, NOT_REGULAR)])
        chunks, size = [], 0
        while size <= max_bytes and (chunk := os.read(handle, min(1 << 16, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise InputError([Problem(label, None, _why(err))]) from None
    finally:
        os.close(handle)
    if size > max_bytes:
        raise InputError([Problem(label, None, f"the file is larger than the {max_bytes // 1024} KiB limit; split or shorten it")])
    return b"".join(chunks)


def link_or_copy(source: Path, dest: Path, max_bytes: int) -> None:
    """``dest`` as a hard link to ``source`` (a copy, of at most ``max_bytes``, where links are refused: another file
    system); an old file or link at ``dest`` is replaced, never written through. OSError or InputError when neither works."""
    try:
        dest.unlink(missing_ok=True)
        os.link(source, dest, follow_symlinks=False)
    except OSError:
        dest.write_bytes(read_bytes(source, source.name, max_bytes))


def unreadable(label: str, err: Exception) -> Problem:
    """The problem for a file whose reading failed in a way no rule foresaw: said on that file, never a traceback."""
    return Problem(label, None, f"cannot be read as a latar file ({type(err).__name__}); check its encoding and structure")


def _why(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return SYMLINK
    if err.errno == errno.ENOENT:
        return "does not exist any more (removed while being read); run again"
    if err.errno == errno.EACCES:
        return "cannot be read (permission denied); make it readable"
    return f"cannot be read ({err.strerror or err}); replace it with a plain text file"


def path_problems(root: Path, docs_dir: Path, notes_dir: Path, seeds_dir: Path, allowed: tuple[str, ...] = ()) -> Contributions:
    """Every path under the docs and seeds folders that a pull request may not bring, and what may be published."""
    docs_dir, notes_dir, seeds_dir = (_anchored(folder, root) for folder in (docs_dir, notes_dir, seeds_dir))
    problems: list[Problem] = []
    publishable: set[str] = set()
    for folder in (seeds_dir, docs_dir, notes_dir):
        link = linked_folder(folder, root)
        if link is not None:
            problems.append(Problem(_label(link, root), None, SYMLINK))
    if linked_folder(seeds_dir, root) is None and seeds_dir.is_dir():
        problems += _seed_problems(seeds_dir, root)
    if linked_folder(docs_dir, root) is None and docs_dir.is_dir():
        problems += _docs_problems(root, docs_dir, notes_dir, allowed, publishable)
    return Contributions(sorted(set(problems), key=lambda p: (p.path, p.message)), frozenset(publishable))


def _anchored(folder: Path, root: Path) -> Path:
    """``folder`` spelt from the (resolved) root, resolving only what lies above the project, never a link inside it."""
    if folder.is_relative_to(root):
        return folder
    for above in folder.parents:
        if Path(os.path.realpath(above)) == root:
            return root / folder.relative_to(above)
    return folder


def _seed_problems(seeds_dir: Path, root: Path) -> list[Problem]:
    seeds = _label(seeds_dir, root)
    problems = []
    for entry in sorted(os.scandir(seeds_dir), key=lambda e: e.name):
        label = _label(Path(entry.path), root)
        if entry.is_symlink():
            problems.append(Problem(label, None, SYMLINK))
        elif not SEED_NAMES.match(entry.name):
            message = f"{seeds}/ holds only articles, <name>.txt, its <name>.yml and <name>.placements.yml; remove this"
            problems.append(Problem(label, None, message))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(Problem(label, None, NOT_REGULAR))
    return problems


def _docs_problems(root: Path, docs_dir: Path, notes_dir: Path, allowed: tuple[str, ...], publishable: set[str]) -> list[Problem]:
    docs, notes = _label(docs_dir, root), _label(notes_dir, root)
    problems = []
    for folder, dirnames, filenames in os.walk(docs_dir):
        here = Path(folder)
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink():
                problems.append(Problem(_label(path, root), None, SYMLINK))
            elif here == notes_dir and name.endswith(".md"):
                problems.append(Problem(_label(path, root), None, NOT_REGULAR))
        dirnames[:] = sorted(name for name in dirnames if not (here / name).is_symlink())
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(docs_dir).as_posix()
            label = _label(path, root)
            if path.is_symlink():
                problems.append(Problem(label, None, SYMLINK))
            elif not path.is_file():
                problems.append(Problem(label, None, NOT_REGULAR))
            elif any(fnmatchcase(relative, pattern) for pattern in allowed):
                publishable.add(relative)
            elif here == notes_dir and name == "index.md":
                message = "the notes index is generated by latar; remove this file (its title, description and text are not used)"
                problems.append(Problem(label, None, message))
            elif here == notes_dir and name.endswith(".md"):
                publishable.add(relative)
            elif name.endswith(".md") and here.is_relative_to(notes_dir):
                problems.append(Problem(label, None, f"notes live directly in {notes}/, not in a sub-folder; move it to {notes}/{name}"))
            else:
                problems.append(
                    Problem(
                        label,
                        None,
                        f"only notes ({notes}/<id>.md) may be contributed under {docs}/; remove this file, "
                        "or a maintainer lists it in plugins.latar.allowed_files (mkdocs.yml)",
                    )
                )
    return problems


def write_new(path: Path, text: str, root: Path, force: bool = False) -> str | None:
    """Create ``path`` with ``text`` (never through a link, never over a file unless ``force``); the reason if not."""
    label = _label(path, root)
    link = linked_folder(path.parent, root)
    if link is not None:
        return f"{_label(link, root)} {SYMLINK.replace('commit the file itself', 'replace it with a real folder')}"
    if path.is_symlink():
        return f"{label} {SYMLINK.replace('commit the file itself', 'remove the link')}"
    if os.path.lexists(path):
        if not force:
            return f"{label} already exists"
        if not path.is_file():
            return f"{label} {NOT_REGULAR}"
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as err:
        return f"{label} {_why(err)}"
    return None
