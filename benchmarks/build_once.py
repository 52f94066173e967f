"""One MkDocs build in this process; prints JSON with the build time and latar's time per hook."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import time
from collections import defaultdict


def instrument(cls: type, spent: dict[str, float], prefix: str = "") -> None:
    """Wrap every event method (``on_*``) of ``cls`` to add up its time (benchmark only)."""
    for name, original in list(vars(cls).items()):
        if not name.startswith("on_") or not callable(original):
            continue

        @functools.wraps(original)
        def timed(self, *args, __original=original, __name=prefix + name, **kwargs):
            start = time.perf_counter()
            try:
                return __original(self, *args, **kwargs)
            finally:
                spent[__name] += time.perf_counter() - start

        setattr(cls, name, timed)


def main() -> None:
    """Build once; print {"build": seconds, "hooks": {latar's hook: seconds}, "search": seconds, "pagefind": seconds}.

    ``search`` is Material's search plugin: it re-parses every page (unless latar's search tells it to skip
    them), so it shows how much of a difference comes from richer pages rather than from latar itself.
    ``pagefind`` is latar's search index, built inside latar's ``on_post_build`` but not latar's own work.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("site")
    parser.add_argument("--latar", action="store_true", help="the site uses latar: time its hooks (never imported otherwise)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    from material.plugins.search.plugin import SearchPlugin  # noqa: PLC0415

    spent: dict[str, float] = defaultdict(float)
    search: dict[str, float] = defaultdict(float)
    instrument(SearchPlugin, search)
    pagefind: dict[str, float] = defaultdict(float)
    if args.latar:
        from latar.mkdocs.plugin import LatarPlugin  # noqa: PLC0415
        from latar.outputs import search as latar_search  # noqa: PLC0415

        instrument(LatarPlugin, spent)
        index = latar_search.build_index

        def timed_index(*a, **k):  # Pagefind, run inside latar's on_post_build: reported as search indexing
            start = time.perf_counter()
            try:
                return index(*a, **k)
            finally:
                pagefind["index"] += time.perf_counter() - start

        latar_search.build_index = timed_index
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    start = time.perf_counter()
    build(load_config(config_file=args.config, site_dir=args.site))
    elapsed = time.perf_counter() - start
    print(json.dumps({"build": elapsed, "hooks": dict(spent), "search": sum(search.values()), "pagefind": pagefind["index"]}))


if __name__ == "__main__":
    main()
