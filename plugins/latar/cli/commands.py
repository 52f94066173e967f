"""The contribution and publishing subcommands: ``note-from-issue``, ``sources``, and ``check --format markdown``.

Kept apart from ``cli.py`` so that file stays the checker's; ``cli.build_parser`` calls :func:`add_commands`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from latar.cli.project import Project, latar_command
from latar.cli.proposal import FIELDS, ProposalError, note_text, parse_issue, restore_context
from latar.cli.summary import changed_files, check_base, is_note, is_seed, markdown
from latar.core import git
from latar.core.articles import load_articles
from latar.core.contributed import write_new
from latar.core.files import file_label
from latar.core.notes import SAFE_ID, load_notes, parse_note
from latar.core.pipeline import Placements
from latar.core.problems import InputError
from latar.core.slug import MAX_LENGTH, slug


def add_commands(commands: argparse._SubParsersAction, options: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register the subcommands on ``latar``'s parser; ``options`` adds the project options every command takes."""
    accept = commands.add_parser(
        "note-from-issue",
        help="write a note from a filled 'Usulan anotasi' issue form",
        description="Read the body of an 'Usulan anotasi' issue (as GitHub renders it: '### <label>' headings) "
        "and write docs/anotasi/<id>.md: a complete note with TODO where the proposer could not know. "
        "Exit codes: 0 written, 2 not a proposal or the file exists.",
    )
    accept.add_argument("issue", nargs="?", default="-", help="file with the issue body (default: '-', standard input)")
    accept.add_argument("--id", help="note id = file name (default: from the proposed title or the phrase)")
    accept.add_argument("--accessed", help="day the sources were consulted, YYYY-MM-DD (default: today)")
    accept.add_argument("--force", action="store_true", help="overwrite an existing note (default: refuse)")
    options(accept)
    accept.set_defaults(run=cmd_note_from_issue)
    sources = commands.add_parser(
        "sources",
        help="list every source address, or report on a link check",
        description="Without options: every source and archive address, one per line (the link checker's input). "
        "With --report: the Markdown report of the weekly link check (dead, unknown, without archive).",
    )
    sources.add_argument(
        "--report",
        metavar="LYCHEE_JSON",
        help="lychee's JSON output, or '-' for a report without a link check (default: list the addresses)",
    )
    options(sources)
    sources.set_defaults(run=cmd_sources)


def cmd_note_from_issue(args: argparse.Namespace, project: Project) -> int:
    """Write the proposed note, with prefix and suffix made exact from the article text."""
    text = sys.stdin.read() if args.issue == "-" else Path(args.issue).read_text(encoding="utf-8")
    try:
        proposal = parse_issue(text)
    except ProposalError as err:
        print(f"latar note-from-issue: {err} (expected headings: {', '.join(FIELDS.values())})", file=sys.stderr)
        return 2
    articles, _ = load_articles(project.seeds_dir, project.root)
    named = [a for a in articles if a.name == proposal.article]
    if not named:  # no such article (or none named): look in every article, and do not limit the anchor to one
        named, proposal = articles, replace(proposal, article="")
    proposal, places = restore_context(proposal, [p for a in named for p in a.paragraphs])
    note_id = args.id or slug(proposal.title or proposal.phrase, limit=MAX_LENGTH)
    if not SAFE_ID.match(note_id):
        print(f"latar note-from-issue: '{note_id}' is not a safe id; use lower-case letters, digits and hyphens", file=sys.stderr)
        return 2
    path = project.notes_dir / f"{note_id}.md"
    label = file_label(path, project.root)
    if path.exists() and not args.force:
        print(f"latar note-from-issue: {label} already exists; pass --id or --force", file=sys.stderr)
        return 2
    body = note_text(proposal, args.accessed or datetime.datetime.now(datetime.UTC).date().isoformat())
    try:
        parse_note(note_id, body, label)
    except InputError as err:  # the TODOs: expected; anything else is a bug in the proposal's note
        others = [p for p in err.problems if not _is_todo(p.message)]
        if others:
            print("\n".join(map(str, others)), file=sys.stderr)
            return 2
    refused = write_new(path, body, project.root, args.force)  # never through a link, never into a linked folder
    if refused:
        print(f"latar note-from-issue: {refused}", file=sys.stderr)
        return 2
    where = "" if places == 1 else f" (the phrase with this prefix/suffix is found {places} times in the article; check the anchor)"
    command = latar_command()
    print(
        f"wrote {label}{where}; replace every TODO and example address, then run '{command} check' (it points at each one, "
        f"and at each place the note lands: read them, then '{command} placements accept' records them)"
    )
    return 0


SCAFFOLD_MARKS = ("TODO", "placeholder address", "the body has")
"""What ``latar check`` says about a proposal's note before a maintainer fills it in: scaffold text, example
addresses, and the body's length (the body is one TODO line)."""


def _is_todo(message: str) -> bool:
    """A problem about what the proposer left to fill in, not about the note's structure."""
    return any(mark in message for mark in SCAFFOLD_MARKS)


def cmd_sources(args: argparse.Namespace, project: Project) -> int:
    """Print the addresses to check, or the report."""
    from latar.cli.sources import addresses, report  # noqa: PLC0415 - only this command needs it

    notes_dir = project.notes_dir
    notes, _, _ = load_notes(notes_dir, project.root) if notes_dir.is_dir() else ([], [], [])
    if args.report is None:
        print("\n".join(addresses(notes)))
        return 0
    lychee = None if args.report == "-" else json.loads(Path(args.report).read_text(encoding="utf-8"))
    sys.stdout.write(report(notes, lychee))
    return 0


def print_markdown(project: Project, result: Placements, base: str | None) -> None:
    """``latar check --format markdown``: the job summary, compared with the merge base of ``base``.

    ``base`` defaults as for ``latar check`` (the pull request's target branch, ``origin/<branch>``, ``<branch>``);
    without one, every note is shown and nothing compared.
    """
    changed = base_result = others = None
    label = ""
    seeds = project.seeds_dir.relative_to(project.root).as_posix()
    notes = project.notes_dir.relative_to(project.root).as_posix()
    try:
        commit = git.merge_base(project.root, base, project.branch)
        if commit is not None:
            every = changed_files(project.root, commit)
            changed = {path: status for path, status in every.items() if is_note(path, notes)}
            others = {path: status for path, status in every.items() if path not in changed and not is_seed(path, seeds)}
            base_result = check_base(project.root, commit, seeds, notes)
            label = f"{base} ({commit[:7]})" if base else commit[:7]
    except (git.GitError, git.UnknownBase, ValueError) as err:
        print(f"latar check: cannot compare with '{base}': {err}; showing every note", file=sys.stderr)
        changed = base_result = others = None
    sys.stdout.write(markdown(result, changed, base_result, label, others))
