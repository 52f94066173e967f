"""The notes as journalism: coverage of every reference, sources, lengths, dates, and the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT
from latar.notes import load_notes
from latar.pages import DATED_KINDS

NOTES, PROBLEMS, UNPUBLISHED = load_notes(ROOT / "docs" / "anotasi", ROOT)
BY_ID = {note.id: note for note in NOTES}

# Each coverage item of the notes issue: the note that explains it and the phrase of its first mention.
COVERAGE = [
    ("Vladimir Putin", "vladimir-putin", "Vladimir Putin"),
    ("Joe Biden", "joe-biden", "Joe Biden"),
    ("Yury Ushakov", "yury-ushakov", "Yury Ushakov"),
    ("Jen Psaki", "jen-psaki", "Jen Psaki"),
    ("the Kremlin", "kremlin", "Kremlin"),
    ("Gedung Putih", "gedung-putih", "Gedung Putih"),
    ("RT", "rt", "RT"),
    ("The Guardian", "the-guardian", "The Guardian"),
    ("NATO", "nato", "NATO"),
    ("the OSCE", "osce", "Organisasi Keamanan"),
    ("Krimea 2014", "krimea", "Krimea"),
    ("separatists in eastern Ukraine", "separatis-donbas", "kelompok separatis di Ukraina timur"),
    ("troop build-up", "pengerahan-pasukan", "puluhan ribu pasukan"),
    ("7 December video call", "panggilan-video-7-desember", "pembicaraan kedua antara kedua pemimpin"),
    ("security proposals", "proposal-keamanan", "proposal keamanan"),
    ("'senjata ofensif' claim", "senjata-ofensif", "senjata ofensif"),
    ("sanctions", "sanksi", "sanksi"),
    ("Geneva talks", "perundingan-jenewa", "Jenewa"),
    ("NATO-Russia Council", "dewan-nato-rusia", "Brussel"),
    ("OSCE meeting in Vienna", "pertemuan-osce-wina", "Wina"),
    ("NATO enlargement eastward", "perluasan-nato", "ekspansi aliansi militer NATO ke arah timur"),
    ("Cuban missile crisis", "krisis-rudal-kuba", "krisis rudal Kuba"),
    ("RT is not a newspaper", "rt-bukan-surat-kabar", "surat kabar"),
    ("how the January talks ended", "hasil-perundingan-januari", "tiga pembicaraan keamanan penting"),
    ("the invasion of 24 February 2022", "invasi-2022", "menyangkal berencana menyerang Ukraina"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("content") / "site"
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True))
    return out


def test_every_note_validates() -> None:
    assert PROBLEMS == [] and UNPUBLISHED == []
    assert len(NOTES) >= len({note_id for _, note_id, _ in COVERAGE})


@pytest.mark.parametrize(("item", "note_id", "phrase"), COVERAGE, ids=[c[0] for c in COVERAGE])
def test_coverage_item_is_anchored_at_its_first_mention(site: Path, item: str, note_id: str, phrase: str) -> None:
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    body = soup.select_one(".latar-article-body")
    marks = body.select(f'.latar-anchor[data-latar-note="{note_id}"]')
    assert marks, f"{item}: note {note_id} is not anchored"
    assert marks[0].get_text() == phrase
    for sup in body.select("sup.latar-ref"):
        sup.decompose()
    text = body.get_text()
    before_mark = "".join(str(s) for s in marks[0].find_all_previous(string=True) if body in s.parents)
    assert text.find(phrase) == len(before_mark), f"{item}: not the first mention of '{phrase}'"


@pytest.mark.parametrize("note", NOTES, ids=lambda n: n.id)
def test_note_quality_rules(note) -> None:
    """The rules themselves live in the validator (latar.rules), shared by check, build and CI: none is broken here."""
    assert [str(problem) for problem in note.problems] == []


def test_kinds_cover_clarification_and_aftermath() -> None:
    kinds = {note.kind for note in NOTES}
    assert {"person", "organization", "event", "clarification", "aftermath"} <= kinds


def test_timeline_is_in_order_and_places_the_article(site: Path) -> None:
    soup = BeautifulSoup((site / "linimasa" / "index.html").read_text("utf-8"), "html.parser")
    entries = soup.select(".latar-timeline > li")
    dates = [li.select_one("time")["datetime"] for li in entries]
    padded = [(d + "-00-00")[:10] if len(d) == 4 else (d + "-00")[:10] if len(d) == 7 else d for d in dates]
    assert padded == sorted(padded)
    assert "1962-10" in dates and "2022-02-24" in dates
    article = soup.select_one(".latar-timeline-article")
    assert article.select_one("time")["datetime"] == "2021-12-31"
    assert dates.index("2021-12-17") < dates.index("2021-12-31") < dates.index("2022-01-10")
    for link in soup.select(".latar-timeline a"):
        target = (site / "linimasa" / link["href"]).resolve()
        assert (target / "index.html").is_file() or target.is_file()
    dated = [note for note in NOTES if note.date and note.kind in DATED_KINDS]  # events only, not clarifications
    assert len(entries) == len(dated) + 1
