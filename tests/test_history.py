"""Dates from a real git repository made in ``tmp_path``: renames followed, uncommitted changes and unknown files fall back."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from latar.core.history import History, build_date, iso, parse_log


def commit(repo: Path, when: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def test_history_follows_renames_and_falls_back_for_what_git_does_not_know(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    repo = tmp_path / "repo"
    notes = repo / "docs" / "anotasi"
    notes.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.email", "t@example.org"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.name", "T"], cwd=repo, check=True)
    (notes / "lama.md").write_text("isi catatan yang cukup panjang untuk dikenali sebagai file yang sama\n" * 5)
    (notes / "tetap.md").write_text("a\n")
    commit(repo, "2022-03-01T10:00:00+07:00", "add")
    (notes / "tetap.md").write_text("b\n")
    commit(repo, "2022-04-01T12:00:00+00:00", "edit")
    subprocess.run(["git", "mv", "docs/anotasi/lama.md", "docs/anotasi/baru.md"], cwd=repo, check=True)
    commit(repo, "2022-05-01T12:00:00+00:00", "rename")
    (notes / "kotor.md").write_text("x\n")
    commit(repo, "2022-06-01T12:00:00+00:00", "dirty later")
    (notes / "kotor.md").write_text("uncommitted\n")
    (notes / "baru-sekali.md").write_text("untracked\n")

    history = History.load(repo, [repo / "docs"])
    renamed = history.of(notes / "baru.md")
    assert (iso(renamed.created), iso(renamed.modified)) == ("2022-03-01T03:00:00Z", "2022-05-01T12:00:00Z")
    kept = history.of(notes / "tetap.md")
    assert (iso(kept.created), iso(kept.modified)) == ("2022-03-01T03:00:00Z", "2022-04-01T12:00:00Z")
    dirty = history.of(notes / "kotor.md")
    assert (iso(dirty.created), iso(dirty.modified)) == ("2022-06-01T12:00:00Z", "2022-01-01T00:00:00Z")
    untracked = history.of(notes / "baru-sekali.md")
    assert untracked.created == untracked.modified == datetime(2022, 1, 1, tzinfo=UTC)
    together = history.of(notes / "tetap.md", notes / "baru.md")
    assert (iso(together.created), iso(together.modified)) == ("2022-03-01T03:00:00Z", "2022-05-01T12:00:00Z")
    outside = History.load(tmp_path / "nowhere-near-git", [tmp_path])
    assert outside.of(notes / "tetap.md").modified == build_date()


def test_a_file_added_again_after_a_deletion_starts_a_new_history() -> None:
    log = "\x011646092800\0\nA\0a.md\0\x011643673600\0\nD\0a.md\0\x011640995200\0\nA\0a.md\0"
    dates = parse_log(log)
    assert iso(dates["a.md"].created) == "2022-03-01T00:00:00Z"


def test_author_dates_are_clamped_to_a_real_range() -> None:
    """Security review row 9.4: a commit dated in year 10000, or with no date git can print, breaks nothing."""
    log = "\x01253402300800\0\nM\0a.md\0\x01\0\nM\0b.md\0\x01-5\0\nA\0a.md\0"
    dates = parse_log(log)
    assert dates["a.md"].created == datetime(1970, 1, 1, tzinfo=UTC)
    assert datetime.now(UTC) <= dates["a.md"].modified <= datetime.now(UTC) + timedelta(days=1)
    assert "b.md" not in dates or dates["b.md"].modified <= datetime.now(UTC) + timedelta(days=1)
