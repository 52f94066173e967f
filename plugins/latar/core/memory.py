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

M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter: from what size a block is mapped on its own (unmapped, so given back, when freed)."""
BIG_BLOCK = 1 << 20


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The C library, or None where it cannot be loaded. Looked up among the symbols the process has loaded (the C
    library is one): ``ctypes.util.find_library`` would run ``ldconfig`` in a process of its own."""
    try:
        return ctypes.CDLL(None)
    except (OSError, TypeError):
        return None


def _function(name: str) -> Callable[..., int] | None:
    """A glibc function, or None where the C library has none."""
    return getattr(_libc(), name, None)


def give_back() -> bool:
    """Return the C allocator's free pages to the system; whether it could."""
    trim = _function("malloc_trim")
    return bool(trim is not None and trim(0) is not None)


def map_big_blocks() -> bool:
    """Blocks of :data:`BIG_BLOCK` or more (a page's HTML, its encoding) mapped on their own, for the whole process;
    whether it could.

    glibc raises that threshold to the size of each such block freed (up to 32 MiB), so after the first page of
    13 MB every later one is made in the heap, whose freed pages stay with the process: the next phase of the build
    grows on top of them. A fixed threshold keeps every big block mapped and given back as soon as it is freed.
    """
    mallopt = _function("mallopt")
    return bool(mallopt is not None and mallopt(M_MMAP_THRESHOLD, BIG_BLOCK) == 1)


def forget_raw_markdown() -> None:
    """Let go of what checking the notes' raw Markdown cached (``mkdocs build``, once every note is loaded): every
    body as its file has it and its cmark-gfm HTML, which nothing renders again (pages render the parsed note)."""
    markdown_to_html.cache_clear()
    dropped.cache_clear()
