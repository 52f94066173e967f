"""The search index kept between builds (issue #22): keyed by every input, never trusted when it does not check out,
and a build from it writes the same bytes as a build without it."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, SITE_NOTES, build_project, note_text, write_project
from latar.outputs import searchindex
from latar.outputs.cardcache import cache_folders
from latar.outputs.indexcache import IndexCache, digest
from latar.outputs.searchindex import FOLDER, SearchPage, index_key, write_index

PAGES = [
    SearchPage("artikel/a/", "Putin dan Biden", "Artikel", paragraphs=("Putin bertemu Biden.", "NATO menolak."), anchor="x-p-", name="a"),
    SearchPage("anotasi/nato/", "NATO", "Organisasi", "Aliansi militer.", "Pakta Pertahanan Atlantik Utara."),
    SearchPage("tentang/", "Tentang", "Halaman", body="Situs ini."),
]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


@pytest.mark.parametrize(
    "change",
    [
        {"url": "artikel/b/"},
        {"title": "Putin dan Xi"},
        {"kind": "Catatan"},
        {"summary": "Ringkas."},
        {"body": "Isi lain."},
        {"paragraphs": ("Putin bertemu Biden.", "NATO menerima.")},
        {"anchor": "y-p-"},
        {"name": "b"},
    ],
)
def test_the_key_changes_with_every_field_of_every_page(change: dict[str, object]) -> None:
    assert index_key(PAGES) == index_key(list(PAGES))
    for number in range(len(PAGES)):
        changed = list(PAGES)
        changed[number] = replace(PAGES[number], **change)  # type: ignore[arg-type]
        if changed[number] != PAGES[number]:
            assert index_key(changed) != index_key(PAGES)
    assert index_key(PAGES[:2]) != index_key(PAGES)
    assert index_key(list(reversed(PAGES))) != index_key(PAGES)  # a page's number is its place


def test_a_kept_index_is_written_as_it_was_made_and_only_the_newest_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_index(tmp_path / "plain", PAGES)
    cache = IndexCache(tmp_path / "cache")
    first = write_index(tmp_path / "first", PAGES, cache=cache)
    assert [path.name for path in entries(tmp_path / "cache")] == [f"{index_key(PAGES)}.json"]

    def made_again(*args: object) -> None:
        raise AssertionError("the kept index was not used")

    monkeypatch.setattr(searchindex, "index_files", made_again)
    again = write_index(tmp_path / "again", PAGES, cache=cache)
    assert tree(tmp_path / "first") == tree(tmp_path / "again") == tree(tmp_path / "plain")
    assert (again.pages, again.keys, again.files, again.bytes) == (first.pages, first.keys, first.files, first.bytes)
    monkeypatch.undo()
    other = [*PAGES[:2], replace(PAGES[2], body="Situs itu.")]
    write_index(tmp_path / "other", other, cache=cache)
    assert [path.name for path in entries(tmp_path / "cache")] == [f"{index_key(other)}.json"]
    assert tree(tmp_path / "other") != tree(tmp_path / "plain")


def _tamper(entry: dict, how: str) -> dict | str | None:
    files = entry["files"]
    if how == "text":
        files["x1.json"] = files["x1.json"].replace("Aliansi", "Racun")
    elif how == "missing file":  # consistent, but a file is missing: not what the index of these pages is
        del files["x2.json"]
        entry["digest"] = digest(files)
    elif how == "extra file":
        files["../../index.html"] = "racun"
        entry["digest"] = digest(files)
    elif how == "file order":
        entry["files"] = dict(reversed(list(files.items())))
        entry["digest"] = digest(entry["files"])
    elif how == "other key":
        entry["key"] = "0" * 64
    elif how == "keys count":
        entry["keys"] = "12"
    elif how == "not json":
        return "{racun"
    elif how == "truncated":
        whole = json.dumps(entry)
        return whole[: len(whole) // 2]
    elif how == "list":
        return json.dumps([entry])
    return entry


@pytest.mark.parametrize(
    "how", ["text", "missing file", "extra file", "file order", "other key", "keys count", "not json", "truncated", "list", "link"]
)
def test_a_tampered_entry_is_never_used_and_is_replaced(tmp_path: Path, how: str) -> None:
    write_index(tmp_path / "plain", PAGES)
    cache = IndexCache(tmp_path / "cache")
    write_index(tmp_path / "first", PAGES, cache=cache)
    [path] = entries(tmp_path / "cache")
    if how == "link":
        planted = tmp_path / "planted.json"
        planted.write_text(path.read_text("utf-8").replace("Aliansi", "Racun"), encoding="utf-8")
        path.unlink()
        path.symlink_to(planted)
    else:
        tampered = _tamper(json.loads(path.read_text("utf-8")), how)
        path.write_text(tampered if isinstance(tampered, str) else json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    assert cache.get(index_key(PAGES)) is None or how in ("missing file", "file order")  # well-formed: write_index checks the names
    write_index(tmp_path / "again", PAGES, cache=cache)
    assert tree(tmp_path / "again") == tree(tmp_path / "plain")
    assert not path.is_symlink() and cache.get(index_key(PAGES)) is not None  # made again, kept again
    assert "Racun" not in path.read_text("utf-8")


def test_no_cache_folder_or_a_linked_one_keeps_nothing(tmp_path: Path) -> None:
    write_index(tmp_path / "plain", PAGES, cache=IndexCache(None))
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ("f" * 64 + ".json")).write_text("milik orang lain", encoding="utf-8")
    (tmp_path / "cache").symlink_to(victim, target_is_directory=True)
    write_index(tmp_path / "linked", PAGES, cache=IndexCache(tmp_path / "cache"))
    assert tree(tmp_path / "linked") == tree(tmp_path / "plain")
    assert [path.name for path in victim.iterdir()] == ["f" * 64 + ".json"]


def test_the_index_cache_follows_the_card_cache_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "base"))
    folders, refused = cache_folders(tmp_path / "project", None)
    assert (folders, refused) == ({name: tmp_path / "base" / name for name in ("kartu", "cari", "catatan", "templat")}, [])
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "cari").symlink_to(tmp_path, target_is_directory=True)
    folders, refused = cache_folders(tmp_path / "project", None)
    assert folders["cari"] is None and folders["kartu"] == tmp_path / "base" / "kartu"
    assert len(refused) == 1 and "search index" in refused[0] and "symbolic link" in refused[0]
    (tmp_path / "base" / "cari").unlink()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "base").rename(tmp_path / "old")
    (tmp_path / "base").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    folders, refused = cache_folders(tmp_path / "project", None)
    assert set(folders.values()) == {None} and len(refused) == 1, refused


def test_a_build_from_the_kept_index_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold, warm, and after a note's title changed: each build writes what a build without the cache writes."""
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    config = MKDOCS_YML.replace("  - latar\n", "  - search\n  - latar\n")
    assert config != MKDOCS_YML
    root = write_project(tmp_path / "project", SITE_NOTES, config=config)
    sites = {}
    for name in ("cold", "warm"):
        built = build_project(root, tmp_path / name)
        assert built.ok, built.warnings
        sites[name] = tree(tmp_path / name)
    assert len(entries(tmp_path / "cache" / "cari")) == 1
    assert sites["cold"] == sites["warm"]
    assert any(path.startswith(f"{FOLDER}/") for path in sites["warm"])

    (root / "docs" / "anotasi" / "nato.md").write_text(
        note_text(title="Pakta Atlantik Utara", kind="organization", summary="Aliansi.", anchors="  - text: NATO\n    occurrence: all\n"),
        encoding="utf-8",
    )
    changed = build_project(root, tmp_path / "changed")
    shutil.rmtree(tmp_path / "cache" / "cari")
    uncached = build_project(root, tmp_path / "uncached")
    assert changed.ok and uncached.ok, changed.warnings + uncached.warnings
    assert tree(tmp_path / "changed") == tree(tmp_path / "uncached")
    index = [path for path in tree(tmp_path / "changed") if path.startswith(f"{FOLDER}/")]
    assert index != [path for path in sites["warm"] if path.startswith(f"{FOLDER}/")]  # a new build name: made anew
    assert os.listdir(tmp_path / "cache" / "cari")
