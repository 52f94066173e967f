"""Where social cards are cached between builds: outside the work tree, never through a link, never a tracked folder.

A pull request controls the work tree: a card committed into a cache there would be published as a page's image, and
a cache folder committed as a link would have builds write and delete files wherever it points. So the default is the
user's cache folder, keyed by the project's path; ``$LATAR_CACHE_DIR`` (CI caching) or ``plugins.latar.cache_dir``
may move it, and a folder that is a link, or that git tracks, is refused: cards are then drawn in memory only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from latar.core import git
from latar.core.contributed import linked_folder

ENVIRONMENT = "LATAR_CACHE_DIR"


def default_base(root: Path) -> Path:
    """``$LATAR_CACHE_DIR``, else ``$XDG_CACHE_HOME/latar/<hash of the project's path>`` (``~/.cache`` without XDG)."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT]).expanduser()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "latar" / hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]


def card_folder(root: Path, option: str | None) -> tuple[Path | None, str | None]:
    """The folder cards are cached in, or None (memory only) and the warning that says why."""
    base = root / option if option else default_base(root)
    folder = base / "kartu"
    for path in (base, folder):
        if path.is_symlink():
            return None, f"the card cache {path} is a symbolic link; remove it (cards are drawn in memory until then)"
    if folder.is_relative_to(root):
        link = linked_folder(folder, root)
        if link is not None:
            return None, f"the card cache's folder {link} is a symbolic link; remove it (cards are drawn in memory until then)"
        tracked = git.output(root, "ls-files", "-z", "--", folder.relative_to(root).as_posix())
        if tracked:
            return None, (
                f"the card cache {folder} is tracked by git, so a pull request could put cards in it; "
                "remove it from git (git rm -r --cached) or unset plugins.latar.cache_dir (cards are drawn in memory until then)"
            )
    return folder, None
