"""Note pages, the timeline and the navigation as a reader meets them (issue #24): the way back into the article
before the body, a clarification's verdict first, "Anotasi" marked on desktop, a timeline with a date column.

Every check iterates over the notes and articles of the built site, measured in Chromium.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from latar.core.claims import squash
from latar.core.pipeline import check
from latar.html.pages import DATED_KINDS, first_sentence
from latar.strings import VERDICT_LABELS

pytestmark = pytest.mark.browser
RESULT = check(ROOT, ROOT / "seeds", ROOT / "docs" / "anotasi")
NOTES = {note.id: note for note in RESULT.notes}
NEWEST = RESULT.placed[0] if RESULT.placed else None
ARTICLES = {article.name: article for article in RESULT.articles}


@functools.cache
def soup(site: Path, path: str) -> BeautifulSoup:
    """A page of the built site, parsed once (the tests only read it)."""
    return BeautifulSoup((site / path.strip("/") / "index.html").read_text("utf-8"), "html.parser")


def before(page: BeautifulSoup, first: str, second: str) -> bool:
    """Does the element ``first`` come before ``second`` in the page?"""
    elements = page.select(f"{first}, {second}")
    a, b = page.select_one(first), page.select_one(second)
    return a is not None and b is not None and elements.index(a) < elements.index(b)


LAYOUT = """() => {
  const box = e => e && e.getBoundingClientRect();
  const back = document.querySelector('.latar-back a:not([hidden])'), h1 = document.querySelector('.latar-note-page h1');
  const verdict = document.querySelector('.latar-verdict'), body = document.querySelector('.latar-note-body');
  const style = verdict && getComputedStyle(verdict);
  return {back: back && {top: box(back).top, bottom: box(back).bottom, right: box(back).right, text: back.innerText},
          h1: box(h1).top, body: box(body).top, width: innerWidth, overflow: document.documentElement.scrollWidth > innerWidth,
          verdict: verdict && {top: box(verdict).top, border: style.borderTopWidth, text: verdict.innerText}};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_note_page_leads_back_into_the_article_before_its_body(browser, served, width: int) -> None:
    site, origin = served
    page = browser.new_page(viewport={"width": width, "height": 844})
    for note_id in sorted(NOTES):
        html = soup(site, f"/anotasi/{note_id}/")
        placements = RESULT.by_note.get(note_id, ())
        links = html.select(".latar-back a")
        assert len(links) == len(placements), f"{note_id}: one way back per placement"
        assert before(html, "#muncul-di", ".latar-note-body"), f"{note_id}: 'Muncul di' after the body"
        if not placements:
            continue
        first = placements[0]
        assert links[0].get("hidden") is None and all(link.get("hidden") is not None for link in links[1:])
        assert links[0]["href"].endswith(f"/artikel/{first.article}/#{links[0]['data-latar-from'].split('/', 1)[1]}")
        article = soup(site, f"/artikel/{first.article}/")
        marker = article.select_one("#" + links[0]["href"].rpartition("#")[2])
        assert marker is not None and marker.find_parent("p")["id"] == f"latar-p-{first.paragraph + 1}", note_id
        page.goto(f"{origin}/anotasi/{note_id}/")
        layout = page.evaluate(LAYOUT)
        back = layout["back"]
        assert back and back["text"].startswith(f"← Kembali ke paragraf {first.paragraph + 1}"), (note_id, back)
        assert ARTICLES[first.article].meta.title in back["text"], f"{note_id}: the way back names its article"
        assert back["bottom"] <= layout["h1"] < layout["body"] and back["top"] < 844, f"{note_id}: {layout}"
        assert back["right"] <= width and not layout["overflow"], f"{note_id}: wider than the screen"
    page.close()


def test_a_clarification_shows_its_claim_verdict_and_finding_first(browser, served) -> None:
    site, origin = served
    clarifications = [n for n in NOTES.values() if n.claim and n.verdict]
    assert clarifications
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    for note in clarifications:
        html = soup(site, f"/anotasi/{note.id}/")
        review = html.select_one(".latar-note-page > .latar-review")
        assert review is not None and before(html, ".latar-review", "#muncul-di"), note.id
        assert [dt.get_text() for dt in review.select("dt")][:3] == ["Klaim", "Penilaian", "Temuan"]
        assert squash(review.select_one(".latar-claim").get_text()) == squash(note.claim)
        for link in review.select(".latar-claim-source a"):
            path, _, target = link["href"].partition("#")
            article = soup(site, "/artikel/" + path.rstrip("/").rpartition("/")[2] + "/")
            assert squash(note.claim) in squash(article.select_one(f"#{target}").get_text()), f"{note.id}: the link misses the claim"
        original = review.select_one("blockquote.latar-original")
        assert (original is not None) is bool(note.original), note.id
        if note.original:
            assert original["lang"] == note.original.language and squash(original.get_text()) == squash(note.original.text)
            assert (review.select_one(".latar-closest") is not None) is note.original.closest, note.id
        page.goto(f"{origin}/anotasi/{note.id}/")
        verdict = page.evaluate(LAYOUT)["verdict"]
        assert verdict["text"] == VERDICT_LABELS[note.verdict], note.id
        assert verdict["border"] != "0px" and verdict["top"] < 800, f"{note.id}: the verdict is not seen at once: {verdict}"
    page.close()


def test_the_notes_section_is_marked_in_the_desktop_navigation(browser, served) -> None:
    _, origin = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{origin}/anotasi/{sorted(NOTES)[0]}/")
    links = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')].filter(a => a.offsetWidth > 0)
             .map(a => [a.innerText.trim(), getComputedStyle(a).color, getComputedStyle(a).fontWeight])"""
    )
    page.close()
    styles = {text: (color, weight) for text, color, weight in links}
    marked = styles["Anotasi"]
    others = [styles[text] for text in ("Artikel", "Linimasa")]
    assert all(marked[0] != other[0] and marked[1] != other[1] for other in others), styles


ROWS = """() => [...document.querySelectorAll('.latar-timeline > li')].map(li => {
  const time = li.querySelector('time'), text = li.querySelector('.latar-timeline-text'), t = time.getBoundingClientRect();
  const title = li.querySelector('.latar-timeline-title'), number = getComputedStyle(title, '::before').content;
  return {href: li.querySelector('a').getAttribute('href'), id: li.id, datetime: time.getAttribute('datetime'),
          date: {left: t.left, right: t.right, top: t.top, whole: time.scrollWidth <= Math.ceil(t.width) + 1, text: time.innerText},
          text: text.getBoundingClientRect().left, title: title.getBoundingClientRect().top, number,
          summary: (li.querySelector('.latar-timeline-summary') || {}).innerText || null};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timeline_has_a_date_column_numbers_and_a_line_of_summary(browser, served, width: int) -> None:
    _, origin = served
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(f"{origin}/linimasa/")
    rows = page.evaluate(ROWS)
    page.close()
    events = {n.id for n in NOTES.values() if n.date and n.kind in DATED_KINDS}
    numbers = NEWEST.numbers if NEWEST else {}
    seen = set()
    for row in rows:
        date = row["date"]
        assert date["whole"] and date["right"] <= row["text"] and abs(date["top"] - row["title"]) < 12, f"not a date column: {row}"
        assert date["left"] == rows[0]["date"]["left"], f"dates not in one column: {row}"
        if row["id"].startswith("artikel-"):
            article = next(a for a in RESULT.articles if row["id"] == f"artikel-{a.name}")
            assert row["datetime"] == article.meta.published
            continue
        note_id = row["href"].strip("/").rpartition("/")[2]
        seen.add(note_id)
        note = NOTES[note_id]
        assert row["summary"] == first_sentence(note.summary) and len(row["summary"]) >= 20, note_id
        expected = f'"{numbers[note_id]}"' if note_id in numbers else "none"
        assert row["number"] == expected, (note_id, row["number"])
    assert seen == events
    assert sum(1 for row in rows if row["id"].startswith("artikel-")) == len(RESULT.articles)


def test_the_way_back_leads_to_the_marker_the_note_was_opened_from(browser, served) -> None:
    _, origin = served
    repeated = [(note_id, placements) for note_id, placements in sorted(RESULT.by_note.items()) if placements[-1].occurrence > 1]
    assert repeated, "the real site has a note placed twice in an article"
    note_id, placements = repeated[0]
    later = placements[-1]
    page = browser.new_page(viewport={"width": 1024, "height": 800})  # tooltips: below the margin notes' 1200 px
    page.goto(f"{origin}/artikel/{later.article}/")
    marker = f"#latar-ref-{note_id}-{later.occurrence} a.footnote-ref"
    page.focus(marker)  # the tooltip opens on focus; its link is the note's
    page.wait_for_selector(".md-tooltip2 a.latar-more", state="attached")
    page.evaluate("document.querySelector('.md-tooltip2 a.latar-more').focus()")
    href = page.evaluate("document.querySelector('.md-tooltip2 a.latar-more').href")
    assert f"dari={later.article}%2Flatar-ref-{note_id}-{later.occurrence}" in href, href
    page.goto(href)
    shown = page.evaluate("[...document.querySelectorAll('.latar-back a')].filter(a => a.offsetWidth > 0).map(a => a.innerText)")
    assert len(shown) == 1 and shown[0].startswith(f"← Kembali ke paragraf {later.paragraph + 1}"), shown
    page.goto(f"{origin}/anotasi/{note_id}/?dari=%3Cimg%20src%3Dx%3E")  # a name the page does not hold: the first way back
    shown = page.evaluate("[...document.querySelectorAll('.latar-back a')].filter(a => a.offsetWidth > 0).map(a => a.innerText)")
    assert len(shown) == 1 and shown[0].startswith(f"← Kembali ke paragraf {placements[0].paragraph + 1}"), shown
    page.close()
