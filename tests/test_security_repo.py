"""Security review rows 7.7, 7.10, 8.3, 9.4, 10.5, 10.6 and the CSP: writers, git dates, the card cache, deploys, headers.

Each through the command or a real build of the suite's tiny project.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from hostile import CONFIG, commit_all, latar, project, strict_build
from latar.html import csp

ISSUE = "### Frasa di artikel\n\nNATO\n\n### Judul catatan\n\nNATO\n"


# --- writers (row 8.3) -------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["new", "note-from-issue", "article new"])
def test_writers_refuse_a_symlinked_target(tmp_path: Path, writer: str) -> None:
    root = project(tmp_path / "proyek")
    outside = tmp_path / "luar.txt"
    notes, seeds = root / "docs" / "anotasi", root / "seeds"
    if writer == "article new":
        (seeds / "baru.txt").write_text("JAKARTA - Teks.\n", encoding="utf-8")
        (seeds / "baru.yml").symlink_to(outside)
        run = latar("--root", str(root), "article", "new", str(seeds / "baru.txt"))
    elif writer == "new":
        (notes / "nato.md").symlink_to(outside)
        run = latar("--root", str(root), "new", "nato")
    else:
        (notes / "nato.md").symlink_to(outside)
        (tmp_path / "issue.md").write_text(ISSUE, encoding="utf-8")
        run = latar("--root", str(root), "note-from-issue", str(tmp_path / "issue.md"))
    assert run.code == 2, run.out + run.err
    assert "symbolic link" in run.err
    assert not outside.exists(), "written through the link"


@pytest.mark.parametrize("force", [False, True])
def test_writers_refuse_a_symlinked_folder_even_with_force(tmp_path: Path, force: bool) -> None:
    root = project(tmp_path / "proyek")
    outside = tmp_path / "luar"
    outside.mkdir()
    notes = root / "docs" / "anotasi"
    (notes / "krimea.md").rename(outside / "krimea.md")
    notes.rmdir()
    notes.symlink_to(outside, target_is_directory=True)
    run = latar("--root", str(root), "new", "nato", *(["--force"] if force else []))
    assert run.code == 2
    assert "symbolic link" in run.err
    assert sorted(p.name for p in outside.iterdir()) == ["krimea.md"]


# --- git dates (row 9.4) -------------------------------------------------------------------------------


def test_a_commit_dated_in_year_10000_does_not_break_builds(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek")
    commit_all(root, "dasar", env={"GIT_AUTHOR_DATE": "@1640995200 +0000"})
    (root / "docs" / "anotasi" / "krimea.md").write_text(
        (root / "docs" / "anotasi" / "krimea.md").read_text("utf-8") + "\nSatu kalimat lagi.\n", encoding="utf-8"
    )
    commit_all(root, "masa depan", env={"GIT_AUTHOR_DATE": "@253402300800 +0000"})
    built = strict_build(root)
    assert built.ok, built.warnings
    data = json.loads((built.site / "anotasi.jsonld").read_text("utf-8"))
    modified = {item["modified"] for item in data["first"]["items"]}
    assert all(value[:4].isdigit() and "1970" <= value[:4] <= "2100" for value in modified), modified


def test_a_failing_git_is_one_loud_warning(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek")
    commit_all(root, "dasar")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/\n", encoding="utf-8")  # a repository git can no longer read
    built = strict_build(root)
    assert not built.ok
    told = [w for w in built.warnings if "git" in w and "date" in w]
    assert len(told) == 1, built.warnings


# --- the card cache (rows 10.5, 10.6) -----------------------------------------------------------------


def test_a_card_committed_into_the_work_tree_is_not_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LATAR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = project(tmp_path / "proyek")
    first = strict_build(root)
    assert first.ok, first.warnings
    cards = sorted((tmp_path / "cache").rglob("*.png"))
    assert cards, "the card cache is not in the user's cache folder"
    assert not (root / ".cache").exists(), "the build wrote a cache into the work tree"
    poisoned = root / ".cache" / "latar" / "kartu"
    poisoned.mkdir(parents=True)
    for card in cards:
        (poisoned / card.name).write_bytes(b"\x89PNG\r\n\x1a\nracun")
    for card in cards:
        card.unlink()
    second = strict_build(root)
    assert second.ok, second.warnings
    assert not any(b"racun" in path.read_bytes() for path in second.site.rglob("kartu.png"))


def test_a_tracked_cache_option_inside_the_project_is_refused(tmp_path: Path) -> None:
    config = CONFIG.replace("      repository:", "      cache_dir: .cache/latar\n      repository:")
    root = project(tmp_path / "proyek", {".cache/latar/kartu/" + "0" * 64 + ".png": b"\x89PNG"}, config=config)
    commit_all(root, "cache terlacak")
    built = strict_build(root)
    assert not built.ok
    assert any("cache" in w and "tracked" in w for w in built.warnings), built.warnings


def test_a_symlinked_cache_is_refused_and_prune_deletes_only_its_own_cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LATAR_CACHE_DIR", str(cache))
    victim = tmp_path / "liburan"
    victim.mkdir()
    (victim / "holiday.png").write_bytes(b"foto")
    root = project(tmp_path / "proyek")
    cache.mkdir()
    (cache / "kartu").symlink_to(victim, target_is_directory=True)
    built = strict_build(root)
    assert (victim / "holiday.png").read_bytes() == b"foto"
    assert sorted(p.name for p in victim.iterdir()) == ["holiday.png"]
    assert any("symbolic link" in w for w in built.warnings), built.warnings
    (cache / "kartu").unlink()
    (cache / "kartu").mkdir()
    mine = cache / "kartu" / "holiday.png"
    mine.write_bytes(b"foto")
    stale = cache / "kartu" / ("f" * 64 + ".png")
    stale.write_bytes(b"lama")
    assert strict_build(root).ok
    assert mine.read_bytes() == b"foto", "prune deleted a file it did not write"
    assert not stale.exists(), "prune kept a stale card"


# --- deploys and contributors' instructions (rows 7.7, 7.10) ------------------------------------------


def test_pages_deploys_from_the_hashed_lock_without_test_extras() -> None:
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    runs = " ".join(step.get("run", "") for step in pages["jobs"]["build"]["steps"])
    assert "--require-hashes" in runs or "make build" in runs
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "LOCK     := .github/requirements/deploy.txt" in makefile and "--require-hashes -r $(LOCK)" in makefile
    build = makefile.split("\nbuild:", 1)[1].split("\n", 1)[0]
    assert "$(STAMP)" in build and "$(TESTS)" not in build, "make build installs only what the build needs"
    lock = (ROOT / ".github" / "requirements" / "deploy.txt").read_text("utf-8")
    assert "pip-compile" in lock and "--generate-hashes" in lock
    pinned = re.findall(r"^([a-z0-9._-]+)==\S+ \\$", lock, re.MULTILINE | re.IGNORECASE)
    assert {"mkdocs", "mkdocs-material", "nh3", "google-re2"} <= {name.lower() for name in pinned}
    assert lock.count("--hash=sha256:") >= len(pinned)
    assert not {"pytest", "playwright", "zizmor", "hypothesis"} & {name.lower() for name in pinned}
    assert "[test]" not in runs


def test_contributing_says_the_preview_is_untrusted() -> None:
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").split())
    assert "profil peramban terpisah" in text and "separate browser profile" in text


def test_codeowners_covers_everything_but_notes_and_seeds() -> None:
    lines = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text("utf-8").splitlines() if line.strip() and line[0] != "#"]
    patterns = [line[0] for line in lines]
    assert patterns[0] == "*" and len(lines[0]) > 1
    assert "/docs/anotasi/*.md" in patterns and "/seeds/*" in patterns
    assert patterns.index("/docs/anotasi/*.md") > 0 and patterns.index("/seeds/*") > 0
    later = [line for line in lines if line[0] in ("/docs/anotasi/*.md", "/seeds/*")]
    assert all(len(line) == 1 for line in later), "notes and seeds need no code owner's review"


# --- Content-Security-Policy on every page (row 10.2's defence in depth) --------------------------------


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
"""The one-pattern definition of a script element the policy's scanner must agree with."""


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<script>a</script>",
        "<SCRIPT type=module>a</Script >b<script src=x></script>",
        "<script>a</script\n><script>b",
        "<script>unclosed <script>x</script>",
        "<scripts>no</scripts><script\n data-x='>'>y</script>",
        "<script>a</scriptx></script><script></script  >",
        "<script><!-- </script> --></script>",
        "x" * 1000 + "<script>\r\nz\r</script>" * 3,
    ],
)
def test_the_policy_finds_the_scripts_the_one_pattern_finds(page: str) -> None:
    assert list(csp.scripts(page)) == SCRIPT.findall(page)


def test_every_page_has_a_csp_that_allows_only_its_own_scripts(tmp_path: Path) -> None:
    built = strict_build(project(tmp_path / "proyek"))
    assert built.ok, built.warnings
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        policy = dict((part.split()[0], part.split()[1:]) for part in meta["content"].split(";") if part.strip())
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert "'wasm-unsafe-eval'" not in policy["script-src"]  # nothing compiles WebAssembly since Pagefind went
        hashes = {h.strip("'") for h in policy["script-src"] if h.startswith("'sha256-")}
        executed = (None, "text/javascript", "module")
        inline = [script.string or "" for script in soup.find_all("script") if not script.get("src") and script.get("type") in executed]
        for body in inline:
            digest = "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert digest in hashes, f"{page}: an inline script without its hash"
        first_script = soup.find("script")
        assert first_script is None or str(soup).index(str(meta)) < str(soup).index(str(first_script)), f"{page}: a script before the CSP"
