"""How a person runs latar in a fresh shell: the command every hint and message names."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def latar_command(cwd: Path | None = None) -> str:
    """How to run this latar from ``cwd`` in a fresh shell: ``latar`` if the shell finds this one, else its path.

    ``make serve`` installs latar into the project's ``.venv`` without putting it on the PATH, so a hint that
    says plain ``latar check`` would fail there; this says ``.venv/bin/latar check`` instead.
    """
    script = Path(sys.executable).with_name("latar")
    found = shutil.which("latar")
    if found and script.is_file() and Path(found).resolve() == script.resolve():
        return "latar"
    if not script.is_file():
        return f"{sys.executable} -m latar.cli"
    try:
        relative = os.path.relpath(script, cwd or Path.cwd())
    except ValueError:  # another drive (Windows)
        return str(script)
    if relative.startswith(".."):
        return str(script)
    return relative if os.sep in relative else f".{os.sep}{relative}"
