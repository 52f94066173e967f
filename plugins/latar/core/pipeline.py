"""The one pipeline behind ``latar check`` and the plugin: load, validate, anchor, report orphans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from latar.core import git
from latar.core.anchoring import Anchorer, Block, Diagnostics, Target, fold, missing_articles, orphan_problems
from latar.core.articles import Article, Unreadable, load_articles, unreadable_articles
from latar.core.notes import Note, load_notes
from latar.core.problems import Problem
from latar.core.redirects import redirect_problems
from latar.html.article import ArticleRenderer, RenderedArticle

CONTEXT = 40
"""Characters of article text shown on each side of a placed phrase."""
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
    article_names: frozenset[str] = frozenset()
    """Every article in the seeds folder, loaded or not (an anchor's ``articles`` may name a broken one)."""
    changed: frozenset[str] | None = None
    """Files new or changed relative to the main branch (None: unknown), to blame collisions on."""
    unreadable: list[Unreadable] = field(default_factory=list)
    """Articles that could not be loaded: their problems come first, and notes meant for them say so."""


@dataclass(frozen=True, order=True)
class Landing:
    """Where a note lands: one marker in one article (for ``latar check --placements`` and pull-request summaries)."""

    note: str
    """The note's file."""
    article: str
    paragraph: int
    """1-based, among the article's paragraphs."""
    start: int
    line: int
    """The paragraph's line in the article's text file."""
    text_file: str
    before: str
    phrase: str
    after: str
    occurrences: int = 1
    """How many places in this article the anchor could take (``occurrence: first`` takes only the first)."""

    def __str__(self) -> str:
        before, after = self.before[-CONTEXT:], self.after[:CONTEXT]
        if len(self.before) > CONTEXT and " " in before:
            before = "…" + before.split(" ", 1)[1]
        if len(self.after) > CONTEXT and " " in after:
            after = after.rsplit(" ", 1)[0] + "…"
        more = f" (the first of {self.occurrences} occurrences)" if self.occurrences > 1 else ""
        where = f"{self.note}: {self.article} paragraph {self.paragraph} ({self.text_file}:{self.line})"
        return f"{where}: {before}[{self.phrase}]{after}{more}"


def load(
    root: Path, seeds_dir: Path, notes_dir: Path, base: str | None = None, branch: str = "main", new: Iterable[str] = ()
) -> CheckResult:
    """Every article and valid note, and the problems of the others.

    ``base``/``branch``: what counts as the main branch, to tell new or changed notes (see :mod:`latar.gitinfo`);
    ``new``: files known to be new whatever git says (``latar new`` has just written one).
    """
    articles, problems = load_articles(seeds_dir, root)
    notes, note_problems, unpublished = load_notes(notes_dir, root) if notes_dir.is_dir() else ([], [], [])
    names = frozenset(path.stem for path in seeds_dir.glob("*.txt"))
    changed = git.changed_files(root, base, branch)
    if new:
        changed = (changed or frozenset()) | frozenset(new)
    unreadable = unreadable_articles(seeds_dir, root, (article.name for article in articles), problems)
    problems = problems + note_problems + redirect_problems(articles, notes, root)
    return CheckResult(articles, notes, problems, unpublished=unpublished, article_names=names, changed=changed, unreadable=unreadable)


def anchor(result: CheckResult, href_for: HrefMaker, prefix: str = "latar", data: dict[str, str] | None = None) -> CheckResult:
    """Anchor every note in every article (rendering them), add anchor problems, sort all problems.

    ``data``: extra ``data-latar-*`` attributes of each article element.
    """
    anchorer = result.anchorer = Anchorer(result.notes, result.changed)
    diagnostics = Diagnostics()
    by_id = {note.id: note for note in result.notes}
    for article in result.articles:
        rendered = ArticleRenderer(by_id, href_for(article), prefix, data).render(article, anchorer, diagnostics)
        result.rendered.append(rendered)
        result.placed |= rendered.targets
    texts = [paragraph for article in result.articles for paragraph in article.paragraphs]
    paragraphs = {article.name: article.paragraphs for article in result.articles}
    orphans = orphan_problems(anchorer, result.placed, texts, diagnostics, paragraphs, result.unreadable)
    missing = missing_articles([*result.notes, *result.unpublished], result.article_names)
    unpublished = _unpublished_orphans(result.unpublished, result.articles, texts, result.unreadable)
    first = {label for item in result.unreadable for label in item.files}
    result.problems = _sorted([*result.problems, *anchorer.problems, *orphans, *missing, *unpublished], first)
    return result


def _unpublished_orphans(notes: list[Note], articles: list[Article], texts: list[str], unreadable: list[Unreadable]) -> list[Problem]:
    """Anchors of notes that cannot be published yet and match nothing: reported now, not one fix later."""
    if not notes:
        return []
    anchorer, diagnostics = Anchorer(notes), Diagnostics()
    found = {
        hit.target
        for article in articles
        for index, text in enumerate(article.paragraphs)
        for hit in anchorer.hits(index, Block(text), diagnostics, article.name)
    }
    paragraphs = {article.name: article.paragraphs for article in articles}
    return orphan_problems(anchorer, found, texts, diagnostics, paragraphs, unreadable)


def check(
    root: Path, seeds_dir: Path, notes_dir: Path, base: str | None = None, branch: str = "main", new: Iterable[str] = ()
) -> CheckResult:
    """Load and validate everything, anchor every note in every article, collect all problems."""
    return anchor(load(root, seeds_dir, notes_dir, base, branch, new), lambda _article: lambda note_id: note_id)


def placements(result: CheckResult) -> list[Landing]:
    """Where every note lands, in a stable order (note file, article, paragraph, position)."""
    if result.anchorer is None:
        return []
    paths = {note.id: note.path for note in result.notes}
    targets = result.anchorer.targets
    first_only = {t.note_id for t in targets} - {t.note_id for t in targets if t.anchor.occurrence == "all"}
    landings = []
    for rendered in result.rendered:
        article = rendered.article
        counts: Counter[tuple[str, str]] = Counter(
            (hit.target.note_id, fold(text[hit.start : hit.end]))
            for index, text in enumerate(article.paragraphs)
            for hit in result.anchorer.hits(index, Block(text), article=article.name)
        )
        for placement in rendered.placements:
            landings.append(
                Landing(
                    note=paths[placement.note_id],
                    article=article.name,
                    paragraph=placement.block + 1,
                    start=placement.start,
                    line=article.paragraph_lines[placement.block],
                    text_file=article.text_label,
                    before=placement.before,
                    phrase=placement.phrase,
                    after=placement.after,
                    occurrences=counts[(placement.note_id, fold(placement.phrase))] if placement.note_id in first_only else 1,
                )
            )
    return sorted(landings)


def _sorted(problems: Iterable[Problem], first: Collection[str] = ()) -> list[Problem]:
    """By file and line; the problems of the files in ``first`` (articles that could not be loaded) before all others."""
    return sorted(set(problems), key=lambda p: (p.path not in first, p.path, p.line or 0, p.message))
