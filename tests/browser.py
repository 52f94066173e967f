"""Helpers for browser tests: a real build served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

CHROMIUM = os.environ.get("LATAR_CHROMIUM", "/usr/bin/chromium")
CSP_VIOLATIONS: list[str] = []
"""Every Content-Security-Policy violation any page of any browser test reported (conftest fails the test that caused one)."""
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__latarCspViolation([event.violatedDirective, event.blockedURI || "inline", event.sourceFile + ":" + event.lineNumber].join(" "));
});
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # As GitHub Pages serves them (Python's default leaves the charset out, and Chromium then guesses).
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".txt": "text/plain; charset=utf-8"}

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    """A test server whose ``shutdown`` also closes its socket (no ResourceWarning, which the suite makes an error)."""

    def shutdown(self) -> None:
        super().shutdown()
        self.server_close()


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free loopback port; return the server and its origin (``server.shutdown()`` closes it)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


LATAR_ERRORS: list[str] = []
"""``latar:`` console errors logged by the pages of the running test; ``conftest.py`` fails the test on any
(``material.js`` says so when Material no longer does what latar relies on)."""


def take_latar_errors() -> list[str]:
    """The ``latar:`` errors logged so far, which the test then answers for (they no longer fail it)."""
    errors = LATAR_ERRORS[:]
    LATAR_ERRORS.clear()
    return errors


def _watch(context):
    """Report the ``latar:`` console errors and every Content-Security-Policy violation (DOM event, console) of ``context``."""
    context.expose_binding("__latarCspViolation", lambda source, text: CSP_VIOLATIONS.append(f"{source['page'].url}: {text}"))
    context.add_init_script(_REPORT_VIOLATIONS)

    def record(message) -> None:
        if message.type == "error" and message.text.startswith("latar:"):
            LATAR_ERRORS.append(f"{message.page.url if message.page else '(worker)'}: {message.text}")
        if "Content Security Policy" in message.text:
            CSP_VIOLATIONS.append(f"{message.page.url if message.page else '(worker)'}: {message.text}")

    context.on("console", record)
    return context


class WatchedBrowser:
    """A Chromium whose every page reports its ``latar:`` console errors to :data:`LATAR_ERRORS`."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str):
        return getattr(self._browser, name)

    def new_context(self, **options):
        return _watch(self._browser.new_context(**options))

    def new_page(self, **options):
        page = self._browser.new_page(**options)
        _watch(page.context)
        return page


def launch(playwright) -> WatchedBrowser:
    """Debian's Chromium, or a failure that says how to get it."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run 'make test' (it installs Debian's chromium) or set LATAR_CHROMIUM=/path/to/chromium"
        )
    return WatchedBrowser(playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS))


USE_MODULE = """async ([path, name]) => {
  const entry = document.querySelector('script[type="module"][src*="/assets/latar/"]');
  window[name] = await import(new URL(path, entry.src.replace(/assets\\/latar\\/.*$/, 'assets/latar/')).href);
}"""


def use_module(page, path: str, name: str) -> None:
    """Import one of latar's ES modules (``path`` under ``assets/latar/``) into the page as ``window[name]``.

    The page's own scripts imported it from the same address, so this is the same module instance, state and all.
    """
    page.evaluate(USE_MODULE, [path, name])


@contextlib.contextmanager
def chromium():
    """A running Chromium for a module's tests (``with chromium() as browser``)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only browser tests need Playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class Marker:
    """One note marker in a built article page, chosen from the site rather than assumed."""

    page: str
    """The article's path, e.g. ``/artikel/<name>/``."""
    note: str
    title: str
    footnote: str
    ref: str
    source_url: str
    kinds: tuple[str, ...]
    """The kinds of the page's markers, most frequent first."""

    @property
    def selector(self) -> str:
        return f'.latar-article-body a.footnote-ref[href="#{self.footnote}"]'


def pick_marker(site: Path, root: Path, name: str | None = None) -> Marker:
    """The first marker of article ``name`` (default: the article with the most notes) in a built site."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    from latar.core.notes import load_notes  # noqa: PLC0415

    pages = {path.parent.name: BeautifulSoup(path.read_text("utf-8"), "html.parser") for path in (site / "artikel").glob("*/index.html")}
    if name is None:
        name = max(sorted(pages), key=lambda n: len(pages[n].select(".latar-footnotes li")))
    soup = pages[name]
    ref = soup.select_one(".latar-article-body sup.latar-ref > a.footnote-ref")
    assert ref is not None, f"article {name} has no note markers"
    note_id = ref["data-latar-note"]
    notes = {note.id: note for note in load_notes(root / "docs" / "anotasi", root)[0]}
    kinds = Counter(a["data-latar-kind"] for a in soup.select(".latar-article-body a.footnote-ref"))
    return Marker(
        page=f"/artikel/{name}/",
        note=note_id,
        title=soup.select_one(f"#{ref['href'][1:]} .latar-note-title").get_text(),
        footnote=ref["href"][1:],
        ref=ref.find_parent("sup")["id"],
        source_url=notes[note_id].sources[0].url,
        kinds=tuple(kind for kind, _ in kinds.most_common()),
    )
