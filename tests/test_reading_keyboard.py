"""The keyboard in Chromium: a skip link first, Tab into an open note's links, Esc back to the marker."""

from __future__ import annotations

import pytest

import reading
from browser import use_module

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280, 1600])
def test_the_first_tab_stop_is_a_skip_link_to_the_article(browser, served, width: int) -> None:
    site, origin = served
    for path in ["/", *reading.article_paths(site)]:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(origin + path)
        page.keyboard.press("Tab")
        link = page.evaluate(
            """() => { const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
                 return {href: a.getAttribute('href'), text: a.textContent.trim(), opacity: s.opacity, width: r.width,
                         outline: parseFloat(s.outlineWidth)}; }"""
        )
        assert link["href"].startswith("#") and link["text"], link
        target = page.locator(link["href"])
        assert target.evaluate("el => el.closest('.latar-article') !== null"), "the skip link leads to the article"
        # it fades in (Material's transition): wait for it to be fully shown, still focused
        page.wait_for_function(
            "() => document.activeElement.matches('.md-skip') && getComputedStyle(document.activeElement).opacity === '1'"
        )
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.latar-article') !== null"), "after skipping, Tab continues in the article"
        page.close()


def open_note(page, marker) -> None:
    """Focus a marker and wait until its own note (tooltip or margin note) is open."""
    marker.focus()
    page.wait_for_function(
        """() => { const m = document.activeElement;
             const box = latarMargin.noteOf(m) || document.getElementById(m.getAttribute('aria-controls') || '-');
             return box && box.getClientRects().length && box.matches('.md-tooltip2--active, .latar-active'); }"""
    )


def enter_and_leave(page, box_selector: str) -> None:
    """From each marker: Tab reaches the open note's links, Shift+Tab and Esc return to the marker."""
    use_module(page, "reading/margin.js", "latarMargin")
    markers = page.locator(".latar-article-body a.footnote-ref")
    assert markers.count()
    for i in range(markers.count()):
        marker = markers.nth(i)
        open_note(page, marker)
        page.keyboard.press("Tab")
        state = page.evaluate(
            """sel => ({inNote: !!document.activeElement.closest(sel), href: document.activeElement.getAttribute('href'),
                        hidden: !!document.activeElement.closest('[aria-hidden="true"]')})""",
            box_selector,
        )
        assert state["inNote"] and state["href"] and not state["hidden"], f"marker {i + 1}: Tab did not reach the note's link: {state}"
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement") == marker.evaluate("el => el"), f"marker {i + 1}: Esc does not return to the marker"
    page.evaluate("document.activeElement.blur()")
    open_note(page, markers.nth(markers.count() - 1))
    page.keyboard.press("Tab")
    links = page.evaluate("sel => document.activeElement.closest(sel).querySelectorAll('a[href]').length", box_selector)
    for _ in range(links):
        page.keyboard.press("Tab")
    assert not page.evaluate("sel => !!document.activeElement.closest(sel)", box_selector), "Tab leaves the note after its last link"
    assert page.evaluate("document.activeElement !== document.body")


def test_tab_enters_the_tooltip_and_esc_returns_to_the_marker(browser, served) -> None:
    site, origin = served
    for path in reading.article_paths(site):
        page = browser.new_page(viewport={"width": 1024, "height": 900})  # tooltips: below the margin notes' 1200 px
        page.goto(origin + path)
        enter_and_leave(page, ".md-tooltip2--active")
        page.close()


def test_tab_enters_the_margin_note_and_esc_returns_to_the_marker(browser, served) -> None:
    site, origin = served
    for path in reading.article_paths(site):
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(origin + path)
        enter_and_leave(page, ".latar-margin-note.latar-active")
        assert page.locator('.latar-margin-note:not([aria-hidden="true"])').count() == 0, "notes left are hidden again"
        page.close()
