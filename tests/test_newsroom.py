"""A newsroom adds an article of another publisher as two files, and everything still holds.

The project is copied to ``tmp_path``; the new article (a share label first, a "Baca juga:" line
in the middle, a promo last) mentions phrases that existing notes anchor, chosen from the notes
themselves, so the test does not depend on which notes exist today.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import pick_marker, serve
from conftest import ROOT
from latar.core.notes import load_notes
from sitecheck import Project, all_failures

pytestmark = pytest.mark.content  # a copy of the real project plus one article
NAME = "kabarpesisir-2022-01-09-festival-layang-layang"
SHARE = "Bagikan: Facebook Twitter WhatsApp"
PROMO = "Dapatkan berita pilihan setiap pagi: ikuti saluran WhatsApp Kabar Pesisir."
META = """\
title: "Festival Layang-Layang Kembali Digelar di Pantai Sanur"
source_url: "https://www.kabarpesisir.id/2022/01/09/festival-layang-layang"
publisher: "Kabar Pesisir"
published: "2022-01-09"
language: id
author: "Ni Luh Ayu"
preamble_lines: 1
preamble_label: "Tombol berbagi di halaman sumber"
postscript_lines: 1
publisher_lines:
  - '^Baca( juga)?:'
dateline: "SANUR, KABARPESISIR.id -"
rights: "Teks artikel © 2022 Kabar Pesisir. Dimuat ulang dengan izin."
"""


def phrases(root: Path) -> list[str]:
    """Three phrases that existing notes anchor anywhere (no prefix, suffix or case rule), from three notes."""
    chosen: dict[str, str] = {}
    for note in load_notes(root / "docs" / "anotasi", root)[0]:
        for anchor in note.anchors:
            if not (anchor.prefix or anchor.suffix or anchor.case_sensitive) and note.id not in chosen:
                chosen[note.id] = anchor.text
    assert len(chosen) >= 3, "the project needs at least three notes"
    return list(chosen.values())[:3]


def article_text(first: str, second: str, aside: str) -> str:
    return "\n".join(
        [
            SHARE,
            "",
            "SANUR, KABARPESISIR.id - Festival layang-layang tahunan kembali digelar di Pantai Sanur pada Minggu (9/1/2022); "
            f"dalam sambutannya panitia menyinggung {first} di depan ribuan warga.",
            "",
            "Ribuan warga datang sejak pagi untuk melihat layang-layang raksasa berbentuk naga dan ikan.",
            "",
            f"Baca juga: Hujan Deras, Festival Sempat Ditunda; {aside} Ikut Dibahas",
            "",
            f"Dalam laporan penutupnya, panitia juga menyebut {second} sebelum hadiah dibagikan.",
            "",
            PROMO,
            "",
        ]
    )


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> tuple[Project, list[str]]:
    root = tmp_path_factory.mktemp("newsroom") / "project"
    for folder in ("docs", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    first, second, aside = phrases(root)
    (root / "seeds" / f"{NAME}.txt").write_text(article_text(first, second, aside), encoding="utf-8")
    (root / "seeds" / f"{NAME}.yml").write_text(META, encoding="utf-8")
    latar = [sys.executable, "-m", "latar.cli"]
    check = subprocess.run([*latar, "check"], cwd=root, capture_output=True, text=True, check=False)
    assert check.returncode == 1 and all(
        line.startswith(f"seeds/{NAME}.txt:") and "newly lands" in line for line in check.stdout.splitlines()
    )
    subprocess.run([*latar, "placements", "accept", NAME], cwd=root, capture_output=True, text=True, check=True)
    check = subprocess.run([*latar, "check"], cwd=root, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    built = mkdocs(root, "build", "--strict", "-d", "site")
    assert built.returncode == 0, built.stderr[-3000:]
    assert "WARNING" not in built.stderr
    return Project.load(root, root / "site"), [first, second, aside]


def test_content_checks_hold_for_both_articles(newsroom) -> None:
    project, _ = newsroom
    assert [a.name for a in project.articles][:1] == [NAME] and len(project.articles) >= 2
    assert all_failures(project) == []


def test_publisher_lines_stay_in_place_and_out_of_the_text(newsroom) -> None:
    project, (first, second, aside) = newsroom
    soup = project.soup(f"artikel/{NAME}/index.html")
    body = soup.select_one(".latar-article-body")
    blocks = body.find_all(["p", "aside"], recursive=False)
    assert [b.name for b in blocks] == ["p", "p", "aside", "p"]
    assert blocks[2].get_text() == f"Baca juga: Hujan Deras, Festival Sempat Ditunda; {aside} Ikut Dibahas"
    assert blocks[2].select(".latar-anchor") == [] and blocks[2].has_attr("data-search-exclude")
    marked = {m.get_text().casefold() for m in body.select(".latar-anchor")}
    assert {first.casefold(), second.casefold()} <= marked
    assert soup.select_one(".latar-byline .latar-author").get_text() == "Penulis: Ni Luh Ayu"
    assert SHARE not in soup.select_one(".latar-byline").get_text()
    assert SHARE in soup.select_one("aside.latar-source").get_text()
    assert soup.select_one("aside.latar-postscript blockquote p").get_text() == PROMO
    assert soup.select_one(".md-copyright .latar-rights").get_text() == "Teks artikel © 2022 Kabar Pesisir. Dimuat ulang dengan izin."
    older = project.soup(f"artikel/{project.articles[1].name}/index.html").select_one(".md-copyright")
    assert "Kabar Pesisir" not in older.get_text()


def test_web_annotations_leave_publisher_lines_out(newsroom) -> None:
    """The article's plain text (teks.txt, the annotations' text target) holds its paragraphs, no publisher line."""
    project, _ = newsroom
    text = (project.site / "artikel" / NAME / "teks.txt").read_text("utf-8")
    assert text == "".join(f"{paragraph}\n" for paragraph in project.articles[0].paragraphs)
    assert not any(line in text for line in (SHARE, PROMO, "Baca juga"))
    data = json.loads((project.site / "anotasi.jsonld").read_text("utf-8"))
    targets = [t for item in data["first"]["items"] for t in item["target"] if t["source"].endswith(f"/artikel/{NAME}/teks.txt")]
    assert len(targets) >= 2
    for target in targets:
        quote, position = target["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(quote["suffix"])


def test_home_page_is_the_new_article_and_the_list_has_both(newsroom) -> None:
    project, _ = newsroom
    assert project.soup("index.html").select_one("h1").get_text() == project.articles[0].meta.title
    assert project.soup("index.html").select_one('link[rel="canonical"]')["href"].endswith(f"/artikel/{NAME}/")
    listed = [a["href"] for a in project.soup("artikel/index.html").select(".latar-articles-list > li > a")]
    assert listed[0] == f"{NAME}/" and len(listed) == len(project.articles)


@pytest.mark.browser
def test_a_marker_shows_its_note_in_both_articles(browser, newsroom) -> None:
    project, _ = newsroom
    server, origin = serve(project.site)
    page = browser.new_page(viewport={"width": 1024, "height": 900})  # tooltips: below the margin notes' 1200 px
    try:
        for article in project.articles:
            marker = pick_marker(project.site, project.root, article.name)
            page.goto(origin + marker.page)
            page.hover(marker.selector)
            page.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")
            assert marker.title in page.locator(".md-tooltip2").inner_text(), article.name
            page.mouse.move(0, 0)
            page.keyboard.press("Escape")
            page.reload()
            page.focus(marker.selector)
            page.wait_for_selector(".md-tooltip2 .latar-note-title", state="visible")
            assert marker.title in page.locator(".md-tooltip2").inner_text(), article.name
        page.goto(origin + f"/artikel/{NAME}/")  # the publisher's asides pass axe too
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    finally:
        page.close()
        server.shutdown()


def test_placements_count_paragraphs_not_publisher_lines(newsroom) -> None:
    """``latar check --placements`` names each landing's paragraph and line; publisher lines are not paragraphs."""
    project, (first, second, _) = newsroom
    result = subprocess.run(
        [sys.executable, "-m", "latar.cli", "check", "--placements"], cwd=project.root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    landings = [line for line in result.stdout.splitlines() if f" {NAME} paragraph " in line]
    lines = (project.root / "seeds" / f"{NAME}.txt").read_text("utf-8").split("\n")
    assert any(f"paragraph 1 (seeds/{NAME}.txt:3)" in line and f"[{first}]" in line for line in landings), landings
    assert any(f"paragraph 3 (seeds/{NAME}.txt:9)" in line and f"[{second}]" in line for line in landings), landings
    assert lines[2].startswith("SANUR") and lines[8].startswith("Dalam laporan")
