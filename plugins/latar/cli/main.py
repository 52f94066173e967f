"""``latar``: check notes against articles without building, and start a new note."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import textwrap
import time
from importlib import metadata
from pathlib import Path

from latar.cli.articles import register as register_article_command
from latar.cli.commands import add_commands, print_markdown
from latar.cli.placements import register as register_placements_command
from latar.cli.project import Project, ProjectError, latar_command, locate
from latar.core.contributed import write_new
from latar.core.files import file_label
from latar.core.git import UnknownBase
from latar.core.notes import KINDS, SAFE_ID, parse_note
from latar.core.pipeline import check, landings
from latar.core.problems import InputError, Problem
from latar.core.slug import slug
from latar.core.template import NoteFields, note_text
from latar.strings import surroundings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_CODES = """\
exit status:
  0  no problems
  1  problems found (each printed as file:line: message)
  2  usage error, or no latar project found"""
NEW_EXIT_CODES = """\
exit status:
  0  the note was written (warnings about its phrase, if any, are printed)
  2  usage error, the note exists already, or no latar project found"""


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=88)


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


def project_of(args: argparse.Namespace) -> Project:
    """The project the command works on: ``--config``, or the nearest mkdocs.yml from ``--root`` up."""
    project = locate(Path(args.root), Path(args.config) if args.config else None)
    seeds = project.root / args.seeds if args.seeds else project.seeds_dir
    notes = project.root / args.notes if args.notes else project.notes_dir
    return Project(project.root, project.config, seeds, notes, project.branch, project.docs_dir, project.allowed, project.review)


def cmd_check(args: argparse.Namespace, project: Project) -> int:
    """Validate every note and anchor against every article; non-zero exit on any problem."""
    started = time.perf_counter()
    style = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        result = check(
            project.root,
            project.seeds_dir,
            project.notes_dir,
            args.base,
            project.branch,
            surroundings=surroundings,
            docs_dir=project.docs_dir,
            allowed=project.allowed,
            review=project.review,
        )
    except UnknownBase as err:
        print(f"latar check: {err}; pass --base with a branch or commit (e.g. --base origin/main)", file=sys.stderr)
        return EXIT_USAGE
    if args.placements:
        for landing in landings(result):
            print(landing)
        for placed in result.placed:  # what an editor kept out is listed too
            for entry in placed.rejected:
                print(f"rejected: {entry.note} kept out of {placed.article.name} {entry}")
    if style == "markdown":
        print_markdown(project, result, args.base)
    else:
        for problem in result.problems:
            print(format_problem(problem, style))
    elapsed = time.perf_counter() - started
    placed = sum(len(article.placements) for article in result.placed)
    counts = ", ".join(count(n, word) for n, word in ((len(result.notes), "note"), (len(result.articles), "article")))
    summary = f"latar check: {counts}, {count(placed, 'placement')}, {count(len(result.problems), 'problem')} ({elapsed:.2f} s)"
    print(summary, file=sys.stderr)
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def count(number: int, word: str) -> str:
    """``1 note``, ``2 notes``."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def skeleton(anchor: str, kind: str, title: str | None, today: str | None = None) -> str:
    """A note to fill in, from the one note template: every placeholder is one ``latar check`` points at."""
    fields = NoteFields(
        phrase=anchor, kind=kind, accessed=today or datetime.date.today().isoformat(), title=title or anchor[:1].upper() + anchor[1:]
    )
    return note_text(fields)


