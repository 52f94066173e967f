"""An independent W3C implementation re-attaches every annotation in the published pages.

Apache Annotator (``@apache-annotator/dom``, bundled for the page with esbuild from
``tests/node_modules``) runs its TextQuote and TextPosition matchers in Chromium, with the
article's text container as scope, on the page as readers get it (latar's and Material's
scripts have run). Each selector must match exactly once, at the marked phrase.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.tools]  # esbuild and Apache Annotator from tests/node_modules
NODE = ROOT / "tests" / "node_modules"
ENTRY = 'export { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher, describeTextQuote } from "@apache-annotator/dom";'

# Runs in the page. Positions are code points in the model (https://www.w3.org/TR/annotation-model/#text-position-selector);
# JavaScript strings count UTF-16 code units, so they are converted before Apache Annotator sees them.
MATCH = """
async ({ scopeSelector, annotations }) => {
  const container = document.querySelector(scopeSelector);
  const scope = document.createRange();
  scope.selectNodeContents(container);
  const text = scope.toString();
  const units = (points) => Array.from(text).slice(0, points).join("").length;
  const at = (node, offset) => { const r = document.createRange(); r.setStart(container, 0); r.setEnd(node, offset); return r.toString().length; };
  const span = (range) => [at(range.startContainer, range.startOffset), at(range.endContainer, range.endOffset), range.toString()];
  const all = async (matches) => { const found = []; for await (const m of matches) found.push(span(m)); return found; };
  const results = [];
  for (const a of annotations) {
    const [quote, position] = a.selector;
    const byQuote = await all(Annotator.createTextQuoteSelectorMatcher(quote)(scope));
    const shifted = { type: position.type, start: units(position.start), end: units(position.end) };
    const byPosition = await all(Annotator.createTextPositionSelectorMatcher(shifted)(scope));
    let phrase = null, described = null;
    if (a.ref) {
      const anchor = document.getElementById(a.ref).previousElementSibling;
      if (anchor && anchor.classList.contains("latar-anchor")) {
        const range = document.createRange();
        range.selectNodeContents(anchor);
        phrase = span(range);
        described = await Annotator.describeTextQuote(range, scope);
      }
    } else {
      phrase = [units(position.start), units(position.end), text.slice(units(position.start), units(position.end))];
    }
    results.push({ id: a.id, byQuote, byPosition, phrase, described });
  }
  return results;
}
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> str:
    esbuild = NODE / ".bin" / "esbuild"
    if not esbuild.exists() or not (NODE / "@apache-annotator" / "dom").is_dir():
        pytest.fail("Apache Annotator or esbuild missing: run 'make test' (it runs 'npm ci --prefix tests')")
    result = subprocess.run(
        [str(esbuild), "--bundle", "--format=iife", "--global-name=Annotator", "--log-level=warning"],
        input=ENTRY,
        cwd=ROOT / "tests",
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def published(served):
    """The session's build of the real site, served: (site, origin, the site_url of mkdocs.yml)."""
    site, origin = served
    site_url = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)["site_url"]
    return site, origin, site_url


def _reattach(page, url: str, scope: str, annotations: list[dict]) -> list[dict]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate(MATCH, {"scopeSelector": scope, "annotations": annotations})


def _with_annotator(page, bundle: str):
    """Apache Annotator in every page ``page`` opens: an init script, which the site's Content-Security-Policy
    (rightly) does not stop, where an inline script added by the test would be refused."""
    page.add_init_script(bundle + "\nwindow.Annotator = Annotator;")
    return page


def _check(results: list[dict], annotations: list[dict]) -> Counter:
    tally: Counter = Counter()
    for result, annotation in zip(results, annotations, strict=True):
        exact = annotation["selector"][0]["exact"]
        assert result["phrase"] is not None and result["phrase"][2] == exact, result
        tally["quote"] += result["byQuote"] == [result["phrase"]]
        tally["position"] += result["byPosition"] == [result["phrase"]]
        if result["described"] is not None:
            tally["described"] += result["described"]["exact"] == exact
    return tally


@pytest.mark.parametrize("width", [1280, 1600])
def test_apache_annotator_reattaches_every_annotation_in_the_article_pages(browser, published, bundle: str, width: int) -> None:
    site, origin, site_url = published
    items = json.loads((site / "anotasi.jsonld").read_text("utf-8"))["first"]["items"]
    by_page: dict[tuple[str, str], list[dict]] = {}
    for item in items:
        target = item["target"][0]
        assert target["source"].startswith(site_url) and target["source"].endswith("/")
        scopes = {s.get("value") for s in target["selector"] if s["type"] == "CssSelector"}  # the headline's: its h1
        selector = [s.get("refinedBy", s) for s in target["selector"]]
        scope = scopes.pop() if scopes else ".latar-article-body"
        by_page.setdefault((target["source"], scope), []).append({"id": item["id"], "ref": item["id"].split("#")[1], "selector": selector})
    assert by_page and sum(map(len, by_page.values())) == len(items)
    assert any(scope == "h1.latar-headline" for _, scope in by_page), "the real article's headline marker is annotated"
    page = _with_annotator(browser.new_page(viewport={"width": width, "height": 900}), bundle)
    for (source, scope), expected in sorted(by_page.items()):
        url = origin + "/" + source.removeprefix(site_url)
        tally = _check(_reattach(page, url, scope, expected), expected)
        assert tally == Counter(quote=len(expected), position=len(expected), described=len(expected)), (source, scope, tally)
    page.close()


def test_apache_annotator_reattaches_every_annotation_in_the_plain_texts(browser, published, bundle: str) -> None:
    site, origin, site_url = published
    items = json.loads((site / "anotasi.jsonld").read_text("utf-8"))["first"]["items"]
    by_text: dict[str, list[dict]] = {}
    for item in items:
        texts = [t for t in item["target"] if t["source"].endswith("/teks.txt")]
        if len(item["target"]) == 1 and item["target"][0]["selector"][0]["type"] == "CssSelector":
            continue  # the headline's marker: the plain text holds no headline
        (target,) = texts
        by_text.setdefault(target["source"], []).append({"id": item["id"], "ref": None, "selector": target["selector"]})
    page = _with_annotator(browser.new_page(), bundle)
    for source, expected in sorted(by_text.items()):
        path = Path(source.removeprefix(site_url))
        text = (site / path).read_text("utf-8")
        results = _reattach(page, f"{origin}/{path.as_posix()}", "body", expected)
        assert page.evaluate("document.body.textContent") == text
        tally = _check(results, expected)
        assert tally == Counter(quote=len(expected), position=len(expected)), (source, tally)
    page.close()
