"""Placements: the pipeline anchors on the article's text blocks, the article page puts markers at those offsets.

Unit tests with their own small articles and notes; the hypothesis properties of the same path are in
``test_properties.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from latar import strings
from latar.core.articles import ArticleMeta, build_article, load_articles
from latar.core.notes import Anchor, Note, Source
from latar.core.pipeline import Catalog, place_notes, plain_text, text_blocks
from latar.html.article import ArticleRenderer

SOURCE = (Source("Sumber", "https://example.org/s", "Contoh", "2021-12-31"),)
DATELINE = "JENEWA, KOMPAS -"
TEXT = (
    "Penulis\n"
    f"{DATELINE} NATO dan Rusia bertemu di Jenewa.\n"
    "Baca juga: NATO menolak tuntutan Rusia\n"
    "Rusia menuntut NATO berhenti memperluas diri; NATO menolak.\n"
    "Simak berita lain di aplikasi kami.\n"
)
META = ArticleMeta(
    "Pertemuan di Jenewa",
    "https://example.org/jenewa",
    "Kompas",
    "2022-01-10",
    "id",
    preamble_lines=1,
    postscript_lines=1,
    dateline=DATELINE,
    author=None,
    remarks=("Judul dari kami.",),
    publisher_lines=("^Baca juga:",),
)
ARTICLE = build_article("jenewa", TEXT, META, "seeds/jenewa.txt")


def note(note_id: str, *anchors: Anchor, kind: str = "organization") -> Note:
    return Note(note_id, f"docs/anotasi/{note_id}.md", note_id.upper(), kind, "Ringkas.", anchors, SOURCE)


def placed(*notes: Note, article=ARTICLE, surroundings=strings.surroundings):
    return place_notes(Catalog((article,), notes, article_names=frozenset({article.name})), surroundings)


def test_text_blocks_close_publisher_lines_and_split_at_the_dateline() -> None:
    blocks = text_blocks(ARTICLE)
    assert [b.text for b in blocks] == [block.text for block in ARTICLE.blocks]
    first = len(ARTICLE.blocks[0].text)
    assert blocks[0].eligible == ((0, len(DATELINE)), (len(DATELINE), first))
    assert blocks[1].eligible == ()  # "Baca juga: …"
    assert blocks[2].eligible == ((0, len(blocks[2].text)),)


def test_placements_are_numbered_counted_and_located() -> None:
    nato = note("nato", Anchor("NATO", occurrence="all"))
    rusia = note("rusia", Anchor("Rusia"))
    result = placed(nato, rusia)
    assert result.problems == ()
    (article,) = result.placed
    got = [(p.note_id, p.block, p.paragraph, p.start, p.number, p.occurrence) for p in article.placements]
    first, second = ARTICLE.blocks[0].text, ARTICLE.blocks[2].text
    assert got == [
        ("nato", 0, 0, first.index("NATO"), 1, 1),
        ("rusia", 0, 0, first.index("Rusia"), 2, 1),
        ("nato", 2, 1, second.index("NATO"), 1, 2),  # block 2 is paragraph 1: the publisher's line is block 1
        ("nato", 2, 1, second.rindex("NATO"), 1, 3),
    ]
    text = plain_text(ARTICLE)
    for placement in article.placements:
        assert text[placement.plain_start : placement.plain_start + len(placement.phrase)] == placement.phrase
        assert placement.before + placement.phrase + placement.after in ARTICLE.blocks[placement.block].text
    assert article.numbers == {"nato": 1, "rusia": 2} and article.note_count == 2
    assert result.by_note["nato"] == tuple(p for p in article.placements if p.note_id == "nato")


@pytest.mark.parametrize(
    ("phrase", "where"),
    [
        ("KOMPAS - NATO", "JENEWA, KOMPAS - NATO dan Rusia"),  # across the dateline
        ("NATO menolak tuntutan", "Baca juga: NATO menolak tuntutan Rusia"),  # a publisher's line
        ("Pertemuan di Jenewa", "Pertemuan di Jenewa"),  # the headline
        ("Baca di situs asli", "Baca di situs asli"),  # the byline's link
        ("Judul dari kami", "Judul dari kami"),  # the source box
    ],
)
def test_a_phrase_only_outside_the_running_text_is_told_so(phrase: str, where: str) -> None:
    result = placed(note("luar", Anchor(phrase)))
    (problem,) = result.problems
    assert result.placed[0].placements == ()
    assert "only found outside the running text" in problem.message and where in problem.message


def test_without_surroundings_a_phrase_of_the_page_only_is_not_in_the_article() -> None:
    (problem,) = placed(note("luar", Anchor("Baca di situs asli")), surroundings=None).problems
    assert "matches nothing in any article" in problem.message and "outside the running text" not in problem.message


def test_markers_stand_at_their_offsets_inside_and_after_the_dateline() -> None:
    """The exact article body: the dateline span holds its own marker, the publisher's line holds none."""
    notes = (note("jenewa", Anchor("JENEWA"), kind="place"), note("nato", Anchor("NATO", occurrence="all")))
    (article,) = placed(*notes).placed
    rendered = ArticleRenderer({n.id: n for n in notes}, lambda note_id: f"../../anotasi/{note_id}/").render(article)
    start = rendered.html.index('<div class="latar-article-body">')
    body = rendered.html[start : rendered.html.index("</div>", start) + len("</div>")]  # the body holds no div

    def marker(note_id: str, phrase: str, kind: str, number: int, ref: str) -> str:
        return (
            f'<span class="latar-anchor" data-latar-note="{note_id}" data-latar-kind="{kind}">{phrase}</span>'
            f'<sup id="latar-ref-{ref}" class="latar-ref" data-latar-kind="{kind}">'
            f'<a class="footnote-ref" href="#latar-fn-{note_id}" role="doc-noteref" data-latar-kind="{kind}" '
            f'data-latar-note="{note_id}" data-latar-number="{number}" aria-label="Catatan {number}: {note_id.upper()}"></a></sup>'
        )

    assert body == (
        '<div class="latar-article-body">'
        '<p id="latar-p-1"><span class="latar-dateline">'
        + marker("jenewa", "JENEWA", "place", 1, "jenewa")
        + ", KOMPAS -</span> "
        + marker("nato", "NATO", "organization", 2, "nato")
        + " dan Rusia bertemu di Jenewa.</p>\n"
        '<aside class="latar-publisher-line latar-skip" data-search-exclude="">'
        "<p>Baca juga: NATO menolak tuntutan Rusia</p></aside>\n"
        '<p id="latar-p-2">Rusia menuntut '
        + marker("nato", "NATO", "organization", 2, "nato-2")
        + " berhenti memperluas diri; "
        + marker("nato", "NATO", "organization", 2, "nato-3")
        + " menolak.</p></div>"
    )
    assert rendered.page_text == "\n".join(block.text for block in ARTICLE.blocks)
    for m in rendered.markers:
        assert rendered.page_text[m.page_start : m.page_start + len(m.placement.phrase)] == m.placement.phrase
    backrefs = [a["href"] for a in BeautifulSoup(rendered.html, "html.parser").select("#latar-fn-nato a.footnote-backref")]
    assert backrefs == ["#latar-ref-nato", "#latar-ref-nato-2", "#latar-ref-nato-3"]


