"""The one way latar runs git: file history, the files a change adds or edits, the merge base, a base revision's files.

Every call has a time limit, the C locale and no optional locks (a build never blocks an editor's git). Used to put
a message about two colliding notes on the one that is new or changed (the one in the pull request's diff), to date
pages, and by the pull-request summary to check the base revision. Without git, outside a repository, or without
the base branch, the answer is None ("unknown"), and collision messages go on both notes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 10
ARCHIVE_TIMEOUT_SECONDS = 60


class UnknownBase(ValueError):
    """An explicitly requested base revision that git does not know."""


class GitError(RuntimeError):
    """A git command that had to succeed failed; the message is git's own (or says git is missing)."""


def _run(root: Path, args: tuple[str, ...], text: bool = True, timeout: float = TIMEOUT_SECONDS) -> subprocess.CompletedProcess[Any]:
    """Run git in ``root``; raise :class:`GitError` when it cannot be run at all."""
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed")
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    encoding = "utf-8" if text else None
    try:
        return subprocess.run(
            [git, *args], cwd=root, capture_output=True, text=text, encoding=encoding, timeout=timeout, check=False, env=env
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"git {' '.join(args[:1])} could not run: {error}") from None


def output(root: Path, *args: str) -> str | None:
    """The output of one git command run in ``root``, or None if it failed."""
    try:
        done = _run(root, args)
    except GitError:
        return None
    return done.stdout if done.returncode == 0 else None


def required(root: Path, *args: str) -> str:
    """The output of one git command run in ``root``; :class:`GitError` with git's message if it failed."""
    done = _run(root, args)
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return str(done.stdout)


def archive(root: Path, tree: str, path: str) -> bytes | None:
    """``path`` of the tree ``tree`` (``<commit>:<folder>``) as a tar archive, or None if it is not there."""
    try:
        done = _run(root, ("archive", "--format=tar", tree, "--", path), text=False, timeout=ARCHIVE_TIMEOUT_SECONDS)
    except GitError:
        return None
    return done.stdout if done.returncode == 0 else None


def merge_base(root: Path, base: str | None = None, branch: str = "main") -> str | None:
    """The commit where this checkout left ``base`` (default: ``origin/<branch>``, else ``<branch>``).

    Raises UnknownBase when ``base`` is given and git does not know it.
    """
    pull_request_base = os.environ.get("GITHUB_BASE_REF")  # GitHub Actions, on a pull request: the branch it targets
    default = [f"origin/{pull_request_base}"] if pull_request_base else []
    for candidate in [base] if base else [*default, f"origin/{branch}", branch]:
        found = output(root, "merge-base", "HEAD", candidate)
        if found and found.strip():
            return found.strip()
    if base and output(root, "rev-parse", "--git-dir") is not None:
        raise UnknownBase(f"the base '{base}' is not a branch or commit of this repository")
    return None


def changed_files(root: Path, base: str | None = None, branch: str = "main") -> frozenset[str] | None:
    """Files under ``root`` new or changed since the merge base (committed, staged, edited or untracked).

    Paths are relative to ``root`` with forward slashes, as latar's messages name files; None when unknown.
    """
    commit = merge_base(root, base, branch)
    if commit is None:
        return None
    edited = output(root, "diff", "--name-only", "--relative", "-z", commit, "--")
    untracked = output(root, "ls-files", "--others", "--exclude-standard", "-z")
    if edited is None or untracked is None:
        return None
    return frozenset(name for name in (edited + untracked).split("\0") if name)
