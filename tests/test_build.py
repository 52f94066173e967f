"""Real MkDocs builds of small sites, and a strict build of the real site."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import FIXTURE_SEEDS, MKDOCS_YML, ROOT, SEED_NAME, SEED_SHA256, SITE_NOTES, SOURCE_URL, BuiltSite, note_text, write_project

NOTES = SITE_NOTES


def article_text(soup) -> list[str]:
    body = soup.select_one(".latar-article-body")
    for marker in body.select("sup.latar-ref"):
        marker.decompose()
    return [p.get_text() for p in body.select("p")]


def test_article_page_has_footnotes_for_each_note(fixture_site: BuiltSite) -> None:
    built = fixture_site
    soup = built.soup()
    refs = soup.select(".latar-article-body sup.latar-ref > a.footnote-ref")
    assert [a["data-latar-number"] for a in refs][:2] == ["1", "2"]  # the number is CSS generated content
    assert {a.get_text() for a in refs} == {""}, "marker digits are not article text"
    assert {a["href"] for a in refs} == {"#latar-fn-krimea", "#latar-fn-nato", "#latar-fn-krisis-rudal-kuba"}
    items = soup.select("div.footnote > ol > li")
    assert [li["id"] for li in items] == ["latar-fn-krimea", "latar-fn-nato", "latar-fn-krisis-rudal-kuba"]
    nato = soup.select_one("#latar-fn-nato")
    backrefs = nato.select("a.footnote-backref")
    assert len(backrefs) == len(soup.select('a.footnote-ref[href="#latar-fn-nato"]')) >= 3
    for back in backrefs:
        assert soup.select_one(f"#{back['href'][1:]}") is not None
    assert nato.select_one(".latar-kind").get_text() == "Lembaga"
    assert nato.select_one("em").get_text() == "militer"
    assert nato.select_one("a.latar-more")["href"] == "anotasi/nato/"
    phrase = soup.select_one('.latar-anchor[data-latar-note="krimea"]')
    assert phrase.get_text() == "Krimea"
    assert phrase.find_next_sibling("sup")["id"] == "latar-ref-krimea"


def test_published_text_equals_the_seed(fixture_site: BuiltSite) -> None:
    built = fixture_site
    lines = (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_text("utf-8").split("\n")
    assert article_text(built.soup()) == [unicodedata.normalize("NFC", line) for line in lines[1:30]]
    assert hashlib.sha256((built.root / "seeds" / f"{SEED_NAME}.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_byline_dateline_and_source_box(fixture_site: BuiltSite) -> None:
    soup = fixture_site.soup()
    assert soup.select_one(".latar-dateline").get_text() == "Intisari - Online.com -"
    assert soup.select_one(".latar-byline .latar-author").get_text() == "Penulis tidak disebutkan"
    assert soup.select_one(".latar-byline .latar-preamble") is None  # preamble lines are listed in the source box only
    assert "Penulis" in soup.select_one("aside.latar-source .latar-facts").get_text()
    box = soup.select_one("aside.latar-source")
    assert "Intisari Online" in box.get_text()
    assert box.select_one('time[datetime="2021-12-31"]') is not None
    assert box.select_one('a[href^="https://intisari.grid.id/"]') is not None
    assert "disimpulkan" in box.get_text()
    assert soup.select_one("aside.latar-postscript blockquote p").get_text().startswith("Ingin mendapatkan")
    assert soup.select_one("h1").get_text().startswith("Padahal Terasa Perang")


def test_note_page_links_back_to_each_spot(fixture_site: BuiltSite) -> None:
    built = fixture_site
    page = built.soup("anotasi/nato/index.html")
    assert page.select_one("h1").get_text() == "NATO"
    backlinks = page.select(".latar-backlinks a")
    assert len(backlinks) >= 3
    article = built.soup(f"artikel/{SEED_NAME}/index.html")
    for link in backlinks:
        path, fragment = link["href"].split("#")
        assert path == f"../../artikel/{SEED_NAME}/"  # the article's permanent address, not the home page
        assert article.select_one(f"#{fragment}") is not None
    sources = page.select(".latar-sources li")
    assert sources[0].select_one("a")["href"] == SOURCE_URL
    index = built.soup("anotasi/index.html")
    titles = {h2["id"]: [a["href"] for a in h2.find_next_sibling("ul").select("li > a:first-child")] for h2 in index.select("h2")}
    assert titles == {"jenis-place": ["krimea/"], "jenis-organization": ["nato/"], "jenis-event": ["krisis-rudal-kuba/"]}


def test_authors_own_footnotes_do_not_clash(make_site) -> None:
    """A maintainer's own page (listed in ``allowed_files``: nothing else under docs/ but notes is published)."""
    config = MKDOCS_YML.replace("  - latar\n", "  - latar:\n      allowed_files: [tentang.md]\n")
    built = make_site(NOTES, docs={"tentang.md": "# Tentang\n\nTeks NATO[^1].\n\n[^1]: Catatan penulis.\n"}, config=config)
    assert built.ok, built.warnings
    soup = built.soup("tentang/index.html")
    assert soup.select_one("#fn\\:1") is not None
    assert soup.select_one(".latar-anchor") is None


