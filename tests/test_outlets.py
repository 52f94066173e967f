"""Real publishers' layouts ingest right: one case per fixture in ``tests/fixtures/outlets/`` (adding a pair adds a case).

For each outlet, the real ``latar article new`` runs on a copy of the pasted article in a project; only title,
publisher and source_url are filled in, as a contributor would. The article then loads without a problem, its
paragraphs are exactly the article text a person reads off the page (``<outlet>.expected.yml``), the publisher's
insertions are publisher lines, and the preamble, postscript, author and dateline are right.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

import reading
from browser import serve
from conftest import MKDOCS_YML, ROOT
from latar.cli.main import main
from latar.core.articles import PUBLISHER, load_articles
from sitecheck import Project, all_failures

FIXTURES = ROOT / "tests" / "fixtures" / "outlets"
OUTLETS = sorted(path.name.removesuffix(".expected.yml") for path in FIXTURES.glob("*.expected.yml"))
FILLED = {"title": "Judul sebagaimana terbit", "publisher": "Penerbit", "source_url": "https://www.penerbit.co.id/artikel"}


def truth(outlet: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{outlet}.expected.yml").read_text("utf-8"))


def test_every_fixture_has_its_truth_and_its_source() -> None:
    texts = sorted(path.stem for path in FIXTURES.glob("*.txt"))
    assert texts == OUTLETS and len(OUTLETS) >= 10, (texts, OUTLETS)
    sources = (FIXTURES / "SOURCES.md").read_text("utf-8")
    assert all(f"| `{outlet}` |" in sources for outlet in OUTLETS)


def project(root: Path) -> Path:
    """An empty latar project at ``root``."""
    (root / "seeds").mkdir(parents=True)
    (root / "docs" / "anotasi").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


def scaffold(root: Path, outlet: str) -> tuple[Path, subprocess.CompletedProcess]:
    """The outlet's article saved in ``root``'s seeds as a contributor saves it, and the real ``latar article new`` run
    on it from ``root`` (the command's own code, in this process: no interpreter to start for each outlet)."""
    seed = root / "seeds" / f"{outlet}-{truth(outlet)['published']}-gempa.txt"
    seed.write_bytes((FIXTURES / f"{outlet}.txt").read_bytes())
    arguments = ["article", "new", f"seeds/{seed.name}"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(arguments)
    return seed, subprocess.CompletedProcess(["latar", *arguments], code, out.getvalue(), err.getvalue())


def fill_in(sidecar: Path) -> None:
    """As a contributor does: fill in what the scaffold left empty (title, publisher, source_url), keep the rest and its comments."""
    written = sidecar.read_text("utf-8")
    assert sorted(key for key, value in yaml.safe_load(written).items() if value == "") == sorted(FILLED)
    for key, value in FILLED.items():
        written = written.replace(f'\n{key}: ""', f"\n{key}: {json.dumps(value)}", 1)
    sidecar.write_text(written, encoding="utf-8")


@pytest.mark.parametrize("outlet", OUTLETS)
def test_the_scaffold_reads_the_layout_of(tmp_path: Path, outlet: str) -> None:
    seed, result = scaffold(project(tmp_path / "project"), outlet)
    assert result.returncode == 0, result.stderr
    fill_in(seed.with_suffix(".yml"))
    articles, problems = load_articles(seed.parent, seed.parent.parent)
    assert problems == [], problems
    (article,) = articles
    expected = truth(outlet)
    lines = [line for line in (FIXTURES / f"{outlet}.txt").read_text("utf-8").split("\n") if line.strip()]
    inside = lines[len(expected["preamble"]) : len(lines) - len(expected["postscript"])]
    text = [line for line in inside if line not in expected["publisher_lines"]]
    assert list(article.preamble) == expected["preamble"]
    assert list(article.paragraphs) == text
    assert [block.text for block in article.blocks if block.kind == PUBLISHER] == expected["publisher_lines"]
    assert list(article.postscript) == expected["postscript"]
    assert article.meta.author == expected["author"]
    assert article.dateline == expected["dateline"]
    assert article.meta.published == expected["published"]
    for line in [*expected["preamble"], *expected["publisher_lines"], *expected["postscript"]]:
        assert line not in article.paragraphs, f"{line!r} is the publisher's, not article text"


@pytest.mark.parametrize("outlet", ["detik", "wahananews"])
def test_every_guess_is_printed_with_its_reason(tmp_path: Path, outlet: str) -> None:
    """Automatic never means silent: each inferred key is shown with why, and the lines it took."""
    _, result = scaffold(project(tmp_path / "project"), outlet)
    shown = result.stdout
    inferred = shown[shown.index("inferred") :]
    expected = truth(outlet)
    assert f"dateline: {expected['dateline']!r}".replace("'", '"') in inferred
    assert "publisher_lines:" in inferred and "line" in inferred
    if expected["preamble"]:
        assert f"preamble_lines: {len(expected['preamble'])} (line" in inferred
    if expected["author"]:
        assert f'author: "{expected["author"]}" (' in inferred
    assert "check" in shown.splitlines()[-1]


SITE_OUTLETS = ("detik", "kompas-tv", "jpnn")


def added(root: Path) -> set[str]:
    """The articles of the copy that the real site does not have."""
    return {path.stem for path in (root / "seeds").glob("*.txt")} - {path.stem for path in (ROOT / "seeds").glob("*.txt")}


"""Added as articles to a copy of the real site: a dateline on its own line, captions, ad slots, "Baca Juga", credits."""


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Project:
    """The real site plus three real layouts added as a contributor adds them (scaffold, three fields), built strictly."""
    root = tmp_path_factory.mktemp("outlets") / "project"
    for folder in ("docs", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for outlet in SITE_OUTLETS:
        seed, result = scaffold(root, outlet)
        assert result.returncode == 0, result.stderr
        fill_in(seed.with_suffix(".yml"))
    latar = [sys.executable, "-m", "latar.cli"]
    check = subprocess.run([*latar, "check", "--placements"], cwd=root, capture_output=True, text=True, check=False)
    lines = check.stdout.splitlines()
    new = [line for line in lines if "newly lands in paragraph" in line]
    landed = [line for line in lines if any(f": {name} paragraph " in line for name in added(root))]
    assert len(new) == len(landed) and check.returncode == (1 if new else 0), check.stdout + check.stderr
    assert len(lines) == len(new) + sum(not line.startswith("seeds/") for line in lines)  # no other problem
    accept = subprocess.run([*latar, "placements", "accept"], cwd=root, capture_output=True, text=True, check=True)
    assert accept.stdout.count("  accepted ") == len(new)
    check = subprocess.run([*latar, "check"], cwd=root, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    site = root / "site"
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    return Project.load(root, site)


@pytest.mark.content
def test_content_checks_hold_for_real_layouts(newsroom: Project) -> None:
    added = [article for article in newsroom.articles if article.name.startswith(SITE_OUTLETS)]
    assert len(added) == len(SITE_OUTLETS) and all(any(b.kind == PUBLISHER for b in article.blocks) for article in added)
    assert all_failures(newsroom) == []


@pytest.mark.browser
@pytest.mark.content
def test_a_real_layout_reads_as_its_article_in_chromium(browser, newsroom: Project) -> None:
    """One article (the cheapest check): detik's, with a dateline on its own line and two ad slots between paragraphs."""
    (article,) = [article for article in newsroom.articles if article.name.startswith("detik-")]
    server, origin = serve(newsroom.site)
    page = browser.new_page()
    try:
        assert reading.article_text_failures(page, newsroom.site, origin, article) == []
    finally:
        page.close()
        server.shutdown()
