"""The touch sheet on a phone (390 × 844, touch), for every marker of every article of the built site."""

from __future__ import annotations

import pytest

import reading

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


VISIBLE_TOOLTIPS = "[...document.querySelectorAll('.md-tooltip2--active')].filter(t => t.getClientRects().length).length"
SHEET_STATE = """ref => {
  const sheet = document.querySelector('.latar-sheet'), s = sheet.getBoundingClientRect();
  const phrase = ref.closest('sup').previousElementSibling, rects = [...phrase.getClientRects()];
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return {modal: sheet.getAttribute('aria-modal'), role: sheet.getAttribute('role'),
          title: document.getElementById(sheet.getAttribute('aria-labelledby')).textContent,
          focusInside: sheet.contains(document.activeElement),
          highlighted: phrase.classList.contains('latar-current'),
          covered: rects.some(r => r.bottom > s.top && r.top < s.bottom),
          hiddenUnderHeader: rects.some(r => r.top < header),
          background: getComputedStyle(phrase).backgroundColor};
}"""

HIGHLIGHTED_AND_STILL = """ref => new Promise(resolve => {
  const phrase = ref.closest('sup').previousElementSibling;
  let last = scrollY, still = 0;
  const tick = () => {
    const bg = getComputedStyle(phrase).backgroundColor;
    const shown = phrase.classList.contains('latar-current') && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)';
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
    if (shown && still >= 2) resolve(true); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""
"""The phrase is highlighted and the page has not scrolled for two frames."""


def test_every_marker_opens_a_modal_sheet_that_leaves_its_phrase_in_view(served, phone) -> None:
    site, origin = served
    for path in reading.article_paths(site):
        phone.goto(origin + path)
        refs = phone.locator(".latar-article-body a.footnote-ref")
        assert refs.count()
        for i in range(refs.count()):
            ref = refs.nth(i)
            ref.scroll_into_view_if_needed()
            # the hard case: the marker near the bottom of the screen, where the sheet opens
            phone.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - 800)", ref.element_handle())
            ref.tap()
            phone.locator(".latar-sheet").wait_for(state="visible")
            phone.wait_for_function(HIGHLIGHTED_AND_STILL, arg=ref.element_handle())  # the highlight fades in, the page scrolls
            state = phone.evaluate(SHEET_STATE, ref.element_handle())
            note_id = ref.get_attribute("data-latar-note")
            title = phone.locator(f'[id$="-fn-{note_id}"] .latar-note-title').text_content()
            assert (state["role"], state["modal"], state["title"]) == ("dialog", "true", title), state
            assert state["focusInside"] and state["highlighted"], state
            assert not state["covered"], f"marker {i + 1}: the sheet hides its phrase"
            assert not state["hiddenUnderHeader"], f"marker {i + 1}: the phrase went under the header"
            assert state["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), "the phrase is highlighted"
            close = (
                lambda: phone.keyboard.press("Escape"),
                lambda: phone.tap(".latar-sheet__close"),
                lambda: phone.tap("#latar-p-1", position={"x": 2, "y": 2}),
            )[i % 3]
            close()
            phone.locator(".latar-sheet").wait_for(state="hidden")
            phone.wait_for_timeout(500)  # longer than Material's tooltip delay: a tooltip that comes back would be open by now
            assert phone.evaluate(VISIBLE_TOOLTIPS) == 0, f"marker {i + 1}: closing the sheet brought back a tooltip"
            assert not phone.locator(".latar-current").count(), "the highlight goes with the sheet"


def test_focus_stays_in_the_sheet_and_returns_to_the_marker(served, phone) -> None:
    site, origin = served
    phone.goto(origin + reading.article_paths(site)[0])
    ref = phone.locator(".latar-article-body a.footnote-ref").first
    ref.tap()
    phone.locator(".latar-sheet").wait_for(state="visible")
    count = phone.evaluate("document.querySelectorAll('.latar-sheet a[href], .latar-sheet button').length")
    assert count >= 2
    seen = set()
    for _ in range(count * 2 + 1):
        phone.keyboard.press("Tab")
        assert phone.evaluate("document.querySelector('.latar-sheet').contains(document.activeElement)"), "Tab left the modal sheet"
        seen.add(phone.evaluate("document.activeElement.outerHTML"))
    assert len(seen) == count, "Tab cycles through every control of the sheet"
    phone.keyboard.press("Shift+Tab")
    assert phone.evaluate("document.querySelector('.latar-sheet').contains(document.activeElement)")
    phone.keyboard.press("Escape")
    assert phone.evaluate("document.activeElement.matches('a.footnote-ref')")
    assert phone.evaluate(VISIBLE_TOOLTIPS) == 0


def test_tapping_a_phrase_opens_its_note(served, phone) -> None:
    site, origin = served
    for path in reading.article_paths(site):
        phone.goto(origin + path)
        phrases = phone.locator(".latar-article-body .latar-anchor")
        for i in range(phrases.count()):
            phrase = phrases.nth(i)
            phrase.scroll_into_view_if_needed()
            # a phrase may wrap: tap the middle of its first line, not of its bounding box
            spot = phrase.evaluate(
                """el => { const box = el.getBoundingClientRect(), first = el.getClientRects()[0];
                     return {x: first.left - box.left + first.width / 2, y: first.top - box.top + first.height / 2}; }"""
            )
            phrase.tap(position=spot)
            sheet = phone.locator(".latar-sheet")
            sheet.wait_for(state="visible")
            note_id = phrase.get_attribute("data-latar-note")
            title = phone.locator(f'[id$="-fn-{note_id}"] .latar-note-title').text_content()
            assert phone.locator("#latar-sheet-title").text_content() == title
            assert phone.evaluate("location.hash") == ""
            phone.tap(".latar-sheet__close")
            sheet.wait_for(state="hidden")
