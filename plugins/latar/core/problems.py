"""Problems found in contributed input, reported with file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
"""Controls, bidirectional marks and overrides, invisible characters: never printed raw in a message."""
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every control, bidi or invisible character written as an escape (``\\n``, ``\\u202e``)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """One actionable message about one place in one file."""

    path: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        """One line each, showing what it names as it is: a file name or a value may hold any character."""
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "message", printable(self.message))

    @property
    def where(self) -> str:
        """``file:line``, or the file alone when the line is not known."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class InputError(Exception):
    """Raised when a file cannot be used at all; carries its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
