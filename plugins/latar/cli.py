"""``latar``: check notes against articles without building, and start a new note."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

from .check import check
from .notes import KINDS, SAFE_ID, parse_note
from .problems import InputError, Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problem(problem: Problem, style: str) -> str:
    """One problem as plain text or as a GitHub Actions workflow command."""
    if style == "github":
        where = f"file={_escape_property(problem.path)}"
        if problem.line:
            where += f",line={problem.line}"
        return f"::error {where}::{_escape_data(problem.message)}"
    return str(problem)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every note and anchor against every article; non-zero exit on any problem."""
    started = time.perf_counter()
    root = Path(args.root).resolve()
    style = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    result = check(root, root / args.seeds, root / args.notes)
    for problem in result.problems:
        print(format_problem(problem, style))
    elapsed = time.perf_counter() - started
    counts = ", ".join(
        count(n, word) for n, word in ((len(result.notes), "note"), (len(result.articles), "article"), (len(result.placed), "anchor"))
    )
    summary = f"latar check: {counts} placed, {count(len(result.problems), 'problem')} ({elapsed:.2f} s)"
    print(summary, file=sys.stderr)
    return 1 if result.problems else 0


def count(number: int, word: str) -> str:
    """``1 note``, ``2 notes``."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def skeleton(note_id: str, anchor: str, kind: str, title: str | None) -> str:
    """A valid note with placeholders a contributor replaces."""
    front = {
        "title": title or anchor,
        "kind": kind,
        "summary": f"TODO: 1–3 kalimat netral tentang {anchor} (paling banyak 60 kata).",
        "anchors": [{"text": anchor}],
        "sources": [
            {
                "title": "TODO: judul sumber",
                "url": "https://example.org/ganti-dengan-sumber",
                "publisher": "TODO: penerbit",
                "date": "2021-12-31",
            },
            {
                "title": "TODO: sumber kedua dari situs lain",
                "url": "https://example.com/ganti-dengan-sumber",
                "publisher": "TODO: penerbit",
                "date": "2021-12-31",
            },
        ],
    }
    body = "TODO: latar belakang 150–400 kata, netral dan ensiklopedis; setiap fakta dapat dicek di sumber.\n"
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body


def cmd_new(args: argparse.Namespace) -> int:
    """Write ``docs/anotasi/<id>.md`` from the skeleton, refusing to overwrite."""
    root = Path(args.root).resolve()
    if not SAFE_ID.match(args.id):
        print(f"latar new: '{args.id}' is not a safe id; use lower-case letters, digits and hyphens, e.g. 'jen-psaki'", file=sys.stderr)
        return 2
    path = root / args.notes / f"{args.id}.md"
    if path.exists() and not args.force:
        print(f"latar new: {path.relative_to(root)} already exists; pick another id or pass --force", file=sys.stderr)
        return 2
    text = skeleton(args.id, args.anchor, args.kind, args.title)
    try:
        parse_note(args.id, text, str(path))
    except InputError as err:  # pragma: no cover - the skeleton is always valid
        print(err, file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(root)}; replace every TODO, then run 'latar check'")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="latar", description="Background notes for news articles.")
    parser.add_argument("--root", default=".", help="project folder (with mkdocs.yml); default: current folder")
    parser.add_argument("--seeds", default="seeds", help="articles folder, relative to --root")
    parser.add_argument("--notes", default="docs/anotasi", help="notes folder, relative to --root")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate every note and anchor against every article")
    checker.add_argument("--format", choices=("text", "github"), help="github: workflow commands (default under GitHub Actions)")
    checker.set_defaults(run=cmd_check)
    new = commands.add_parser("new", help="write a valid note skeleton")
    new.add_argument("id", help="note id = file name, e.g. jen-psaki")
    new.add_argument("--anchor", required=True, help="the phrase in the article the note attaches to")
    new.add_argument("--kind", choices=KINDS, default="background")
    new.add_argument("--title", help="note title (default: the anchor)")
    new.add_argument("--force", action="store_true", help="overwrite an existing note")
    new.set_defaults(run=cmd_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``latar`` command."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
