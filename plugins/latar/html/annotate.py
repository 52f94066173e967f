"""Attach notes to the text of an HTML element tree, never inside links, code, headings or markers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from latar.core.anchoring import Anchorer, Block, Diagnostics, Hit, select
from latar.html.builder import FRAGMENT, MARKUP

SKIP_TAGS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "button",
        "svg",
        "math",
        "template",
        "noscript",
        "sup",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "head",
        MARKUP,
    }
)
SKIP_CLASSES = frozenset({"footnote", "latar-anchor", "latar-skip"})
BLOCK_TAGS = frozenset(
    {
        "p",
        "li",
        "dd",
        "dt",
        "td",
        "th",
        "figcaption",
        "blockquote",
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "details",
        "summary",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "body",
        "html",
        "nav",
        "figure",
        "form",
        "fieldset",
        FRAGMENT,
    }
)

MarkerFactory = Callable[[Hit, str], list[Element]]


@dataclass(eq=False)
class Run:
    """One text slot of a block: ``owner.text``, or ``owner.tail`` (the text after ``owner`` in ``parent``)."""

    owner: Element
    parent: Element | None
    text: str
    start: int
    eligible: bool

    def replace(self, head: str, nodes: list[Element]) -> None:
        """Keep ``head`` in this slot and put ``nodes`` right after it."""
        if self.parent is None:
            self.owner.text = head or None
            container, index = self.owner, 0
        else:
            self.owner.tail = head or None
            container, index = self.parent, list(self.parent).index(self.owner) + 1
        for offset, node in enumerate(nodes):
            container.insert(index + offset, node)


@dataclass
class Annotation:
    """The blocks of one tree and the hits chosen in them."""

    blocks: list[Block]
    runs: list[list[Run]]
    hits: list[Hit]

    def apply(self, make_marker: MarkerFactory) -> None:
        """Replace each matched phrase by the elements ``make_marker`` builds for it."""
        per_run: dict[int, list[Hit]] = defaultdict(list)
        runs: dict[int, Run] = {}
        for hit in self.hits:
            run = next(r for r in self.runs[hit.block] if r.start <= hit.start and hit.end <= r.start + len(r.text))
            per_run[id(run)].append(hit)
            runs[id(run)] = run
        for key, hits in per_run.items():
            run = runs[key]
            text, cursor, nodes = run.text, 0, []
            head = ""
            for hit in sorted(hits, key=lambda h: h.start):
                start, end = hit.start - run.start, hit.end - run.start
                if nodes:
                    nodes[-1].tail = text[cursor:start] or None
                else:
                    head = text[:start]
                nodes.extend(make_marker(hit, text[start:end]))
                cursor = end
            nodes[-1].tail = text[cursor:] or None
            run.replace(head, nodes)


def _skipped(element: Element) -> bool:
    return element.tag in SKIP_TAGS or bool(SKIP_CLASSES.intersection(element.get("class", "").split()))


def collect(root: Element) -> tuple[list[Block], list[list[Run]]]:
    """Group the text of ``root`` by its nearest block element, in document order."""
    keys: list[int] = []
    grouped: dict[int, list[Run]] = {}

    def add(key: int, owner: Element, parent: Element | None, text: str, eligible: bool) -> None:
        if key not in grouped:
            grouped[key] = []
            keys.append(key)
        runs = grouped[key]
        start = runs[-1].start + len(runs[-1].text) if runs else 0
        runs.append(Run(owner, parent, text, start, eligible))

    def walk(element: Element, key: int, skipped: bool) -> None:
        if element.text:
            add(key, element, None, element.text, not skipped)
        for child in element:
            if child.tag != MARKUP:
                walk(child, id(child) if child.tag in BLOCK_TAGS else key, skipped or _skipped(child))
            if child.tail:
                add(key, child, element, child.tail, not skipped)

    walk(root, id(root), _skipped(root))
    blocks, runs = [], []
    for key in keys:
        block_runs = grouped[key]
        spans = tuple((run.start, run.start + len(run.text)) for run in block_runs if run.eligible)
        blocks.append(Block("".join(run.text for run in block_runs), spans))
        runs.append(block_runs)
    return blocks, runs


def find(
    root: Element,
    anchorer: Anchorer,
    diagnostics: Diagnostics | None = None,
    already: set[str] | None = None,
    article: str | None = None,
) -> Annotation:
    """Find and choose every note's place in the tree (does not change the tree).

    ``already``: notes already marked in the tree; their ``occurrence: first`` anchors are not placed again.
    ``article``: the article the tree shows, for anchors limited to some articles.
    """
    blocks, runs = collect(root)
    hits = [hit for index, block in enumerate(blocks) for hit in anchorer.hits(index, block, diagnostics, article)]
    if already:
        hits = [hit for hit in hits if not (hit.target.note_id in already and hit.target.anchor.occurrence == "first")]
    return Annotation(blocks, runs, select(hits, diagnostics))
