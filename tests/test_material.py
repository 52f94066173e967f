"""latar fails loudly when Material changes, in a real Chromium.

What ``assets/material.js`` and the search boot rely on is checked in the reader's browser. Here the real site is
served with one of Material's names changed, in a copy of the page or of Material's bundle (as a Material release
would change it), and the page must say so once: ``latar: Material changed: …``. Unchanged, no page says anything:
the shared fixture fails every browser test whose page logged a ``latar:`` error.
"""

from __future__ import annotations

import re

import pytest

import reading
from browser import LATAR_ERRORS, take_latar_errors

pytestmark = pytest.mark.browser
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
MARKER = ".latar-article-body sup.latar-ref > a.footnote-ref"


def changed(browser, pattern: str | re.Pattern, old: str, new: str, width: int = 1024):
    """A page whose responses matching ``pattern`` have ``old`` replaced by ``new``."""
    page = browser.new_page(viewport={"width": width, "height": 900})

    def swap(route) -> None:
        response = route.fetch()
        body = response.text()
        assert old in body, f"{old!r} is not in {route.request.url}: this test no longer changes anything"
        route.fulfill(response=response, body=body.replace(old, new))

    page.route(pattern, swap)
    return page


def article(served) -> str:
    site, origin = served
    return origin + reading.article_paths(site)[0]


def said(page, expected: str) -> None:
    """The page said that Material changed, and only that (waiting for the message, not for a fixed time)."""
    if not LATAR_ERRORS:
        page.context.wait_for_event("console", predicate=lambda message: message.text.startswith("latar:"), timeout=10_000)
    errors = take_latar_errors()
    assert len(errors) == 1 and "latar: Material changed: " in errors[0] and expected in errors[0], errors
    page.close()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('name="search"', 'name="cari"', 'no search form named "search"'),
        ('"search": "', '"pencarian": "', 'no "base" and "search" in #__config'),
        ('data-md-component="search"', 'data-md-component="cari"', 'its search did not start a worker from "search"'),
    ],
    ids=["form-renamed", "config-key-renamed", "search-not-started"],
)
def test_the_search_boot_says_when_material_changed(browser, served, old: str, new: str, expected: str) -> None:
    url = article(served)
    page = changed(browser, re.compile(re.escape(url) + "$"), old, new)
    page.goto(url)
    said(page, expected)


def test_the_search_highlight_says_when_the_content_is_gone(browser, served) -> None:
    url = article(served)
    page = changed(browser, re.compile(re.escape(url) + r"\?h="), 'data-md-component="content"', 'data-md-component="isi"')
    page.goto(f"{url}?h=putin")
    page.wait_for_load_state("networkidle")
    said(page, "no [data-md-component=content] to mark the searched words in")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("md-tooltip2", "md-tooltip3", "a footnote tooltip is no longer div.md-tooltip2[role=dialog]"),
        ("md-tooltip2--active", "md-tooltip2--open", "an open footnote tooltip lacks .md-tooltip2--active"),
    ],
    ids=["class-renamed", "active-class-renamed"],
)
@pytest.mark.parametrize("width", [1024, 1600])
def test_the_reading_scripts_say_when_materials_tooltip_changed(browser, served, old: str, new: str, expected: str, width: int) -> None:
    """The first marker the reader opens checks Material's tooltip (at 1600 px too, where it is hidden by CSS)."""
    page = changed(browser, BUNDLE, old, new, width)
    page.goto(article(served))
    page.wait_for_load_state("load")
    assert take_latar_errors() == [], "nothing is said before a tooltip opens"
    page.locator(MARKER).first.focus()
    said(page, expected)


def test_the_margin_says_when_materials_navigation_is_gone(browser, served) -> None:
    """From 1200 px the navigation tops the left margin column; the notes there start below it, found by its class."""
    url = article(served)
    page = changed(browser, re.compile(re.escape(url) + "$"), 'class="md-sidebar__inner"', 'class="md-sidebar__isi"', 1280)
    page.goto(url)
    said(page, "no primary navigation at .md-sidebar--primary .md-sidebar__inner")


def test_an_unchanged_material_passes_every_check(browser, served) -> None:
    """Opening tooltips by focus and by hover, searching, and a ?h= page: nothing is said (tooltips: below 1200 px)."""
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    page.goto(article(served) + "?h=putin")
    page.wait_for_selector("mark[data-md-highlight]")
    page.locator(MARKER).first.focus()
    page.wait_for_selector(".md-tooltip2.md-tooltip2--active")
    page.locator(MARKER).nth(1).hover()
    page.wait_for_function(  # the hovered marker's own tooltip is open
        """sel => { const marker = document.querySelectorAll(sel)[1];
             const tip = document.getElementById(marker.getAttribute('aria-controls') || '-');
             return !!tip && tip.matches('.md-tooltip2--active'); }""",
        arg=MARKER,
    )
    page.keyboard.press("/")
    page.keyboard.type("putin", delay=40)
    page.wait_for_selector(".md-search-result__list a")
    assert take_latar_errors() == []
    page.close()
