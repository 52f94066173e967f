"""The reading experience in a real Chromium: pointer, keyboard, touch, wide screens, print, no JS, a11y."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

import reading
from browser import Marker, pick_marker
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(served):
    """The session's build of the real site (``conftest.real_site``)."""
    return served[0]


@pytest.fixture(scope="module")
def origin(served):
    return served[1]


@pytest.fixture(scope="module")
def marker(built) -> Marker:
    """The first marker of the article with the most notes, whatever the content is."""
    return pick_marker(built, ROOT)


@pytest.fixture
def watched(browser, origin):
    """A desktop page with tooltips (below the margin notes' 1200 px) that records off-origin requests and console errors."""
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    offsite, errors = [], []
    page.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:")) else offsite.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert offsite == [], offsite
    assert errors == [], errors


def tooltip(page):
    return page.locator(".md-tooltip2")


def test_hover_shows_the_note_and_marks_the_phrase(watched, origin, marker: Marker) -> None:
    watched.goto(origin + marker.page)
    watched.hover(marker.selector)
    watched.wait_for_selector(".md-tooltip2 .latar-note-title")
    assert marker.title in tooltip(watched).inner_text()
    assert watched.locator(f'.latar-anchor.latar-active[data-latar-note="{marker.note}"]').count() == 1
    box = watched.locator(".md-tooltip2 .md-tooltip2__inner").bounding_box()
    watched.mouse.move(box["x"] + 10, box["y"] + 10)
    watched.wait_for_timeout(600)
    assert tooltip(watched).is_visible(), "the tooltip must stay open while hovered (WCAG 1.4.13)"


def test_keyboard_focus_then_esc_closes_and_keeps_focus(watched, origin, marker: Marker) -> None:
    watched.goto(origin + marker.page)
    watched.focus(marker.selector)
    watched.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")
    watched.keyboard.press("Escape")
    tooltip(watched).first.wait_for(state="hidden")
    assert watched.evaluate("document.activeElement.getAttribute('href')") == f"#{marker.footnote}"
    watched.keyboard.press("Tab")
    watched.keyboard.press("Shift+Tab")
    watched.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")


def test_links_inside_a_tooltip_are_usable(watched, origin, marker: Marker) -> None:
    watched.goto(origin + marker.page)
    # the marker mid-screen: its tooltip then has room below it, never under the sticky header (a race on a busy machine)
    watched.evaluate("selector => document.querySelector(selector).scrollIntoView({block: 'center'})", marker.selector)
    watched.hover(marker.selector)
    link = watched.locator(".md-tooltip2.md-tooltip2--active a.latar-more")
    link.wait_for(state="visible")
    # Material places the tooltip a moment after showing it (slower on a busy machine): click where it settles
    watched.wait_for_function(
        """() => { const r = document.querySelector('.md-tooltip2--active a.latar-more').getBoundingClientRect();
                   const now = `${r.top},${r.left}`, same = window.__latarLink === now; window.__latarLink = now;
                   return same && r.top > 0 && r.bottom < innerHeight; }""",
        polling=100,
    )
    link.click()
    # the link carries the way back (?dari=<article>/<marker id>, reading/from.js)
    watched.wait_for_url(re.compile(rf"/anotasi/{re.escape(marker.note)}/(\?|#|$)"))
    way_back = parse_qs(urlsplit(watched.url).query).get("dari", [""])[0]
    assert way_back.endswith("/" + marker.ref), (watched.url, marker)


def test_wide_screen_margin_notes_beside_their_lines(browser, origin, marker: Marker) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(origin + marker.page)
    page.wait_for_selector(".latar-margin-note")
    markers = page.locator(".latar-article :is(.latar-article-body, .latar-headline) a.footnote-ref")
    measured = reading.margin_notes(page)
    notes = measured["notes"]
    assert len(notes) == markers.count() >= 3, "one margin note beside every marker (the headline's too), repeated ones too"
    assert reading.overlaps(notes) == [], "margin notes overlap"
    text = page.locator(".latar-article-body").bounding_box()
    assert all(n["left"] >= text["x"] + text["width"] or n["right"] <= text["x"] for n in notes), "a note over the text"
    drifts = [n["drift"] for n in notes]
    assert abs(drifts[0]) < 24, "the first note stands beside its line"
    line = measured["lineHeight"]
    assert all(drift >= -2 * line for drift in drifts), "a note stands at most two lines above its line (room for the next)"
    assert sorted(drifts)[len(drifts) // 2] < 200, f"notes drift too far from their lines: {drifts}"
    page.close()


def test_phone_tap_opens_a_sheet_without_leaving_the_text(browser, origin, marker: Marker) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(origin + marker.page)
    page.locator(marker.selector).scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    page.tap(marker.selector)
    sheet = page.locator(".latar-sheet")
    sheet.wait_for(state="visible")
    assert marker.title in sheet.inner_text()
    assert page.evaluate("location.hash") == ""
    assert abs(page.evaluate("window.scrollY") - before) < 5
    page.tap(".latar-sheet__close")
    sheet.wait_for(state="hidden")
    page.tap(marker.selector)
    sheet.wait_for(state="visible")
    page.tap("#latar-p-1", position={"x": 2, "y": 2})  # outside the sheet, on no phrase (the headline has one)
    sheet.wait_for(state="hidden")
    context.close()


def test_print_shows_endnotes_with_source_addresses(browser, origin, marker: Marker) -> None:
    page = browser.new_page()
    page.goto(origin + marker.page)
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    sources = page.locator(f"#{marker.footnote} .latar-print-sources")
    assert sources.is_visible()
    assert marker.source_url in sources.evaluate("el => [...el.querySelectorAll('a')].map(a => a.href).join(' ')")
    after = page.evaluate(f"getComputedStyle(document.querySelector('#{marker.footnote} .latar-print-sources a'), '::after').content")
    assert "https://" in after
    page.close()


def test_without_javascript_markers_are_links_to_endnotes_and_back(browser, origin, marker: Marker) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(origin + marker.page)
    page.click(marker.selector)
    assert page.evaluate("location.hash") == f"#{marker.footnote}"
    page.click(f"#{marker.footnote} a.footnote-backref")
    assert page.evaluate("location.hash") == f"#{marker.ref}"
    context.close()


def test_reader_can_hide_a_kind_and_it_is_remembered(watched, origin, marker: Marker) -> None:
    hidden, shown = marker.kinds[:2]
    watched.goto(origin + marker.page)
    watched.click(".latar-controls summary")
    watched.uncheck(f'.latar-controls input[data-latar-kind="{hidden}"]')
    assert not watched.locator(f'sup.latar-ref[data-latar-kind="{hidden}"]').first.is_visible()
    assert watched.locator(f'sup.latar-ref[data-latar-kind="{shown}"]').first.is_visible()
    watched.reload()
    assert not watched.locator(f'sup.latar-ref[data-latar-kind="{hidden}"]').first.is_visible()
    watched.click(".latar-controls summary")
    watched.check(".latar-hide-all-toggle")
    assert not watched.locator(f'sup.latar-ref[data-latar-kind="{shown}"]').first.is_visible()


@pytest.mark.parametrize("path", ["/", "{article}", "{note}", "/anotasi/", "/artikel/", "/linimasa/"])
def test_axe_finds_no_violations(watched, origin, marker: Marker, path: str) -> None:
    watched.goto(origin + path.format(article=marker.page, note=f"/anotasi/{marker.note}/"))
    violations = Axe().run(watched).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
