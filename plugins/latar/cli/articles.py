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

from latar.core.articles import SAFE_NAME, nfc
from latar.core.dates import DATE_IN_NAME
from latar.core.files import read_text, split_lines
from latar.core.problems import InputError
from latar.core.slug import slug

PREAMBLE = re.compile(r"^(penulis|editor|reporter|oleh|bagikan|share|tag|foto)\b[^.!?]{0,80}$", re.IGNORECASE)
AUTHOR = re.compile(r"^(?:penulis|oleh|reporter)\s*:?\s+(?P<name>[^\d:|]{3,60})$", re.IGNORECASE)
PROMO = re.compile(
    r"berlangganan|klik di sini|ikuti (kami|saluran|akun)|dapatkan (berita|informasi|update)|unduh aplikasi|download aplikasi|"
    r"google news|whatsapp channel|saluran whatsapp|simak (berita|video) (menarik )?lainnya",
    re.IGNORECASE,
)
PUBLISHER_PATTERNS = (
    ("^Baca( juga)?:", re.compile(r"^Baca( juga)?:", re.IGNORECASE)),
    ("^(Lihat|Simak) juga:", re.compile(r"^(Lihat|Simak) juga:", re.IGNORECASE)),
    ("^ADVERTISEMENT$", re.compile(r"^ADVERTISEMENT$", re.IGNORECASE)),
    ("^SCROLL TO CONTINUE WITH CONTENT$", re.compile(r"^SCROLL TO CONTINUE WITH CONTENT$", re.IGNORECASE)),
)
DATELINE = re.compile(r"^(.{2,60}?\.(?:com|id|net|co\.id)\s*[-–—])")
WORDS = {
    "id": {"yang", "dan", "di", "itu", "dengan", "untuk", "dari", "tidak", "ini", "dalam", "akan", "pada"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said"},
}
EDGE = 3


@dataclass
class Draft:
    """A sidecar to write, and what a person should see before filling it in."""

    name: str
    yaml: str
    first: list[tuple[int, str]]
    last: list[tuple[int, str]]
    missing: list[str] = field(default_factory=list)


def draft_sidecar(name: str, text: str) -> Draft:
    """Infer the sidecar of article ``name`` from its text."""
    numbered = [(number, nfc(line)) for number, line in enumerate(split_lines(text), start=1) if line.strip()]
    lines = [line for _, line in numbered]
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
    head = 0
    while head < min(EDGE, len(lines) - 1) and PREAMBLE.match(lines[head]):
        head += 1
    author = next((m.group("name").strip() for line in lines[:head] if (m := AUTHOR.match(line))), None)
    if author:
        entries.append(("author", author, "from the preamble"))
    if head:
        entries.append(("preamble_lines", head, " / ".join(lines[:head])[:80]))
    tail = 0
    while tail < min(EDGE, len(lines) - head - 1) and PROMO.search(lines[len(lines) - 1 - tail]):
        tail += 1
    if tail:
        entries.append(("postscript_lines", tail, " / ".join(lines[len(lines) - tail :])[:80]))
    middle = lines[head : len(lines) - tail]
    found = [pattern for pattern, regex in PUBLISHER_PATTERNS if any(regex.search(line) for line in middle)]
    if found:
        entries.append(("publisher_lines", found, "lines the publisher inserted in the text"))
    text_lines = [line for line in middle if not any(regex.search(line) for _, regex in PUBLISHER_PATTERNS)]
    dateline = DATELINE.match(text_lines[0]) if text_lines else None
    if dateline:
        entries.append(("dateline", dateline.group(1), "the first paragraph starts with it"))
    out = [f"# Metadata of {name}.txt (the text is kept byte for byte; never edit it). Every key: README, 'Adding an article'."]
    for key, value, why in entries:
        out.append(_entry(key, value, why))
    missing = [key for key, value, _ in entries if value == ""]
    return Draft(name, "\n".join(out) + "\n", numbered[:EDGE], numbered[-EDGE:] if len(numbered) > EDGE else [], missing)


def _entry(key: str, value: object, why: str) -> str:
    if isinstance(value, list):
        items = "".join(f"\n  - '{item}'" for item in value)
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
        draft = draft_sidecar(name, read_text(text_path, str(text_path)))
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    meta_path.write_text(draft.yaml, encoding="utf-8")
    print(f"wrote {meta_path}\n\nfirst lines of {text_path}:")
    for number, line in draft.first:
        print(f"  {number:>4}  {line[:100]}")
    if draft.last:
        print("last lines:")
        for number, line in draft.last:
            print(f"  {number:>4}  {line[:100]}")
    print(f"\n{draft.yaml}")
    todo = ", ".join(draft.missing)
    print(f"fill in {todo} in {meta_path}, then run 'latar check'" if todo else "check what was inferred, then run 'latar check'")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """``latar article new``: the hook the command line adds."""
    article = commands.add_parser("article", help="articles: 'latar article new seeds/<name>.txt' writes the sidecar")
    actions = article.add_subparsers(dest="article_command", required=True)
    new = actions.add_parser("new", help="write seeds/<name>.yml for seeds/<name>.txt, inferring what the text tells")
    new.add_argument("text", help="the article text, e.g. seeds/kompas-2022-01-09-festival.txt")
    new.add_argument("--force", action="store_true", help="overwrite an existing sidecar (default: refuse)")
    new.set_defaults(run=cmd_article_new)
