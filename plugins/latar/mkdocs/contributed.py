"""MkDocs side of the allowlist (:mod:`latar.core.contributed`): publish from the docs folder only what it names."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from latar.core.contributed import linked_folders


def publishable_only(files: Files, docs_dir: Path, publishable: frozenset[str]) -> Files:
    """Drop every file MkDocs found in ``docs_dir`` that the allowlist does not name (links, static files, a notes index).

    Theme files and latar's generated pages do not come from ``docs_dir`` and stay.
    """
    docs = os.path.normpath(docs_dir)
    for file in list(files):
        if file.src_dir is not None and os.path.normpath(file.src_dir) == docs and file.src_uri not in publishable:
            files.remove(file)
    return files


def refuse_linked_folders(docs_dir: Path, root: Path) -> None:
    """Stop before MkDocs walks the docs folder if a link in it points to a folder (MkDocs follows links: a link to
    ``/`` would have it read the whole machine, one to ``.git`` would publish the repository).

    The message holds the same problems ``latar check`` prints for them.
    """
    found = linked_folders(docs_dir, root)
    if found:
        raise PluginError("latar: " + "\nlatar: ".join(str(problem) for problem in found))
