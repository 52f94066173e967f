"""``latar article new seeds/<name>.txt``: write an article's sidecar, inferring what the text and its name tell.

It asks nothing: what it can infer (date from the name, language, preamble and postscript lines,
publisher lines, dateline, author) is filled in with a comment saying why; what only a person
knows (title, publisher, address of the original) is left empty for ``latar check`` to ask for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from latar.cli.project import latar_command
from latar.core.articles import SAFE_NAME, nfc
from latar.core.contributed import write_new
from latar.core.dates import DATE_IN_NAME
from latar.core.files import read_text, split_lines
from latar.core.layout import infer_layout
from latar.core.problems import InputError
from latar.core.slug import slug

WORDS = {
    "id": {"yang", "dan", "di", "itu", "dengan", "untuk", "dari", "tidak", "ini", "dalam", "akan", "pada"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said"},
}
EDGE = 3
"""Lines shown at each end of the text, at least (more when the preamble or postscript is longer)."""
SHOWN = 10


@dataclass
class Draft:
    """A sidecar to write, and what a person should see before filling it in."""

    name: str
    yaml: str
    first: list[tuple[int, str]]
    last: list[tuple[int, str]]
    missing: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Every inferred value with why: printed, since automatic never means silent."""


def draft_sidecar(name: str, text: str) -> Draft:
    """Infer the sidecar of article ``name`` from its text."""
    numbered = [(number, nfc(line)) for number, line in enumerate(split_lines(text), start=1) if line.strip()]
    lines = [line for _, line in numbered]
    numbers = [number for number, _ in numbered]
    entries: list[tuple[str, object, str]] = [
        ("title", "", "the headline as published"),
        ("source_url", "", "address of the original article, https://…"),
        ("publisher", "", "the publisher's name"),
    ]
    match = DATE_IN_NAME.search(name)
    published = _real_date(match.group(0)) if match else None
    entries.append(("published", published or "", "from the file name" if published else "YYYY-MM-DD"))
    language = _language(" ".join(lines))
    entries.append(("language", language or "", "inferred from the text" if language else "BCP 47 code, e.g. id"))
    layout = infer_layout(lines, numbers)
    if layout.author:
        entries.append(("author", layout.author, layout.reasons["author"]))
    if layout.head:
        entries.append(("preamble_lines", layout.head, layout.reasons["preamble_lines"]))
    if layout.tail:
        entries.append(("postscript_lines", layout.tail, layout.reasons["postscript_lines"]))
    if layout.publisher_lines:
        described = [
            (pattern, f"{why}: line{'s' if len(hits) > 1 else ''} {_numbers(numbers, hits)}")
            for pattern, hits, why in layout.publisher_lines
        ]
        entries.append(("publisher_lines", described, "the publisher's lines inside the text (matched ignoring case)"))
    if layout.dateline:
        entries.append(("dateline", layout.dateline, layout.reasons["dateline"]))
    out = [f"# Metadata of {name}.txt (the text is kept byte for byte; never edit it). Every key: README, 'Adding an article'."]
    out += [_entry(key, value, why) for key, value, why in entries]
    reasons = [_reason(key, value, why) for key, value, why in entries if value != "" and key not in ("title", "source_url", "publisher")]
    missing = [key for key, value, _ in entries if value == ""]
    head, tail = min(max(EDGE, layout.head + 1), SHOWN), min(max(EDGE, layout.tail + 1), SHOWN)
    last = numbered[max(head, len(numbered) - tail) :]
    return Draft(name, "\n".join(out) + "\n", numbered[:head], last, missing, reasons)


def _numbers(numbers: list[int], indexes: list[int]) -> str:
    return ", ".join(str(numbers[i]) for i in indexes)


def _reason(key: str, value: object, why: str) -> str:
    if isinstance(value, list):
        return f"{key}:\n" + "\n".join(f"    '{pattern}': {where}" for pattern, where in value)
    return f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value} ({why})"


def _entry(key: str, value: object, why: str) -> str:
    if isinstance(value, list):
        items = "".join(f"\n  - '{pattern.replace(chr(39), chr(39) * 2)}'  # {where}" for pattern, where in value)
        return f"{key}:  # {why}{items}"
    rendered = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
    return f"{key}: {rendered}  # {why}" if why else f"{key}: {rendered}"


def _real_date(value: str) -> str | None:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _language(text: str) -> str | None:
    words = re.findall(r"\w+", text.casefold())
    if not words:
        return None
    scores = {code: sum(word in stop for word in words) / len(words) for code, stop in WORDS.items()}
    code, score = max(scores.items(), key=lambda item: item[1])
    return code if score >= 0.03 else None


def cmd_article_new(args: argparse.Namespace, project: Any = None) -> int:
    """Write ``<name>.yml`` next to the text, refusing to overwrite; show the first and last lines.

    The path is taken as given (relative to the current folder), like any file argument.
    """
    text_path = Path(args.text)
    if text_path.suffix != ".txt" or not text_path.is_file():
        print(f"latar article new: {args.text} is not an article text file (<name>.txt); save the article there first", file=sys.stderr)
        return 2
    name = text_path.stem
    if not SAFE_NAME.match(name):
        suggestion = slug(name, fallback="nama-artikel")
        print(
            f"latar article new: '{name}' is not a safe name; rename the file to '{suggestion}.txt' (it becomes /artikel/{suggestion}/)",
            file=sys.stderr,
        )
        return 2
    meta_path = text_path.with_suffix(".yml")
    if meta_path.exists() and not args.force:
        print(f"latar article new: {meta_path} already exists; edit it, or pass --force to start again", file=sys.stderr)
        return 2
    try:
        text = read_text(text_path, str(text_path))
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    if not text.strip():
        print(f"latar article new: {text_path} is empty; paste the article's text into it (one paragraph a line) first", file=sys.stderr)
        return 2
    draft = draft_sidecar(name, text)
    refused = write_new(meta_path.absolute(), draft.yaml, project.root if project else Path.cwd(), args.force)
    if refused:
        print(f"latar article new: {refused}", file=sys.stderr)
        return 2
    print(f"wrote {meta_path}\n\nfirst lines of {text_path}:")
    for number, line in draft.first:
        print(f"  {number:>4}  {line[:100]}")
    if draft.last:
        print("last lines:")
        for number, line in draft.last:
            print(f"  {number:>4}  {line[:100]}")
    if draft.reasons:
        print("\ninferred (each is a guess: compare it with the page, and change the sidecar where it is wrong):")
        for reason in draft.reasons:
            print(f"  {reason}")
    todo = ", ".join(draft.missing)
    check = f"{latar_command()} check"
    print(f"\nfill in {todo} in {meta_path}, then run '{check}'" if todo else f"\ncheck what was inferred, then run '{check}'")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """``latar article new``: the hook the command line adds."""
    article = commands.add_parser("article", help="articles: 'latar article new seeds/<name>.txt' writes the sidecar")
    actions = article.add_subparsers(dest="article_command", required=True)
    new = actions.add_parser("new", help="write seeds/<name>.yml for seeds/<name>.txt, inferring what the text tells")
    new.add_argument("text", help="the article text, e.g. seeds/kompas-2022-01-09-festival.txt")
    new.add_argument("--force", action="store_true", help="overwrite an existing sidecar (default: refuse)")
    new.set_defaults(run=cmd_article_new)
