"""The reading pages around the article: notes index, timeline, note pages, headline contrast, interface language.

Every check iterates over the notes and articles of the built site.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

import reading
from conftest import ROOT
from latar.core.pipeline import load_catalog
from latar.core.sanitize import plain_text, render_inline
from latar.html.pages import DATED_KINDS
from latar.strings import INTERFACE_STRINGS, kind_label

pytestmark = pytest.mark.browser
CONTENT = load_catalog(ROOT, ROOT / "seeds", ROOT / "docs" / "anotasi")
NOTES = {note.id: note for note in CONTENT.notes}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.strip("/") / "index.html").read_text("utf-8"), "html.parser")


def test_notes_index_shows_each_note_with_its_number_and_on_a_phone_its_date_on_a_line_of_its_own(browser, served) -> None:
    site, origin = served
    home = soup(site, "/")
    numbers = {a["data-latar-note"]: a["data-latar-number"] for a in home.select(".latar-article-body a.footnote-ref")}
    index = soup(site, "/anotasi/")
    items = index.select(".latar-index-list > li")
    assert len(items) == len(NOTES)
    for item in items:
        note_id = item.a["href"].strip("/").rsplit("/", 1)[-1]
        assert item.get("data-latar-number") == numbers.get(note_id), f"{note_id}: not numbered as in the article"
    for heading in index.select("h2[id^='jenis-']"):
        kind = heading["id"].removeprefix("jenis-")
        group = heading.find_next_sibling("ul").select("li")
        assert {li["data-latar-kind"] for li in group} == {kind}
        if kind in DATED_KINDS:
            dates = [(li.time["datetime"] + "-00-00")[:10] if li.time else "~" for li in group]
            assert dates == sorted(dates), f"{kind}: not by date"
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(origin + "/anotasi/")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.latar-index-list > li')].map(li => {
             const link = li.querySelector('a').getBoundingClientRect(), time = li.querySelector('time');
             const line = parseFloat(getComputedStyle(li).lineHeight);
             const date = time && time.getBoundingClientRect();
             return {id: li.querySelector('a').getAttribute('href'), line, height: li.getBoundingClientRect().height,
                     overflow: li.scrollWidth > li.clientWidth + 1, ellipsis: getComputedStyle(li).textOverflow === 'ellipsis',
                     date: date && {top: date.top, left: date.left, right: date.right, width: date.width, linkBottom: link.bottom,
                                    whole: time.scrollWidth <= Math.ceil(date.width) + 1}};
           })"""
    )
    tall = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().height")
    page.close()
    for row in rows:
        assert not row["overflow"] and not row["ellipsis"], f"{row['id']}: cut on a phone"
        assert row["height"] <= 4.5 * row["line"], f"{row['id']}: more than three lines of title and a date"
        date = row["date"]
        if date:
            assert date["top"] >= date["linkBottom"] - 2, f"{row['id']}: the date is not on a line of its own"
            assert date["width"] > 0 and date["whole"] and date["left"] >= 0 and date["right"] <= 390, f"{row['id']}: date cut {date}"
    assert sum(1 for row in rows if row["date"]) == sum(1 for note in NOTES.values() if note.date)
    assert tall < 80 * len(items) + 1200, f"the index is {tall:.0f} px tall on a phone"


def test_timeline_says_what_it_is_and_lists_only_dated_events(served) -> None:
    site, _ = served
    page = soup(site, "/linimasa/")
    content = page.select_one(".md-content__inner")
    intro = content.select_one("h1").find_next_sibling()
    assert intro.name == "p" and intro.get_text().count(". ") == 0 and intro.get_text().endswith("."), "one sentence first"
    entries = page.select(".latar-timeline > li:not(.latar-timeline-article)")
    assert entries
    assert {li["data-latar-kind"] for li in entries} <= DATED_KINDS
    listed = {li.a["href"].strip("/").rsplit("/", 1)[-1] for li in entries}
    assert listed == {n.id for n in NOTES.values() if n.date and n.kind in DATED_KINDS}
    for li in entries:
        text = li.get_text()
        assert text.count(kind_label(NOTES[li.a["href"].strip("/").rsplit("/", 1)[-1]].kind)) <= 1, f"kind said twice: {text}"


