"""Properties of annotation over generated element trees and notes (hypothesis, derandomised in CI)."""

from __future__ import annotations

import os
import re
from collections import Counter
from xml.etree.ElementTree import Element

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latar.core.anchoring import Anchorer
from latar.core.notes import Anchor, Note, Source
from latar.html.article import ArticleRenderer
from latar.html.builder import append, fragment, tag, to_html

settings.register_profile("ci", derandomize=True, max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

WORDS = [
    "Krimea",
    "NATO",
    "Kuba",
    "rudal",
    "krisis",
    "Putin",
    "Biden",
    "Jenewa",
    "sanksi",
    "dan",
    "di",
    "yang",
    "NATO-nya",
    "Kubanya",
    "perang",
]
SOURCE = (Source("S", "https://example.org", "P", "2021"),)

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
inline = st.tuples(st.sampled_from(["text", "em", "a", "code"]), words)
paragraph = st.lists(inline, min_size=1, max_size=4).map(lambda parts: ("p", tuple(parts)))
heading = words.map(lambda w: ("h2", w))
documents = st.lists(st.one_of(paragraph, paragraph, heading), min_size=1, max_size=6).map(tuple)


def build(document: tuple) -> Element:
    """A fresh element tree for a generated document (paragraphs with inline parts, headings)."""
    root = fragment()
    for name, content in document:
        if name == "h2":
            root.append(tag("h2", content))
            continue
        p = tag("p")
        for index, (kind, text) in enumerate(content):
            if index:
                append(p, " ")
            if kind == "text":
                append(p, text)
            elif kind == "a":
                append(p, tag("a", text, href="https://example.org"))
            else:
                append(p, tag(kind, text))
        root.append(p)
    return root


anchors = st.builds(
    Anchor,
    text=st.lists(st.sampled_from(WORDS[:9]), min_size=1, max_size=3).map(" ".join),
    occurrence=st.sampled_from(["first", "all"]),
    case_sensitive=st.booleans(),
)
note_sets = st.lists(st.lists(anchors, min_size=1, max_size=2), min_size=1, max_size=5).map(
    lambda groups: [
        Note(f"n{i}", f"docs/anotasi/n{i}.md", f"Catatan {i}", "background", "Ringkas.", tuple(g), SOURCE) for i, g in enumerate(groups)
    ]
)


def annotate(document: tuple, notes: list[Note]) -> str:
    """The HTML of a generated document after annotation."""
    renderer = ArticleRenderer({n.id: n for n in notes}, lambda note_id: f"../anotasi/{note_id}/")
    root = build(document)
    renderer.annotate_tree(root, Anchorer(notes))
    return to_html(root)


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select("sup.latar-ref, div.footnote"):
        element.decompose()
    return re.sub(r"\s+", " ", soup.get_text())


@given(documents, note_sets)
def test_visible_text_is_preserved(document: tuple, notes: list[Note]) -> None:
    assert visible_text(annotate(document, notes)) == visible_text(to_html(build(document)))


@given(documents, note_sets)
def test_annotating_twice_changes_nothing(document: tuple, notes: list[Note]) -> None:
    renderer = ArticleRenderer({n.id: n for n in notes}, lambda note_id: f"../anotasi/{note_id}/")
    root = build(document)
    renderer.annotate_tree(root, Anchorer(notes))
    once = to_html(root)
    assert renderer.annotate_tree(root, Anchorer(notes)) == []
    assert to_html(root) == once


@given(documents, note_sets, st.randoms(use_true_random=False))
def test_note_order_does_not_change_the_output(document: tuple, notes: list[Note], random) -> None:
    shuffled = list(notes)
    random.shuffle(shuffled)
    assert annotate(document, shuffled) == annotate(document, notes)


@given(documents, note_sets)
def test_ids_are_unique_and_every_fragment_resolves(document: tuple, notes: list[Note]) -> None:
    soup = BeautifulSoup(annotate(document, notes), "html.parser")
    ids = Counter(element["id"] for element in soup.select("[id]"))
    assert all(count == 1 for count in ids.values()), ids
    for link in soup.select('a[href^="#"]'):
        assert link["href"][1:] in ids


@given(documents, note_sets)
def test_nothing_attaches_inside_links_code_or_headings(document: tuple, notes: list[Note]) -> None:
    soup = BeautifulSoup(annotate(document, notes), "html.parser")
    assert soup.select("a .latar-anchor, code .latar-anchor, h2 .latar-anchor") == []
