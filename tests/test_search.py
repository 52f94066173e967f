"""Search (issue #13): Pagefind behind Material's search box, in a real Chromium, on a site served under /latar/.

The fixture's notes hold only other forms of the words searched for (serangan, diserang; mengerahkan), so
finding them proves Indonesian stemming, whatever the real content says.
"""

from __future__ import annotations

import gzip
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
  - latar
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
SEARCH_FILES = ("/pagefind/", "search_index", "/workers/search", "/assets/latar/search/")


def fragments(site: Path) -> dict[str, dict]:
    """Every page in the Pagefind index: url → fragment (content, meta, anchors)."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data
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
    pages = fragments(site / "latar")
    assert set(pages) == {"/artikel/serbuan/", *(f"/anotasi/{note_id}/" for note_id in NOTES)}  # no home copy
    article = pages["/artikel/serbuan/"]
    assert article["meta"] == {"title": "Pasukan di perbatasan", "kind": "Artikel"}
    assert "kemungkinan serangan ke kota pelabuhan" in article["content"]
    for hidden in ("Tentara mengerahkan", "Tentang teks ini", "Baca di situs asli", "Catatan latar", "Selengkapnya"):
        assert hidden not in article["content"], hidden  # footnotes, source box and byline are not the article
    assert "timur1" not in article["content"] and "timur pada" in article["content"]  # markers left out
    assert [a["id"] for a in article["anchors"] if a["element"] == "p"] == ["latar-p-1", "latar-p-2", "latar-p-3", "latar-p-4"]
    note = pages["/anotasi/gudang/"]
    assert note["meta"] == {"title": "Gudang senjata timur", "kind": "Tempat"}
    assert note["content"].startswith("Gudang senjata timur.") and "diserang dua kali" in note["content"]
    for hidden in ("Sumber", "Muncul di", "Pasukan di perbatasan, catatan", "Sunting"):
        assert hidden not in note["content"], hidden


def test_build_index_keeps_only_what_readers_fetch(tmp_path: Path) -> None:
    """Pages are chosen by data-pagefind-body; Pagefind's own interfaces and unused stemmers are not published."""
    from latar.outputs.search import OUTPUT, SearchError, build_index  # noqa: PLC0415

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<html lang="id"><body><div data-pagefind-body><h1>Judul</h1><p>serangan</p></div></body></html>'
    )
    (tmp_path / "index.html").write_text('<html lang="id"><body><p>salinan tanpa data-pagefind-body</p></body></html>')
    report = build_index(tmp_path, "id")
    assert report.pages == 1 and report.bytes > 0
    assert sorted(path.name for path in (tmp_path / OUTPUT).glob("*.*")) == [
        "pagefind-entry.json",
        next(path.name for path in (tmp_path / OUTPUT).glob("pagefind.id_*.pf_meta")),
        "pagefind.js",
        "wasm.id.pagefind",
    ]
    assert list(fragments(tmp_path)) == ["/a/"]
    with pytest.raises(SearchError, match="could not index"):
        build_index(tmp_path / "nothing-here", "id")


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


def test_a_long_answer_lists_ten_pages_and_says_how_many_were_found(reader) -> None:
    """dermaga is in 12 notes (11 islands and the port authority): the ten best are listed, the count is honest."""
    reader.page.goto(reader.origin + "/latar/")
    reader.search("dermaga")
    assert len(reader.results()) == 10
    assert reader.page.locator(".md-search-result__meta").inner_text() == "10 teratas dari 12 dokumen ditemukan"


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
        if any(url.endswith("/pagefind/wasm.id.pagefind") for url in reader.requests):
            break
        page.wait_for_timeout(100)
    fetched = [url.split("/latar/", 1)[1] for url in reader.requests if "/latar/pagefind/" in url or "search" in url]
    assert fetched[0] == "assets/latar/search/worker.js" and "pagefind/pagefind.js" in fetched
    assert not any("search_index" in url or "/workers/search" in url for url in reader.requests)  # Material's index, worker


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
                with urllib.request.urlopen(origin + "/latar/pagefind/pagefind-entry.json", timeout=2) as response:
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
