"""The article page as a reader meets it (issue #24), in Chromium on every article of the built site: the opening
(headline marker, the editors' context, a quiet filter control, the first paragraph in the first screen of a phone),
margin notes that say something, kinds at a glance, readable endnotes, line starts, and what loads when."""

from __future__ import annotations

import pytest

import reading
from browser import use_module

pytestmark = pytest.mark.browser

CLOSING = ".,;:!?)]}»”’…%"
LINE_STARTS_JS = """
closing => {
  const found = [];
  for (const block of document.querySelectorAll('.latar-article-body > p, .latar-context p, .latar-headline')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let previous = null, node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.data.length; i++) {
        if (!node.data[i].trim()) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (previous && r.top > previous.bottom - 2 && r.left < previous.left && closing.includes(node.data[i]))
          found.push((block.id || block.className) + ': ' + node.data.slice(Math.max(0, i - 12), i + 2));
        previous = r;
      }
    }
  }
  return found;
}
"""


def urls(served) -> list[str]:
    site, origin = served
    paths = reading.article_paths(site)
    assert paths
    return [origin + path for path in paths]


def test_the_page_opens_with_a_marked_headline_and_the_editors_context_and_the_text_in_the_first_screen(browser, served) -> None:
    for url in urls(served):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(url, wait_until="load")
        marker = page.locator(".latar-headline span.latar-anchor + sup.latar-ref > a.footnote-ref")
        assert marker.count() == 1, "the headline carries its note's marker"
        assert page.locator(f".latar-footnotes li{marker.get_attribute('href')}").count() == 1
        box = page.locator(".latar-context")
        if box.count():
            name = page.evaluate(
                "document.getElementById(document.querySelector('.latar-context').getAttribute('aria-labelledby')).tagName"
            )
            assert name == "H2", "the context is a region named by a real heading"
            assert box.bounding_box()["y"] < page.locator("#latar-p-1").bounding_box()["y"], "the context stands above paragraph 1"
            assert page.locator(".latar-context a.latar-context-ref").count() > 0, "the context links to the notes it rests on"
        first = page.locator("#latar-p-1").bounding_box()["y"]
        assert first <= 0.55 * 844, f"{url}: paragraph 1 starts at {first:.0f} px of 844 ({first / 844:.1%})"
        controls = page.locator("details.latar-controls")
        quiet = page.evaluate(
            """() => { const d = document.querySelector('details.latar-controls'), s = getComputedStyle(d);
                 return {border: s.borderTopWidth, background: s.backgroundColor, height: d.getBoundingClientRect().height}; }"""
        )
        assert quiet["border"] == "0px" and quiet["background"] in ("rgba(0, 0, 0, 0)", "transparent"), f"not a panel: {quiet}"
        assert quiet["height"] <= 30, f"the closed control is one small line: {quiet}"
        controls.locator("summary").click()
        assert controls.locator("input[type=checkbox]").first.is_visible(), "the control still opens the filter"
        context.close()


@pytest.mark.parametrize("width", [1280, 1600])
def test_margin_notes_say_the_whole_note_beside_its_line_without_overlap_or_shift(browser, served, width: int) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": width, "height": 1000})
        page.goto(url, wait_until="load")
        measured = reading.margin_notes(page)
        notes, line = measured["notes"], measured["lineHeight"]
        markers = page.locator(".latar-article :is(.latar-article-body, .latar-headline) a.footnote-ref")
        assert len(notes) == markers.count() > 0, "a margin note beside every marker, the headline's too"
        assert reading.overlaps(notes) == []
        assert all(abs(n["drift"]) <= 3 * line for n in notes), f"a note more than 3 lines from its line: {notes}"
        state = page.evaluate(
            """() => [...document.querySelectorAll('.latar-margin-note')].map(n => ({
                 brief: n.classList.contains('latar-margin-brief'), repeat: n.classList.contains('latar-margin-repeat'),
                 clipped: n.querySelector('p').scrollHeight > n.querySelector('p').clientHeight + 1,
                 text: n.textContent, kind: n.querySelector('.latar-kind')?.textContent || ''}))"""
        )
        whole = [n for n in state if not n["brief"] and not n["repeat"]]
        assert whole and not any(n["clipped"] for n in whole), "a whole note is never clamped"
        assert all(n["kind"] for n in state if not n["repeat"]), "every note says its kind"
        repeats = [n["text"] for n in state if n["repeat"]]
        assert repeats and all("lihat catatan" in text and len(text) < 30 for text in repeats), repeats
        brief = page.locator(".latar-margin-note.latar-margin-brief")
        for i in range(min(brief.count(), 6)):
            ref = page.evaluate_handle("n => latarMargin.markerOf(n)", brief.nth(i).element_handle())
            ref.as_element().focus()
            active = page.locator(".latar-margin-note.latar-active")
            assert active.count() == 1
            assert page.evaluate("n => n.querySelector('p').scrollHeight <= n.querySelector('p').clientHeight + 1", active.element_handle())
            assert reading.overlaps(reading.margin_notes(page)["notes"]) == [], "the active note pushes the others, covers none"
        page.close()
        shift, shifts = reading.layout_shift_that_comes_back(browser, url, width)
        assert shift == 0, shifts


