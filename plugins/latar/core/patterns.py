"""``publisher_lines``: contributors' regular expressions, run by RE2, whose time grows linearly with the text.

Python's own engine backtracks: ``'^(a+)+$'`` on a 35-character line ran for minutes and hung check, build, serve
and CI. RE2 (``google-re2``) never backtracks; the price is that it refuses the few constructs that need to
(lookaround, backreferences, atomic groups), and the message says which one and how to write it instead.
"""

from __future__ import annotations

from functools import cache

import re2

MAX_PATTERN = 200
"""Characters a pattern may have (the schema's ``maxLength`` says so first)."""
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print its own message on standard error
_OPTIONS.max_mem = 8 << 20
_OPTIONS.case_sensitive = False  # publishers print "Baca juga:", "Baca Juga:" and "BACA JUGA:"
_REWRITES = (
    (
        ("(?=", "(?!", "(?<=", "(?<!", "(?<"),
        "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…))",
        "match the text itself, e.g. '^Baca juga:' instead of '(?<=Baca) juga:'",
    ),
    (("\\1", "\\2", "\\3", "(?P="), "backreferences (\\1, (?P=name))", "write the repeated text out"),
    (("(?>",), "atomic groups ((?>…))", "use a plain group (?:…): RE2 never backtracks anyway"),
    (("*+", "++", "?+", "}+"), "possessive quantifiers (*+, ++, ?+)", "drop the final +: RE2 never backtracks anyway"),
    (("\\Z",), "\\Z", "use $ (or \\z) for the end of the line"),
)


class PatternError(ValueError):
    """A pattern RE2 cannot run; the message says why and how to rewrite it."""


@cache
def compiled(pattern: str) -> re2._Regexp:
    """The compiled pattern (matching ignoring case), or :class:`PatternError`."""
    if len(pattern) > MAX_PATTERN:
        raise PatternError(f"is longer than {MAX_PATTERN} characters; shorten it")
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as err:
        detail = err.args[0].decode("utf-8", "replace") if err.args and isinstance(err.args[0], bytes) else str(err)
        for needles, feature, rewrite in _REWRITES:
            if any(needle in pattern for needle in needles):
                raise PatternError(f"uses {feature}, which RE2, latar's linear-time engine, does not support; {rewrite}") from None
        raise PatternError(f"is not a valid regular expression ({detail}); fix it, and quote it with single quotes in YAML") from None


def matches(line: str, patterns: tuple[str, ...]) -> bool:
    """True when one of ``patterns`` (all compiled by :func:`compiled` before) matches anywhere in ``line``."""
    return any(compiled(pattern).search(line) is not None for pattern in patterns)
