"""Measurements of the reading experience in a real Chromium, shared by the ``test_reading_*`` files.

Its fixtures (``served``, ``browser``) are shared through ``conftest.py``.
Every function measures what a reader sees (rectangles, layout shift, focus, computed styles) on a
page of the built site; none of them knows an article or a note by name.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import chromium, serve, use_module
from latar.core.articles import PUBLISHER

ROOT = Path(__file__).resolve().parent.parent

WIDTHS = (320, 360, 390, 768, 1024, 1280, 1600, 1920)
WIDE = (1280, 1600, 1920)
"""Widths with margin notes (from 75em, 1200 px)."""
PUNCTUATION = ".,;:!?)]}»”’\"'…"


@pytest.fixture(scope="session")
def served(real_site: Path):
    """The session's strict build of the real site (``conftest.real_site``), served on 127.0.0.1: yields (site, origin)."""
    server, origin = serve(real_site)
    yield real_site, origin
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium for the whole session (every browser test uses this one fixture, from conftest); each test
    opens its own context, so nothing but the process is shared."""
    with chromium() as running:
        yield running


def article_paths(site: Path) -> list[str]:
    """The address of every article page of a built site (``/artikel/<name>/``)."""
    return sorted(f"/artikel/{page.parent.name}/" for page in (site / "artikel").glob("*/index.html"))


def note_paths(site: Path) -> list[str]:
    """The address of every note page of a built site (``/anotasi/<id>/``)."""
    return sorted(f"/anotasi/{page.parent.name}/" for page in (site / "anotasi").glob("*/index.html"))


CLS_OBSERVER = """
window.__latarShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__latarShifts.push({value: entry.value,
      sources: (entry.sources || []).map(s => s.node ? (s.node.className || s.node.nodeName) + '' : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def cumulative_layout_shift(browser, url: str, width: int, height: int = 900, cpu_slowdown: int = 4) -> tuple[float, list]:
    """CLS of loading ``url`` at ``width`` (layout-shift entries without recent input), with a slowed CPU."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.add_init_script(CLS_OBSERVER)
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1200)
    shifts = page.evaluate("window.__latarShifts")
    context.close()
    return round(sum(s["value"] for s in shifts), 4), shifts


def layout_shift_that_comes_back(browser, url: str, width: int, again: int = 2) -> tuple[float, list]:
    """CLS of loading ``url``, as :func:`cumulative_layout_shift`; a shift on the first load is measured ``again``
    more times. A shift latar's markup, CSS or scripts cause comes back on every load at this width; one that no
    further load shows (seen twice in CI, under load: 0.0001 in Material's sidebar, 0.0046 in the controls' summary)
    is a scheduling accident, reported as a warning, never hidden."""
    shift, shifts = cumulative_layout_shift(browser, url, width)
    if not shift:
        return shift, shifts
    again_seen = [cumulative_layout_shift(browser, url, width) for _ in range(again)]
    if any(value for value, _ in again_seen):
        return max([(shift, shifts), *again_seen], key=lambda seen: seen[0])
    warnings.warn(f"transient layout shift: {url} at {width}px, {shift} on one load, none on {again} more: {shifts}", stacklevel=2)
    return 0.0, []


MARKERS_JS = """
punct => {
  const rect = r => ({top: r.top, bottom: r.bottom, left: r.left, right: r.right});
  function lastCharRect(el) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = null, last = null;
    while ((node = walker.nextNode())) if (node.data.trim()) last = node;
    const range = document.createRange();
    let end = last.data.length;
    while (end > 1 && /\\s/.test(last.data[end - 1])) end--;
    range.setStart(last, end - 1); range.setEnd(last, end);
    return rect(range.getBoundingClientRect());
  }
  function nextChar(sup) {
    let node = sup.nextSibling;
    while (node && node.nodeType !== 3) node = node.firstChild || node.nextSibling;
    if (!node || !node.data.length) return null;
    const range = document.createRange();
    range.setStart(node, 0); range.setEnd(node, 1);
    return {ch: node.data[0], rect: rect(range.getBoundingClientRect())};
  }
  const out = [];
  document.querySelectorAll('.latar-article-body sup.latar-ref').forEach(sup => {
    const link = sup.querySelector('a.footnote-ref');
    if (!link || link.offsetParent === null) return;
    const phrase = sup.previousElementSibling;
    const last = lastCharRect(phrase);
    const marker = rect(link.getBoundingClientRect());
    const middle = (marker.top + marker.bottom) / 2;
    const sameLine = middle >= last.top - 1 && middle <= last.bottom + 1 && marker.left >= last.left;
    const next = nextChar(sup);
    const punctStartsLine = !!(next && punct.includes(next.ch) && Math.abs(next.rect.top - last.top) > 2);
    out.push({id: sup.id, number: link.getAttribute('data-latar-number') || link.textContent,
              sameLine, punctStartsLine, gapBefore: marker.left - last.right,
              gapAfter: next && punct.includes(next.ch) && !punctStartsLine ? next.rect.left - marker.right : null});
  });
  return out;
}
"""


COPIED_JS = """() => { const body = document.querySelector('.latar-article-body');
  getSelection().selectAllChildren(body); return getSelection().toString(); }"""


def article_text_failures(page, site: Path, origin: str, article) -> list[str]:
    """Failures of "the page reads as the article": in the HTML, in Chromium's textContent and in copied text.

    The body holds the article's paragraphs and, at their places, the publisher's lines (``aside.latar-publisher-line``,
    labelled by CSS, not in the text): its text is those lines in order; its own paragraphs are the article text; the
    asides are the publisher's lines; the marker numbers are CSS generated content, never text.
    """
    failures = []
    shown = "\n".join(block.text for block in article.blocks)
    publisher = [block.text for block in article.blocks if block.kind == PUBLISHER]
    soup = BeautifulSoup((site / "artikel" / article.name / "index.html").read_text("utf-8"), "html.parser")
    body = soup.select_one(".latar-article-body")
    if body.get_text() != shown:
        failures.append(f"{article.name}: the body's text is not the article's lines in order")
    if [p.get_text() for p in body.find_all("p", recursive=False)] != list(article.paragraphs):
        failures.append(f"{article.name}: the body's own paragraphs are not the article text")
    if [a.get_text() for a in body.select(":scope > aside.latar-publisher-line")] != publisher:
        failures.append(f"{article.name}: the publisher's lines are not asides at their places")
    for link in body.select("sup.latar-ref > a.footnote-ref"):
        if not (link.get_text() == "" and link["href"].startswith("#") and link.get("aria-label") and link.get("data-latar-number")):
            failures.append(f"{article.name}: marker {link.get('href')} has text or lacks its label or number")
    page.goto(f"{origin}/artikel/{article.name}/")
    if page.evaluate("document.querySelector('.latar-article-body').textContent") != shown:
        failures.append(f"{article.name}: textContent is not the article's lines in order")
    copied = [line for line in page.evaluate(COPIED_JS).split("\n") if line]
    if copied != [block.text for block in article.blocks]:
        failures.append(f"{article.name}: copied text is not the article's lines (publisher lines in place): {copied[:3]}…")
    numbers = page.evaluate(
        "[...document.querySelectorAll('.latar-article-body a.footnote-ref')].map(a => getComputedStyle(a, '::after').content)"
    )
    if not all(n.strip('"').isdigit() for n in numbers):
        failures.append(f"{article.name}: marker numbers are not CSS generated content: {numbers}")
    return failures


def markers(page) -> list[dict]:
    """Every visible marker of the article body: same line as its phrase's last letter, punctuation after it."""
    return page.evaluate(MARKERS_JS, PUNCTUATION)


MARGIN_JS = """
() => {
  const notes = [...document.querySelectorAll('.latar-margin-note')].filter(n => n.offsetParent !== null && !n.hidden);
  const marker = n => window.latarMargin.markerOf(n);  // in reading order, whichever margin they stand in
  notes.sort((a, b) => marker(a).compareDocumentPosition(marker(b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  const lineHeight = parseFloat(getComputedStyle(document.querySelector('.latar-article-body p')).lineHeight);
  function lineTop(ref) {
    const phrase = ref.closest('sup').previousElementSibling;
    const range = document.createRange();
    range.selectNodeContents(phrase);
    const rects = [...range.getClientRects()];
    return rects[rects.length - 1].top;
  }
  return {lineHeight, notes: notes.map(n => {
    const r = n.getBoundingClientRect();
    const ref = window.latarMargin.markerOf(n);
    return {note: n.getAttribute('data-latar-note'), top: r.top, bottom: r.bottom, left: r.left, right: r.right,
            drift: r.top - lineTop(ref)};
  })};
}
"""


NAVIGATION_JS = """
() => [...document.querySelectorAll('a[href]')].filter(a => !a.closest('main article, .md-search, .md-footer')).map(a => {
  const r = a.getBoundingClientRect();
  return {note: 'link ' + a.textContent.trim(), href: a.href, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          visible: a.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && r.width > 0 && r.height > 0,
          hidden: !!a.closest('[aria-hidden="true"], [inert]')};
})
"""

FOCUSED_JS = """
() => { const a = document.activeElement, r = a.getBoundingClientRect();
  return {href: a.href || '', in_article: !!a.closest('.latar-article'),
          in_view: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth}; }
"""


def navigation_links(page) -> list[dict]:
    """Every link of the page's chrome (header, navigation; not the article, the search results or the footer):
    its address, box, whether it is drawn and whether it is hidden from screen readers."""
    return page.evaluate(NAVIGATION_JS)


def margin_notes(page) -> dict:
    """Every visible margin note, in the order of their markers: its box and its drift from the line of its phrase."""
    use_module(page, "reading/margin.js", "latarMargin")
    return page.evaluate(MARGIN_JS)


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap by more than half a pixel."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
                and min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
            ):
                found.append((a["note"], b["note"]))
    return found


CHARS_PER_LINE_JS = """
() => {
  const counts = [];
  document.querySelectorAll('.latar-article-body > p').forEach(p => {  // article text: the publisher's asides apart
    const lines = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top = null, count = 0, node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (top !== null && Math.abs(r.top - top) > 4) { lines.push(count); count = 0; }
        top = r.top; count++;
      }
    }
    counts.push(...lines);  /* the last line of a paragraph is short by nature: left out */
  });
  return counts;
}
"""


def chars_per_line(page) -> list[int]:
    """Characters on each full line of the article body (the last line of each paragraph excluded)."""
    return page.evaluate(CHARS_PER_LINE_JS)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_color(value: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of a (possibly translucent) text colour over an opaque background."""
    fr, fg, fb, alpha = parse_color(foreground)
    br, bg, bb, _ = parse_color(background)
    blended = (fr * alpha + br * (1 - alpha), fg * alpha + bg * (1 - alpha), fb * alpha + bb * (1 - alpha))
    lighter, darker = sorted((relative_luminance(blended), relative_luminance((br, bg, bb))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


WHOLE_JS = """
([summaries]) => {
  const squash = (text) => text.replace(/\\s+/g, ' ').trim();
  const body = document.querySelector('.latar-article-body').getBoundingClientRect();
  const said = new Set([...document.querySelectorAll('.latar-headline a.footnote-ref')].map(a => a.getAttribute('data-latar-note')));
  const failures = [];
  for (const ref of document.querySelectorAll('.latar-article-body a.footnote-ref')) {
    const id = ref.getAttribute('data-latar-note');
    if (said.has(id)) continue;  // a repeat: "lihat catatan N" beside it, the note whole beside its first marker
    said.add(id);
    const paragraph = ref.closest('p');
    let line = null;  // the line of the last visible character before the marker
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!(ref.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) break;
      let last = node.data.length - 1;
      while (last >= 0 && /\\s/.test(node.data[last])) last--;
      if (last < 0) continue;
      range.setStart(node, last); range.setEnd(node, last + 1);
      line = [...range.getClientRects()].pop() || line;
    }
    const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
    const note = window.latarMargin.noteOf(ref);
    const box = note && note.getBoundingClientRect();
    const clamped = note && [note, ...note.querySelectorAll('*')].some(e => {
      const style = getComputedStyle(e);
      return style.webkitLineClamp !== 'none' || (style.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1);
    });
    const why = !note || !note.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) ? 'no margin note'
      : !squash(note.textContent).includes(squash(summaries[ref.closest('sup').id] || '?')) ? 'not its whole summary'
      : clamped ? 'clipped (its first line only)'
      : !(box.left >= body.right - 1 || box.right <= body.left + 1) ? 'over the text'
      : box.left < -0.5 || box.right > innerWidth + 0.5 ? 'off the screen'
      : Math.abs(box.top - line.top) > 3 * lineHeight ? `${Math.round(box.top - line.top)} px from its line` : '';
    if (why) failures.push(`${id}: ${why}`);
  }
  return failures;
}
"""


def summaries(site: Path) -> dict[str, str]:
    """Each marker's note summary, by the marker's id, from the published Web Annotations (``anotasi.jsonld``)."""
    data = json.loads((site / "anotasi.jsonld").read_text("utf-8"))
    found = {}
    for item in data.get("first", {}).get("items", []):
        text = next((b.get("value", "") for b in item.get("body", []) if b.get("type") == "TextualBody"), "")
        found[item["id"].partition("#")[2]] = text
    return found


def notes_not_whole(page, site: Path) -> list[str]:
    """The body's first markers of each note whose margin note is not its whole summary, unclipped, beside the text
    and within 3 lines of the marker's line (as ``make reader`` measures it, benchmarks/reader.js ``margin``)."""
    use_module(page, "reading/margin.js", "latarMargin")
    return page.evaluate(WHOLE_JS, [summaries(site)])
