"""Validate every article, note and anchor without building the site (used by the CLI and the plugin)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .anchoring import Anchorer, Diagnostics, Target, orphan_problems
from .article import Article, load_articles
from .notes import Note, load_notes
from .problems import Problem
from .render import ArticleRenderer


@dataclass
class CheckResult:
    """What a check found."""

    articles: list[Article]
    notes: list[Note]
    problems: list[Problem] = field(default_factory=list)
    placed: set[Target] = field(default_factory=set)


def check(root: Path, seeds_dir: Path, notes_dir: Path) -> CheckResult:
    """Load and validate everything, anchor every note in every article, collect all problems."""
    articles, problems = load_articles(seeds_dir, root)
    notes, note_problems = load_notes(notes_dir, root) if notes_dir.is_dir() else ([], [])
    problems += note_problems
    anchorer = Anchorer(notes)
    problems += anchorer.problems
    diagnostics = Diagnostics()
    placed: set[Target] = set()
    renderer = ArticleRenderer({n.id: n for n in notes}, lambda note_id: note_id)
    for article in articles:
        placed |= renderer.render(article, anchorer, diagnostics).targets
    problems += orphan_problems(anchorer, placed, [p for a in articles for p in a.paragraphs], diagnostics)
    return CheckResult(articles, notes, sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message)), placed)
