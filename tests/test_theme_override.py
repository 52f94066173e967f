"""A project that overrides Material's ``main.html`` (as Material's documentation shows) keeps everything latar adds.

The real project is built twice: as it is, and with ``theme.custom_dir: overrides`` holding a two-line
``main.html`` (``{% extends "base.html" %}`` and an ``announce`` block). Every page keeps its meta tags, JSON-LD and
scripts, and search still answers in Chromium. A patch latar can no longer apply is a warning, so ``--strict`` fails.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from browser import serve
from conftest import ROOT

pytestmark = pytest.mark.content  # copies of the real project
MAIN = '{% extends "base.html" %}\n{% block announce %}Pengumuman uji{% endblock %}\n'


def project(folder: Path, overrides: dict[str, str] | None = None) -> Path:
    """A copy of the real project; with ``overrides``, a ``custom_dir`` holding those templates."""
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, folder / name)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if overrides is not None:
        assert "\ntheme:\n" in config
        config = config.replace("\ntheme:\n", "\ntheme:\n  custom_dir: overrides\n", 1)
        for name, text in overrides.items():
            (folder / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "overrides" / name).write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def built(config: Path) -> Path:
    site = config.parent / "site"
    build(load_config(config_file=str(config), site_dir=str(site), strict=True))
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    """(the project as it is, the project with an overridden main.html), both built strictly on the same date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1640995200"  # the copies are not git checkouts: every file has the build date
    try:
        stock = built(project(tmp_path_factory.mktemp("stock")))
        overridden = built(project(tmp_path_factory.mktemp("override"), {"main.html": MAIN}))
    finally:
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return stock, overridden


def what_latar_adds(page: Path) -> dict[str, list[str]]:
    """A page's head (every element but the title, as written) and every script in it."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    head = [str(element) for element in soup.head.find_all(True, recursive=False)]
    scripts = [script.get("src") or script.get("type", "") + " " + script.get_text() for script in soup.find_all("script")]
    return {"head": head, "scripts": scripts}


@pytest.mark.browser
def test_an_overridden_main_html_keeps_every_tag_and_script(sites: tuple[Path, Path]) -> None:
    stock, overridden = sites
    pages = sorted(path.relative_to(stock) for path in stock.rglob("*.html"))
    assert any(str(page).startswith("artikel/") for page in pages) and any(str(page).startswith("anotasi/") for page in pages)
    for page in pages:
        assert what_latar_adds(overridden / page) == what_latar_adds(stock / page), page
    article = BeautifulSoup(next(overridden.glob("artikel/*/index.html")).read_text("utf-8"), "html.parser")
    assert "Pengumuman uji" in article.select_one("[data-md-component=announce]").get_text()  # the override is in force
    assert article.select_one('meta[property="og:image"]') and article.select_one('script[type="application/ld+json"]')
    assert any("window.Worker" in script.get_text() for script in article.find_all("script"))


@pytest.mark.browser
def test_search_answers_with_an_overridden_main_html(sites: tuple[Path, Path], browser) -> None:
    _, overridden = sites
    text = BeautifulSoup(next(overridden.glob("artikel/*/index.html")).read_text("utf-8"), "html.parser")
    word = next(w for w in re.findall(r"\w{7,}", text.select_one(".latar-article-body p").get_text()) if w.isalpha())
    server, origin = serve(overridden)
    page = browser.new_page()
    try:
        page.goto(origin + "/")
        page.keyboard.press("/")
        page.keyboard.type(word.lower(), delay=40)
        page.wait_for_selector(".md-search-result__list a", timeout=15_000)
        links = page.locator(".md-search-result__list a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert any("/artikel/" in href for href in links), links
    finally:
        page.close()
        server.shutdown()


def test_a_patch_whose_marker_is_gone_fails_the_strict_build(tmp_path: Path) -> None:
    """An overridden copyright partial without Material's markup: the article's rights line cannot be added."""
    config = project(tmp_path, {"partials/copyright.html": "<div class='md-copyright'>Hak cipta sendiri</div>\n"})
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.raises(Abort):
            built(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert any(m.startswith("latar: partials/copyright.html has no") for m in messages), messages
