"""What a build holds: no big per-build copy comes back (peak memory, issue #22).

Measured without a clock: what the site model and MkDocs' pages still hold after a real build, and the memory
Python allocates (``tracemalloc``) while the outputs are written, against the size of what they write.
"""

from __future__ import annotations

import json
import platform
import sys
import tracemalloc
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import SITE_NOTES, note_text, write_project
from latar.core.memory import give_back
from latar.html.csp import MARKER, with_policy
from latar.mkdocs.pages import DEFERRED, ArticlePage
from latar.mkdocs.site import SiteModel
from latar.mkdocs.theme import inject
from latar.mkdocs.written import assemble
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
    assert site.home_html == "" and site.held == {}  # the UTF-8 kept for the page went into it
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


TEMPLATE = (
    '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title>\n<script>var md = 1;</script>\n</head>\n'
    "<body><article>{content}</article>\n"
    '<script src="assets/javascripts/bundle.0123abcd.min.js"></script>\n<script>var after = 2;</script>\n</body></html>'
)
HEAD = '\n<script type="application/ld+json">{"a": 1}</script>'
BOOT = "\n<script>var boot = 3;</script>"


def _in_order(output: str, html: str, head: str, boot: str) -> str:
    """What the page was before: the HTML put in first, then the head tags and boot script, then the policy."""
    return with_policy(inject(output.replace(DEFERRED, html, 1), head, boot))


@pytest.mark.parametrize(
    ("template", "html"),
    [
        (TEMPLATE, '<div class="latar-article"><p>Kata ↩︎ — “kutipan”</p></div>'),
        (TEMPLATE, "<div><script>var inside = 4;</script></div>"),  # a script in the HTML: its hash counts
        (TEMPLATE, "<div><ſcrıpt>x</script></div>"),  # what a case-blind pattern takes for a script
        (TEMPLATE, f'<div><meta {MARKER} content="x"></div>'),  # a policy in the HTML: none added
        (TEMPLATE, "plain text, no element"),
        (TEMPLATE.replace("<article>", "<script>var open = '"), "<p>x</p>"),  # the placeholder inside a script
        (TEMPLATE.replace("</head>", "").replace("<body>", "</head><body>"), "<p>x</p>"),
        (TEMPLATE.replace("\n<script src", "<script src"), "<p>x</p>"),  # the bundle on the placeholder's line
        (TEMPLATE.replace("<head>\n<meta", "<head>{content}<meta"), "<p>x</p>"),
    ],
)
@pytest.mark.parametrize("utf8", [False, True])
def test_a_page_assembled_at_once_is_the_page_made_step_by_step(template: str, html: str, utf8: bool) -> None:
    output = template.replace("{content}", DEFERRED, 1).replace("{content}", "")
    for head, boot in [(HEAD, BOOT), ("", BOOT), (HEAD, ""), ("", "")]:
        expected = _in_order(output, html, head, boot)
        assert assemble(output, html.encode() if utf8 else html, head, boot) == expected


def test_a_big_article_is_copied_into_its_page_once() -> None:
    """An article of 10,000 notes is 13 MB; its page is assembled with the page itself and the article's UTF-8, never
    the several whole copies inserting the head tags, the boot script and the policy one by one made (issue #22)."""
    footnote = '<li><p>Seorang tokoh dari sebuah tempat, dikenal karena hal ini dan itu. <a href="#x">↩︎</a></p></li>'
    html = ("<ol>" + footnote * 30_000 + "</ol>").encode()  # mostly ASCII, as an article is
    output = TEMPLATE.replace("{content}", DEFERRED)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        page = assemble(output, html, HEAD, BOOT)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    size = sys.getsizeof(page)
    assert size > 2 * len(page)  # two bytes a character: the page holds "↩︎"
    assert peak < 2.5 * size, f"{peak / 2**20:.1f} MiB to write a page of {size / 2**20:.1f} MiB"  # step by step: 3 to 4