def test_clarifications_look_different_from_background_and_say_so(browser, served) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": 1024, "height": 900})
        page.goto(url)
        look = page.evaluate(
            """() => Object.fromEntries(['clarification', 'background'].map(kind => {
                 const a = document.querySelector(`.latar-article-body a.footnote-ref[data-latar-kind="${kind}"]`);
                 const after = getComputedStyle(a, '::after'), phrase = getComputedStyle(a.closest('sup').previousElementSibling);
                 return [kind, {color: getComputedStyle(a).color, border: after.borderTopWidth, line: phrase.textDecorationStyle,
                                label: a.getAttribute('aria-label')}]; }))"""
        )
        clar, back = look["clarification"], look["background"]
        assert clar["color"] != back["color"] and clar["border"] != back["border"] and clar["line"] != back["line"], look
        assert "penilaian" in clar["label"] and "penilaian" not in back["label"], "the verdict is said in words too"
        heads = page.evaluate(
            "[...document.querySelectorAll('.latar-footnotes li')].map(li => [li.dataset.latarKind, li.querySelector('.latar-kind').offsetParent !== null])"
        )
        assert all(shown == (kind == "clarification") for kind, shown in heads), "endnotes show the kind only for clarifications"
        page.close()


def test_endnotes_are_readable_text_under_a_real_heading(browser, served) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        found = page.evaluate(
            """() => { const li = document.querySelector('.latar-footnotes li p'), body = document.querySelector('.latar-article-body p');
                 const h = document.querySelector('.latar-footnotes h2');
                 return {color: getComputedStyle(li).color, text: getComputedStyle(body).color, size: parseFloat(getComputedStyle(li).fontSize),
                         heading: h && getComputedStyle(h).color, weight: h && getComputedStyle(h).fontWeight}; }"""
        )
        assert found["color"] == found["text"] == found["heading"], found
        assert found["size"] >= 14 and int(found["weight"]) >= 700, found
        page.close()


def test_no_line_begins_with_closing_punctuation(browser, served) -> None:
    widths = [*range(320, 420), *range(420, 1921, 50)]  # every pixel across the phones, where seeds break
    for url in urls(served):
        page = browser.new_page(viewport={"width": 320, "height": 900})
        page.goto(url)
        found = {}
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900})
            starts = page.evaluate(LINE_STARTS_JS, CLOSING)
            if starts:
                found[width] = starts
        page.close()
        assert found == {}, f"{url}: lines that begin with closing punctuation: {found}"


def test_the_proposal_form_loads_on_the_first_selection_and_its_links_have_addresses(browser, served) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        loaded: list[str] = []
        page.on("request", lambda request, loaded=loaded: loaded.append(request.url))
        page.goto(url, wait_until="load")
        repository = page.get_attribute(".latar-article", "data-latar-repository")
        assert not [u for u in loaded if "/propose" in u], "nothing of the proposal form loads with the page"
        if repository is None:
            page.close()
            continue
        page.evaluate("getSelection().selectAllChildren(document.querySelector('#latar-p-2'))")
        page.wait_for_selector(".latar-propose-control:not([hidden])")
        assert [u for u in loaded if u.endswith("/propose/form.js")] and [u for u in loaded if u.endswith("/propose.css")]
        hrefs = page.evaluate("[...document.querySelectorAll('dialog.latar-propose a')].map(a => a.getAttribute('href'))")
        assert hrefs and all(h and h.startswith(repository.rstrip("/")) for h in hrefs), hrefs
        page.close()


def test_a_tooltip_back_link_is_no_tab_stop(browser, served) -> None:
    for url in urls(served):
        page = browser.new_page(viewport={"width": 1024, "height": 900})
        page.goto(url, wait_until="load")
        use_module(page, "material.js", "latarMaterial")
        marker = page.locator(".latar-article-body a.footnote-ref").first
        marker.focus()
        page.wait_for_function("ref => latarMaterial.openTooltip(ref)", arg=marker.element_handle())
        visited = []
        for _ in range(3):
            page.keyboard.press("Tab")
            visited.append(
                page.evaluate("document.activeElement.className + ' ' + (document.activeElement.closest('.md-tooltip2') ? 'in' : 'out')")
            )
        assert not any("footnote-backref" in v for v in visited), visited
        assert visited[0].endswith(" in"), f"Tab enters the open note first: {visited}"
        page.close()
