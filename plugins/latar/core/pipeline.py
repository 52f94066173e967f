"""The one pipeline behind ``latar check``, the build and the pull-request summary.

``load_catalog`` reads every article and note (an immutable :class:`Catalog` with the problems of what could not
be loaded); ``place_notes`` anchors every note in the text blocks of every article and returns immutable
:class:`Placement` s (article, block, offsets, note, number, occurrence) with every problem. No HTML, no links,
no ids: the html layer puts markers at these offsets, and ``latar check`` never renders a page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path

from latar.core import git
from latar.core.anchoring import Anchorer, Block, Diagnostics, Hit, Target, fold, missing_articles, orphan_problems, select
from latar.core.articles import PUBLISHER, Article, Unreadable, dateline_length, load_articles, unreadable_articles
from latar.core.claims import claim_problems
from latar.core.command import latar_command
from latar.core.context import context_problems
from latar.core.contributed import path_problems, regular_files
from latar.core.headline import HeadlineMark, headline_first, headline_marks
from latar.core.notes import Note, ParsedNotes, load_notes
from latar.core.problems import Problem
from latar.core.redirects import redirect_problems
from latar.core.review import Entry, Record, load_records, review

CONTEXT = 40
"""Characters of article text shown on each side of a placed phrase."""
Surroundings = Callable[[Article], Iterable[str]]
"""The text a page shows around an article's body (headline, byline, boxes): a phrase found only there gets a
hint ("outside the running text") instead of a marker."""


@dataclass(frozen=True)
class Catalog:
    """Everything loaded: the articles (newest first), the valid notes, and the problems of the rest."""

    articles: tuple[Article, ...]
    notes: tuple[Note, ...]
    problems: tuple[Problem, ...] = ()
    unpublished: tuple[Note, ...] = ()
    """Notes that cannot be published, with the anchors that are well formed (checked too, so nothing waits a fix)."""
    article_names: frozenset[str] = frozenset()
    """Every article in the seeds folder, loaded or not (an anchor's ``articles`` may name a broken one)."""
    changed: frozenset[str] | None = None
    """Files new or changed relative to the main branch (None: unknown), to blame collisions on."""
    unreadable: tuple[Unreadable, ...] = ()
    publishable: frozenset[str] = frozenset()
    """Files of the docs folder (relative, ``/``) that may be published: notes and ``allowed_files``, no links."""
    records: dict[str, Record | None] = field(default_factory=dict, hash=False)
    """Each article's reviewed placements (None: the record is there but unusable; its problems say why)."""
    review: bool = False
    """``plugins.latar.review_placements``: an article without a record has every placement unreviewed."""
    command: str = "latar"
    """How to run latar from the project's folder, for the messages that name a command."""


def context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """About ``width`` characters before and after ``text[start:end]``, cut at word boundaries."""
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start > width and not text[start - width - 1].isspace() and " " in before:
        before = before[before.index(" ") :]
    if end + width < len(text) and not text[end + width].isspace() and " " in after:
        after = after[: after.rindex(" ")]
    return before, after


@dataclass(frozen=True)
class Placement:
    """One place where a note is attached: ``article.blocks[block].text[start:end]``."""

    note_id: str
    article: str
    block: int
    """Index in :attr:`Article.blocks` (paragraphs and publisher lines)."""
    paragraph: int
    """Index in :attr:`Article.paragraphs` (the article text alone)."""
    start: int
    end: int
    number: int
    """The note's number in this article: notes are numbered in reading order."""
    occurrence: int
    """1 for the note's first marker in this article, 2 for its second…"""
    phrase: str
    before: str
    after: str
    plain_start: int
    """Where the phrase starts in the article's plain text (:func:`plain_text`)."""
    reviewed: bool = True
    """False for a placement its article's record does not hold yet (new or moved; shown so in the preview)."""


@dataclass(frozen=True)
class PlacedArticle:
    """An article and its notes' placements in reading order."""

    article: Article
    placements: tuple[Placement, ...]
    rejected: tuple[Entry, ...] = ()
    """The placements the record rejects: kept out of the article."""
    headline: HeadlineMark | None = None
    """The note marked on the headline (number 1: it is read first), if any."""

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Each placed note's number, the headline's note included."""
        first = {self.headline.note_id: 1} if self.headline else {}
        return first | {placement.note_id: placement.number for placement in self.placements}

    @property
    def note_count(self) -> int:
        """How many notes are placed in the article."""
        return len(self.numbers)


@dataclass(frozen=True)
class Placements:
    """Every note placed in every article, and every problem (loading and anchoring), sorted."""

    catalog: Catalog
    placed: tuple[PlacedArticle, ...]
    problems: tuple[Problem, ...]
    targets: frozenset[Target]
    """The anchors that attached somewhere."""
    anchorer: Anchorer

    @property
    def articles(self) -> tuple[Article, ...]:
        """The catalog's articles."""
        return self.catalog.articles

    @property
    def notes(self) -> tuple[Note, ...]:
        """The catalog's valid notes."""
        return self.catalog.notes

    @property
    def unpublished(self) -> tuple[Note, ...]:
        """The catalog's notes that cannot be published."""
        return self.catalog.unpublished

    @cached_property
    def by_note(self) -> dict[str, tuple[Placement, ...]]:
        """Each note's placements, articles in catalog order."""
        found: dict[str, list[Placement]] = {}
        for placed in self.placed:
            for placement in placed.placements:
                found.setdefault(placement.note_id, []).append(placement)
        return {note_id: tuple(placements) for note_id, placements in found.items()}


def load_catalog(
    root: Path,
    seeds_dir: Path,
    notes_dir: Path,
    base: str | None = None,
    branch: str = "main",
    new: Iterable[str] = (),
    docs_dir: Path | None = None,
    allowed: tuple[str, ...] = (),
    review: bool = False,
    parsed: ParsedNotes | None = None,
) -> Catalog:
    """Every article and valid note, and the problems of the others, contributed paths included.

    ``base``/``branch``: what counts as the main branch, to tell new or changed notes (see :mod:`latar.core.git`);
    ``new``: files known to be new whatever git says (``latar new`` has just written one); ``docs_dir`` (default: the
    notes folder alone) and ``allowed`` (``plugins.latar.allowed_files``): the allowlist of :mod:`latar.core.contributed`;
    ``review``: every article must have its placements reviewed (:mod:`latar.core.review`).
    """
    contributed = path_problems(root, docs_dir or notes_dir, notes_dir, seeds_dir, allowed)
    articles, problems = load_articles(seeds_dir, root)
    notes, note_problems, unpublished = load_notes(notes_dir, root, parsed) if notes_dir.is_dir() else ([], [], [])
    names = frozenset(path.stem for path in regular_files(seeds_dir, root, ".txt"))
    changed = git.changed_files(root, base, branch)
    if new:
        changed = (changed or frozenset()) | frozenset(new)
    unreadable = unreadable_articles(seeds_dir, root, (article.name for article in articles), problems)
    records, record_problems = load_records(seeds_dir, root, names)
    problems = contributed.problems + problems + note_problems + redirect_problems(articles, notes, root) + record_problems
    return Catalog(
        tuple(articles),
        tuple(notes),
        tuple(problems),
        tuple(unpublished),
        names,
        changed,
        tuple(unreadable),
        contributed.publishable,
        records,
        review,
        latar_command(root),
    )


def text_blocks(article: Article) -> list[Block]:
    """The article's blocks as anchoring sees them: paragraphs (never across the dateline), publisher lines closed."""
    blocks = []
    cut = dateline_length(article)
    first = True
    for block in article.blocks:
        if block.kind == PUBLISHER:
            blocks.append(Block(block.text, eligible=()))
            continue
        edges = (0, cut, len(block.text)) if first and 0 < cut < len(block.text) else (0, len(block.text))
        blocks.append(Block(block.text, eligible=tuple(pairwise(edges))))
        first = False
    return blocks


def place_notes(catalog: Catalog, surroundings: Surroundings | None = None) -> Placements:
    """Anchor every note in every article; add the anchoring problems (orphans, collisions) and sort them all.

    ``surroundings``: the text around each article's body as its page shows it (see :data:`Surroundings`).
    """
    anchorer = Anchorer(catalog.notes, catalog.changed)
    marks, headline_problems = headline_marks(catalog.notes, catalog.articles)
    diagnostics = Diagnostics()
    placed, targets = [], set()
    reviewed: list[Problem] = []
    held = held_notes(catalog)
    for article in catalog.articles:
        blocks = text_blocks(article)
        hits = [hit for index, block in enumerate(blocks) for hit in anchorer.hits(index, block, diagnostics, article.name)]
        chosen = select(hits, diagnostics)
        for text in surroundings(article) if surroundings else ():
            anchorer.hits(-1, Block(text, eligible=()), diagnostics, article.name)
        record = catalog.records.get(article.name)
        known = record is not None or article.name not in catalog.records  # an unusable record: its own problems say so
        decided = review(article, _numbered(article, chosen), record, catalog.review, known, catalog.command, held, marks.get(article.name))
        mark = decided.headline
        kept = headline_first(decided.kept, mark.note_id if mark else None)
        placed.append(PlacedArticle(article, kept, decided.rejected, mark))
        reviewed += decided.problems
        targets |= {hit.target for hit in chosen}
    texts = [paragraph for article in catalog.articles for paragraph in article.paragraphs]
    paragraphs = {article.name: article.paragraphs for article in catalog.articles}
    orphans = orphan_problems(anchorer, targets, texts, diagnostics, paragraphs, list(catalog.unreadable))
    missing = missing_articles([*catalog.notes, *catalog.unpublished], catalog.article_names)
    unpublished = _unpublished_orphans(catalog.unpublished, catalog.articles, texts, catalog.unreadable)
    landed: dict[str, set[str]] = {}
    for placed_article in placed:
        for placement in placed_article.placements:
            landed.setdefault(placement.note_id, set()).add(placement.article)
    claims = claim_problems(catalog.notes, catalog.articles, landed)
    claims += headline_problems + context_problems(catalog.articles, [*catalog.notes, *catalog.unpublished])
    first = {label for item in catalog.unreadable for label in item.files}
    problems = _sorted([*catalog.problems, *anchorer.problems, *orphans, *missing, *unpublished, *claims, *reviewed], first)
    return Placements(catalog, tuple(placed), tuple(problems), frozenset(targets), anchorer)


def held_notes(catalog: Catalog) -> frozenset[str]:
    """Notes that exist but cannot be placed now (their own problems say why): their recorded placements wait for them."""
    return frozenset(note.id for note in catalog.unpublished) | {Path(p.path).stem for p in catalog.problems if p.path.endswith(".md")}


def _numbered(article: Article, hits: Sequence[Hit]) -> tuple[Placement, ...]:
    """Placements of the chosen hits (in reading order): notes numbered by first appearance, occurrences counted."""
    paragraph_of = {index: number for number, index in enumerate(i for i, b in enumerate(article.blocks) if b.kind != PUBLISHER)}
    starts, position = [], 0
    for text in article.paragraphs:
        starts.append(position)
        position += len(text) + 1
    numbers: dict[str, int] = {}
    seen: Counter[str] = Counter()
    placements = []
    for hit in hits:
        note_id = hit.target.note_id
        number = numbers.setdefault(note_id, len(numbers) + 1)
        seen[note_id] += 1
        text = article.blocks[hit.block].text
        before, after = context(text, hit.start, hit.end)
        paragraph = paragraph_of[hit.block]
        placements.append(
            Placement(
                note_id,
                article.name,
                hit.block,
                paragraph,
                hit.start,
                hit.end,
                number,
                seen[note_id],
                text[hit.start : hit.end],
                before,
                after,
                starts[paragraph] + hit.start,
            )
        )
    return tuple(placements)


def plain_text(article: Article) -> str:
    """The article as plain text, publisher lines left out: its paragraphs, one a line (``teks.txt``)."""
    return "".join(f"{paragraph}\n" for paragraph in article.paragraphs)


def _unpublished_orphans(
    notes: Sequence[Note], articles: Sequence[Article], texts: list[str], unreadable: Sequence[Unreadable]
) -> list[Problem]:
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
    return orphan_problems(anchorer, found, texts, diagnostics, paragraphs, list(unreadable))


def check(
    root: Path,
    seeds_dir: Path,
    notes_dir: Path,
    base: str | None = None,
    branch: str = "main",
    new: Iterable[str] = (),
    surroundings: Surroundings | None = None,
    docs_dir: Path | None = None,
    allowed: tuple[str, ...] = (),
    review: bool = False,
) -> Placements:
    """Load and validate everything, anchor every note in every article, collect all problems."""
    return place_notes(load_catalog(root, seeds_dir, notes_dir, base, branch, new, docs_dir, allowed, review), surroundings)


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


def landings(result: Placements) -> list[Landing]:
    """Where every note lands, in a stable order (note file, article, paragraph, position)."""
    paths = {note.id: note.path for note in result.notes}
    targets = result.anchorer.targets
    first_only = {t.note_id for t in targets} - {t.note_id for t in targets if t.anchor.occurrence == "all"}
    found = []
    for placed in result.placed:
        article = placed.article
        counts: Counter[tuple[str, str]] = Counter(
            (hit.target.note_id, fold(text[hit.start : hit.end]))
            for index, text in enumerate(article.paragraphs)
            for hit in result.anchorer.hits(index, Block(text), article=article.name)
        )
        for placement in placed.placements:
            found.append(
                Landing(
                    note=paths[placement.note_id],
                    article=article.name,
                    paragraph=placement.paragraph + 1,
                    start=placement.start,
                    line=article.paragraph_lines[placement.paragraph],
                    text_file=article.text_label,
                    before=placement.before,
                    phrase=placement.phrase,
                    after=placement.after,
                    occurrences=counts[(placement.note_id, fold(placement.phrase))] if placement.note_id in first_only else 1,
                )
            )
    return sorted(found)


def _sorted(problems: Iterable[Problem], first: Collection[str] = ()) -> list[Problem]:
    """By file and line; the problems of the files in ``first`` (articles that could not be loaded) before all others."""
    return sorted(set(problems), key=lambda p: (p.path not in first, p.path, p.line or 0, p.message))
