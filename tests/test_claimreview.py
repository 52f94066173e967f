"""Clarifications as schema.org ClaimReview, entities as Wikidata items: the real site's JSON-LD checked against
schema.org's vocabulary (release 30.0) and the Web Annotation export's identifying bodies. Iterates over whatever
notes and articles exist; a small site of its own covers a claim in the headline."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import schemaorg
import wa_model
from conftest import ROOT, SEED_NAME, SEEDS, note_text
from latar.core.claims import VERDICTS, find_claim, squash
from latar.core.pipeline import check
from latar.strings import VERDICT_LABELS
from test_formats import SITE_URL, git_dates

RESULT = check(ROOT, SEEDS, ROOT / "docs" / "anotasi")
NOTES = {note.id: note for note in RESULT.notes}
CLARIFICATIONS = sorted(n for n, note in NOTES.items() if note.kind == "clarification")
LANDED = {note: {p.article for p in placements} for note, placements in RESULT.by_note.items()}
ARTICLES = {article.name: article for article in RESULT.articles}


pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def json_ld(site: Path, path: str) -> list[dict]:
    page = BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def test_every_page_speaks_schema_org_as_its_vocabulary_defines_it(site: Path) -> None:
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.glob("*/*/index.html"))
    checked = 0
    for path in pages:
        for data in json_ld(site, path):
            assert schemaorg.problems(data) == [], path
            checked += 1
    assert checked >= len(NOTES) + len(ARTICLES)


def test_one_list_of_verdicts_in_the_rules_the_schema_and_the_labels() -> None:
    schema = json.loads((ROOT / "plugins" / "latar" / "schemas" / "note.schema.json").read_text("utf-8"))["properties"]["verdict"]
    assert tuple(schema["enum"]) == VERDICTS == tuple(VERDICT_LABELS)
    assert all(f"{verdict} = {label}" in schema["description"] for verdict, label in VERDICT_LABELS.items())


def test_the_clarifications_carry_a_claim_and_a_verdict() -> None:
    assert CLARIFICATIONS, "the real site has clarifications"
    for note_id in CLARIFICATIONS:
        note = NOTES[note_id]
        assert note.claim and note.verdict in VERDICT_LABELS, note_id


@pytest.mark.parametrize("note_id", CLARIFICATIONS)
def test_a_clarification_page_is_one_claim_review(site: Path, note_id: str) -> None:
    note = NOTES[note_id]
    (data,) = json_ld(site, f"anotasi/{note_id}")
    assert data["@type"] == "ClaimReview"
    assert data["url"] == f"{SITE_URL}anotasi/{note_id}/"
    assert data["claimReviewed"] == note.claim
    assert data["reviewRating"] == {
        "@type": "Rating",
        "alternateName": VERDICT_LABELS[note.verdict],
        "ratingExplanation": data["reviewRating"]["ratingExplanation"],
    }
    assert "ratingValue" not in data["reviewRating"], "the verdicts have no numeric scale"
    assert data["author"] == {"@type": "Organization", "name": "latar", "url": SITE_URL}
    assert data["datePublished"] == git_dates(ROOT / "docs" / "anotasi" / f"{note_id}.md")[0]
    claim = data["itemReviewed"]
    assert claim["@type"] == "Claim"
    appearances = claim["appearance"] if isinstance(claim["appearance"], list) else [claim["appearance"]]
    expected = [a for name, a in ARTICLES.items() if name in LANDED.get(note_id, ARTICLES) and find_claim(note.claim, a)]
    assert [a["url"] for a in appearances] == [a.meta.source_url for a in expected]
    for appearance, article in zip(appearances, expected, strict=True):
        assert appearance["headline"] == article.meta.title
        assert appearance["publisher"]["name"] == article.meta.publisher
    authors = claim["author"] if isinstance(claim["author"], list) else [claim["author"]]
    assert {(a["@type"], a["name"]) for a in authors} == {("Organization", a.meta.publisher) for a in expected}


def test_wikidata_items_are_the_subjects_same_as_and_identifying_bodies(site: Path) -> None:
    items = json.loads((site / "anotasi.jsonld").read_text("utf-8"))
    assert wa_model.problems(items) == []
    bodies: dict[str, list[dict]] = {}
    for item in items["first"]["items"]:
        note_id = item["body"][1]["source"].removeprefix(SITE_URL + "anotasi/").strip("/")
        bodies.setdefault(note_id, []).extend(item["body"])
    with_ids = [note for note in NOTES.values() if note.wikidata]
    assert with_ids, "the real site's entities have Wikidata ids"
    for note in NOTES.values():
        (data,) = json_ld(site, f"anotasi/{note.id}")
        entity = f"http://www.wikidata.org/entity/{note.wikidata}"
        identifying = [b for b in bodies.get(note.id, []) if b.get("purpose") == "identifying" and "wikidata" in b["source"]]
        if note.wikidata:
            assert data["about"]["sameAs"] == f"https://www.wikidata.org/wiki/{note.wikidata}", note.id
            assert identifying and all(b == {"type": "SpecificResource", "source": entity, "purpose": "identifying"} for b in identifying)
            describing = [b for b in bodies[note.id] if b.get("purpose") == "describing"]
            assert len(identifying) == len(describing), f"{note.id}: an identifying body beside each describing one"
        else:
            assert "sameAs" not in data.get("about", {}) and identifying == [], note.id


BAD = [
    (("reviewRating",), "Tidak lengkap", "'reviewRating' expects ['Rating']"),
    (("reviewRating", "@type"), "Person", "'reviewRating' expects ['Rating']"),
    (("itemReviewed", "appearance"), "tidak ada", "'appearance' expects ['CreativeWork']"),
    (("reviewRating", "verdict"), "Keliru", "schema.org has no property 'verdict'"),
    (("claimReviewed",), 3, "'claimReviewed' expects ['Text'], not a number"),
    (("itemReviewed", "reviewRating"), {"@type": "Rating"}, "'reviewRating' is not a property of ['Claim']"),
    (("@type",), "FactCheck", "schema.org has no type 'FactCheck'"),
    (("datePublished",), "31/12/2021", "'datePublished' expects ['Date', 'DateTime']"),
    (("url",), "anotasi/x/", "'url' expects ['URL']"),
]


@pytest.mark.parametrize(("path", "value", "words"), BAD, ids=[words for *_, words in BAD])
def test_the_vocabulary_check_catches_what_schema_org_does_not_define(site: Path, path: tuple, value: object, words: str) -> None:
    (data,) = json_ld(site, f"anotasi/{CLARIFICATIONS[0]}")
    assert schemaorg.problems(data) == []
    broken = copy.deepcopy(data)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert any(words in problem for problem in schemaorg.problems(broken)), schemaorg.problems(broken)


def test_a_claim_in_the_headline_links_to_the_headline_and_is_reviewed_there(make_site) -> None:
    title = ARTICLES[SEED_NAME].meta.title
    words = " ".join(title.split()[-6:])
    extra = f'claim: "{words}"\nverdict: unsupported\noriginal:\n  text: the withdrawal\n  language: en\n  source: 2\n  closest: true\n'
    built = make_site({"judul": note_text(title="Klarifikasi judul", kind="clarification", extra=extra)})
    assert built.ok, built.problems
    page = built.soup("anotasi/judul/index.html")
    review = page.select_one(".latar-note-page .latar-review")
    assert review is not None and squash(review.select_one(".latar-claim").get_text()) == words
    link = review.select_one(".latar-claim-source a")
    assert link["href"] == f"../../artikel/{SEED_NAME}/#latar-artikel"
    assert review.select_one(".latar-verdict").get_text() == VERDICT_LABELS["unsupported"]
    original = review.select_one("blockquote.latar-original")
    assert original["lang"] == "en" and "bahasa Inggris" in review.get_text() and "Resolusi Majelis Umum 68/262" in review.get_text()
    assert review.select_one(".latar-closest") is not None
    (data,) = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    assert data["@type"] == "ClaimReview" and data["itemReviewed"]["appearance"]["headline"] == title
    assert schemaorg.problems(data) == []
