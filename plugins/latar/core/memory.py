"""Memory a build freed, given back to the operating system between its phases.

CPython frees large objects (an article's HTML, a note's parse) into the C allocator, which keeps the pages for
later instead of returning them: after loading 10,000 notes and rendering their article, or after writing every
page, the process stays as large as its busiest moment, and the next phase grows on top of that. glibc's
``malloc_trim`` returns the free pages; elsewhere (musl, macOS, Windows) this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable

from latar.core.dropped import dropped
from latar.core.sanitize import markdown_to_html


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none. Looked up among the symbols the process has
    loaded (the C library is one): ``ctypes.util.find_library`` would run ``ldconfig`` in a process of its own."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def give_back() -> bool:
    """Return the C allocator's free pages to the system; whether it could."""
    trim = _trim()
    return bool(trim is not None and trim(0) is not None)


def forget_raw_markdown() -> None:
    """Let go of what checking the notes' raw Markdown cached (``mkdocs build``, once every note is loaded): every
    body as its file has it and its cmark-gfm HTML, which nothing renders again (pages render the parsed note)."""
    markdown_to_html.cache_clear()
    dropped.cache_clear()
