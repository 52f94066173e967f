"""Search (issues #13, #24): latar's own index behind Material's search box, in a real Chromium, on a site served
under /latar/.

The fixture's notes hold only other forms of the words searched for (serangan, diserang; mengerahkan), so
finding them proves Indonesian stemming, whatever the real content says.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser import serve
from conftest import BODY, note_text

pytestmark = pytest.mark.browser

CONFIG = """\
site_name: uji
site_url: https://example.org/latar/
theme:
  name: material
  language: id
  font: false
  features: [content.footnote.tooltips, search.highlight]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/brightness-7, name: Ganti ke mode gelap}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/brightness-4, name: Ganti ke mode terang}
plugins:
  - search
  - latar:
      allowed_files: [tentang.md]
markdown_extensions: [footnotes]
"""
ARTICLE = (
    "Pasukan berkumpul di perbatasan timur pada musim dingin.\n"
    "Para pejabat membahas kemungkinan serangan ke kota pelabuhan.\n"
    "Pemerintah membantah rencana itu dan menyebut latihan biasa.\n"
    "Kapal pemasok singgah di Alor, Buru, Seram, Nias, Sumba, Flores, Timor, Bangka, Belitung, Lombok dan Bali.\n"
)
ISLANDS = ("Alor", "Buru", "Seram", "Nias", "Sumba", "Flores", "Timor", "Bangka", "Belitung", "Lombok", "Bali")
META = "title: Pasukan di perbatasan\nsource_url: https://www.kabarpesisir.id/b\npublisher: Contoh\npublished: '2022-01-05'\nlanguage: id\n"
NOTES = {
    "gudang": note_text(
        title="Gudang senjata timur",
        kind="place",
        summary="Gudang di dekat perbatasan.",
        anchors="  - text: perbatasan timur\n",
        body=f"Gudang itu diserang dua kali pada 2014. Penjaga menulis `<img src=x onerror=alert(1)>` di papan.\n\n{BODY}",
    ),
    "latihan": note_text(
        title="Latihan musim dingin",
        kind="event",
        summary="Latihan tahunan di utara.",
        anchors="  - text: musim dingin\n",
        body=f"Tentara mengerahkan tiga divisi ke utara untuk latihan sebulan.\n\n{BODY}",
    ),
    "pelabuhan": note_text(
        title="Otoritas pelabuhan",
        kind="organization",
        summary="Pengelola dermaga kota.",
        anchors="  - text: kota pelabuhan\n",
        body=f"Otoritas mengelola dermaga dan gudang.\n\n{BODY}",
    ),
} | {
    f"pulau-{name.lower()}": note_text(
        title=f"Pulau {name}",
        kind="place",
        summary="Pulau di Indonesia.",
        anchors=f"  - text: {name}\n",
        body=f"Pulau ini punya dermaga kecil.\n\n{BODY}",
    )
    for name in ISLANDS
}
ABOUT = "# Tentang situs\n\nSitus ini dikelola para **relawan** di tiga kota.\n"
SEARCH_FILES = ("/cari/", "search_index", "/workers/search", "/assets/latar/search/")


def index(site: Path) -> tuple[dict, Path]:
    """The search index's manifest and the folder of its data."""
    manifest = json.loads((site / "cari" / "index.json").read_text("utf-8"))
    return manifest, site / "cari" / manifest["build"]


def indexed(site: Path) -> dict[str, dict]:
    """Every page in the search index: url → its list entry (url, title, kind…) and text."""
    manifest, data = index(site)
    pages = {}
    for k in range(0, manifest["pages"], manifest["chunk"]):
        for i, entry in enumerate(json.loads((data / f"p{k // manifest['chunk']}.json").read_text("utf-8"))):
            pages["/" + entry[0]] = {"entry": entry, "text": json.loads((data / f"x{k + i}.json").read_text("utf-8"))}
    return pages


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture site built into ``www/latar``: served from ``www``, it lives under /latar/ as on GitHub Pages."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    root = tmp_path_factory.mktemp("search")
    write_project(root / "project")
    build(load_config(config_file=str(root / "project" / "mkdocs.yml"), site_dir=str(root / "www" / "latar"), strict=True))
    return root / "www"