def test_orphan_anchor_fails_strict_build_naming_the_file(make_site) -> None:
    notes = {**NOTES, "hantu": note_text(title="Hantu", anchors="  - text: krisis rudal Kubah\n")}
    built = make_site(notes)
    assert not built.ok
    message = next(m for m in built.warnings if "hantu" in m)
    assert "docs/anotasi/hantu.md:6" in message
    assert "krisis rudal Kubah" in message and "'krisis rudal Kuba'" in message


def test_quiet_strict_build_still_fails_on_a_problem(tmp_path: Path) -> None:
    """``mkdocs build --strict -q`` hides warnings from MkDocs' strict count; latar's problems must still stop it."""
    notes = {**NOTES, "hantu": note_text(title="Hantu", anchors="  - text: krisis rudal Kubah\n")}
    root = write_project(tmp_path / "project", notes)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/anotasi/hantu.md:6" in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (note_text(title="[x"), "invalid YAML"),
        (note_text().replace("summary: Semenanjung di Laut Hitam.\n", ""), "missing required field 'summary'"),
        (note_text(kind="tokoh"), "'kind' is 'tokoh'"),
        (note_text().replace(SOURCE_URL, "http://example.org/a"), "must be an https:// address"),
        ("---\ntitle: Kr\xe9mea\n".encode("latin-1") + b"---\n", "not UTF-8"),
    ],
)
def test_bad_note_is_said_and_left_out_and_nothing_else_is(make_site, text, expected: str) -> None:
    """Without ``--strict`` (as ``mkdocs serve`` builds) the problem is said and every other note is published.
    That a strict build fails on such a note, saying what ``latar check`` says, is ``test_bad_input``'s (end to end)."""
    lenient = make_site({**NOTES, "rusak": text}, strict=False)
    assert any("docs/anotasi/rusak.md" in m and expected in m for m in lenient.warnings), lenient.warnings
    assert lenient.ok
    assert not (lenient.site / "anotasi" / "rusak").exists()
    assert len(lenient.soup().select("div.footnote li")) == 3


