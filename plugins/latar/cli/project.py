"""Find the project: the folder holding ``mkdocs.yml``, and latar's folders as ``mkdocs.yml`` sets them.

Read without importing MkDocs (the command stays fast); unknown YAML tags (``!ENV``,
``!!python/name:``) are read as empty values, since only latar's own options matter here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from latar.core.command import latar_command  # noqa: F401 - the CLI's hints use it from here

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULTS = {"seeds_dir": "seeds", "notes_dir": "anotasi", "branch": "main"}
"""The plugin's defaults (:class:`latar.config.LatarConfig`) for the options the command needs."""


class ProjectError(Exception):
    """No usable project here; the message says what to do."""


class _Tolerant(yaml.SafeLoader):
    """Safe YAML that reads any tag it does not know as an empty value."""


_Tolerant.add_constructor(None, lambda _loader, _node: None)


@dataclass(frozen=True)
class Project:
    """Where a latar project keeps its articles and notes."""

    root: Path
    config: Path
    seeds_dir: Path
    notes_dir: Path
    branch: str = "main"
    docs_dir: Path | None = None
    allowed: tuple[str, ...] = ()
    """``plugins.latar.allowed_files``: what a maintainer lets be published from the docs folder besides notes."""
    review: bool = False
    """``plugins.latar.review_placements``: every article keeps a record of its reviewed placements."""


def find_config(start: Path) -> Path | None:
    """The nearest ``mkdocs.yml`` in ``start`` or a folder above it."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def _latar_options(plugins: Any) -> dict[str, Any] | None:
    """The ``latar`` entry of ``plugins`` (a list or a mapping), or None when latar is not listed."""
    if isinstance(plugins, dict):
        return (plugins.get("latar") or {}) if "latar" in plugins else None
    for item in plugins if isinstance(plugins, list) else []:
        if item == "latar":
            return {}
        if isinstance(item, dict) and "latar" in item:
            return item["latar"] if isinstance(item["latar"], dict) else {}
    return None


def load_project(config: Path) -> Project:
    """Read latar's folders from ``config``; raise ProjectError if it cannot be read or does not use latar."""
    try:
        data = yaml.load(config.read_text("utf-8"), Loader=_Tolerant)  # a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ProjectError(f"cannot read {config}: {str(err).splitlines()[0]}") from None
    data = data if isinstance(data, dict) else {}
    options = _latar_options(data.get("plugins"))
    if options is None:
        raise ProjectError(f"{config} does not use the latar plugin; run latar in a latar project or pass --config")
    settings = {key: str(options.get(key) or default) for key, default in DEFAULTS.items()}
    root = config.parent.resolve()
    docs = root / str(data.get("docs_dir") or "docs")
    allowed = options.get("allowed_files")
    allowed = tuple(str(item) for item in allowed) if isinstance(allowed, list) else ()
    review = options.get("review_placements") is True
    return Project(root, config, root / settings["seeds_dir"], docs / settings["notes_dir"], settings["branch"], docs, allowed, review)


def locate(start: Path, config: Path | None = None) -> Project:
    """The project of ``config``, or of the nearest ``mkdocs.yml`` from ``start`` up; ProjectError if none."""
    if config is not None:
        if not config.is_file():
            raise ProjectError(f"{config} does not exist; pass the path of the project's mkdocs.yml to --config")
        return load_project(config)
    found = find_config(start.resolve())
    if found is None:
        raise ProjectError("no mkdocs.yml here or in any parent folder; run latar inside the project or pass --config")
    return load_project(found)
