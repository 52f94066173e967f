"""Margin notes on wide screens and the text measure, in Chromium, on every article of the built site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import reading

pytestmark = pytest.mark.browser


def urls(served) -> list[str]:
    site, origin = served
    paths = reading.article_paths(site)
    assert paths
    return [origin + path for path in paths]


@pytest.mark.parametrize("width", reading.WIDE)
def test_margin_notes_stand_beside_their_lines_and_never_overlap(browser, served, width: int) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 1000})
        page.goto(url)
        page.wait_for_load_state("load")
        measured = reading.margin_notes(page)
        notes, line = measured["notes"], measured["lineHeight"]
        markers = page.locator(".latar-article :is(.latar-article-body, .latar-headline) a.footnote-ref")
        assert len(notes) == markers.count() > 0, "one margin note beside every marker (the headline's too), repeated ones too"
        # whole notes need room: a note may stand up to 3 lines below its line (still read as beside it), most within one
        assert all(abs(n["drift"]) <= 3 * line for n in notes), f"{url}: a note more than 3 lines from its line: {notes}"
        assert reading.median([abs(n["drift"]) for n in notes]) <= line, f"{url}: notes drift from their lines: {notes}"
        assert reading.overlaps(notes) == []
        body = page.locator(".latar-article-body").bounding_box()
        text_left, text_right = body["x"], body["x"] + body["width"]
        right = [n for n in notes if n["left"] >= text_right and n["right"] <= width]
        left = [n for n in notes if n["right"] <= text_left and n["left"] >= 0]
        assert len(left) + len(right) == len(notes), f"{url}: a note over the text or off the screen: {notes}"
        assert left and right, "notes in both margins, each in the one where it stands closest to its line"
        links = [box for box in reading.navigation_links(page) if box["visible"]]
        assert reading.overlaps(notes + links) == [], "no note over the navigation at the top of the left margin"
        for i in range(markers.count()):
            markers.nth(i).focus()
            active = page.locator(".latar-margin-note.latar-active")
            assert active.count() == 1, "focusing a marker opens exactly its own note"
            own = page.evaluate("latarMargin.noteOf(document.activeElement) === document.querySelector('.latar-margin-note.latar-active')")
            assert own, f"marker {i}: the active note is not the one beside it"
            box = active.bounding_box()
            assert box["y"] >= 0 and box["y"] < 1000, "the active note is on screen beside its marker"
            covered = reading.overlaps(reading.margin_notes(page)["notes"])
            assert covered == [], f"marker {i}: the active note covers {covered}"
        page.mouse.move(1, 1)
        phrases = page.locator(".latar-article-body .latar-anchor")
        phrases.last.hover()
        assert page.evaluate(
            "document.querySelector('.latar-margin-note.latar-active') === latarMargin.noteOf([...document.querySelectorAll('.latar-article-body a.footnote-ref')].pop())"
        ), "hovering a phrase opens the note beside it"
        page.close()


@pytest.mark.parametrize("width", [1280, 1600])
def test_every_note_is_whole_beside_its_line(browser, served, width: int) -> None:
    """Issue #24: at 1280 and 1600 px the first marker of each note has the note's whole summary beside its line
    (unclipped, in a margin, on the screen, its top within 3 lines of the line), without any hover or click; every
    marker of every article, not only the first screens. Crowded stretches of text get room for it (html/room.py)."""
    site, _ = served
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        failures = reading.notes_not_whole(page, site)
        page.close()
        assert failures == [], f"{url} at {width} px: {failures}"


@pytest.mark.parametrize("width", [w for w in reading.WIDTHS if w < 1200])
def test_no_room_for_margin_notes_where_there_are_none(browser, served, width: int) -> None:
    """Below 75em (notes as tooltips and sheets) and in print every paragraph keeps its 1em: no room for notes."""
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        assert page.evaluate(GAPS_JS) == [], f"{url} at {width} px: paragraphs with room for margin notes"
        if width == reading.WIDTHS[-1 - len(reading.WIDE)]:
            page.set_viewport_size({"width": 1600, "height": 900})
            page.emulate_media(media="print")
            assert page.evaluate(GAPS_JS) == [], f"{url} printed: paragraphs with room for margin notes"
        page.close()


@pytest.mark.parametrize("width", [w for w in reading.WIDTHS if w >= 768])
def test_the_text_keeps_60_to_75_characters_per_line(browser, served, width: int) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        lines = reading.chars_per_line(page)
        page.close()
        assert 60 <= reading.median(lines) <= 75, f"{url} at {width}px: median {reading.median(lines)} characters per line"


@pytest.mark.parametrize("width", reading.WIDE)
def test_the_wide_layout_is_decided_by_css_before_any_script(browser, served, width: int) -> None:
    """The text column and its paragraphs (the room for the notes too) are where CSS puts them before latar's scripts
    run: blocking them moves nothing. Without any script there are no margin notes, and no room for them."""
    for url in urls(served):
        boxes = []
        for latar in (False, True):
            context = browser.new_context(viewport={"width": width, "height": 900})
            if not latar:
                context.route("**/assets/latar/**/*.js", lambda route: route.abort())
            page = context.new_page()
            page.goto(url, wait_until="load")
            boxes.append(page.evaluate(PARAGRAPHS_JS))
            context.close()
        assert boxes[0] == boxes[1], f"the text moves when latar's scripts run: {boxes}"
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
        page = context.new_page()
        page.goto(url)
        assert page.evaluate(GAPS_JS) == [], "without scripts (no margin notes) no paragraph stands lower than its 1em"
        context.close()


PARAGRAPHS_JS = (
    "() => [...document.querySelectorAll('.latar-article-body, .latar-article-body > p')].map(e => e.getBoundingClientRect().toJSON())"
)
GAPS_JS = """() => [...document.querySelectorAll('.latar-article-body > p')]
  .filter(p => parseFloat(getComputedStyle(p).marginTop) > parseFloat(getComputedStyle(p).fontSize) + 0.5).map(p => p.id)"""


@pytest.mark.parametrize("width", [1280, 1600])
def test_an_article_page_keeps_its_navigation_in_view_and_on_the_keyboard_path(browser, served, width: int) -> None:
    """The left margin is the navigation's column: its links to the articles, the notes' index and the timeline stay
    at the top of the page, in view at load and reached by Tab before the article, never hidden from screen readers."""
    _, origin = served
    sections = {f"{origin}/{section}/" for section in ("artikel", "anotasi", "linimasa")}
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url, wait_until="load")
        links = [box for box in reading.navigation_links(page) if box["href"] in sections]
        assert {box["href"] for box in links if box["visible"] and box["top"] >= 0 and box["bottom"] <= 900} == sections, links
        assert not any(box["hidden"] for box in links), "the navigation is never hidden from screen readers"
        reached = set()
        for _ in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate(reading.FOCUSED_JS)
            if focused["in_article"]:
                break
            if focused["href"] in sections and focused["in_view"]:
                reached.add(focused["href"])
        assert reached == sections, f"{url}: Tab reaches {reached} before the article, not {sections}"
        page.close()


def test_the_wide_layout_is_keyed_on_article_pages_only(served) -> None:
    """latar.css lays out two margin columns on the pages whose head holds the reading scripts' data island (it is
    parsed before the body is drawn, so nothing shifts): exactly the pages that show an article."""
    site, _ = served
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        island = soup.select_one("head > script#latar-data") is not None
        assert island == (soup.select_one("div.latar-article") is not None), f"{page.relative_to(site)}: island {island}"