def test_note_pages_mark_their_section_and_do_not_repeat_the_summary(served) -> None:
    site, _ = served
    paths = reading.note_paths(site)
    assert len(paths) == len(NOTES)
    texts = ["\n".join(article.paragraphs) for article in CONTENT.articles]
    for path in paths:
        page = soup(site, path)
        note = NOTES[path.strip("/").rsplit("/", 1)[-1]]
        active = page.select(".md-nav--primary .md-nav__item--active > a.md-nav__link")
        assert [a["href"] for a in active] == ["../"], f"{path}: the notes section is not marked in the navigation"
        body = " ".join(page.select_one(".latar-note-page").get_text().split())
        summary = " ".join(plain_text(render_inline(note.summary)).split())
        finding = page.select(".latar-review .latar-finding")
        if note.claim and note.verdict:  # a clarification shows its summary once, as the finding
            assert [" ".join(f.get_text().split()) for f in finding] == [summary], f"{path}: the finding is not the summary"
            assert body.count(summary) == 1, f"{path}: the summary is repeated"
        else:
            assert finding == [] and summary not in body, f"{path}: the summary is repeated"
        for source, item in zip(note.sources, page.select(".latar-sources > li"), strict=True):
            accessed = item.select_one(".latar-accessed")
            assert (accessed is not None) is bool(source.accessed), f"{path}: consulted date not labelled 'diakses'"
            if source.date:
                assert item.select_one(f'time[datetime="{source.date}"]') is not None
        for quote in page.select("q.latar-context"):
            inner = quote.get_text().strip("…")
            text = next(t for t in texts if inner in t)
            start = text.index(inner)
            end = start + len(inner)
            assert start == 0 or not text[start - 1].isalnum(), f"{path}: quote starts mid-word: {inner[:20]}"
            assert end == len(text) or not text[end].isalnum(), f"{path}: quote ends mid-word: {inner[-20:]}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_headline_contrast_is_at_least_7_to_1(browser, served, scheme: str) -> None:
    site, origin = served
    for path in reading.article_paths(site):
        page = browser.new_page()
        page.goto(origin + path)
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        colours = page.evaluate(
            "[getComputedStyle(document.querySelector('.latar-headline')).color, getComputedStyle(document.body).backgroundColor]"
        )
        page.close()
        ratio = reading.contrast(*colours)
        assert ratio >= 7, f"{path} ({scheme}): headline {ratio:.2f}:1 {colours}"


def material_strings(language: str) -> dict[str, str]:
    source = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{language}.html").read_text("utf-8")
    return dict(re.findall(r'"([\w.]+)": "([^"]*)"', source))


def test_no_english_left_in_the_interface(served) -> None:
    site, _ = served
    english, indonesian = material_strings("en"), {**material_strings("id"), **INTERFACE_STRINGS["id"]}
    untranslated = {english[key] for key in english if key in indonesian and indonesian[key] == english[key] and len(english[key]) > 3}
    assert untranslated <= {"Tab", "Metadata"}, f"Material strings still English in Indonesian: {untranslated}"  # both Indonesian words too
    words = {value for key, value in english.items() if indonesian.get(key, value) != value and len(value) > 3}
    for page in sorted(site.rglob("*.html")):
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for content in html.select(".md-content"):
            content.decompose()  # article text, notes and source titles may quote English
        attributes = {
            value
            for el in html.select("[aria-label], [title], [placeholder]")
            for value in (el.get("aria-label"), el.get("title"), el.get("placeholder"))
            if value
        }
        texts = {" ".join(text.split()) for text in html.find_all(string=True) if text.parent.name not in ("script", "style")}
        found = (attributes | texts) & words
        assert found == set(), f"{page.relative_to(site)}: English interface words {found}"
        assert "Made with" not in page.read_text("utf-8")


def test_the_marker_filter_has_a_rule_for_every_kind() -> None:
    from latar.core.notes import KINDS  # noqa: PLC0415

    css = (ROOT / "plugins" / "latar" / "assets" / "latar.css").read_text("utf-8")
    for kind in KINDS:
        assert f'input[data-latar-kind="{kind}"]:not(:checked)) :is(sup.latar-ref, .latar-margin-note)[data-latar-kind="{kind}"]' in css
        assert f'input[data-latar-kind="{kind}"]:not(:checked)) .latar-anchor[data-latar-kind="{kind}"]' in css


@pytest.mark.parametrize(
    ("width", "expected"),
    [(4, (" ", "")), (6, (" beta ", " delta")), (60, ("alpha beta ", " delta"))],
)
def test_muncul_di_context_is_cut_at_word_boundaries(width: int, expected: tuple[str, str]) -> None:
    from latar.core.pipeline import context  # noqa: PLC0415

    assert context("alpha beta gamma delta", 11, 16, width) == expected  # around "gamma"; never half a word
