"""The article's opening: the headline's marker (``headline: true`` anchors) and the editors' context, from the rule
book (``latar check``) to the page's HTML. Unit tests with their own small article and notes."""

from __future__ import annotations

from dataclasses import replace

from bs4 import BeautifulSoup

from latar.core.articles import ArticleMeta, Context, build_article
from latar.core.notes import Anchor, Note, Source
from latar.core.pipeline import Catalog, place_notes
from latar.html.article import ArticleRenderer

SOURCE = (Source("Sumber", "https://example.org/s", "Contoh", "2021-12-31"),)
WORDS = " ".join(["kata"] * 50)
META = ArticleMeta("Putin Tawarkan Tarik Pasukan Asalkan Syarat Dipenuhi", "https://example.org/a", "Intisari", "2021-12-31", "id")
TEXT = "NATO dan Rusia bertemu di Jenewa.\nRusia menuntut NATO berhenti memperluas diri.\n"


def note(note_id: str, *anchors: Anchor, kind: str = "organization") -> Note:
    return Note(note_id, f"docs/anotasi/{note_id}.md", note_id.upper(), kind, "Ringkas.", anchors, SOURCE)


def placed(*notes: Note, context: Context | None = None):
    article = build_article("jenewa", TEXT, replace(META, context=context), "seeds/jenewa.txt")
    return place_notes(Catalog((article,), notes, article_names=frozenset({article.name})))


JUDUL = note("judul", Anchor("Tarik Pasukan Asalkan Syarat Dipenuhi", headline=True, line=7), Anchor("berhenti"), kind="clarification")


def test_a_headline_anchor_marks_the_title_and_its_note_is_read_first() -> None:
    result = placed(note("nato", Anchor("NATO", occurrence="all")), JUDUL)
    assert result.problems == ()
    (one,) = result.placed
    assert one.headline and one.headline.phrase == "Tarik Pasukan Asalkan Syarat Dipenuhi"
    assert one.numbers == {"judul": 1, "nato": 2}, "the headline is read first: its note is number 1"
    page = BeautifulSoup(ArticleRenderer({n.id: n for n in result.notes}, str).render(one).html, "html.parser")
    h1 = page.select_one("h1.latar-headline")
    assert h1.get_text() == META.title, "the headline's text is the sidecar's title, unchanged"
    ref = h1.select_one("span.latar-anchor + sup.latar-ref > a.footnote-ref")
    assert ref["href"] == "#latar-fn-judul" and ref["data-latar-number"] == "1"
    backs = [a["href"] for a in page.select("#latar-fn-judul a.footnote-backref")]
    assert backs == ["#latar-ref-judul-judul", "#latar-ref-judul"], "the endnote leads back to both markers"
    assert page.select_one(backs[0][0:1] + "latar-ref-judul-judul") is not None


def test_a_headline_anchor_not_in_the_title_is_a_problem_with_its_line_and_fix() -> None:
    wrong = note("salah", Anchor("Tawarkan Gencatan", headline=True, line=9))
    (problem,) = placed(wrong).problems
    assert (problem.path, problem.line) == ("docs/anotasi/salah.md", 9)
    assert "not in the headline of jenewa" in problem.message and "remove 'headline: true'" in problem.message


def test_a_headline_has_one_marker() -> None:
    other = note("lain", Anchor("Putin", headline=True, line=4))
    (problem,) = placed(JUDUL, other).problems
    assert problem.path == "docs/anotasi/lain.md" and "already carries the marker of note 'judul'" in problem.message


def test_the_context_is_a_labelled_region_above_paragraph_1_with_links_to_its_notes() -> None:
    context = Context(WORDS, ("nato", "tanpa-penanda"), "seeds/jenewa.yml", 12, (13, 14))
    result = placed(note("nato", Anchor("NATO")), note("tanpa-penanda", Anchor("Jakarta")), context=context)
    notes = {n.id: n for n in result.notes}
    (one,) = result.placed
    page = BeautifulSoup(ArticleRenderer(notes, lambda i: f"/anotasi/{i}/").render(one).html, "html.parser")
    box = page.select_one("section.latar-context[aria-labelledby]")
    assert box.select_one("h2").get("id") == box["aria-labelledby"]
    assert box.find_next("p", id="latar-p-1") is not None, "the context stands before paragraph 1"
    assert [a["href"] for a in box.select("a.latar-context-ref")] == ["#latar-fn-nato", "/anotasi/tanpa-penanda/"]


def test_the_context_has_40_to_90_words_and_names_existing_notes() -> None:
    short = Context("Terlalu pendek.", ("nato", "natp"), "seeds/jenewa.yml", 12, (13, 14))
    problems = placed(note("nato", Anchor("NATO")), context=short).problems
    assert [(p.path, p.line) for p in problems] == [("seeds/jenewa.yml", 12), ("seeds/jenewa.yml", 14)]
    assert "has 2 words; it must have 40-90" in problems[0].message
    assert "'natp', which does not exist (did you mean 'nato'?)" in problems[1].message
    long = Context(" ".join(["kata"] * 91), ("nato",), "seeds/jenewa.yml", 3)
    (problem,) = placed(note("nato", Anchor("NATO")), context=long).problems
    assert "91 words" in problem.message and "shorten" in problem.message
    assert placed(note("nato", Anchor("NATO")), context=replace(long, text=WORDS)).problems == ()
