"""The Content-Security-Policy in a real Chromium, and review row 6.3 (propose.js on a hostile article).

Every browser test is watched for CSP violations (``browser.py``, failed by ``conftest.py``); this file checks that
the watch sees one, then opens every kind of page of the real site and uses search, tooltips, the touch sheet,
margin notes and propose under the policy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import CSP_VIOLATIONS, serve
from hostile import SIDECAR, project, strict_build
from reading import article_paths, note_paths

pytestmark = pytest.mark.browser
SELECT_A_WORD = """() => {
  const text = [...document.querySelectorAll('.latar-article-body p')].map(p => p.firstChild).find(n => n && n.nodeType === 3 && /\\w{6}/.test(n.data));
  const at = text.data.search(/\\w{6}/);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 6);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""


def test_the_watch_sees_a_violation(browser, tmp_path: Path) -> None:
    """A test that cannot fail proves nothing: a page whose inline script the policy refuses is reported."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\"><script>document.title='x'</script>",
        encoding="utf-8",
    )
    server, origin = serve(tmp_path)
    seen = len(CSP_VIOLATIONS)
    try:
        page = browser.new_page()
        page.goto(origin + "/")
        page.wait_for_timeout(200)
        page.close()
    finally:
        server.shutdown()
    caught = CSP_VIOLATIONS[seen:]
    del CSP_VIOLATIONS[seen:]  # expected here; any other test's violation fails it
    assert any("script-src" in line for line in caught), caught


def test_every_page_and_feature_of_the_real_site_runs_under_the_policy(browser, served) -> None:
    site, origin = served
    paths = ["/", "/artikel/", "/anotasi/", "/linimasa/", *article_paths(site), *note_paths(site)[:5]]
    opened = 0
    context = browser.new_context(viewport={"width": 1024, "height": 900})  # tooltips: below the margin notes' 1200 px
    page = context.new_page()
    for path in paths:
        page.goto(origin + path)
        page.wait_for_load_state("load")
        opened += 1
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert policy and "object-src 'none'" in policy
    page.goto(origin + article_paths(site)[0])
    page.hover(".latar-article-body a.footnote-ref")  # tooltip
    page.locator(".md-tooltip2.md-tooltip2--active").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    page.evaluate(SELECT_A_WORD)  # propose
    page.wait_for_selector(".latar-propose-control:not([hidden])", timeout=5000)
    page.keyboard.press("/")  # search: latar's worker and its index
    page.keyboard.type("Putin", delay=40)
    page.wait_for_selector(".md-search-result__list a", timeout=15_000)
    context.close()
    wide = browser.new_page(viewport={"width": 1600, "height": 1000})  # margin notes
    wide.goto(origin + article_paths(site)[0])
    wide.locator(".latar-margin-note").first.wait_for(state="visible")
    wide.close()
    touch = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = touch.new_page()
    page.goto(origin + article_paths(site)[0])
    page.locator(".latar-article-body a.footnote-ref").first.tap()
    page.locator(".latar-sheet").wait_for(state="visible")
    touch.close()
    assert opened == len(paths) and opened >= 9


def test_propose_gives_up_on_a_hopeless_selection_instead_of_freezing(browser, tmp_path: Path) -> None:
    """Review case 17: 30 paragraphs of 3,000 one-letter words; a double-click on one of them is answered, not hung."""
    words = "\n".join(" ".join("a" for _ in range(3000)) for _ in range(30)) + "\n"
    root = project(tmp_path / "proyek", {"seeds/aaa.txt": words, "seeds/aaa.yml": SIDECAR.replace("2021-12-31", "2022-01-01")})
    built = strict_build(root, strict=False)
    server, origin = serve(built.site)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(origin + "/artikel/aaa/")
        word = page.locator(".latar-article-body p").nth(15)
        box = word.bounding_box()
        page.mouse.dblclick(box["x"] + 3, box["y"] + 8)
        page.wait_for_selector(".latar-propose-control:not([hidden])", timeout=30_000)
        page.click(".latar-propose-control")
        message = page.locator(".latar-propose-message")
        assert "lebih panjang" in message.text_content()
        page.close()
    finally:
        server.shutdown()