def cmd_new(args: argparse.Namespace, project: Project) -> int:
    """Write ``<notes folder>/<id>.md`` from the skeleton, refusing to overwrite; warn at once about its phrase."""
    if not SAFE_ID.match(args.id):
        anchor = "" if args.anchor else f' --anchor "{args.id}"'
        print(
            f"latar new: '{args.id}' is not a safe id (lower-case letters, digits and hyphens); try: {latar_command()} new {slug(args.id)}{anchor}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    path = project.notes_dir / f"{args.id}.md"
    label = file_label(path, project.root)
    if path.exists() and not args.force:
        print(f"latar new: {label} already exists; pick another id or pass --force", file=sys.stderr)
        return EXIT_USAGE
    anchor = args.anchor or args.id.replace("-", " ")
    text = skeleton(anchor, args.kind, args.title)
    try:
        note = parse_note(args.id, text, label)
    except InputError as err:  # pragma: no cover - the skeleton always parses
        print(err, file=sys.stderr)
        return EXIT_USAGE
    refused = write_new(path, text, project.root, args.force)  # never through a link, never into a linked folder
    if refused:
        print(f"latar new: {refused}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {label}; replace every TODO and example address, then run '{latar_command()} check' (it points at each one)")
    result = check(project.root, project.seeds_dir, project.notes_dir, branch=project.branch, new=[label], surroundings=surroundings)
    for problem in result.problems:
        if problem.path == label and problem.line == note.anchors[0].line:
            print(f"warning: {problem}", file=sys.stderr)
    return EXIT_OK


def _project_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """Options every command takes, before or after the command name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config", default=default, metavar="FILE", help="the project's mkdocs.yml (default: the nearest one, from the current folder up)"
    )
    parser.add_argument(
        "--root", default="." if top else argparse.SUPPRESS, metavar="DIR", help="look for mkdocs.yml from this folder up (default: .)"
    )
    parser.add_argument(
        "--seeds", default=default, metavar="DIR", help="articles folder, relative to mkdocs.yml (default: plugins.latar.seeds_dir: seeds)"
    )
    parser.add_argument(
        "--notes",
        default=default,
        metavar="DIR",
        help="notes folder, relative to mkdocs.yml (default: docs_dir/plugins.latar.notes_dir: docs/anotasi)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="latar",
        description=_wrap(
            "Background notes for news articles: check them against the articles, or start a new one. "
            "Run it anywhere inside the project (the folder of mkdocs.yml or below)."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {metadata.version('latar')}")
    _project_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checker = commands.add_parser(
        "check",
        help="validate every note and anchor against every article",
        description=_wrap(
            "Validate every note (front matter, sources, dates, length, what would not be published) and anchor every "
            "note in every article, without building the site. Each problem is printed once, as file:line: message, "
            "with the fix; the strict build and CI report the same problems."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _project_options(checker, top=False)
    checker.add_argument(
        "--format",
        choices=("text", "github", "markdown"),
        help="text: file:line: message; github: workflow commands that annotate a pull request; markdown: a job summary "
        "of each note changed since --base, where it lands and its problems (default: github under GitHub Actions, text elsewhere)",
    )
    checker.add_argument(
        "--placements",
        action="store_true",
        help="also print where every note lands: article, paragraph and the phrase in context, one line each (default: off)",
    )
    checker.add_argument(
        "--base",
        metavar="REV",
        help="git branch or commit a change is compared with: two notes that collide are reported on the one new or changed "
        "since then (default: origin/<plugins.latar.branch>, else <plugins.latar.branch>, i.e. origin/main or main)",
    )
    checker.set_defaults(run=cmd_check)
    new = commands.add_parser(
        "new",
        help="write a note skeleton to fill in",
        description=_wrap(
            "Write <notes folder>/<id>.md with every field to fill in, and warn at once if its phrase is already "
            "claimed by another note or is not in any article."
        ),
        epilog=NEW_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _project_options(new, top=False)
    new.add_argument("id", help="note id = file name: lower-case letters, digits and hyphens, e.g. jen-psaki")
    new.add_argument("--anchor", help="the phrase in the article the note attaches to (default: the id's words, e.g. 'jen psaki')")
    new.add_argument("--kind", choices=KINDS, default="background", help="what the note explains (default: background)")
    new.add_argument("--title", help="note title (default: the anchor, with a capital first letter)")
    new.add_argument("--force", action="store_true", help="overwrite an existing note (default: refuse)")
    new.set_defaults(run=cmd_new)
    add_commands(commands, lambda sub: _project_options(sub, top=False))
    register_article_command(commands)
    register_placements_command(commands, lambda sub: _project_options(sub, top=False))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``latar`` command."""
    args = build_parser().parse_args(argv)
    try:
        project = project_of(args)
    except ProjectError as err:
        print(f"latar {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    return args.run(args, project)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
