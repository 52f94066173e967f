"""Attach notes to the text of an HTML tree (bs4), never inside links, code, headings or markers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import NavigableString, Tag

from .anchoring import Anchorer, Block, Diagnostics, Hit, select

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
    }
)

MarkerFactory = Callable[[Hit, str], list[Tag]]


@dataclass
class Run:
    """One text node inside a block, at ``start`` in the block's text."""

    node: NavigableString
    start: int
    eligible: bool


@dataclass
class Annotation:
    """The blocks of one tree and the hits chosen in them."""

    blocks: list[Block]
    runs: list[list[Run]]
    hits: list[Hit]

    def apply(self, make_marker: MarkerFactory) -> None:
        """Replace each matched phrase by the nodes ``make_marker`` builds for it."""
        per_node: dict[int, list[tuple[int, int, Hit]]] = defaultdict(list)
        nodes: dict[int, NavigableString] = {}
        for hit in self.hits:
            run = next(r for r in self.runs[hit.block] if r.start <= hit.start and hit.end <= r.start + len(r.node))
            per_node[id(run.node)].append((hit.start - run.start, hit.end - run.start, hit))
            nodes[id(run.node)] = run.node
        for key, spans in per_node.items():
            node = nodes[key]
            text = str(node)
            pieces: list[Tag | str] = []
            cursor = 0
            for start, end, hit in sorted(spans, key=lambda s: s[0]):
                if start > cursor:
                    pieces.append(NavigableString(text[cursor:start]))
                pieces.extend(make_marker(hit, text[start:end]))
                cursor = end
            if cursor < len(text):
                pieces.append(NavigableString(text[cursor:]))
            node.replace_with(*pieces)


def _skipped(tag: Tag) -> bool:
    return tag.name in SKIP_TAGS or bool(SKIP_CLASSES.intersection(tag.get("class") or ()))


def collect(root: Tag) -> tuple[list[Block], list[list[Run]]]:
    """Group the text nodes under ``root`` by their nearest block element, in document order."""
    keys: list[int] = []
    grouped: dict[int, list[tuple[NavigableString, bool]]] = {}
    stack = [(iter(root.children), id(root), _skipped(root))]
    while stack:
        children, block_key, skipped = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag):
            key = id(child) if child.name in BLOCK_TAGS else block_key
            stack.append((iter(child.children), key, skipped or _skipped(child)))
        elif type(child) is NavigableString:
            if block_key not in grouped:
                grouped[block_key] = []
                keys.append(block_key)
            grouped[block_key].append((child, not skipped))
    blocks, runs = [], []
    for key in keys:
        offset, block_runs, spans = 0, [], []
        for node, eligible in grouped[key]:
            block_runs.append(Run(node, offset, eligible))
            if eligible:
                spans.append((offset, offset + len(node)))
            offset += len(node)
        blocks.append(Block("".join(str(run.node) for run in block_runs), tuple(spans)))
        runs.append(block_runs)
    return blocks, runs


def find(root: Tag, anchorer: Anchorer, diagnostics: Diagnostics | None = None, already: set[str] | None = None) -> Annotation:
    """Find and choose every note's place in the tree (does not change the tree).

    ``already``: notes already marked in the tree; their ``occurrence: first`` anchors are not placed again.
    """
    blocks, runs = collect(root)
    hits = [hit for index, block in enumerate(blocks) for hit in anchorer.hits(index, block, diagnostics)]
    if already:
        hits = [hit for hit in hits if not (hit.target.note_id in already and hit.target.anchor.occurrence == "first")]
    return Annotation(blocks, runs, select(hits, diagnostics))
