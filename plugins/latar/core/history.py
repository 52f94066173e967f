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
from datetime import UTC, datetime, timedelta
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


_FAILED = (
    "git: {what} failed in a git checkout, so every page is dated with the build date instead of its history; "
    "run 'git status' to see what is wrong with the repository"
)


class History:
    """Dates of the files under some folders of one project."""

    def __init__(
        self, dates: dict[Path, Dates], fallback: datetime, dirty: frozenset[Path] = frozenset(), warning: str | None = None
    ) -> None:
        self._dates = dates
        self.fallback = fallback
        self._dirty = dirty
        self.warning = warning
        """Why the history could not be read though the project is in git (every page then has the build date)."""
        self._resolved: dict[Path, Path] = {}  # Path.resolve() is a system call per component; pages ask for the same files often

    @classmethod
    def load(cls, root: Path, folders: Iterable[Path]) -> History:
        """Read the history of every file under ``folders`` (absolute paths) with one ``git log``."""
        fallback = build_date()
        top = git.output(root, "rev-parse", "--show-toplevel")
        if top is None:
            in_git = any((folder / ".git").exists() for folder in (root, *root.parents))
            return cls({}, fallback, warning=_FAILED.format(what="git rev-parse") if in_git else None)
        top_path = Path(top.strip()).resolve()
        specs = sorted(
            {folder.resolve().relative_to(top_path).as_posix() for folder in folders if folder.resolve().is_relative_to(top_path)}
        )
        if not specs:
            return cls({}, fallback)
        log = git.output(top_path, "-c", "core.quotePath=false", "log", "-z", "-M", "--name-status", "--format=%x01%at", "--", *specs)
        if log is None:
            return cls({}, fallback, warning=_FAILED.format(what="git log"))
        status = git.output(top_path, "status", "--porcelain", "-z", "--untracked-files=no", "--", *specs)
        dates = {top_path / path: value for path, value in parse_log(log).items()}
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


def author_time(text: str, latest: datetime | None = None) -> datetime | None:
    """An author date (``%at``, seconds since 1970) clamped to 1970 … now + a day; None when git wrote no number."""
    latest = latest or datetime.now(UTC) + timedelta(days=1)
    text = text.strip()
    if not text.lstrip("-").isdigit() or len(text) > 20:
        return None
    seconds = min(max(int(text), 0), int(latest.timestamp()))
    return datetime.fromtimestamp(seconds, UTC)


def parse_log(log: str) -> dict[str, Dates]:
    """Parse ``git log -z -M --name-status --format=%x01%at`` (newest first), following renames.

    A commit can carry any author date (year 10000, none at all): each is clamped to a real one, or skipped.
    """
    latest = datetime.now(UTC) + timedelta(days=1)
    newest: dict[str, datetime] = {}
    oldest: dict[str, datetime] = {}
    alias: dict[str, str | None] = {}  # a path in older commits → the file's current path (None: another file)
    tokens = log.split("\0")
    index, when = 0, None
    while index < len(tokens):
        token = tokens[index].strip("\n")
        index += 1
        if token.startswith("\x01"):
            when = author_time(token[1:], latest)
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
