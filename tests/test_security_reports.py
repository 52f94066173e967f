"""Security review rows 7.5, 7.6, 9.2 and V12, V14: what latar writes for people to read on GitHub prints contributor text as text.

The job summary (``latar check --format markdown``) and the weekly link report are rendered as GitHub does (cmark-gfm)
and must hold no image, no link or HTML a contributor wrote, no @mention and no #reference.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import cmarkgfm
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from hostile import commit_all, latar, note, project

TRACKER = "https://tracker.example.net/p.png"
MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]")
REFERENCE = re.compile(r"(?<![\w`&])#[0-9]")
HOSTILE_SUMMARY = (
    f"'Sebuah ringkasan <img src={TRACKER}> cc @octocat #1 [klik](https://evil.example.net/) <details open><summary>✅ 0 masalah</summary>'"
)
HOSTILE_URL = (
    "https://en.wikipedia.org/wiki/RT_(TV_network))_@octocat_![t](https://tracker.example.net/p.png)_[klik](https://evil.example.net/)"
)
HOSTILE_NAME = 'x` <img src="https:&#x2F;&#x2F;tracker.example.net&#x2F;p.png"> @octocat `.md'


def rendered(markdown: str) -> BeautifulSoup:
    """The Markdown as GitHub renders it (cmark-gfm; raw HTML passes, as GitHub then sanitises it)."""
    return BeautifulSoup(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE), "html.parser")


def assert_inert(markdown: str, allowed_links: set[str]) -> None:
    soup = rendered(markdown)
    tags = {tag.name for tag in soup.find_all(True)}
    assert not tags & {"img", "details", "summary", "script", "iframe"}, tags
    links = {a.get("href") for a in soup.find_all("a")}
    assert links <= allowed_links, links - allowed_links
    for span in soup.find_all("code"):  # GitHub links no mention or reference inside code
        span.decompose()
    text = soup.get_text()
    assert not MENTION.search(text), MENTION.search(text)
    assert not REFERENCE.search(text), REFERENCE.search(text)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A base commit, then a change: a note with a hostile summary, a hostile file name, a static file, a workflow edit."""
    root = project(tmp_path / "proyek")
    commit_all(root, "dasar")
    root_git = root / ".git"
    assert root_git.is_dir()
    notes = root / "docs" / "anotasi"
    (notes / "nato.md").write_text(note(title="NATO", summary=HOSTILE_SUMMARY, anchors="  - text: NATO\n"), encoding="utf-8")
    (notes / HOSTILE_NAME).write_text(note(title="Nama", anchors="  - text: Kremlin\n"), encoding="utf-8")
    (notes / "kremlin\n.md").write_text(note(title="Kremlin", anchors="  - text: Biden\n"), encoding="utf-8")
    (notes / "peta.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (root / "plugins").mkdir()
    (root / "plugins" / "x.py").write_text("print('hai')\n", encoding="utf-8")
    commit_all(root, "usulan")
    return root


def summary_of(root: Path) -> str:
    run = latar("--root", str(root), "check", "--format", "markdown", "--base", "HEAD~1")
    assert "Traceback" not in run.err
    return run.out


def test_the_job_summary_prints_contributor_text_as_text(pull_request: Path) -> None:
    summary = summary_of(pull_request)
    assert_inert(summary, allowed_links=set())
    assert "Sebuah ringkasan" in rendered(summary).get_text()
    assert summary.splitlines()[2].startswith("❌"), "the real count comes first"


def test_the_job_summary_quotes_every_path_in_a_code_span_it_cannot_leave(pull_request: Path) -> None:
    soup = rendered(summary_of(pull_request))
    codes = [code.get_text() for code in soup.find_all("code")]
    assert any("<img src=" in code and "@octocat" in code for code in codes), codes
    assert any("kremlin\\n.md" in code for code in codes), codes


def test_the_job_summary_warns_about_every_changed_file_outside_notes_and_seeds(pull_request: Path) -> None:
    summary = summary_of(pull_request)
    section = summary.split("### ⚠️")[1].split("\n### ")[0] if "### ⚠️" in summary else ""
    for path in ("docs/anotasi/peta.html", ".github/workflows/ci.yml", "plugins/x.py"):
        assert f"`{path}`" in section, summary
    assert "`docs/anotasi/nato.md`" not in section


def test_the_job_summary_survives_a_symlink_in_the_base(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek")
    (root / "docs" / "anotasi" / "tautan.md").symlink_to("/etc/passwd")
    (root / "seeds" / "tautan.txt").symlink_to("../../../../etc/hostname")
    commit_all(root, "dasar dengan tautan")
    (root / "docs" / "anotasi" / "nato.md").write_text(note(title="NATO", anchors="  - text: NATO\n"), encoding="utf-8")
    commit_all(root, "usulan")
    run = latar("--root", str(root), "check", "--format", "markdown", "--base", "HEAD~1")
    assert "Traceback" not in run.err
    assert "docs/anotasi/nato.md" in run.out
    assert "cannot compare" not in run.err, run.err


def test_the_weekly_link_report_prints_contributor_text_as_text(tmp_path: Path) -> None:
    sources = (
        "sources:\n"
        f"  - title: 'RT (TV network) cc @octocat #1 [x](https://evil.example.net/)'\n    url: '{HOSTILE_URL}'\n"
        "    publisher: '@github/security'\n    date: '2021'\n"
        "  - title: Resolusi Majelis Umum 68/262\n    url: https://press.un.org/en/2014/ga11493.doc.htm\n"
        "    publisher: Perserikatan Bangsa-Bangsa\n    accessed: 2026-11-20\n"
    )
    text = note()
    text = text[: text.index("sources:\n")] + sources + text[text.index("---\n", 4) :]
    root = project(tmp_path / "proyek", {"docs/anotasi/krimea.md": text})
    lychee = {
        "error_map": {
            "sumber.txt": [
                {"url": HOSTILE_URL, "status": {"text": "Failed: @octocat see ![x](https://tracker.example.net/q.png) (#2)", "code": 404}},
                {"url": "https://press.un.org/en/2014/ga11493.doc.htm", "status": {"text": "Timeout <b>@team</b>"}},
            ]
        }
    }
    (tmp_path / "lychee.json").write_text(json.dumps(lychee), encoding="utf-8")
    for report_file in ("-", str(tmp_path / "lychee.json")):
        run = latar("--root", str(root), "sources", "--report", report_file)
        assert run.code == 0, run.err
        soup = rendered(run.out)
        hrefs = {a.get("href") for a in soup.find_all("a")}
        assert_inert(run.out, allowed_links=hrefs)
        for href in hrefs:  # the hostile address is one link, whole: its brackets and parentheses percent-encoded
            assert href.startswith(("https://en.wikipedia.org/wiki/RT_", "https://press.un.org/", "https://web.archive.org/save/")), href
        assert "https://evil.example.net/" not in hrefs
        assert "tracker" not in str(soup.find_all("img"))
    assert "404" in run.out
    assert "<b>" not in run.out
