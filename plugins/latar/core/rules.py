"""The rule book: every rule a note must meet beyond its schema, each a message with line and fix.

``latar check``, the strict build, ``mkdocs serve`` and CI all call these through :mod:`latar.notes`,
so they say the same thing once. :func:`note_rules` gives two kinds of problem:

- *blocking*: the note cannot be published as written: a date that is not on the
  calendar, a control character. The note is left out of the site.
- *editorial*: the note can be rendered but is not ready: lengths, sources,
  leftover scaffold text, placeholder addresses, Markdown that would not be published. A strict build
  fails; a preview (``mkdocs serve``) still shows the note while it is being written.

The functions take the raw YAML data (which may be malformed: the schema reports that) and its line map.

:func:`article_rules` holds an article's rules beyond its sidecar's schema: the article is still shown in a
preview, and the strict build fails, as with a note's editorial problems.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from latar.core.claims import clarification_rules
from latar.core.dates import DATE_IN_NAME, calendar_error, not_real
from latar.core.dropped import dropped
from latar.core.invisible import BIDI, ZERO_WIDTH, bidi_message, in_lines, in_values, zero_width_message
from latar.core.nesting import MAX_NESTING, too_deep
from latar.core.patterns import compiled
from latar.core.problems import Problem
from latar.core.schema import field_name
from latar.core.yamlload import KeyPath, line_of

if TYPE_CHECKING:
    from latar.core.articles import Article

MAX_SUMMARY_WORDS = 60
MIN_BODY_WORDS = 150
MAX_BODY_WORDS = 400
MIN_SOURCES = 2
ENCYCLOPEDIAS = {"wikipedia.org": "Wikipedia", "britannica.com": "Britannica"}
PLACEHOLDER_DOMAINS = ("example.com", "example.net", "example.org")  # RFC 2606
PLACEHOLDER_TLDS = ("example", "test", "invalid", "localhost", "local")  # RFC 2606, RFC 6761, RFC 6762
SCAFFOLD = re.compile(r"\bTODO\b")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # C0 controls except tab and line feed
PLACEHOLDER_HINTS = ("example.", ".example", ".test", ".invalid", "localhost", ".local")
"""A cheap first look: text without any of these has no placeholder address."""
URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.IGNORECASE)
DATE_FIELDS = ("date", "accessed")


Strings = list[tuple[KeyPath, str]]


def _strings(data: Any, path: KeyPath = (), out: Strings | None = None) -> Strings:
    """Every text value in the front matter, with its key path, in file order."""
    out = [] if out is None else out
    if isinstance(data, dict):
        for key, value in data.items():
            _strings(value, (*path, str(key)), out)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _strings(value, (*path, index), out)
    elif isinstance(data, str):
        out.append((path, data))
    return out


def _first_line(body: str, body_line: int) -> int:
    """The file line of the body's first non-blank line (the closing ``---`` line when the body is empty)."""
    text = body.lstrip()
    if not text:
        return body_line if body else body_line - 1
    return body_line + body.count("\n", 0, len(body) - len(text))


