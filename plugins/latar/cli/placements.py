"""``latar placements accept [ARTICLE]`` and ``latar placements reject ARTICLE NOTE``: an editor's decisions.

Both write ``<seeds>/<name>.placements.yml`` (:mod:`latar.core.review`) from the placements the notes' anchors give
now, keeping every decision already recorded for the same spot, and print what they decided, the phrase in context.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from latar.cli.project import Project
from latar.core.command import latar_command
from latar.core.contributed import RECORD_SUFFIX, write_new
from latar.core.files import file_label
from latar.core.pipeline import Catalog, PlacedArticle, held_notes, load_catalog, place_notes
from latar.core.review import REJECTED, Entry, decide, entries_of, record_text
from latar.strings import surroundings

EXIT_OK, EXIT_USAGE = 0, 2


def register(commands: argparse._SubParsersAction, options: Callable[[argparse.ArgumentParser], None]) -> None:
    """``latar placements accept|reject``: the hook the command line adds."""
    placements = commands.add_parser(
        "placements",
        help="record an editor's decision on where notes land: 'accept [ARTICLE]' or 'reject ARTICLE NOTE'",
        description="Every place a note lands in an article is recorded in <seeds>/<name>.placements.yml, accepted or "
        "rejected; latar check fails while a placement is new, moved or gone. Read the placements first: "
        "'latar check --placements'.",
    )
    actions = placements.add_subparsers(dest="placements_command", required=True, metavar="ACTION")
    accept = actions.add_parser(
        "accept",
        help="record every current placement as accepted (decisions already recorded are kept)",
        description="Record every placement of every note in ARTICLE (default: every article) as accepted, keeping the "
        "rejections already recorded, and drop the entries of placements that are gone. Prints each placement it accepts.",
    )
    accept.add_argument("article", nargs="?", help="the article's name, e.g. intisari-2021-12-31-putin-biden (default: every article)")
    options(accept)
    accept.set_defaults(run=cmd_accept)
    reject = actions.add_parser(
        "reject",
        help="keep a note out of one spot in an article",
        description="Record one placement of NOTE in ARTICLE as rejected: the note is kept out of that spot (the article "
        "page shows no marker there). Name the spot with --paragraph N, or --occurrence N when the note lands more than "
        "once in that paragraph.",
    )
    reject.add_argument("article", help="the article's name, e.g. intisari-2021-12-31-putin-biden")
    reject.add_argument("note", help="the note's id (its file name without .md)")
    which = reject.add_mutually_exclusive_group()
    which.add_argument("--paragraph", type=int, metavar="N", help="the paragraph (1 is the first; 0 is the headline) where the note lands")
    which.add_argument("--occurrence", type=int, metavar="N", help="the note's Nth place in the article, in reading order")
    options(reject)
    reject.set_defaults(run=cmd_reject)


def _name(value: str) -> str:
    """An article's name from what a person types: the name, or its text file, sidecar or record."""
    name = Path(value).name
    for suffix in (RECORD_SUFFIX, ".txt", ".yml"):
        name = name.removesuffix(suffix)
    return name


def _candidates(project: Project) -> tuple[Catalog, dict[str, PlacedArticle]]:
    """The catalog, and every article with all its computed placements (rejected ones included)."""
    catalog = load_catalog(
        project.root, project.seeds_dir, project.notes_dir, branch=project.branch, docs_dir=project.docs_dir, allowed=project.allowed
    )
    placed = place_notes(replace(catalog, records={}, review=False), surroundings)
    return catalog, {article.article.name: article for article in placed.placed}


def _usable(catalog: Catalog, name: str, project: Project) -> bool:
    """False (with the record's problems printed) when the article's record is there but cannot be read."""
    if name in catalog.records and catalog.records[name] is None:
        label = file_label(project.seeds_dir / f"{name}{RECORD_SUFFIX}", project.root)
        for problem in catalog.problems:
            if problem.path == label:
                print(problem, file=sys.stderr)
        print(f"latar placements: fix {label} first, or remove it to review every placement again", file=sys.stderr)
        return False
    return True


