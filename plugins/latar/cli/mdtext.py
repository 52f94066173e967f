"""Contributor text in Markdown that GitHub shows literally: the job summary and the weekly link report.

Nothing a note, a file name or the link checker says may become markup, a link, an image, an @mention (which
notifies people from the project's bot) or a #reference: text is escaped and ``@``/``#`` are followed by a
zero-width space; paths are code spans whose fence is longer than any backtick run inside; addresses are link
destinations in ``<…>`` with the characters that could end them percent-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from latar.core.problems import printable

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!()&])")
_PINGS = re.compile(r"([@#])")
_BACKTICKS = re.compile(r"`+")
_ADDRESS = re.compile(r"((?:[a-z][a-z0-9+.-]*:/+|www\.)[^\s<>]+)", re.IGNORECASE)
WORD_BREAK = "\u200b"
"""Between ``@``/``#`` and what follows: GitHub then links no user, team or issue."""


def text(value: str) -> str:
    """``value`` on one line, as literal Markdown text: no markup, links, HTML, entities, mentions or references.

    Addresses become code spans: GitHub would link a bare ``https://…`` or ``www.…`` however it is escaped.
    """
    parts = _ADDRESS.split(" ".join(printable(value).split()))
    return "".join(
        code(part) if index % 2 else _PINGS.sub(rf"\1{WORD_BREAK}", _SPECIAL.sub(r"\\\1", part)) for index, part in enumerate(parts)
    )


def code(value: str) -> str:
    """``value`` as a code span no backtick inside can end (control characters shown as escapes)."""
    value = printable(value)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def destination(url: str) -> str:
    """``url`` as a link destination that ends where it should: ``<…>``, with ``()<>``, space and controls encoded."""
    return "<" + quote(printable(url), safe="/:?&=#%+,;~@!$'*-._") + ">"


def link(label: str, url: str) -> str:
    """``[label](<url>)`` with both parts inert."""
    return f"[{text(label)}]({destination(url)})"
