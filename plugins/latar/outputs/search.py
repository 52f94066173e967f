"""Site search: a Pagefind index of what a reader reads, fetched by the browser only when the reader searches.

Pagefind (the ``pagefind[bin]`` wheel ships its binary) stems Indonesian (Snowball), which Material's lunr
index cannot, and splits the index into chunks and per-page fragments: a search fetches the chunks of its
words and the fragments of the results it shows, never the whole index. What is indexed is chosen by the
markup latar writes: ``data-pagefind-body`` on articles and notes (not on the home page's copy of the
newest article), ``data-pagefind-ignore`` on markers, footnotes, source lists, backlinks and controls.

In the browser, ``search-boot.js`` (inlined before Material's bundle) stands in for Material's search
worker until the reader opens search; then ``assets/latar/search/worker.js`` answers Material's worker
messages from this index, so Material's search box, keys, result list and highlighting stay as they are.
The boot cannot import: :func:`boot_script` gives it Material's names from ``assets/material.js``, the
reader's words from ``strings.py`` and the assets' paths.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from latar.html.builder import json_text
from latar.strings import SEARCH_STRINGS

OUTPUT = "pagefind"
"""Folder of the index inside the built site; ``assets/latar/search/worker.js`` imports ``../../../pagefind/pagefind.js``."""
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)
"""Pagefind's own interfaces and worker: latar answers Material's search box instead, so they are not published."""
BOOT = Path(__file__).parent.parent / "templates" / "search-boot.js"
MATERIAL = Path(__file__).parent.parent / "assets" / "material.js"
ASSETS = {"worker": "assets/latar/search/worker.js", "highlight": "assets/latar/search/highlight.js"}
"""The search scripts, relative to the site's root (Material's ``base``)."""
_MATERIAL_SEARCH = re.compile(r"^export const SEARCH = Object\.freeze\((\{.*?\})\);$", re.DOTALL | re.MULTILINE)


class SearchError(Exception):
    """The index could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did."""

    pages: int
    seconds: float
    bytes: int


def executable() -> Path:
    """The Pagefind binary from the ``pagefind_bin`` wheel (a dependency of latar)."""
    try:
        from pagefind_bin import get_executable  # noqa: PLC0415 - optional until search runs
    except ImportError as error:
        raise SearchError(
            "the Pagefind binary is missing: reinstall latar (pip install -e .) or set plugins.latar.search: false"
        ) from error
    return Path(get_executable())


def build_index(site_dir: Path, language: str) -> IndexReport:
    """Index ``site_dir`` into ``site_dir/pagefind`` as one ``language`` index; no network.

    Pages without ``data-pagefind-body`` (the home page's copy, the notes index, the timeline, 404) are skipped.
    """
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", OUTPUT, "--force-language", language or "en"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchError(f"Pagefind could not index {site_dir}: {' / '.join(detail) or 'no output'}")
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    entry = json.loads((output / "pagefind-entry.json").read_text("utf-8"))
    wanted = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values() if language.get("wasm")}
    for wasm in output.glob("wasm.*.pagefind"):
        if wanted and wasm.name not in wanted:  # the index's language has its own stemmer: the generic one is never fetched
            wasm.unlink()
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return IndexReport(int(pages.group(1)) if pages else 0, seconds, size)


def material_search() -> dict[str, Any]:
    """Material's search names and worker message numbers, as ``assets/material.js`` declares them (JSON)."""
    match = _MATERIAL_SEARCH.search(MATERIAL.read_text("utf-8"))
    if match is None:
        raise SearchError("assets/material.js has no 'export const SEARCH = Object.freeze({…});' block for the search boot")
    try:
        return json.loads(match.group(1))
    except json.JSONDecodeError as error:
        raise SearchError(f"assets/material.js: SEARCH must stay JSON for the search boot ({error})") from None


def boot_script() -> str:
    """The inline script that keeps Material's search idle until the reader opens it (see ``search-boot.js``).

    Its opening comment stays in the source: every page carries the script, not the explanation.
    """
    source = re.sub(r"\A/\*.*?\*/\s*", "", BOOT.read_text("utf-8"), flags=re.S)
    if source.count("__LATAR_BOOT__") != 1:
        raise SearchError("search-boot.js must name __LATAR_BOOT__ once (its data from Python)")
    data = {"material": material_search(), "words": SEARCH_STRINGS, "assets": ASSETS}
    source = source.replace("__LATAR_BOOT__", json_text(data))
    if "</" in source or "{%" in source or "{{" in source:
        raise SearchError("search-boot.js must not contain '</', '{%' or '{{' (it is inlined into a template)")
    return source
