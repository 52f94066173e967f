"""Markers and phrases in Chromium, measured at eight widths on every article of the built site.

Markers stay on their phrase's line, punctuation stays with them, the hit area is 24 × 24 px, focus rings
are 2 px, the page does not shift while it loads, copied text reads as the article, and the phrase is
part of the note's control.
"""

from __future__ import annotations

import pytest

import reading
from conftest import ROOT
from latar.core.pipeline import load_catalog

pytestmark = pytest.mark.browser


def articles(served) -> list[str]:
    site, origin = served
    paths = reading.article_paths(site)
    assert paths, "the site has no article pages"
    return [origin + path for path in paths]


@pytest.mark.parametrize("width", reading.WIDTHS)
def test_markers_never_leave_their_phrase_nor_push_punctuation_to_a_new_line(browser, served, width: int) -> None:
    for url in articles(served):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        found = reading.markers(page)
        page.close()
        assert found, f"{url}: no markers"
        assert [m["id"] for m in found if not m["sameLine"]] == [], f"{url} at {width}px: markers on another line than their phrase"
        assert [m["id"] for m in found if m["punctStartsLine"]] == [], f"{url} at {width}px: punctuation after a marker starts a line"
        gaps = [round(m["gapBefore"], 1) for m in found]
        assert max(gaps) < 2.5, f"{url} at {width}px: a gap between the phrase and its number: {gaps}"
        after = [round(m["gapAfter"], 1) for m in found if m["gapAfter"] is not None]
        assert not after or max(after) < 2.5, f"{url} at {width}px: a gap before the punctuation after a marker: {after}"


@pytest.mark.parametrize("width", reading.WIDTHS)
def test_loading_shifts_nothing(browser, served, width: int) -> None:
    for url in articles(served):
        cls, shifts = reading.cumulative_layout_shift(browser, url, width)
        assert cls <= 0.02, f"{url} at {width}px: CLS {cls}: {shifts}"


def test_hit_area_is_24_px_square_without_changing_the_lines(browser, served) -> None:
    for url in articles(served):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        result = page.evaluate(
            """() => [...document.querySelectorAll('.latar-article-body a.footnote-ref')].map(a => {
                 a.scrollIntoView({block: 'center'});
                 const phrase = a.parentNode.previousElementSibling.getClientRects();
                 const line = phrase[phrase.length - 1];  // the text line the marker stands on
                 const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = line.top + line.height / 2;
                 const hits = [[-11.5, 0], [11.5, 0], [0, -11], [0, 11], [-11, -11], [11, 11]].map(
                   ([dx, dy]) => (document.elementFromPoint(x + dx, y + dy) || document.body).closest('a.footnote-ref') === a);
                 const before = getComputedStyle(a, '::before');
                 return {id: a.parentNode.id, hits, size: [parseFloat(before.width), parseFloat(before.height)]};
               })"""
        )
        lines = page.evaluate("[...document.querySelectorAll('.latar-article-body p')].map(p => getComputedStyle(p).lineHeight)")
        heights = page.evaluate(
            """() => [...document.querySelectorAll('.latar-article-body p')].map(p => {
                 const r = document.createRange(); r.selectNodeContents(p);
                 const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
                 return p.getBoundingClientRect().height / Math.max(1, [...tops].length);
               })"""
        )
        page.close()
        assert result
        assert [r["id"] for r in result if not all(r["hits"]) or min(r["size"]) < 24] == [], "a marker's hit area is under 24 × 24 px"
        line_height = float(lines[0].removesuffix("px"))
        assert all(h <= line_height * 1.05 for h in heights), f"markers stretch lines: {heights} vs {line_height}"


def test_every_focusable_element_of_the_article_has_a_2px_focus_ring(browser, served) -> None:
    for url in articles(served):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.keyboard.press("Tab")  # keyboard modality: focus() below then matches :focus-visible, as Tab would
        page.evaluate("document.querySelectorAll('.latar-article details').forEach(d => { d.open = true; })")
        rings = page.evaluate(
            """() => [...document.querySelectorAll('.latar-article :is(a[href], summary, input, button)')]
                 .filter(el => el.offsetParent !== null)
                 .map(el => { el.focus(); const s = getComputedStyle(el);
                              return [el.outerHTML.slice(0, 120), el.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; })"""
        )
        page.close()
        assert len(rings) > 10
        thin = [ring for ring in rings if not ring[1] or ring[2] == "none" or ring[3] < 2]
        assert thin == [], thin


def test_copied_text_and_text_content_read_as_the_article(browser, served) -> None:
    """The article text reads as the article; the publisher's lines, where an article has them, are shown as theirs."""
    site, origin = served
    result = load_catalog(ROOT, ROOT / "seeds", ROOT / "docs" / "anotasi")
    assert result.articles
    page = browser.new_page()
    failures = [failure for article in result.articles for failure in reading.article_text_failures(page, site, origin, article)]
    page.close()
    assert failures == []


def test_hovering_a_phrase_shows_its_note_like_its_marker(browser, served) -> None:
    for url in articles(served):
        page = browser.new_page(viewport={"width": 1024, "height": 900})  # tooltips: below the margin notes' 1200 px
        page.goto(url)
        phrases = page.locator(".latar-article-body .latar-anchor")
        assert phrases.count()
        for i in range(phrases.count()):
            phrase = phrases.nth(i)
            note_id = phrase.get_attribute("data-latar-note")
            phrase.hover()
            tooltip = page.locator(".md-tooltip2.md-tooltip2--active")
            tooltip.first.wait_for(state="visible")
            title = page.locator(f'[id$="-fn-{note_id}"] .latar-note-title').inner_text()
            assert title in tooltip.first.inner_text()
            lines = tooltip.first.evaluate(
                "t => [...t.querySelectorAll('a[href]:not(.footnote-backref)')].map(a => getComputedStyle(a).textDecorationLine)"
            )
            assert lines and all("underline" in line for line in lines), "links in a note are not told apart by colour alone"
            assert "latar-active" in phrase.get_attribute("class")
            page.mouse.move(0, 0)
            tooltip.first.wait_for(state="detached")
        style = page.evaluate(
            """() => { const s = getComputedStyle(document.querySelector('.latar-article-body .latar-anchor'));
                 return [s.cursor, s.textDecorationColor, getComputedStyle(document.querySelector('.md-typeset a')).color]; }"""
        )
        page.close()
        assert style[0] == "help", "the phrase says it shows something, not that it is a link"
        assert style[1] != style[2], "the phrase is not styled in the link colour"


def test_hiding_a_kind_hides_its_markers_and_its_phrase_styling(browser, served) -> None:
    for url in articles(served):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.click(".latar-controls summary")
        kinds = page.eval_on_selector_all(".latar-controls input[data-latar-kind]", "els => els.map(e => e.dataset.latarKind)")
        assert kinds
        for kind in kinds:
            page.uncheck(f'.latar-controls input[data-latar-kind="{kind}"]')
            state = page.evaluate(
                """kind => [...document.querySelectorAll('.latar-article-body .latar-anchor')].map(a => ({
                     kind: a.dataset.latarKind, line: getComputedStyle(a).textDecorationLine,
                     marker: a.nextElementSibling.querySelector('a').offsetParent !== null }))""",
                kind,
            )
            for phrase in state:
                hidden = phrase["kind"] == kind
                assert phrase["marker"] is not hidden, phrase
                assert (phrase["line"] == "none") is hidden, phrase
            page.check(f'.latar-controls input[data-latar-kind="{kind}"]')
        page.close()