def articles_with_every_part() -> list:
    """The fixture (preamble, postscript, remarks, no author) and whatever real articles exist."""
    real, problems = load_articles(ROOT / "seeds", ROOT)
    assert problems == []
    authored = build_article("b", "Satu kalimat.\n", ArticleMeta("B", "https://example.org/b", "P", "2021-12", "id", author="Ana"))
    return [ARTICLE, authored, *real]


def test_the_surroundings_are_the_words_the_page_shows_around_the_body() -> None:
    """strings.surroundings (what ``latar check`` reads) and the page's headline, byline and boxes say the same."""
    for article in articles_with_every_part():
        (one,) = placed(article=article).placed
        page = BeautifulSoup(ArticleRenderer({}, str).render(one).html, "html.parser")
        parts = page.select(".latar-headline, .latar-byline, .latar-postscript, .latar-source")
        assert [part.get_text(" ") for part in parts] == list(strings.surroundings(article)), article.name


def test_latar_check_renders_no_html(tmp_path: Path) -> None:
    """``latar check`` imports nothing of the html layer: anchoring runs on text."""
    code = "import sys; from latar.cli.main import main; main(['--root', sys.argv[1], 'check']); print(sorted(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=False)
    modules = done.stdout.strip().splitlines()[-1]
    assert "latar.core.pipeline" in modules, done.stderr[-2000:]
    assert "latar.html" not in modules and "xml.etree" not in modules
