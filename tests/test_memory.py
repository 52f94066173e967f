"""What a build holds: no big per-build copy comes back (peak memory, issue #22).

Measured without a clock: what the site model and MkDocs' pages still hold after a real build, and the memory
Python allocates (``tracemalloc``) while the outputs are written, against the size of what they write.
"""

from __future__ import annotations

import json
import platform
import tracemalloc
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import SITE_NOTES, note_text, write_project
from latar.core.memory import give_back
from latar.mkdocs.pages import DEFERRED, ArticlePage
from latar.mkdocs.site import SiteModel
from latar.outputs.searchindex import SearchPage, write_index

SEARCH_YML = """\
site_name: test
site_url: https://example.org/latar/
theme:
  name: material
  language: id
  font: false
plugins:
  - search
  - latar
markdown_extensions: [footnotes]
"""


def _built_site(tmp_path: Path) -> SiteModel:
    """A fixture project with search, built by real MkDocs in this process; the site model it leaves behind."""
    root = write_project(tmp_path / "project", SITE_NOTES, config=SEARCH_YML)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    site = config.plugins["latar"].site
    assert isinstance(site, SiteModel)
    return site


def test_a_build_keeps_no_article_html_once_its_pages_are_written(tmp_path: Path) -> None:
    site = _built_site(tmp_path)
    assert site.rendered and site.home is not None
    assert all(rendered.html == "" for rendered in site.rendered.values())  # markers and texts stay, the HTML goes
    assert site.home_html == ""
    assert site.heads == {}  # every page's head tags went into the page as it was written
    article_pages = [file.page for file in site.files.documentation_pages() if isinstance(site.pages.get(file.src_uri), ArticlePage)]
    assert len(article_pages) == len(site.rendered) + 1  # each article's page and the home page
    assert all(page is not None and page.content == DEFERRED for page in article_pages)
    written = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "latar-article-body" in written and DEFERRED not in written  # the page itself has its article


def test_the_annotation_collection_is_written_as_compact_json(tmp_path: Path) -> None:
    """Written piece by piece, it is still byte for byte what ``json.dumps`` makes of the whole collection."""
    _built_site(tmp_path)
    text = (tmp_path / "site" / "anotasi.jsonld").read_text("utf-8")
    collection = json.loads(text)
    assert collection["total"] == len(collection["first"]["items"]) > 0
    assert text == json.dumps(collection, ensure_ascii=False) + "\n"


def test_the_search_index_holds_one_file_at_a_time(tmp_path: Path) -> None:
    """Python's peak while the index is written stays well under what it writes: no file waits for the others."""
    words = " ".join(f"kata{i % 50}" for i in range(3000))
    pages = [SearchPage(f"anotasi/n{i}/", f"Catatan {i}", "Tempat", "Ringkasan.", f"{words} akhir{i}") for i in range(200)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        report = write_index(tmp_path, pages)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert report.bytes > 4_000_000  # every page's text file: some 20 KB each
    assert peak < report.bytes / 4, f"{peak / 2**20:.1f} MiB held to write {report.bytes / 2**20:.1f} MiB"


def test_note_pages_keep_no_html_either(tmp_path: Path) -> None:
    """A note page's HTML is made as it is written (deferred): MkDocs holds the placeholder, never the note."""
    root = write_project(tmp_path / "project", {"krimea": note_text()})
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    site = config.plugins["latar"].site
    page = site.files.get_file_from_path(site.note_uri("krimea")).page
    assert page is not None and page.content == DEFERRED


def test_freed_memory_is_given_back_where_the_c_library_can() -> None:
    assert give_back() is (platform.libc_ver()[0] == "glibc")
