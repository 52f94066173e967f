"""The contribution and publishing subcommands: ``note-from-issue``, ``sources``, and ``check --format markdown``.

Kept apart from ``cli.py`` so that file stays the checker's; ``cli.build_parser`` calls :func:`add_commands`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from .article import load_articles
from .check import CheckResult
from .notes import SAFE_ID, load_notes, parse_note
from .problems import InputError
from .proposal import FIELDS, ProposalError, note_text, parse_issue, restore_context, slug
from .report import BaseError, changed_notes, check_base, markdown


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the subcommands on ``latar``'s parser."""
    accept = commands.add_parser(
        "note-from-issue",
        help="write a note from a filled 'Usulan anotasi' issue form",
        description="Read the body of an 'Usulan anotasi' issue (as GitHub renders it: '### <label>' headings) "
        "and write docs/anotasi/<id>.md: a complete note with TODO where the proposer could not know. "
        "Exit codes: 0 written, 2 not a proposal or the file exists.",
    )
    accept.add_argument("issue", nargs="?", default="-", help="file with the issue body; '-' or nothing: standard input")
    accept.add_argument("--id", help="note id = file name (default: from the proposed title or the phrase)")
    accept.add_argument("--accessed", help="day the sources were consulted, YYYY-MM-DD (default: today)")
    accept.add_argument("--force", action="store_true", help="overwrite an existing note")
    accept.set_defaults(run=cmd_note_from_issue)
    sources = commands.add_parser(
        "sources",
        help="list every source address, or report on a link check",
        description="Without options: every source and archive address, one per line (the link checker's input). "
        "With --report: the Markdown report of the weekly link check (dead, unknown, without archive).",
    )
    sources.add_argument("--report", metavar="LYCHEE_JSON", help="lychee's JSON output; '-' for a report without a link check")
    sources.set_defaults(run=cmd_sources)


def cmd_note_from_issue(args: argparse.Namespace) -> int:
    """Write the proposed note, with prefix and suffix made exact from the article text."""
    root = Path(args.root).resolve()
    text = sys.stdin.read() if args.issue == "-" else Path(args.issue).read_text(encoding="utf-8")
    try:
        proposal = parse_issue(text)
    except ProposalError as err:
        print(f"latar note-from-issue: {err} (expected headings: {', '.join(FIELDS.values())})", file=sys.stderr)
        return 2
    articles, _ = load_articles(root / args.seeds, root)
    named = [a for a in articles if a.name == proposal.article] or articles
    proposal, places = restore_context(proposal, [p for a in named for p in a.paragraphs])
    note_id = args.id or slug(proposal.title or proposal.phrase)
    if not SAFE_ID.match(note_id):
        print(f"latar note-from-issue: '{note_id}' is not a safe id; use lower-case letters, digits and hyphens", file=sys.stderr)
        return 2
    path = root / args.notes / f"{note_id}.md"
    if path.exists() and not args.force:
        print(f"latar note-from-issue: {path.relative_to(root)} already exists; pass --id or --force", file=sys.stderr)
        return 2
    body = note_text(proposal, args.accessed or datetime.datetime.now(datetime.UTC).date().isoformat())
    try:
        parse_note(note_id, body, str(path))
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    where = "" if places == 1 else f" (the phrase with this prefix/suffix is found {places} times in the article; check the anchor)"
    print(f"wrote {path.relative_to(root)}{where}; replace every TODO, then run 'latar check'")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    """Print the addresses to check, or the report."""
    from .sources import addresses, report  # noqa: PLC0415 - only this command needs it

    root = Path(args.root).resolve()
    notes_dir = root / args.notes
    notes, _, _ = load_notes(notes_dir, root) if notes_dir.is_dir() else ([], [], [])
    if args.report is None:
        print("\n".join(addresses(notes)))
        return 0
    lychee = None if args.report == "-" else json.loads(Path(args.report).read_text(encoding="utf-8"))
    sys.stdout.write(report(notes, lychee))
    return 0


def print_markdown(root: Path, result: CheckResult, base: str | None, seeds: str, notes: str) -> None:
    """``latar check --format markdown``: the job summary, compared with ``base`` when given."""
    changed = base_result = None
    label = ""
    if base:
        try:
            changed = changed_notes(root, base, notes)
            base_result = check_base(root, base, seeds, notes)
            label = base
        except BaseError as err:
            print(f"latar check: cannot compare with '{base}': {err}; showing every note", file=sys.stderr)
    sys.stdout.write(markdown(result, changed, base_result, label))
