"""The one pipeline behind ``latar check`` and the plugin: load, validate, anchor, report orphans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .anchoring import Anchorer, Block, Diagnostics, Target, orphan_problems
from .article import Article, load_articles
from .notes import Note, load_notes
from .problems import Problem
from .render import ArticleRenderer, RenderedArticle

HrefMaker = Callable[[Article], Callable[[str], str]]
"""Given an article, a function from note id to the link from that article's page to the note page."""


@dataclass
class CheckResult:
    """What a check found."""

    articles: list[Article]
    notes: list[Note]
    problems: list[Problem] = field(default_factory=list)
    placed: set[Target] = field(default_factory=set)
    rendered: list[RenderedArticle] = field(default_factory=list)
    anchorer: Anchorer | None = None
    unpublished: list[Note] = field(default_factory=list)


def load(root: Path, seeds_dir: Path, notes_dir: Path) -> CheckResult:
    """Every article and valid note, and the problems of the others."""
    articles, problems = load_articles(seeds_dir, root)
    notes, note_problems, unpublished = load_notes(notes_dir, root) if notes_dir.is_dir() else ([], [], [])
    return CheckResult(articles, notes, problems + note_problems, unpublished=unpublished)


def anchor(result: CheckResult, href_for: HrefMaker, prefix: str = "latar") -> CheckResult:
    """Anchor every note in every article (rendering them), add anchor problems, sort all problems."""
    anchorer = result.anchorer = Anchorer(result.notes)
    diagnostics = Diagnostics()
    by_id = {note.id: note for note in result.notes}
    for article in result.articles:
        rendered = ArticleRenderer(by_id, href_for(article), prefix).render(article, anchorer, diagnostics)
        result.rendered.append(rendered)
        result.placed |= rendered.targets
    texts = [paragraph for article in result.articles for paragraph in article.paragraphs]
    orphans = orphan_problems(anchorer, result.placed, texts, diagnostics)
    result.problems = _sorted([*result.problems, *anchorer.problems, *orphans, *_unpublished_orphans(result.unpublished, texts)])
    return result


def _unpublished_orphans(notes: list[Note], texts: list[str]) -> list[Problem]:
    """Anchors of notes that cannot be published yet and match nothing: reported now, not one fix later."""
    if not notes:
        return []
    anchorer, diagnostics = Anchorer(notes), Diagnostics()
    found = {hit.target for index, text in enumerate(texts) for hit in anchorer.hits(index, Block(text), diagnostics)}
    return orphan_problems(anchorer, found, texts, diagnostics)


def check(root: Path, seeds_dir: Path, notes_dir: Path) -> CheckResult:
    """Load and validate everything, anchor every note in every article, collect all problems."""
    return anchor(load(root, seeds_dir, notes_dir), lambda _article: lambda note_id: note_id)


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))
