"""One MkDocs build in this process; prints JSON with the build time and latar's time per hook."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import time
from collections import defaultdict

HOOKS = ("on_config", "on_files", "on_page_markdown", "on_page_content", "on_env", "on_post_page", "on_post_build")


def instrument() -> dict[str, float]:
    """Wrap latar's event methods to add up their time (benchmark only)."""
    from latar.plugin import LatarPlugin  # noqa: PLC0415

    spent: dict[str, float] = defaultdict(float)
    for name in HOOKS:
        original = getattr(LatarPlugin, name, None)
        if original is None:
            continue

        @functools.wraps(original)
        def timed(self, *args, __original=original, __name=name, **kwargs):
            start = time.perf_counter()
            try:
                return __original(self, *args, **kwargs)
            finally:
                spent[__name] += time.perf_counter() - start

        setattr(LatarPlugin, name, timed)
    return spent


def main() -> None:
    """Build once; print {"build": seconds, "hooks": {...}}."""
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("site")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent = instrument()
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    start = time.perf_counter()
    build(load_config(config_file=args.config, site_dir=args.site))
    elapsed = time.perf_counter() - start
    print(json.dumps({"build": elapsed, "hooks": dict(spent)}))


if __name__ == "__main__":
    main()