def write_project(project: Path) -> None:
    (project / "docs" / "anotasi").mkdir(parents=True)
    (project / "seeds").mkdir()
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "seeds" / "serbuan.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "seeds" / "serbuan.yml").write_text(META, encoding="utf-8")
    for note_id, text in NOTES.items():
        (project / "docs" / "anotasi" / f"{note_id}.md").write_text(text, encoding="utf-8")
    (project / "docs" / "tentang.md").write_text(ABOUT, encoding="utf-8")


@pytest.fixture(scope="module")
def origin(site):
    server, url = serve(site)
    yield url
    server.shutdown()


class Reader:
    """A Chromium page that records every request, dialog and error."""

    def __init__(self, browser, origin: str, **context) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None)
        self.origin = origin

    def search(self, query: str) -> None:
        """Open search with '/' and type like a reader; wait for the results."""
        self.page.keyboard.press("/")
        self.page.keyboard.type(query, delay=40)
        self.page.wait_for_function(
            "q => document.querySelector('.md-search-result__list a') && location.search.indexOf(q) < 0", arg=query, timeout=15_000
        )
        self.page.wait_for_timeout(300)  # the last keystroke's answer

    def results(self) -> dict[str, str]:
        """href (relative to the site) → the result's HTML."""
        links = self.page.locator(".md-search-result__list a.md-search-result__link")
        return {
            links.nth(i).get_attribute("href").split("/latar/", 1)[1].split("?")[0]
            + ("#" + links.nth(i).get_attribute("href").split("#", 1)[1] if "#" in links.nth(i).get_attribute("href") else ""): links.nth(
                i
            ).inner_html()
            for i in range(links.count())
        }

    def close(self) -> None:
        self.context.close()
        offsite = [url for url in self.requests if not url.startswith((self.origin, "data:", "blob:"))]
        assert offsite == [], offsite
        assert self.problems == [], self.problems


@pytest.fixture
def reader(browser, origin):
    reader = Reader(browser, origin)
    yield reader
    reader.close()


def test_index_holds_what_a_reader_reads(site: Path) -> None:
    pages = indexed(site / "latar")
    assert set(pages) == {"/artikel/serbuan/", *(f"/anotasi/{note_id}/" for note_id in NOTES), "/tentang/"}  # no home copy
    article = pages["/artikel/serbuan/"]
    assert article["entry"] == ["artikel/serbuan/", "Pasukan di perbatasan", "Artikel", "latar-p-", "serbuan"]
    assert article["text"]["p"] == ARTICLE.splitlines()  # the paragraphs as the seed has them: no markers, no notes
    note = pages["/anotasi/gudang/"]
    assert note["entry"] == ["anotasi/gudang/", "Gudang senjata timur", "Tempat"]
    assert note["text"]["s"] == "Gudang di dekat perbatasan."
    assert note["text"]["b"].startswith("Gudang itu diserang dua kali pada 2014.")
    assert "<img src=x onerror=alert(1)>" in note["text"]["b"]  # the code span's text, as the page shows it
    for hidden in ("Sumber", "Muncul di", "Pasukan di perbatasan", "Sunting"):
        assert hidden not in note["text"]["b"], hidden
    assert pages["/tentang/"]["entry"] == ["tentang/", "Tentang situs", "Halaman"]  # a page the project wrote
    assert "dikelola para relawan di tiga kota" in pages["/tentang/"]["text"]["b"]


