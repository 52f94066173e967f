"""The one slug rule: note ids, article names and their suggestions (the page gets its parameters, html/clientdata.py)."""

from __future__ import annotations

import re
import unicodedata

SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A note id: lower-case ASCII letters and digits in words joined by single hyphens (match with ``fullmatch``)."""
MAX_LENGTH = 60
FALLBACK = "nama-catatan"
"""The slug of a text with no ASCII letter or digit."""


def slug(text: str, fallback: str = FALLBACK, limit: int | None = None) -> str:
    """A safe id for any text: ``Perang Dingin`` → ``perang-dingin``; cut at ``limit`` characters on a word edge."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if limit is not None:
        result = result[:limit].rstrip("-")
    return result or fallback