def test_second_article_is_two_files(make_site) -> None:
    meta = "title: Artikel kedua\nsource_url: https://www.kabarpesisir.id/b\npublisher: Contoh\npublished: '2022-01-05'\nlanguage: id\n"
    seed_meta = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8")
    seed_text = (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes()
    built = make_site(NOTES, articles={SEED_NAME: (seed_text, seed_meta), "kedua": ("NATO bertemu di Brussel.\n", meta)})
    assert built.ok, built.warnings
    home = built.soup()
    assert home.select_one("h1").get_text() == "Artikel kedua"
    assert home.select_one('link[rel="canonical"]')["href"] == "https://example.org/latar/artikel/kedua/"
    assert built.soup("artikel/kedua/index.html").select_one("h1").get_text() == "Artikel kedua"
    older = built.soup(f"artikel/{SEED_NAME}/index.html")
    assert older.select_one('a.footnote-ref[href="#latar-fn-krimea"]') is not None
    assert older.select_one("#latar-fn-krimea a.latar-more")["href"] == "../../anotasi/krimea/"
    nato = built.soup("anotasi/nato/index.html")
    hrefs = [a["href"] for a in nato.select(".latar-backlinks a")]
    assert "../../artikel/kedua/#latar-ref-nato" in hrefs and f"../../artikel/{SEED_NAME}/#latar-ref-nato" in hrefs


def test_web_annotations_point_at_the_page_text_and_the_plain_text(fixture_site: BuiltSite) -> None:
    built = fixture_site
    data = json.loads((built.site / "anotasi.jsonld").read_text("utf-8"))
    page_text = built.soup(f"artikel/{SEED_NAME}/index.html").select_one(".latar-article-body").get_text()
    plain = (built.site / "artikel" / SEED_NAME / "teks.txt").read_text("utf-8")
    assert plain == "".join(
        unicodedata.normalize("NFC", line) + "\n" for line in (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_text("utf-8").split("\n")[1:30]
    )
    assert data["type"] == "AnnotationCollection" and data["total"] == len(data["first"]["items"]) >= 5
    for item in data["first"]["items"]:
        assert item["id"].startswith(f"https://example.org/latar/artikel/{SEED_NAME}/#latar-ref-"), item["id"]
        assert item["body"][1]["source"].startswith("https://example.org/latar/anotasi/")
        page, text = item["target"]
        assert page["source"] == f"https://example.org/latar/artikel/{SEED_NAME}/"
        assert text["source"] == f"https://example.org/latar/artikel/{SEED_NAME}/teks.txt"
        for target, content in ((page, page_text), (text, plain)):
            quote, position = target["selector"]
            assert content[position["start"] : position["end"]] == quote["exact"]
            assert content[: position["start"]].endswith(quote["prefix"])
            assert content[position["end"] :].startswith(quote["suffix"])
            assert content.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1


@pytest.mark.content
def test_real_site_builds_strict(real_site: Path) -> None:
    """The session's strict build of the real site (a warning would have stopped it) publishes every note."""
    notes = sorted(path.stem for path in (ROOT / "docs" / "anotasi").glob("*.md") if path.name != "index.md")
    assert notes
    assert [note for note in notes if not (real_site / "anotasi" / note / "index.html").is_file()] == []


def test_article_page_has_news_article_json_ld_and_open_graph(fixture_site: BuiltSite) -> None:
    soup = fixture_site.soup()
    (script,) = soup.select('head script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Padahal Terasa Perang")
    assert (data["datePublished"], data["inLanguage"]) == ("2021-12-31", "id")
    assert data["publisher"] == {"@type": "Organization", "name": "Intisari Online", "url": "https://intisari.grid.id/"}
    assert data["isBasedOn"].startswith("https://intisari.grid.id/")
    permanent = f"https://example.org/latar/artikel/{SEED_NAME}/"  # the home page is a copy; shares point here
    assert data["url"] == permanent
    og = {m["property"]: m["content"] for m in soup.select("head meta[property]")}
    assert og["og:type"] == "article" and og["og:url"] == permanent
    assert soup.select_one('link[rel="canonical"]')["href"] == permanent
    assert og["og:title"] == data["headline"]


def test_note_page_offers_edit_and_prefilled_correction(make_site) -> None:
    config = MKDOCS_YML.replace("  - latar\n", "  - latar:\n      repository: https://github.com/contoh/latar\n")
    soup = make_site(NOTES, config=config).soup("anotasi/krimea/index.html")
    edit, correction = (a["href"] for a in soup.select(".latar-actions a"))
    assert edit == "https://github.com/contoh/latar/edit/main/docs/anotasi/krimea.md"
    query = parse_qs(urlsplit(correction).query)
    assert query["template"] == ["koreksi-fakta.yml"]
    assert query["catatan"] == ["docs/anotasi/krimea.md"]
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "koreksi-fakta.yml").read_text("utf-8"))
    assert "catatan" in [field.get("id") for field in form["body"]]


def test_renamed_article_and_note_keep_their_old_addresses(make_site) -> None:
    seed_meta = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8") + "redirect_from:\n  - putin-biden-lama\n"
    notes = {**NOTES, "krimea": note_text(extra="redirect_from:\n  - semenanjung-krimea\n")}
    built = make_site(notes, articles={SEED_NAME: ((FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes(), seed_meta)})
    assert built.ok, built.warnings
    for old, new, title in (
        ("artikel/putin-biden-lama", f"../{SEED_NAME}/", "Padahal Terasa Perang"),
        ("anotasi/semenanjung-krimea", "../krimea/", "Krimea"),
    ):
        page = built.soup(f"{old}/index.html")
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={new}"
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == "https://example.org/latar/" + old.split("/")[0] + "/" + new.removeprefix("../")
        link = page.select_one("body a")
        assert link["href"] == new and link.get_text().startswith(title)
        assert (built.site / old / new / "index.html").resolve().is_file()


def test_a_former_name_that_is_taken_is_a_problem(make_site) -> None:
    notes = {**NOTES, "krimea": note_text(extra="redirect_from:\n  - nato\n")}
    line = notes["krimea"].split("\n").index("  - nato") + 1
    built = make_site(notes)
    assert not built.ok
    assert any(f"docs/anotasi/krimea.md:{line}: redirect_from names 'nato', but the note 'nato' exists" in m for m in built.warnings), (
        built.warnings
    )


def test_articles_list_newest_first_and_each_footer_names_its_own_rights(make_site) -> None:
    meta = (
        "title: Artikel kedua\nsource_url: https://www.kabarpesisir.id/b\npublisher: Kabar Pesisir\npublished: '2022-01-05'\nlanguage: id\n"
        "rights: Teks © 2022 Kabar Pesisir.\n"
    )
    config = MKDOCS_YML + "copyright: Catatan latar © kontributor.\n"
    seed = ((FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes(), (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8"))
    built = make_site(NOTES, articles={SEED_NAME: seed, "kedua": ("NATO bertemu di Brussel.\n", meta)}, config=config)
    assert built.ok, built.warnings
    items = built.soup("artikel/index.html").select(".latar-articles-list > li")
    assert [li.select_one("a")["href"] for li in items] == ["kedua/", f"{SEED_NAME}/"]
    assert [li.select_one("time")["datetime"] for li in items] == ["2022-01-05", "2021-12-31"]
    assert "Kabar Pesisir" in items[0].get_text() and "1 catatan latar" in items[0].get_text()
    assert "3 catatan latar" in items[1].get_text()

    def footer(path: str) -> str:
        return " ".join(built.soup(path).select_one(".md-copyright__highlight").get_text().split())

    assert footer("artikel/kedua/index.html") == "Teks © 2022 Kabar Pesisir. Catatan latar © kontributor."
    assert footer("index.html") == "Teks © 2022 Kabar Pesisir. Catatan latar © kontributor."
    assert footer(f"artikel/{SEED_NAME}/index.html") == "Teks artikel © Intisari Online. Catatan latar © kontributor."
    assert footer("anotasi/nato/index.html") == "Catatan latar © kontributor."


def test_a_lenient_build_publishes_no_problem_banner(make_site) -> None:
    built = make_site({**NOTES, "rusak": note_text(kind="tokoh")}, strict=False)
    assert built.ok
    assert not list(built.site.rglob("*.html")) or all("latar-problems" not in p.read_text("utf-8") for p in built.site.rglob("*.html"))
    assert not (built.site / "anotasi" / "rusak").exists()
