"""The reading experience in a real Chromium: pointer, keyboard, touch, wide screens, print, no JS, a11y."""

from __future__ import annotations

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from browser import launch, serve
from conftest import ROOT

pytestmark = pytest.mark.browser
KRIMEA = 'a.footnote-ref[href="#latar-fn-krimea"]'


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    site = tmp_path_factory.mktemp("site")
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def watched(browser, origin):
    """A desktop page that records off-origin requests and console errors, checked after each test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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


def test_hover_shows_the_note_and_marks_the_phrase(watched, origin) -> None:
    watched.goto(origin + "/")
    watched.hover(KRIMEA)
    expect_text = "Krimea dan aneksasinya"
    watched.wait_for_selector(".md-tooltip2 .latar-note-title")
    assert expect_text in tooltip(watched).inner_text()
    assert watched.locator('.latar-anchor.latar-active[data-latar-note="krimea"]').count() == 1
    box = watched.locator(".md-tooltip2 .md-tooltip2__inner").bounding_box()
    watched.mouse.move(box["x"] + 10, box["y"] + 10)
    watched.wait_for_timeout(600)
    assert tooltip(watched).is_visible(), "the tooltip must stay open while hovered (WCAG 1.4.13)"


def test_keyboard_focus_then_esc_closes_and_keeps_focus(watched, origin) -> None:
    watched.goto(origin + "/")
    watched.focus(KRIMEA)
    watched.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")
    watched.keyboard.press("Escape")
    watched.wait_for_timeout(100)
    assert not tooltip(watched).first.is_visible()
    assert watched.evaluate("document.activeElement.getAttribute('href')") == "#latar-fn-krimea"
    watched.keyboard.press("Tab")
    watched.keyboard.press("Shift+Tab")
    watched.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")


def test_links_inside_a_tooltip_are_usable(watched, origin) -> None:
    watched.goto(origin + "/")
    watched.hover(KRIMEA)
    link = watched.locator(".md-tooltip2 a.latar-more")
    link.wait_for(state="visible")
    link.click()
    watched.wait_for_url("**/anotasi/krimea/")


def test_wide_screen_margin_notes_beside_their_lines(browser, origin) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(origin + "/")
    page.wait_for_selector(".latar-margin-note")
    notes = page.locator(".latar-margin-note")
    markers = page.locator(".latar-article-body a.footnote-ref")
    assert notes.count() == markers.count() >= 3, "one margin note beside every marker, repeated ones too"
    boxes = [notes.nth(i).bounding_box() for i in range(notes.count())]
    for upper, lower in itertools.pairwise(boxes):
        assert upper["y"] + upper["height"] <= lower["y"] + 0.5, "margin notes overlap"
    text_right = page.locator(".latar-article-body").bounding_box()
    assert boxes[0]["x"] >= text_right["x"] + text_right["width"]
    drifts = []
    for i in range(notes.count()):
        marker = markers.nth(i).bounding_box()
        drifts.append(boxes[i]["y"] - marker["y"])
    assert abs(drifts[0]) < 24, "the first note stands beside its line"
    assert all(drift > -24 for drift in drifts), "a note never stands above its line"
    assert sorted(drifts)[len(drifts) // 2] < 200, f"notes drift too far from their lines: {drifts}"
    page.close()


def test_phone_tap_opens_a_sheet_without_leaving_the_text(browser, origin) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(origin + "/")
    page.locator(KRIMEA).scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    page.tap(KRIMEA)
    sheet = page.locator(".latar-sheet")
    sheet.wait_for(state="visible")
    assert "Krimea dan aneksasinya" in sheet.inner_text()
    assert page.evaluate("location.hash") == ""
    assert abs(page.evaluate("window.scrollY") - before) < 5
    page.tap(".latar-sheet__close")
    sheet.wait_for(state="hidden")
    page.tap(KRIMEA)
    sheet.wait_for(state="visible")
    page.tap("h1")
    sheet.wait_for(state="hidden")
    context.close()


def test_print_shows_endnotes_with_source_addresses(browser, origin) -> None:
    page = browser.new_page()
    page.goto(origin + "/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    sources = page.locator("#latar-fn-krimea .latar-print-sources")
    assert sources.is_visible()
    assert "https://press.un.org/" in sources.evaluate("el => [...el.querySelectorAll('a')].map(a => a.href).join(' ')")
    after = page.evaluate("getComputedStyle(document.querySelector('#latar-fn-krimea .latar-print-sources a'), '::after').content")
    assert "https://" in after
    page.close()


def test_without_javascript_markers_are_links_to_endnotes_and_back(browser, origin) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(origin + "/")
    page.click(KRIMEA)
    assert page.evaluate("location.hash") == "#latar-fn-krimea"
    page.click("#latar-fn-krimea a.footnote-backref")
    assert page.evaluate("location.hash") == "#latar-ref-krimea"
    context.close()


def test_reader_can_hide_a_kind_and_it_is_remembered(watched, origin) -> None:
    watched.goto(origin + "/")
    watched.click(".latar-controls summary")
    watched.uncheck('.latar-controls input[data-latar-kind="organization"]')
    assert not watched.locator('sup.latar-ref[data-latar-kind="organization"]').first.is_visible()
    assert watched.locator('sup.latar-ref[data-latar-kind="event"]').first.is_visible()
    watched.reload()
    assert not watched.locator('sup.latar-ref[data-latar-kind="organization"]').first.is_visible()
    watched.click(".latar-controls summary")
    watched.check(".latar-hide-all-toggle")
    assert not watched.locator('sup.latar-ref[data-latar-kind="event"]').first.is_visible()


@pytest.mark.parametrize("path", ["/", "/anotasi/nato/", "/anotasi/", "/linimasa/"])
def test_axe_finds_no_violations(watched, origin, path: str) -> None:
    watched.goto(origin + path)
    violations = Axe().run(watched).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
