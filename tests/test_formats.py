"""Open formats of the real site, checked against their specifications: Web Annotation, Open Graph,
schema.org, sitemaps. Iterates over whatever articles and notes exist."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from importlib import metadata
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

import wa_model
from conftest import FIXTURE_SEEDS, REAL_SITE_EPOCH, ROOT, SEED_NAME, SEEDS, note_text
from latar.outputs.cardcache import POOL_FROM, CardCache
from latar.outputs.cards import Card, draw

EPOCH = "1640995200"
EPOCH_ISO = "2022-01-01T00:00:00Z"
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
SITE_URL = CONFIG["site_url"]


pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    """The session's build of the real site, built with ``SOURCE_DATE_EPOCH`` = :data:`EPOCH`."""
    assert REAL_SITE_EPOCH == EPOCH
    return real_site


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed once (the tests only read it; a rebuilt site is in another folder)."""
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def articles() -> list[str]:
    return sorted(path.stem for path in SEEDS.glob("*.txt"))


def note_ids(site: Path) -> list[str]:
    return sorted(path.parent.name for path in (site / "anotasi").glob("*/index.html"))


def collection(site: Path) -> dict:
    return json.loads((site / "anotasi.jsonld").read_text("utf-8"))


def _z(value: str) -> str:
    return datetime.fromisoformat(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.cache
def git_dates(path: Path) -> tuple[str, str]:
    """(created, modified) of one file from ``git log --follow``; the build date if git does not know it or it has uncommitted changes."""
    log = subprocess.run(["git", "log", "--follow", "--format=%aI", "--", str(path)], cwd=ROOT, capture_output=True, text=True, check=False)
    dates = log.stdout.split() if log.returncode == 0 else []
    if not dates:
        return EPOCH_ISO, EPOCH_ISO
    dirty = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=ROOT, capture_output=True, text=True, check=False).stdout
    return _z(dates[-1]), EPOCH_ISO if dirty.strip() else _z(dates[0])


def latest(*paths: Path) -> str:
    return max(git_dates(path)[1] for path in paths)


def seed_files(name: str) -> list[Path]:
    return [SEEDS / f"{name}.txt", SEEDS / f"{name}.yml"]


def site_path(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL)


# Web Annotation


def test_annotation_collection_meets_every_must_and_the_shoulds(site: Path) -> None:
    data = collection(site)
    assert wa_model.problems(data) == []
    assert wa_model.missing_shoulds(data) == []
    assert data["id"] == SITE_URL + "anotasi.jsonld"
    assert data["first"]["partOf"] == data["id"] and data["last"] == data["first"]["id"] != data["id"]
    assert data["total"] >= len(note_ids(site)) > 0


def _valid() -> dict:
    item = {
        "id": "https://example.org/a#1",
        "type": "Annotation",
        "created": "2022-01-01T00:00:00Z",
        "body": {"type": "TextualBody", "value": "x", "format": "text/plain"},
        "target": {"source": "https://example.org/a", "selector": {"type": "TextPositionSelector", "start": 0, "end": 1}},
    }
    page = {"id": "https://example.org/c#p1", "type": "AnnotationPage", "partOf": "https://example.org/c", "items": [item]}
    return {"@context": wa_model.CONTEXT, "id": "https://example.org/c", "type": "AnnotationCollection", "first": page, "total": 1}


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ((), ("id", None), "5.1 the Collection must have exactly one IRI id"),
        (("first",), ("id", None), "5.2 the Page must have exactly one IRI id"),
        (("first",), ("partOf", {"id": "https://example.org/c"}), "5.2 partOf must be one IRI"),
        (("first", "items", 0), ("created", "2022-01-01T00:00:00+00:00"), "3.3.1 created"),
        (("first", "items", 0), ("target", []), "3.1 an Annotation must have one or more targets"),
        (("first", "items", 0, "target", "selector"), ("start", -1), "4.2.5"),
        (("first", "items", 0, "body"), ("value", None), "3.2.4"),
    ],
)
def test_the_model_checks_catch_what_the_specification_forbids(path: tuple, value: tuple, expected: str) -> None:
    data = _valid()
    assert wa_model.problems(data) == []
    node = copy.deepcopy(data)
    inner = node
    for key in path:
        inner = inner[key]
    inner[value[0]] = value[1]
    assert any(expected in problem for problem in wa_model.problems(node)), wa_model.problems(node)


def test_annotations_are_dated_by_their_notes_history_and_credit_the_project(site: Path) -> None:
    for item in collection(site)["first"]["items"]:
        note = item["body"][1]["source"].removeprefix(SITE_URL + "anotasi/").strip("/")
        created, modified = git_dates(ROOT / "docs" / "anotasi" / f"{note}.md")
        assert (item["created"], item.get("modified", item["created"])) == (created, modified), note
        assert item["creator"] == {"id": SITE_URL, "type": "Organization", "name": CONFIG["site_name"], "homepage": SITE_URL}
        assert item["generator"]["type"] == "Software"
        assert item["generator"]["name"] == f"latar {metadata.version('latar')}"
        body = item["body"][0]
        assert (body["type"], body["format"]) == ("TextualBody", "text/plain")
        assert "<" not in body["value"] and "*" not in body["value"]


def test_plain_text_is_published_and_a_second_target_points_into_it(site: Path) -> None:
    from latar.core.articles import load_articles  # noqa: PLC0415

    loaded, problems = load_articles(SEEDS, ROOT)
    assert problems == []
    items = collection(site)["first"]["items"]
    for article in loaded:
        text = (site / "artikel" / article.name / "teks.txt").read_text("utf-8")
        assert text == "".join(f"{paragraph}\n" for paragraph in article.paragraphs)
        mine = [item for item in items if item["id"].startswith(f"{SITE_URL}artikel/{article.name}/#")]
        assert mine
        for item in (i for i in mine if not on_headline(i)):  # the plain text holds no headline
            (target,) = [t for t in item["target"] if t["source"] == f"{SITE_URL}artikel/{article.name}/teks.txt"]
            quote, position = target["selector"]
            assert text[position["start"] : position["end"]] == quote["exact"]
            assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
            assert text.index(quote["prefix"] + quote["exact"] + quote["suffix"]) + len(quote["prefix"]) == position["start"]


def test_page_selectors_point_into_the_published_body_text(site: Path) -> None:
    """The text of the parsed page (every text node of the article body), not the seed."""
    items = collection(site)["first"]["items"]
    for name in articles():
        page = soup(site / "artikel" / name / "index.html")
        text = page.select_one(".latar-article-body").get_text()
        for item in (i for i in items if i["id"].startswith(f"{SITE_URL}artikel/{name}/#") and not on_headline(i)):
            target = item["target"][0]
            assert target["source"] == f"{SITE_URL}artikel/{name}/"
            quote, position = target["selector"]
            assert text[position["start"] : position["end"]] == quote["exact"]
            assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
            marker = page.select_one("#" + item["id"].split("#")[1])
            assert marker.find_previous_sibling(class_="latar-anchor").get_text() == quote["exact"]


def on_headline(item: dict) -> bool:
    """An annotation of the marker on the headline (its one target's selectors are scoped to the page's h1)."""
    return item["target"][0]["selector"][0]["type"] == "CssSelector"


def test_the_headline_marker_is_annotated_in_the_headline_text(site: Path) -> None:
    items = collection(site)["first"]["items"]
    seen = 0
    for name in articles():
        page = soup(site / "artikel" / name / "index.html")
        h1 = page.select_one("h1.latar-headline")
        refs = [sup["id"] for sup in h1.select("span.latar-anchor + sup.latar-ref")]
        mine = [i for i in items if i["id"].startswith(f"{SITE_URL}artikel/{name}/#") and on_headline(i)]
        assert [i["id"] for i in mine] == [f"{SITE_URL}artikel/{name}/#{ref}" for ref in refs], name
        for item in mine:
            (target,) = item["target"]
            assert target["source"] == f"{SITE_URL}artikel/{name}/"
            assert {s["type"] for s in target["selector"]} == {"CssSelector"} and {s["value"] for s in target["selector"]} == {
                "h1.latar-headline"
            }
            quote, position = (s["refinedBy"] for s in target["selector"])
            text = h1.get_text()
            assert text[position["start"] : position["end"]] == quote["exact"] == h1.select_one(".latar-anchor").get_text()
            assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
            note = item["body"][1]["source"].removeprefix(SITE_URL + "anotasi/").strip("/")
            assert note == h1.select_one(".latar-anchor")["data-latar-note"]
            seen += 1
    assert seen, "the real article's headline carries a marker (klarifikasi-judul)"


# Cards, Open Graph, JSON-LD


def shared_pages(site: Path) -> list[Path]:
    pages = [site / "artikel" / name / "index.html" for name in articles()]
    return pages + [site / "anotasi" / note / "index.html" for note in note_ids(site)]


def test_every_article_and_note_page_has_a_card_open_graph_and_json_ld(site: Path) -> None:
    descriptions = []
    pages = shared_pages(site)
    for path in pages:
        page = soup(path)
        og = {m["property"]: m["content"] for m in page.select("head meta[property]")}
        named = {m["name"]: m["content"] for m in page.select("head meta[name]")}
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:type", "og:site_name"):
            assert og.get(key), (path, key)
        assert og["og:url"] == page.select_one('link[rel="canonical"]')["href"]
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        assert named["twitter:card"] == "summary_large_image"
        with Image.open(site_path(site, og["og:image"])) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), path
        (script,) = page.select('head script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@type"] in {"NewsArticle", "Article", "ClaimReview"} and data["image"]["url"] == og["og:image"]
        assert named["description"] == og["og:description"] != CONFIG["site_description"]
        words = og["og:image:alt"].replace("·", ":").split(":")
        assert not any(a.strip() == b.strip() for a, b in pairwise(words)), f"the card says a word twice: {og['og:image:alt']}"
        descriptions.append(named["description"])
    assert len(set(descriptions)) == len(pages) >= 2, "every page describes itself"


def test_note_pages_describe_an_article_about_the_subject_or_review_a_claim(site: Path) -> None:
    for note in note_ids(site):
        page = soup(site / "anotasi" / note / "index.html")
        data = json.loads(page.select_one('head script[type="application/ld+json"]').string)
        if data["@type"] == "ClaimReview":  # a clarification's page reviews the article's claim (test_claimreview.py)
            assert data["headline"] == page.select_one("h1").get_text()
        else:
            assert data["@type"] == "Article" and data["about"]["name"] == page.select_one("h1").get_text()
        assert data["url"] == f"{SITE_URL}anotasi/{note}/"
        assert data["citation"] and all(c["url"].startswith("https://") for c in data["citation"])
        created, modified = git_dates(ROOT / "docs" / "anotasi" / f"{note}.md")
        assert (data["datePublished"], data["dateModified"]) == (created, modified)


def test_news_article_has_image_dates_publisher_url_source_and_says_who_wrote_it(site: Path) -> None:
    for name in articles():
        page = soup(site / "artikel" / name / "index.html")
        data = json.loads(page.select_one('head script[type="application/ld+json"]').string)
        meta = yaml.safe_load((SEEDS / f"{name}.yml").read_text("utf-8"))
        assert data["isBasedOn"] == meta["source_url"]
        assert data["publisher"]["url"].startswith("https://") and meta["source_url"].startswith(data["publisher"]["url"])
        assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)
        notes = [li["id"].removeprefix("latar-fn-") for li in page.select(".latar-footnotes li.latar-note")]
        assert data["dateModified"] == latest(*seed_files(name), *(ROOT / "docs" / "anotasi" / f"{n}.md" for n in notes))
        if meta.get("author"):
            assert data["author"] == {"@type": "Person", "name": meta["author"]}
        else:
            assert data["author"] == data["publisher"]
            assert "tidak tercantum" in data["creditText"]


def test_a_named_author_is_a_person_and_dates_fall_back_to_source_date_epoch(make_site, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    seed_meta = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8") + 'author: "Nama Penulis"\n'
    built = make_site({"krimea": note_text()}, articles={SEED_NAME: ((FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes(), seed_meta)})
    assert built.ok, built.warnings
    data = json.loads(built.soup(f"artikel/{SEED_NAME}/index.html").select_one('script[type="application/ld+json"]').string)
    assert data["author"] == {"@type": "Person", "name": "Nama Penulis"} and "creditText" not in data
    assert data["dateModified"] == EPOCH_ISO  # the project is not a git checkout
    (item,) = json.loads((built.site / "anotasi.jsonld").read_text("utf-8"))["first"]["items"]
    assert item["created"] == EPOCH_ISO and "modified" not in item
    assert set(ET.parse(built.site / "sitemap.xml").getroot().itertext()) >= {EPOCH_ISO}


def test_cards_are_cached_by_content(make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "cache"))
    built = make_site({"krimea": note_text()})
    cache = tmp_path / "cache" / "kartu"
    cached = sorted(cache.glob("*.png"))
    card = built.site / "anotasi" / "krimea" / "kartu.png"
    assert len(cached) == 2 and card.read_bytes() in {path.read_bytes() for path in cached}
    assert card.stat().st_ino in {path.stat().st_ino for path in cached}, "a cached card is hard-linked into the site, not copied"
    marked = Image.new("RGB", (1200, 630), "red")
    for path in cached:
        marked.save(path, format="PNG")
    rebuilt = make_site({"krimea": note_text()})
    assert card.read_bytes() == cached[0].read_bytes(), "an unchanged card is read from the cache, not drawn again"
    make_site({"krimea": note_text(title="Krimea (semenanjung)")}, site_dir=rebuilt.site)
    with Image.open(card) as image:
        assert image.getpixel((5, 5)) != (255, 0, 0), "a changed title draws a new card"
    assert len(list(cache.glob("*.png"))) == 2, "the old card leaves the cache"


def test_a_cold_cache_draws_in_processes_the_cards_this_process_draws(tmp_path: Path) -> None:
    cards = {tmp_path / "site" / f"n{i}" / "kartu.png": Card("Catatan", f"Judul ke-{i}", "Rincian", "Situs") for i in range(2 * POOL_FROM)}
    cache = CardCache(tmp_path / "kartu")
    keys = cache.place(cards)
    assert cache.drawn == len(keys) == len(cards)
    for path, card in cards.items():
        assert path.read_bytes() == draw(card), f"{path} differs from the card drawn in this process"
    again = CardCache(tmp_path / "kartu")
    again.place(cards)
    assert again.drawn == 0, "a warm cache draws nothing"


# Sitemap


def test_sitemap_lists_each_canonical_address_once_with_its_real_last_change(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    entries = {url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns) for url in urls}
    assert len(entries) == len(urls), "an address is listed twice"
    canonicals = {}
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        link = soup(path).select_one('link[rel="canonical"]')
        canonicals[path] = link["href"]
    assert set(entries) == set(canonicals.values())
    assert SITE_URL not in entries, "the home page's canonical is its article's permanent address"
    assert canonicals[site / "index.html"] in entries
    for name in articles():
        page = soup(site / "artikel" / name / "index.html")
        notes = [li["id"].removeprefix("latar-fn-") for li in page.select(".latar-footnotes li.latar-note")]
        expected = latest(*seed_files(name), *(ROOT / "docs" / "anotasi" / f"{n}.md" for n in notes))
        assert entries[f"{SITE_URL}artikel/{name}/"] == expected
    for note in note_ids(site):
        backlinks = soup(site / "anotasi" / note / "index.html").select(".latar-backlinks a")
        shown = {link["href"].split("artikel/")[1].split("/")[0] for link in backlinks}
        expected = latest(ROOT / "docs" / "anotasi" / f"{note}.md", *(f for name in sorted(shown) for f in seed_files(name)))
        assert entries[f"{SITE_URL}anotasi/{note}/"] == expected, note
