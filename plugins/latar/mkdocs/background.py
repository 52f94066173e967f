"""``make serve``: what no page waits for is written after the rebuild returns, so the saved page is served first.

MkDocs' server answers no request until a rebuild ends. With ``--dirty`` the pages of a save are ready in well under a
second at 200 × 2,000, and ``on_post_build``'s files (search index, Web Annotation collection, plain texts, cards,
sitemap) take most of a rebuild. While serving with ``--dirty`` they are written in one thread of their own once the
pages are; the next rebuild, and the server's end, wait for it first, so two writers never meet and the site is
whole again before anything else runs. The terminal says when they are written (latar's "search: …" line comes
after MkDocs' "Documentation built in"). ``mkdocs build`` and plain ``mkdocs serve`` write them in the build.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from latar.core.memo import Memo
from latar.mkdocs.site import SiteModel
from latar.outputs.cardcache import CardCache
from latar.outputs.indexcache import IndexCache


class Background:
    """At most one job at a time, run after the rebuild that started it; its failure is logged, never swallowed."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def run(self, job: Callable[[], list[str]], log: logging.Logger, *, later: bool) -> None:
        """Run ``job`` now, or ``later`` in a thread (after the last one ended); log each line it returns, or its failure."""
        self.wait()
        if not later:
            for line in job():
                log.info(line)
            return

        def run() -> None:
            started = time.perf_counter()
            try:
                lines = job()
            except Exception as error:
                log.error(f"preview: writing the search index, annotations and cards failed: {error!r}")
                return
            for line in lines:
                log.info(line)
            log.info(f"preview: search index, annotations and cards written, {time.perf_counter() - started:.2f} s after the pages")

        self._thread = threading.Thread(target=run, name="latar-outputs", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the last job ended (before a rebuild, at the server's end)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def write_outputs(
    site: SiteModel, cards: CardCache, memo: Memo[Any] | None, index_cache: IndexCache | None = None
) -> Callable[[], list[str]]:
    """``on_post_build``'s job: the site model's files, then what to tell the terminal."""

    def job() -> list[str]:
        indexed = site.write_outputs(cards, memo, index_cache)
        reused = [f"preview: {memo.reused} pieces of the outputs reused"] if memo is not None and memo.reused else []
        return [*([indexed] if indexed else []), *reused]

    return job
