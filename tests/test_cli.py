"""The ``latar`` command: check without building, and new note skeletons."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_NAME, SEEDS, note_text
from latar.cli import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "anotasi").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copyfile(SEEDS / f"{SEED_NAME}{suffix}", tmp_path / "seeds" / f"{SEED_NAME}{suffix}")
    (tmp_path / "docs" / "anotasi" / "krimea.md").write_text(note_text(), encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "latar.cli", "--root", str(project), *args], capture_output=True, text=True, check=False, env=env
    )


def test_check_passes_on_good_notes(project: Path) -> None:
    result = run(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 note, 1 article, 1 anchor placed, 0 problems" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (note_text(kind="tokoh"), "docs/anotasi/rusak.md:3: 'kind' is 'tokoh'"),
        (note_text(anchors="  - text: Krimeaa\n"), "docs/anotasi/rusak.md:6: anchor 'Krimeaa' matches nothing"),
        (
            note_text(title="[x"),
            "rusak.md:3: invalid YAML",
        ),
        (note_text().replace("https://", "http://"), "docs/anotasi/rusak.md:9: 'sources[1].url' must be an https:// address"),
        (note_text(anchors="  - text: Krimea\n"), "already claimed by docs/anotasi/krimea.md"),
    ],
)
def test_check_reports_file_and_line(project: Path, text: str, expected: str) -> None:
    (project / "docs" / "anotasi" / "rusak.md").write_text(text, encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 1
    assert expected in result.stdout
    assert "Traceback" not in result.stderr


def test_an_invalid_note_still_has_its_anchors_checked(project: Path) -> None:
    """One run tells a contributor everything: the schema error and the mistyped anchor together."""
    anchors = "  - text: Krimeaa\n  - text: Kuba\n  - text: 12\n"
    (project / "docs" / "anotasi" / "rusak.md").write_text(note_text(kind="tokoh", anchors=anchors), encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("docs/anotasi/rusak.md:3: 'kind' is 'tokoh'") for line in lines), lines
    assert any(line.startswith("docs/anotasi/rusak.md:6: anchor 'Krimeaa' matches nothing") for line in lines), lines
    assert not any("'Kuba'" in line for line in lines), lines  # a well-formed anchor that matches: no message
    assert len(lines) == 3, lines  # kind, the number as anchor text (schema), Krimeaa


def test_github_format(project: Path) -> None:
    (project / "docs" / "anotasi" / "rusak.md").write_text(note_text(kind="tokoh"), encoding="utf-8")
    result = run(project, "check", "--format", "github")
    line = result.stdout.splitlines()[0]
    assert line.startswith("::error file=docs/anotasi/rusak.md,line=3::'kind' is 'tokoh'")


def test_github_format_is_the_default_under_actions(project: Path, monkeypatch, capsys) -> None:
    (project / "docs" / "anotasi" / "rusak.md").write_text(note_text(kind="tokoh"), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--root", str(project), "check"]) == 1
    assert capsys.readouterr().out.startswith("::error file=docs/anotasi/rusak.md,line=3::")


def test_new_writes_a_valid_skeleton(project: Path) -> None:
    result = run(project, "new", "jen-psaki", "--anchor", "Jen Psaki", "--kind", "person")
    assert result.returncode == 0, result.stderr
    text = (project / "docs" / "anotasi" / "jen-psaki.md").read_text("utf-8")
    assert "kind: person" in text and "text: Jen Psaki" in text
    assert run(project, "check").returncode == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["new", "Jen Psaki", "--anchor", "x"], "is not a safe id"), (["new", "krimea", "--anchor", "x"], "already exists")],
)
def test_new_refuses_bad_ids_and_overwrites(project: Path, args: list[str], expected: str) -> None:
    result = run(project, *args)
    assert result.returncode == 2
    assert expected in result.stderr
