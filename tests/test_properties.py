"""Properties of the production path, article text → placed notes → article HTML (hypothesis, derandomised in CI).

Generated articles have a dateline, publisher lines and repeated words; generated notes have anchors with
``occurrence`` and capitals. What is checked is what a reader and a W3C client rely on: the text is the
article's, every marker sits where its placement says, ids are unique and every link resolves.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from latar.core.articles import PUBLISHER, Article, ArticleMeta, build_article
from latar.core.notes import Anchor, Note, Source
from latar.core.pipeline import Catalog, place_notes
from latar.html.article import ArticleRenderer, RenderedArticle

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
DATELINE = "JENEWA, KOMPAS - "
SOURCE = (Source("S", "https://example.org", "P", "2021"),)

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
lines = st.lists(st.tuples(st.booleans(), words), min_size=1, max_size=6)
"""(is a publisher line, text) per line; the first line is always article text."""
articles = st.builds(lambda dated, content: (dated, tuple(content)), st.booleans(), lines)

anchors = st.builds(
    Anchor,
    text=st.lists(st.sampled_from([*WORDS[:9], "JENEWA", "KOMPAS", "Baca", "juga"]), min_size=1, max_size=3).map(" ".join),
    occurrence=st.sampled_from(["first", "all"]),
    case_sensitive=st.booleans(),
)
note_sets = st.lists(st.lists(anchors, min_size=1, max_size=2), min_size=1, max_size=5).map(
    lambda groups: [
        Note(f"n{i}", f"docs/anotasi/n{i}.md", f"Catatan {i}", "background", "Ringkas.", tuple(g), SOURCE) for i, g in enumerate(groups)
    ]
)


def article_of(generated: tuple[bool, tuple[tuple[bool, str], ...]]) -> Article:
    """A real :class:`Article`, split by the production loader (dateline, ``publisher_lines``)."""
    dated, content = generated
    text_lines = []
    for index, (publisher, text) in enumerate(content):
        if index == 0:
            text_lines.append(DATELINE + text if dated else text)
        else:
            text_lines.append(f"Baca juga: {text}" if publisher else text)
    meta = ArticleMeta(
        "Putin dan Biden",
        "https://example.org/artikel",
        "Kompas",
        "2021-12-31",
        "id",
        dateline=DATELINE if dated else None,
        publisher_lines=("^Baca juga:",),
    )
    return build_article("uji", "\n".join(text_lines) + "\n", meta, "seeds/uji.txt")


def render(generated: tuple, notes: list[Note]) -> RenderedArticle:
    """The article page's HTML and placements, as the build makes them."""
    (placed,) = place_notes(Catalog((article_of(generated),), tuple(notes))).placed
    return ArticleRenderer({n.id: n for n in notes}, lambda note_id: f"../anotasi/{note_id}/").render(placed)


def body_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser").select_one(".latar-article-body")


@given(articles, note_sets)
def test_the_body_text_is_the_article_text(generated: tuple, notes: list[Note]) -> None:
    """Markers add no text: the body reads as the article's lines, publisher lines in place."""
    rendered = render(generated, notes)
    expected = "\n".join(block.text for block in rendered.article.blocks)
    assert body_of(rendered.html).get_text() == expected
    assert rendered.page_text == expected
    assert rendered.plain_text == "".join(f"{p}\n" for p in rendered.article.paragraphs)


@given(articles, note_sets)
def test_every_marker_is_where_its_placement_says(generated: tuple, notes: list[Note]) -> None:
    """Each placement's offsets hold its phrase in the paragraph, the page text and the plain text; the body's
    markers are the placements, in reading order."""
    rendered = render(generated, notes)
    article = rendered.article
    for marker in rendered.markers:
        placement = marker.placement
        assert article.blocks[placement.block].text[placement.start : placement.end] == placement.phrase
        assert article.paragraphs[placement.paragraph][placement.start : placement.end] == placement.phrase
        assert rendered.page_text[marker.page_start : marker.page_start + len(placement.phrase)] == placement.phrase
        assert rendered.plain_text[placement.plain_start : placement.plain_start + len(placement.phrase)] == placement.phrase
    body = body_of(rendered.html)
    marked = [(span["data-latar-note"], span.get_text()) for span in body.select("span.latar-anchor")]
    assert marked == [(m.placement.note_id, m.placement.phrase) for m in rendered.markers]
    refs = [sup["id"] for sup in body.select("sup.latar-ref")]
    assert refs == [m.ref_id for m in rendered.markers]


@given(articles, note_sets)
def test_nothing_attaches_outside_the_running_text(generated: tuple, notes: list[Note]) -> None:
    """Not in publisher lines, the headline, the byline or the source box, and never across the dateline."""
    rendered = render(generated, notes)
    soup = BeautifulSoup(rendered.html, "html.parser")
    assert soup.select("aside .latar-anchor, h1 .latar-anchor, .latar-byline .latar-anchor") == []
    dateline = soup.select_one(".latar-dateline")
    if rendered.article.dateline:
        assert dateline.get_text() == DATELINE
    else:
        assert dateline is None
    publisher_lines = [block.text for block in rendered.article.blocks if block.kind == PUBLISHER]
    assert [aside.get_text() for aside in soup.select("aside.latar-publisher-line")] == publisher_lines


@given(articles, note_sets, st.randoms(use_true_random=False))
def test_note_order_does_not_change_the_output(generated: tuple, notes: list[Note], random) -> None:
    shuffled = list(notes)
    random.shuffle(shuffled)
    assert render(generated, shuffled).html == render(generated, notes).html


@given(articles, note_sets)
def test_ids_are_unique_and_every_fragment_resolves(generated: tuple, notes: list[Note]) -> None:
    soup = BeautifulSoup(render(generated, notes).html, "html.parser")
    ids = Counter(element["id"] for element in soup.select("[id]"))
    assert all(count == 1 for count in ids.values()), ids
    for link in soup.select('a[href^="#"]'):
        assert link["href"][1:] in ids


@given(articles, note_sets)
def test_numbers_follow_the_reading_order(generated: tuple, notes: list[Note]) -> None:
    """Note 1 is the first marked in the text; every marker of a note carries its number; first-only anchors mark once."""
    rendered = render(generated, notes)
    soup = BeautifulSoup(rendered.html, "html.parser")
    placements = rendered.placed.placements
    order = list(dict.fromkeys(p.note_id for p in placements))
    footnotes = [re.sub(r"^latar-fn-", "", li["id"]) for li in soup.select(".latar-footnotes li")]
    assert footnotes == order
    for link in soup.select(".latar-article-body a.footnote-ref"):
        assert int(link["data-latar-number"]) == order.index(link["data-latar-note"]) + 1
    by_note = Counter(p.note_id for p in placements)
    for note in notes:
        if all(anchor.occurrence == "first" for anchor in note.anchors):
            assert by_note[note.id] <= len(note.anchors)
