"""``sitemap.xml`` (https://www.sitemaps.org/protocol.html): every canonical address once, with its real last change."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from datetime import datetime

from latar.core.history import iso
from latar.html.builder import escape_text


def sitemap(entries: Iterable[tuple[str, datetime]]) -> str:
    """The sitemap of ``(canonical address, last change)`` pairs, each address once (its latest change), sorted."""
    latest: dict[str, datetime] = {}
    for loc, modified in entries:
        latest[loc] = max(modified, latest.get(loc, modified))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for loc in sorted(latest):
        lines.append(f"  <url><loc>{escape_text(loc)}</loc><lastmod>{iso(latest[loc])}</lastmod></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzipped(text: str) -> bytes:
    """``sitemap.xml.gz``, byte-identical across builds (no timestamp in the header)."""
    return gzip.compress(text.encode("utf-8"), mtime=0)
