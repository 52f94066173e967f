"""When a file was created and last changed: its git history when the project is a git checkout.

Dates feed Web Annotation ``created``/``modified``, schema.org ``dateModified`` and sitemap
``lastmod``. One ``git log`` call per build covers every file (renames followed), so the cost
does not grow with the number of notes. A file git does not know, one changed but not committed,
or a project outside git gets the build date: ``SOURCE_DATE_EPOCH`` when set (reproducible
builds), otherwise now.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from latar.core import git


@dataclass(frozen=True)
class Dates:
    """A file's first and last change."""

    created: datetime
    modified: datetime


def build_date() -> datetime:
    """``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/) or now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    """``xsd:dateTime`` in UTC with ``Z``, as the Web Annotation model requires (``2021-12-31T08:00:00Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class History:
    """Dates of the files under some folders of one project."""

    def __init__(self, dates: dict[Path, Dates], fallback: datetime, dirty: frozenset[Path] = frozenset()) -> None:
        self._dates = dates
        self.fallback = fallback
        self._dirty = dirty
        self._resolved: dict[Path, Path] = {}  # Path.resolve() is a system call per component; pages ask for the same files often

    @classmethod
    def load(cls, root: Path, folders: Iterable[Path]) -> History:
        """Read the history of every file under ``folders`` (absolute paths) with one ``git log``."""
        fallback = build_date()
        top = git.output(root, "rev-parse", "--show-toplevel")
        if top is None:
            return cls({}, fallback)
        top_path = Path(top.strip()).resolve()
        specs = sorted(
            {folder.resolve().relative_to(top_path).as_posix() for folder in folders if folder.resolve().is_relative_to(top_path)}
        )
        if not specs:
            return cls({}, fallback)
        log = git.output(top_path, "-c", "core.quotePath=false", "log", "-z", "-M", "--name-status", "--format=%x01%aI", "--", *specs)
        status = git.output(top_path, "status", "--porcelain", "-z", "--untracked-files=no", "--", *specs)
        dates = {top_path / path: value for path, value in parse_log(log or "").items()}
        dirty = frozenset(top_path / entry[3:] for entry in (status or "").split("\0") if len(entry) > 3)
        return cls(dates, fallback, dirty)

    def of(self, *paths: Path) -> Dates:
        """Created = the earliest first change, modified = the latest change, of ``paths`` together."""
        if not paths or not self._dates:  # nothing known (no git): every file has the build date
            return Dates(self.fallback, self.fallback)
        created: list[datetime] = []
        modified: list[datetime] = []
        for path in paths:
            real = self._resolved.get(path)
            if real is None:
                real = self._resolved[path] = path.resolve()
            known = self._dates.get(real)
            created.append(known.created if known else self.fallback)
            modified.append(self.fallback if known is None or real in self._dirty else known.modified)
        return Dates(min(created), max(modified))


def parse_log(log: str) -> dict[str, Dates]:
    """Parse ``git log -z -M --name-status --format=%x01%aI`` (newest first), following renames."""
    newest: dict[str, datetime] = {}
    oldest: dict[str, datetime] = {}
    alias: dict[str, str | None] = {}  # a path in older commits → the file's current path (None: another file)
    tokens = log.split("\0")
    index, when = 0, None
    while index < len(tokens):
        token = tokens[index].strip("\n")
        index += 1
        if token.startswith("\x01"):
            when = datetime.fromisoformat(token[1:]).astimezone(UTC)
            continue
        if not token or when is None:
            continue
        kind = token[0]
        if kind in "RC":
            old, new = tokens[index], tokens[index + 1]
            index += 2
            current = alias.get(new, new)
            if kind == "R":
                alias[new] = None
                alias[old] = current
        else:
            path = tokens[index]
            index += 1
            current = alias.get(path, path)
            if kind == "A":
                alias[path] = None  # older entries at this path belong to a file deleted before this one was added
            if kind == "D":
                continue
        if current is None:
            continue
        newest[current] = max(when, newest.get(current, when))
        oldest[current] = min(when, oldest.get(current, when))
    return {path: Dates(oldest[path], newest[path]) for path in newest}