def test_first_search_fetches_the_words_shards_titles_and_shown_texts_only(reader, site) -> None:
    """One word: the manifest, its keys' shards (one to three), one title chunk, the pages shown; gzipped bytes small."""
    manifest, _ = index(site / "latar")
    page = reader.page
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url.split("/latar/", 1)[1], r.sizes()["responseBodySize"]))
    page.goto(reader.origin + "/latar/anotasi/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in sizes if "cari/" in url or "search" in url]
    reader.search("dermaga")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length >= 10")
    fetched = sorted(url.split("/")[-1] for url in sizes if url.startswith("cari/"))
    shards = [name for name in fetched if name.startswith("t")]
    texts = [name for name in fetched if name.startswith("x")]
    assert fetched == sorted(["index.json", *shards, "p0.json", *texts]), fetched
    assert 1 <= len(shards) <= min(3, manifest["shards"]) and len(texts) == 10  # 12 found, 10 shown with their text
    assert set(sizes) >= {"assets/latar/search/worker.js", "assets/latar/search/stem.js", "assets/latar/search/more.js"}


def test_typing_finds_other_forms_of_the_word_with_highlights(reader) -> None:
    """menyerang → serangan (article paragraph 2), diserang (a note); neither page says "menyerang"."""
    reader.page.goto(reader.origin + "/latar/")
    reader.search("menyerang")
    found = reader.results()
    assert "artikel/serbuan/#latar-p-2" in found
    assert "<mark>serangan</mark>" in found["artikel/serbuan/#latar-p-2"]
    assert "<mark>diserang</mark>" in found["anotasi/gudang/"]
    assert "anotasi/pelabuhan/" not in found
    assert "menyerang" not in reader.page.locator(".md-search-result__list").inner_text()
    assert reader.page.locator(".md-search-result__meta").inner_text() == "2 dokumen ditemukan"


def test_noun_finds_the_verb_and_a_note_says_which_note(reader) -> None:
    """pengerahan → mengerahkan; the result names the note and its kind."""
    reader.page.goto(reader.origin + "/latar/anotasi/")
    reader.search("pengerahan")
    found = reader.results()
    assert list(found) == ["anotasi/latihan/"]
    result = reader.page.locator(".md-search-result__list li").first
    assert result.locator("h1").inner_text() == "PERISTIWA Latihan musim dingin"  # the kind badge is set in capitals
    assert result.locator("h1 .latar-kind").inner_text().lower() == "peristiwa"
    assert result.locator("mark").all_inner_texts() == ["mengerahkan"]


def test_a_long_answer_lists_every_page_as_the_reader_scrolls(reader) -> None:
    """dermaga is in 12 notes (11 islands and the port authority): Material lists ten, then the rest on scroll."""
    page = reader.page
    page.goto(reader.origin + "/latar/")
    reader.search("dermaga")
    assert page.locator(".md-search-result__meta").inner_text() == "12 dokumen ditemukan"
    assert len(reader.results()) == 10
    page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length === 12")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list [data-latar-more]')")  # their snippets came
    found = reader.results()
    assert set(found) == {"anotasi/pelabuhan/", *(f"anotasi/pulau-{name.lower()}/" for name in ISLANDS)}
    assert all("<mark>dermaga</mark>" in html for html in found.values())


def test_a_page_about_the_word_ranks_above_one_that_mentions_it(reader) -> None:
    """gudang: the note titled "Gudang…" before the note whose body mentions a gudang."""
    reader.page.goto(reader.origin + "/latar/anotasi/")
    reader.search("gudang")
    assert list(reader.results())[:2] == ["anotasi/gudang/", "anotasi/pelabuhan/"]


def test_pages_with_every_word_come_first_then_those_with_some(reader) -> None:
    """gudang dermaga: the port authority's note has both; the depot's note has only gudang, and says which word it lacks."""
    reader.page.goto(reader.origin + "/latar/anotasi/")
    reader.search("gudang dermaga")
    found = reader.results()
    assert next(iter(found)) == "anotasi/pelabuhan/"
    assert "anotasi/gudang/" in found and "<del>dermaga</del>" in found["anotasi/gudang/"]
    assert "<del>" not in found["anotasi/pelabuhan/"]


def test_a_page_the_project_wrote_is_found_too(reader) -> None:
    reader.page.goto(reader.origin + "/latar/")
    reader.search("relawan")
    found = reader.results()
    assert list(found) == ["tentang/"] and "<mark>relawan</mark>" in found["tentang/"]
    assert reader.page.locator(".md-search-result__list h1").inner_text() == "HALAMAN Tentang situs"