def _write(project: Project, name: str, entries: list[Entry]) -> str | None:
    path = project.seeds_dir / f"{name}{RECORD_SUFFIX}"
    refused = write_new(path, record_text(name, entries), project.root, force=True)  # never through a link
    if refused:
        print(f"latar placements: {refused}", file=sys.stderr)
        return None
    return file_label(path, project.root)


def _unknown(name: str, placed: dict[str, PlacedArticle]) -> int:
    known = ", ".join(sorted(placed)) or "none"
    print(f"latar placements: there is no article '{name}' (articles: {known})", file=sys.stderr)
    return EXIT_USAGE


def cmd_accept(args: argparse.Namespace, project: Project) -> int:
    """Record every current placement as accepted, keeping recorded decisions; print each one newly accepted."""
    catalog, placed = _candidates(project)
    names = [_name(args.article)] if args.article else sorted(placed)
    if args.article and names[0] not in placed:
        return _unknown(names[0], placed)
    status = EXIT_OK
    for name in names:
        if not _usable(catalog, name, project):
            status = EXIT_USAGE
            continue
        article = placed[name]
        computed = entries_of(article.article, article.placements, article.headline)
        record = catalog.records.get(name)
        entries, accepted = decide(computed, record, accept_all=True, held=held_notes(catalog))
        dropped = [old for old in (record.entries if record else ()) if old.spot not in {entry.spot for entry in entries}]
        if (record is not None or not entries) and not accepted and not dropped:
            continue  # nothing to decide (an article where no note lands needs no record)
        label = _write(project, name, entries)
        if label is None:
            return EXIT_USAGE
        rejected = sum(entry.decision == REJECTED for entry in entries)
        print(f"{label}: {len(accepted)} accepted, {rejected} rejected kept, {len(dropped)} gone and removed")
        for entry in accepted:
            print(f"  accepted {entry.note}, {entry}")
        for entry in dropped:
            print(f"  removed  {entry.note}, {entry} (it no longer lands there)")
    if status == EXIT_OK:
        print(f"every placement is recorded; '{latar_command()} check' shows any other problem")
    return status


def cmd_reject(args: argparse.Namespace, project: Project) -> int:
    """Record one placement as rejected: the note is kept out of that spot."""
    catalog, placed = _candidates(project)
    name = _name(args.article)
    if name not in placed:
        return _unknown(name, placed)
    if not _usable(catalog, name, project):
        return EXIT_USAGE
    article = placed[name]
    computed = entries_of(article.article, article.placements, article.headline)
    mine = [(index, entry) for index, entry in enumerate(computed) if entry.note == args.note]
    if not mine:
        landed = ", ".join(sorted({entry.note for entry in computed})) or "none"
        print(f"latar placements: note '{args.note}' does not land in {name} (notes there: {landed})", file=sys.stderr)
        return EXIT_USAGE
    chosen = [
        (index, entry)
        for index, entry in mine
        if (args.paragraph is None or entry.paragraph == args.paragraph)
        and (args.occurrence is None or entry.occurrence == args.occurrence)
    ]
    if len(chosen) != 1:
        why = "it lands there more than once" if chosen else "that matches none of its places"
        print(f"latar placements: note '{args.note}' in {name}: {why}; name one of its places:", file=sys.stderr)
        for _, entry in chosen or mine:
            print(f"  --occurrence {entry.occurrence}  ({entry})", file=sys.stderr)
        return EXIT_USAGE
    index, entry = chosen[0]
    entries, _ = decide(computed, catalog.records.get(name), reject={index})
    label = _write(project, name, entries)
    if label is None:
        return EXIT_USAGE
    print(f"{label}: rejected {entry.note}, {entry}; the note is kept out of this spot")
    return EXIT_OK