def site(url: str) -> str:
    """The site of an address: its host name, lower case, without ``www.``."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").removeprefix("www.")


def placeholder(url: str) -> str | None:
    """The host of a reserved example or test address (``example.org``, ``*.test``, ``localhost``), or None."""
    host = site(url)
    if not host:
        return None
    labels = host.split(".")
    if labels[-1] in PLACEHOLDER_TLDS or ".".join(labels[-2:]) in PLACEHOLDER_DOMAINS:
        return host
    return None


def encyclopedia(url: str) -> str | None:
    """``Wikipedia`` or ``Britannica`` when the address is theirs."""
    host = site(url)
    return next((name for domain, name in ENCYCLOPEDIAS.items() if host == domain or host.endswith("." + domain)), None)


def note_rules(data: Any, lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> tuple[list[Problem], list[Problem]]:
    """The blocking and the editorial problems of one note's front matter ``data`` and ``body``.

    ``lines`` maps key paths to file lines; ``body_line`` is the file line of the body's first character.
    """
    if not isinstance(data, dict):
        return [], []
    strings = _strings(data)
    return _blocking(data, strings, lines, body, body_line, label), _editorial(data, strings, lines, body, body_line, label)


def _blocking(data: dict[str, Any], strings: Strings, lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> list[Problem]:
    """Dates that are not on the calendar and control characters: the note is left out until they are fixed."""
    problems = []
    dated: list[tuple[KeyPath, Any]] = [(("date",), data.get("date"))]
    sources = data.get("sources")
    if isinstance(sources, list):
        for index, source in enumerate(sources):
            if isinstance(source, dict):
                dated += [(("sources", index, key), source.get(key)) for key in DATE_FIELDS]
    for path, value in dated:
        wrong = not_real(field_name(path), value)
        if wrong:
            problems.append(Problem(label, line_of(lines, path), wrong))
    for path, value in strings if CONTROL.search("\n".join(value for _, value in strings)) else ():
        match = CONTROL.search(value)
        if match:
            problems.append(Problem(label, line_of(lines, path), f"'{field_name(path)}' {_control(match.group())}"))
    lines_told: set[int] = set()
    for match in CONTROL.finditer(body):
        number = body_line + body.count("\n", 0, match.start())
        if number not in lines_told:
            lines_told.add(number)
            problems.append(Problem(label, number, f"the body {_control(match.group())}"))
    problems += in_values(_named(strings, lines), label, BIDI, bidi_message)
    problems += in_lines(body, body_line, label, BIDI, lambda char: bidi_message("the body", char))
    deep = too_deep(body)
    if deep is not None:
        message = f"the body is nested {deep[1]} levels deep (quotes or lists); at most {MAX_NESTING} are published: flatten it"
        problems.append(Problem(label, body_line + deep[0], message))
    return problems


def _named(strings: Strings, lines: dict[KeyPath, int]) -> list[tuple[str, int | None, str]]:
    return [(f"'{field_name(path)}'", line_of(lines, path), value) for path, value in strings]


def _control(char: str) -> str:
    return f"contains the invisible control character U+{ord(char):04X}; delete it (retype the text around it if needed)"


def _editorial(data: dict[str, Any], strings: Strings, lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> list[Problem]:
    """Everything that keeps a renderable note from publication: lengths, sources, scaffold, dropped Markdown."""
    problems = _lengths(data, lines, body, body_line, label)
    problems += _sources(data, lines, label)
    problems += _leftovers(strings, lines, body, body_line, label)
    problems += in_values(_named(strings, lines), label, ZERO_WIDTH, zero_width_message)
    problems += in_lines(body, body_line, label, ZERO_WIDTH, lambda char: zero_width_message("the body", char))
    if too_deep(body) is None:  # too deep is blocking, and no parser should walk it
        problems += _unpublished_markdown(data, lines, body, body_line, label)
    problems += clarification_rules(data, lines, label)
    if data.get("kind") == "aftermath" and data.get("hindsight") is not True:
        problems.append(
            Problem(label, line_of(lines, ("kind",)), "'kind: aftermath' tells of events after the article; add 'hindsight: true'")
        )
    return problems


def _lengths(data: dict[str, Any], lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> list[Problem]:
    problems = []
    summary = data.get("summary")
    if isinstance(summary, str) and len(summary.split()) > MAX_SUMMARY_WORDS:
        problems.append(
            Problem(
                label,
                line_of(lines, ("summary",)),
                f"'summary' has {len(summary.split())} words; keep it to {MAX_SUMMARY_WORDS} or fewer and move the rest into the body",
            )
        )
    words = len(body.split())
    first = _first_line(body, body_line)
    if words < MIN_BODY_WORDS:
        problems.append(
            Problem(
                label,
                first,
                f"the body has {words} word{'' if words == 1 else 's'}; write {MIN_BODY_WORDS}–{MAX_BODY_WORDS} words "
                "of background below the front matter",
            )
        )
    elif words > MAX_BODY_WORDS:
        problems.append(
            Problem(label, first, f"the body has {words} words; keep it to {MAX_BODY_WORDS} or fewer: cut it, or split it into two notes")
        )
    return problems


def _sources(data: dict[str, Any], lines: dict[KeyPath, int], label: str) -> list[Problem]:
    """Two sources or more, from different sites and publishers, not all encyclopedias: one message for what is missing."""
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        return []  # the schema says so
    line = line_of(lines, ("sources",))
    if len(sources) < MIN_SOURCES:
        return [
            Problem(
                label, line, f"'sources' has {len(sources)} source; add at least one more reputable source, from another site and publisher"
            )
        ]
    usable = [s for s in sources if isinstance(s, dict) and isinstance(s.get("url"), str) and isinstance(s.get("publisher"), str)]
    if len(usable) < len(sources):
        return []  # the schema says what is wrong with the others
    problems = []
    sites = {site(s["url"]) for s in usable}
    publishers = {" ".join(s["publisher"].casefold().split()) for s in usable}
    same = [f"on one site ({next(iter(sites))})"] if len(sites) == 1 else []
    same += [f"from one publisher ({usable[0]['publisher'].strip()})"] if len(publishers) == 1 else []
    if same:
        other = " and ".join(word for word, found in (("site", len(sites) == 1), ("publisher", len(publishers) == 1)) if found)
        problems.append(Problem(label, line, f"every source is {' and '.join(same)}; add a source from another {other}"))
    kinds = {encyclopedia(s["url"]) for s in usable}
    if None not in kinds:
        names = " and ".join(sorted(k for k in kinds if k))
        problems.append(
            Problem(
                label,
                line,
                f"every source is an encyclopedia ({names}); add at least one other: a primary document, a wire report or a newspaper",
            )
        )
    return problems


def _leftovers(strings: Strings, lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> list[Problem]:
    """Scaffold text (``TODO``) and reserved example addresses, wherever they are."""
    problems = []
    front = "\n".join(value for _, value in strings)
    for path, value in strings if _maybe_scaffold(front) or _maybe_placeholder(front) else ():
        if _maybe_scaffold(value) and SCAFFOLD.search(value):
            problems.append(
                Problem(
                    label,
                    line_of(lines, path),
                    f"'{field_name(path)}' still has the scaffold's text ({_quote(value)}); write the real {_what(path)}",
                )
            )
        if "//" not in value:
            continue
        is_address = path[-1] in ("url", "archive_url")
        addresses = ([value] if value.startswith("https://") else []) if is_address else URL.findall(value)  # http: the schema says
        for host in filter(None, map(placeholder, addresses)):
            problems.append(
                Problem(
                    label,
                    line_of(lines, path),
                    f"'{field_name(path)}' has the placeholder address {host}; replace it with the real source's https:// address",
                )
            )
    for match in SCAFFOLD.finditer(body) if _maybe_scaffold(body) else ():
        number = body_line + body.count("\n", 0, match.start())
        text = body.split("\n")[number - body_line]
        problem = Problem(label, number, f"the body still has the scaffold's text ({_quote(text)}); write the note's text")
        if problem not in problems:
            problems.append(problem)
    for match in URL.finditer(body) if _maybe_placeholder(body) else ():
        placeholder_host = placeholder(match.group())
        if placeholder_host:
            number = body_line + body.count("\n", 0, match.start())
            problems.append(Problem(label, number, f"the body links to the placeholder address {placeholder_host}; link to the real page"))
    return problems


def _maybe_scaffold(text: str) -> bool:
    return "TODO" in text  # a substring test first: ten times faster than the word-bounded pattern


def _maybe_placeholder(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in PLACEHOLDER_HINTS)


def _quote(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= width else f"'{text[: width - 1]}…'"


def _what(path: KeyPath) -> str:
    last = path[-1]
    if path[:1] == ("sources",) and isinstance(last, str):
        return f"source's {last}"
    return str(last) if isinstance(last, str) else "value"


def _unpublished_markdown(data: dict[str, Any], lines: dict[KeyPath, int], body: str, body_line: int, label: str) -> list[Problem]:
    """Markdown the sanitiser would drop (raw HTML, images, headings, unsafe links): said on its line, not lost."""
    problems = []
    for key in ("title", "summary"):
        value = data.get(key)
        if isinstance(value, str):
            line = line_of(lines, (key,))
            problems += [Problem(label, line, f"'{key}': {item.message}") for item in dropped(value, one_line=True)]
    problems += [Problem(label, body_line + item.line - 1, item.message) for item in dropped(body)]
    return problems


@lru_cache(maxsize=64)
def publisher_expressions(patterns: tuple[str, ...]) -> tuple[Any, ...]:
    """A sidecar's ``publisher_lines``, compiled by RE2 to match ignoring case, in linear time: the one place they are
    compiled (:class:`latar.core.patterns.PatternError` if one is too long or RE2 cannot run it)."""
    return tuple(compiled(pattern) for pattern in patterns)


def article_rules(article: Article, lines: dict[KeyPath, int], label: str, today: dt.date | None = None) -> list[Problem]:
    """An article's problems that its sidecar's schema cannot see: its date, its address, its publisher lines.

    ``lines`` maps the sidecar's keys to its lines; ``label`` names the sidecar.
    """
    meta = article.meta
    problems = []
    today = today or dt.date.today()
    published_line = line_of(lines, ("published",))
    if meta.published > today.isoformat():
        problems.append(
            Problem(
                label,
                published_line,
                f"'published' is {meta.published}, later than today ({today.isoformat()}); write the date it was published",
            )
        )
    named = DATE_IN_NAME.search(article.name)
    if named and calendar_error(named.group(0)) is None and named.group(0) != meta.published:
        problems.append(
            Problem(
                label,
                published_line,
                f"'published' is {meta.published} but the file name says {named.group(0)}; "
                "correct 'published', or rename both files to the date it was published",
            )
        )
    host = placeholder(meta.source_url)
    if host:
        problems.append(
            Problem(
                label,
                line_of(lines, ("source_url",)),
                f"'source_url' has the placeholder address {host}; replace it with the address of the original article",
            )
        )
    inside = [block.text for block in article.blocks]
    for index, (pattern, regex) in enumerate(zip(meta.publisher_lines, publisher_expressions(meta.publisher_lines), strict=True)):
        if not any(regex.search(line) for line in inside):
            problems.append(
                Problem(
                    label,
                    line_of(lines, ("publisher_lines", index)),
                    f"publisher_lines entry {pattern!r} matches no line of {article.text_label} between the preamble and the postscript; "
                    "correct it to match the publisher's line (case is ignored), or remove it",
                )
            )
    return problems
