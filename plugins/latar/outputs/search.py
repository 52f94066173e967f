"""Site search in the reader's browser: the boot script that keeps Material's search idle until the reader opens it.

The index is latar's own (:mod:`latar.outputs.searchindex`, Indonesian stems, fetched in parts). In the browser,
``search-boot.js`` (inlined before Material's bundle) stands in for Material's search worker until the reader
opens search; then ``assets/latar/search/worker.js`` answers Material's worker messages from latar's index, so
Material's search box, keys, result list, pagination and highlighting stay as they are. The boot cannot import:
:func:`boot_script` gives it Material's names from ``assets/material.js``, the reader's words from ``strings.py``
and the assets' paths.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from latar.html.builder import json_text
from latar.strings import SEARCH_STRINGS

BOOT = Path(__file__).parent.parent / "templates" / "search-boot.js"
MATERIAL = Path(__file__).parent.parent / "assets" / "material.js"
ASSETS = {
    "worker": "assets/latar/search/worker.js",
    "highlight": "assets/latar/search/highlight.js",
    "more": "assets/latar/search/more.js",
}
"""The search scripts, relative to the site's root (Material's ``base``)."""
_MATERIAL_SEARCH = re.compile(r"^export const SEARCH = Object\.freeze\((\{.*?\})\);$", re.DOTALL | re.MULTILINE)


class SearchError(Exception):
    """The search boot could not be made; the message says why and what to do."""


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
