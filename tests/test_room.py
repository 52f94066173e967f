"""Room for margin notes above crowded paragraphs (html/room.py), decided when the page is built. Unit tests with their
own small article; the browser tests (test_reading_margin.py) check that the notes then stand whole beside their lines."""

from __future__ import annotations

from bs4 import BeautifulSoup

from latar.core.articles import ArticleMeta, build_article
from latar.core.notes import Anchor, Note, Source
from latar.core.pipeline import Catalog, place_notes
from latar.html.article import ArticleRenderer
from latar.html.room import BANDS, note_characters, rooms

SOURCE = (Source("Sumber", "https://example.org/s", "Contoh", "2021-12-31"),)
META = ArticleMeta("Putin dan Biden Bicara Lewat Telepon", "https://example.org/a", "Intisari", "2021-12-31", "id")
LONG = " ".join(["Ringkasan panjang tentang latar peristiwa ini, dengan sumber."] * 7)
WORDS = ("Putin", "Biden", "Jenewa", "NATO", "Kremlin", "Ukraina")
LATER = ("Moskow", "Washington", "Donbas")
CROWDED = f"{' '.join(WORDS)} bicara.\nKalimat kedua tanpa apa pun.\n{' '.join(LATER)} lagi.\n"


def note(name: str, summary: str = LONG, *anchors: Anchor) -> Note:
    return Note(name.lower(), f"docs/anotasi/{name.lower()}.md", name, "person", summary, anchors or (Anchor(name),), SOURCE)


def render(text: str, *notes: Note) -> BeautifulSoup:
    article = build_article("telepon", text, META, "seeds/telepon.txt")
    result = place_notes(Catalog((article,), notes, article_names=frozenset({article.name})))
    assert result.problems == ()
    (one,) = result.placed
    html = ArticleRenderer({n.id: n for n in result.notes}, str).render(one).html
    return BeautifulSoup(html, "html.parser")


def room(p) -> dict[str, float]:
    return {k: float(v) for k, v in (part.split(":") for part in p.get("style", "").split(";") if part)}


def test_a_paragraph_after_a_crowded_one_stands_lower_on_wide_screens_only_by_what_its_notes_need() -> None:
    page = render(CROWDED, *(note(word) for word in WORDS + LATER))
    first, second, third = page.select(".latar-article-body > p")
    assert "style" not in first.attrs, "nothing above the first notes: they start at their lines"
    assert "style" not in second.attrs, "no notes of its own: nothing to make room for"
    assert room(third)["--latar-room"] > 0, "six long notes on one line: the next notes' paragraph stands lower"
    assert set(room(third)) <= {band.prop for band in BANDS}
    assert room(third).get("--latar-room-wide", 0) < room(third)["--latar-room"], "wider columns, shorter notes, less room"


def test_short_notes_or_few_markers_take_no_room() -> None:
    page = render(CROWDED, *(note(word, "Singkat.") for word in WORDS + LATER))
    assert [p.get("style") for p in page.select(".latar-article-body > p")] == [None, None, None]
    page = render(CROWDED, note("Putin"), note("Donbas"))
    assert [p.get("style") for p in page.select(".latar-article-body > p")] == [None, None, None]


def test_a_repeat_takes_one_line() -> None:
    """A note's later markers show "lihat catatan N": the same note at every word takes less room than six notes."""
    article = build_article("telepon", CROWDED, META, "seeds/telepon.txt")
    needed = []
    for notes in ((note("Sama", LONG, *(Anchor(word) for word in WORDS + LATER)),), tuple(note(w) for w in WORDS + LATER)):
        (one,) = place_notes(Catalog((article,), notes, article_names=frozenset({article.name}))).placed
        found = rooms(article, one.placements, {n.id: n for n in notes}, None)
        needed.append(float(found[2].split(";")[0].split(":")[1]) if 2 in found else 0.0)
    assert needed[0] < needed[1] / 4, needed


def test_a_note_is_counted_as_its_margin_note_shows_it() -> None:
    plain = note("Putin", "Presiden *Rusia*.")
    assert note_characters(plain) == len("00 Tokoh: Presiden Rusia.")
