"""Characters that make text display otherwise than it is stored: bidirectional controls and zero-width ones.

A bidi override (U+202E) can show a title, a phrase or a line of an article reversed, or make a reviewer read
something the file does not say ("Trojan Source"): blocking, in notes and in seeds alike (a seed is never rewritten;
its line is named). Zero-width characters hide inside words and phrases: editorial, in notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from latar.core.problems import Problem

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""Embeddings and overrides, isolates, the left-to-right, right-to-left and Arabic letter marks."""
ZERO_WIDTH = re.compile("[\u200b-\u200d\u00ad]|(?<!^)\ufeff")
"""Zero-width space, non-joiner and joiner, the soft hyphen, and a byte-order mark anywhere but at the start."""
NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u00ad": "SOFT HYPHEN",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    return f"U+{ord(char):04X} ({NAMES.get(char, 'invisible')})"


def bidi_message(where: str, char: str) -> str:
    """The blocking message for a bidirectional control in ``where`` ('title', 'the body', 'line 3')."""
    return (
        f"{where} contains the bidirectional control character {describe(char)}, which makes text display in another "
        "order than it is written; delete it (retype the text around it)"
    )


def zero_width_message(where: str, char: str) -> str:
    """The editorial message for a zero-width character."""
    return f"{where} contains the invisible character {describe(char)}, which splits words and phrases unseen; delete it"


def in_lines(text: str, first_line: int, label: str, pattern: re.Pattern[str], message: Callable[[str], str]) -> list[Problem]:
    """One problem per line of ``text`` (which starts on file line ``first_line``) holding ``pattern``."""
    problems: list[Problem] = []
    told: set[int] = set()
    for match in pattern.finditer(text) if pattern.search(text) else ():
        number = first_line + text.count("\n", 0, match.start())
        if number not in told:
            told.add(number)
            problems.append(Problem(label, number, message(match.group())))
    return problems


def in_values(
    values: Iterable[tuple[str, int | None, str]], label: str, pattern: re.Pattern[str], message: Callable[[str, str], str]
) -> list[Problem]:
    """One problem per ``(field name, line, text)`` holding ``pattern``."""
    return [Problem(label, line, message(name, found.group())) for name, line, text in values if (found := pattern.search(text))]
