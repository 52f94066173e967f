"""The real site as a whole: every internal link resolves, and builds are reproducible."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

SITE_PATH = "/latar/"  # the path of site_url in mkdocs.yml: 404.html links from there


def build(site: Path, hashseed: str, epoch: str = "1640995200", root: Path = ROOT) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hashseed, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def built(real_site: Path) -> Path:
    """The session's build of the real site (in this process); ``test_builds_are_byte_identical`` builds it again
    in another process with another hash seed."""
    return real_site


def test_every_internal_link_and_fragment_resolves(built: Path) -> None:
    ids_by_page: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(built.rglob("*.html"))
    for page in pages:
        ids_by_page[page] = {el["id"] for el in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("[id]")}
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for link in soup.select("a[href], link[href], script[src], img[src]"):
            url = link.get("href") or link.get("src")
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("mailto:"):
                continue
            path = unquote(parts.path)
            if path.startswith(SITE_PATH):
                target = built / path.removeprefix(SITE_PATH)
            else:
                target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built)}: {url}")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_by_page[target]:
                broken.append(f"{page.relative_to(built)}: {url} (no such fragment)")
    assert broken == []
    assert len(pages) >= 6


def differences(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
    """Every file that differs or exists on one side only, recursively."""
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    found = [prefix + name for name in mismatch + errors + cmp.left_only + cmp.right_only]
    for name, sub in cmp.subdirs.items():
        found += differences(sub, f"{prefix}{name}/")
    return found


def test_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "out"
    build(other, "4242")
    assert differences(filecmp.dircmp(built, other)) == []


def copy_project(target: Path, reverse: bool) -> Path:
    """The project's sources (no git history) written file by file, in name order or its reverse."""
    files = []
    for folder in ("docs", "seeds", "plugins"):
        files += sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in reversed(files) if reverse else files:
        destination = target / path.relative_to(ROOT)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    shutil.copyfile(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_file_order_on_disk_does_not_change_the_output(tmp_path: Path) -> None:
    """Copies whose notes and seeds are written in opposite orders build the same bytes.

    (Copies, not the checkout: outside git every date is ``SOURCE_DATE_EPOCH``, inside it comes from history.)
    """
    forward, backward = tmp_path / "forward-site", tmp_path / "backward-site"
    build(forward, "7", root=copy_project(tmp_path / "forward", reverse=False))
    build(backward, "8", root=copy_project(tmp_path / "backward", reverse=True))
    assert differences(filecmp.dircmp(forward, backward)) == []
    sitemap = (forward / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("<lastmod>2022-01-01T00:00:00Z</lastmod>") == sitemap.count("<url>") > 0  # SOURCE_DATE_EPOCH


def test_search_index_leaves_out_print_only_and_navigation_text(built: Path) -> None:
    """Readers search the article and the notes, not hidden print lists, backlink quotes or edit buttons."""
    from test_search import indexed  # noqa: PLC0415

    pages = indexed(built)
    text = " ".join(
        " ".join([page["entry"][1], page["text"].get("s", ""), page["text"].get("b", ""), *page["text"].get("p", [])])
        for page in pages.values()
    )
    assert "Krimea" in text and "NATO" in text
    for hidden in ("Sumber: ", "Sunting catatan ini", "Usulkan koreksi", ", catatan 1", "Baca di situs asli"):
        assert hidden not in text, hidden
    assert "/" not in pages  # the home page is a copy of the newest article: one search result, at its permanent address
    assert any(url.startswith("/artikel/") for url in pages)
    assert len(pages) == len(list(built.glob("artikel/*/index.html"))) + len(list(built.glob("anotasi/*/index.html")))
    material = json.loads((built / "search" / "search_index.json").read_text("utf-8"))
    assert material["docs"] == []  # Material's search box asks latar's index; its own is left empty
