"""Which files a change adds or edits, relative to the main branch: git, asked once per check or build.

Used to put a message about two colliding notes on the one that is new or changed (the one in the
pull request's diff). Without git, outside a repository, or without the base branch, the answer is
None ("unknown"), and such messages go on both notes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

TIMEOUT_SECONDS = 10


class UnknownBase(ValueError):
    """An explicitly requested base revision that git does not know."""


def _git(root: Path, *args: str) -> str | None:
    """The output of one git command run in ``root``, or None if it failed."""
    git = shutil.which("git")
    if git is None:
        return None
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [git, *args], cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_SECONDS, check=False, env=env
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def merge_base(root: Path, base: str | None = None, branch: str = "main") -> str | None:
    """The commit where this checkout left ``base`` (default: ``origin/<branch>``, else ``<branch>``).

    Raises UnknownBase when ``base`` is given and git does not know it.
    """
    pull_request_base = os.environ.get("GITHUB_BASE_REF")  # GitHub Actions, on a pull request: the branch it targets
    default = [f"origin/{pull_request_base}"] if pull_request_base else []
    for candidate in [base] if base else [*default, f"origin/{branch}", branch]:
        found = _git(root, "merge-base", "HEAD", candidate)
        if found and found.strip():
            return found.strip()
    if base and _git(root, "rev-parse", "--git-dir") is not None:
        raise UnknownBase(f"the base '{base}' is not a branch or commit of this repository")
    return None


def changed_files(root: Path, base: str | None = None, branch: str = "main") -> frozenset[str] | None:
    """Files under ``root`` new or changed since the merge base (committed, staged, edited or untracked).

    Paths are relative to ``root`` with forward slashes, as latar's messages name files; None when unknown.
    """
    commit = merge_base(root, base, branch)
    if commit is None:
        return None
    edited = _git(root, "diff", "--name-only", "--relative", "-z", commit, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if edited is None or untracked is None:
        return None
    return frozenset(name for name in (edited + untracked).split("\0") if name)