def test_the_article_read_now_comes_first_with_its_paragraphs(reader) -> None:
    """Alor: elsewhere the note "Pulau Alor" ranks first; on the article (or the home page showing it) the article does,
    its paragraph as a sub-result."""
    page = reader.page
    page.goto(reader.origin + "/latar/anotasi/")
    reader.search("alor")
    assert next(iter(reader.results())) == "anotasi/pulau-alor/"
    for path in ("/latar/artikel/serbuan/", "/latar/"):
        page.goto(reader.origin + path)
        reader.search("alor")
        found = list(reader.results())
        assert found[:2] == ["artikel/serbuan/", "artikel/serbuan/#latar-p-4"], (path, found)
        assert "anotasi/pulau-alor/" in found


def test_nothing_is_fetched_for_search_until_the_reader_opens_it(reader) -> None:
    page = reader.page
    page.goto(reader.origin + "/latar/artikel/serbuan/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(500)
    assert [url for url in reader.requests if any(part in url for part in SEARCH_FILES)] == []
    page.keyboard.press("s")  # Material's other key for search
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    for _ in range(100):  # the worker's own requests: Playwright sees them, the page's load states do not wait for them
        if any(url.endswith("/cari/index.json") for url in reader.requests):
            break
        page.wait_for_timeout(100)
    fetched = [url.split("/latar/", 1)[1] for url in reader.requests if "/latar/cari/" in url or "search" in url]
    # opening search starts the worker and imports more.js at once (search-boot.js): either request may be seen first
    assert fetched[0] in {"assets/latar/search/worker.js", "assets/latar/search/more.js"}, fetched
    assert "assets/latar/search/worker.js" in fetched and "cari/index.json" in fetched
    assert not [url for url in fetched if url.startswith("cari/") and url != "cari/index.json"]  # nothing else before a query
    assert not any("search_index" in url or "/workers/search" in url for url in reader.requests)  # Material's index, worker


def test_an_opened_page_marks_every_form_of_the_searched_word(reader) -> None:
    """?h=menyerang on the article marks serangan (the word's other form), and nothing else."""
    page = reader.page
    page.goto(reader.origin + "/latar/artikel/serbuan/?h=menyerang#latar-p-2")
    page.wait_for_selector("#latar-p-2 mark[data-md-highlight]")
    assert page.locator("mark[data-md-highlight]").all_inner_texts() == ["serangan"]


def test_results_are_keyboard_navigable_and_lead_to_the_paragraph(reader) -> None:
    page = reader.page
    page.goto(reader.origin + "/latar/")
    reader.search("serangan")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first != second and "/latar/" in first and "/latar/" in second
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    for _ in range(10):  # down to the article's paragraph, then Enter opens it
        if page.evaluate("document.activeElement.getAttribute('href') || ''").endswith("#latar-p-2"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/latar/artikel/serbuan/?h=serangan#latar-p-2")
    page.wait_for_selector("#latar-p-2 mark[data-md-highlight]")
    assert page.locator("mark[data-md-highlight]").all_inner_texts() == ["serangan"]


def test_results_escape_text_and_follow_dark_mode(browser, origin) -> None:
    """Text that looks like HTML stays text; in dark mode the results use Material's slate colours."""
    colours = {}
    for scheme in ("light", "dark"):
        reader = Reader(browser, origin, color_scheme=scheme)
        reader.page.goto(origin + "/latar/")
        reader.search("penjaga")
        result = reader.page.locator(".md-search-result__list li").first
        assert "<img src=x onerror=alert(1)>" in result.inner_text()
        assert reader.page.locator(".md-search-result__list img").count() == 0
        colours[scheme] = result.locator("h1").evaluate("el => getComputedStyle(el).color")
        reader.close()

    def luminance(rgb: str) -> float:
        return sum(int(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]) / 765

    assert luminance(colours["light"]) < 0.4, colours
    assert luminance(colours["dark"]) > 0.6, colours


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_search_works_under_mkdocs_serve(tmp_path, browser) -> None:
    """`mkdocs serve` builds with the same hook (on_post_build), and serves the site under /latar/ too."""
    write_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=tmp_path / "project", env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        origin = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(origin + "/latar/cari/index.json", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "mkdocs serve did not serve the search index within 90 s"
                time.sleep(0.3)
        reader = Reader(browser, origin)
        reader.page.goto(origin + "/latar/")
        reader.search("diserang")
        assert "anotasi/gudang/" in reader.results()
        reader.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        server.stderr.close()
