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
from latar.outputs import indexcache, searchindex
from latar.outputs.cardcache import cache_folders
from latar.outputs.indexcache import ENTRY, IndexCache
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
    """The kept entries (one folder each)."""
    return sorted(path for path in cache.iterdir() if not path.name.endswith(".json"))


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


def test_a_kept_index_is_linked_as_it_was_made_and_only_the_newest_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_index(tmp_path / "plain", PAGES)
    cache = IndexCache(tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    old_form = tmp_path / "cache" / f"{'a' * 64}.json"  # an entry of the earlier form (one JSON): dropped
    old_form.write_text("{}", encoding="utf-8")
    first = write_index(tmp_path / "first", PAGES, cache=cache)
    assert [path.name for path in entries(tmp_path / "cache")] == [index_key(PAGES)]
    assert not old_form.exists()

    def made_again(*args: object) -> None:
        raise AssertionError("the kept index was not used")

    monkeypatch.setattr(searchindex, "index_files", made_again)
    again = write_index(tmp_path / "again", PAGES, cache=cache)
    assert tree(tmp_path / "first") == tree(tmp_path / "again") == tree(tmp_path / "plain")
    assert (again.pages, again.keys, again.files, again.bytes) == (first.pages, first.keys, first.files, first.bytes)
    [entry] = entries(tmp_path / "cache")
    for path in (tmp_path / "again" / FOLDER).glob("*/*.json"):  # no file made anew: each is the kept one
        assert path.stat().st_ino == (entry / path.name).stat().st_ino
    monkeypatch.undo()
    other = [*PAGES[:2], replace(PAGES[2], body="Situs itu.")]
    write_index(tmp_path / "other", other, cache=cache)
    assert [path.name for path in entries(tmp_path / "cache")] == [index_key(other)]
    assert tree(tmp_path / "other") != tree(tmp_path / "plain")
    assert tree(tmp_path / "again") == tree(tmp_path / "plain")  # the site of an earlier build is untouched


def _tamper(entry: Path, how: str) -> None:
    """Damage the kept entry folder ``entry`` one way."""
    manifest_path = entry / ENTRY
    manifest = json.loads(manifest_path.read_text("utf-8"))
    if how == "text":  # a file edited in place (through the site's link, or in the cache)
        text = (entry / "x1.json").read_text("utf-8")
        with (entry / "x1.json").open("r+", encoding="utf-8") as out:
            out.write(text.replace("Aliansi", "Racun!!"))
    elif how == "file gone":
        (entry / "x2.json").unlink()
    elif how == "missing file":  # named no more: not what the index of these pages is
        manifest["files"].remove("x2.json")
    elif how == "extra file":
        manifest["files"].append("../../index.html")
    elif how == "file order":
        manifest["files"].reverse()
    elif how == "other key":
        manifest["key"] = "0" * 64
    elif how == "keys count":
        manifest["keys"] = "12"
    elif how == "negative keys count":
        manifest["keys"] = -7
    elif how == "build":
        manifest["build"] = "f" * 64
    elif how == "not json":
        manifest_path.write_text("{racun", encoding="utf-8")
    elif how == "truncated":
        whole = manifest_path.read_text("utf-8")
        manifest_path.write_text(whole[: len(whole) // 2], encoding="utf-8")
    elif how == "list":
        manifest_path.write_text(json.dumps([manifest]), encoding="utf-8")
    elif how == "file is a link":
        planted = entry.parent.parent / "planted.json"
        planted.write_text((entry / "x1.json").read_text("utf-8").replace("Aliansi", "Racun"), encoding="utf-8")
        (entry / "x1.json").unlink()
        (entry / "x1.json").symlink_to(planted)
    elif how == "entry is a link":
        planted = entry.parent.parent / "planted"
        shutil.copytree(entry, planted)
        (planted / "x1.json").write_text((planted / "x1.json").read_text("utf-8").replace("Aliansi", "Racun"), encoding="utf-8")
        shutil.rmtree(entry)
        entry.symlink_to(planted, target_is_directory=True)
    if how in ("missing file", "extra file", "file order", "other key", "keys count", "negative keys count", "build"):
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    "how",
    [
        "text",
        "file gone",
        "missing file",
        "extra file",
        "file order",
        "other key",
        "keys count",
        "negative keys count",
        "build",
        "not json",
        "truncated",
        "list",
        "file is a link",
        "entry is a link",
    ],
)
def test_a_tampered_entry_is_never_used_and_is_replaced(tmp_path: Path, how: str) -> None:
    plain = write_index(tmp_path / "plain", PAGES)
    cache = IndexCache(tmp_path / "cache")
    write_index(tmp_path / "first", PAGES, cache=cache)
    [entry] = entries(tmp_path / "cache")
    _tamper(entry, how)
    again = write_index(tmp_path / "again", PAGES, cache=cache)
    assert tree(tmp_path / "again") == tree(tmp_path / "plain")
    assert (again.keys, again.files, again.bytes) == (plain.keys, plain.files, plain.bytes)  # what the log reports
    assert not entry.is_symlink() and cache.get(index_key(PAGES)) is not None  # made again, kept again
    assert all("Racun" not in path.read_text("utf-8") for path in entry.iterdir())
    assert not list((tmp_path / "again" / FOLDER).glob(".making*"))


def test_leftovers_are_removed_on_a_hit_but_not_another_builds_work(tmp_path: Path) -> None:
    """What a stopped build or the earlier form of the cache left goes on the next build, hit or miss; a young
    ``.making-*`` folder may be another build's, at work, and stays."""
    cache = IndexCache(tmp_path / "cache")
    write_index(tmp_path / "first", PAGES, cache=cache)
    old_form = tmp_path / "cache" / f"{'b' * 64}.json"
    old_form.write_text("{}", encoding="utf-8")
    (tmp_path / "cache" / "tmpabc.tmp").write_text("{", encoding="utf-8")
    stopped, working = tmp_path / "cache" / ".making-stopped", tmp_path / "cache" / ".making-working"
    for folder in (stopped, working):
        folder.mkdir()
        (folder / "t0.json").write_text("{}", encoding="utf-8")
    os.utime(stopped, (1, 1))
    other_owner = tmp_path / "cache" / "catatan-lain.txt"  # not a name this cache writes: never touched
    other_owner.write_text("milik orang lain", encoding="utf-8")
    write_index(tmp_path / "again", PAGES, cache=cache)
    assert sorted(path.name for path in (tmp_path / "cache").iterdir()) == sorted([index_key(PAGES), working.name, other_owner.name])


def test_an_unreadable_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder the build may not read (permissions: tests run as root here, so the refusal is the OS's answer
    played back) is never a traceback: the index is made and the cache left alone."""
    write_index(tmp_path / "plain", PAGES)
    cache = IndexCache(tmp_path / "cache")
    write_index(tmp_path / "first", PAGES, cache=cache)

    def refused(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(indexcache.os, "lstat", refused)
    monkeypatch.setattr(indexcache.os, "scandir", refused)
    assert cache.get(index_key(PAGES)) is None
    write_index(tmp_path / "again", PAGES, cache=cache)
    assert tree(tmp_path / "again") == tree(tmp_path / "plain")


def test_no_cache_folder_or_a_linked_one_keeps_nothing(tmp_path: Path) -> None:
    write_index(tmp_path / "plain", PAGES, cache=IndexCache(None))
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ("f" * 64)).mkdir()
    (victim / ("f" * 64 + ".json")).write_text("milik orang lain", encoding="utf-8")
    (tmp_path / "cache").symlink_to(victim, target_is_directory=True)
    write_index(tmp_path / "linked", PAGES, cache=IndexCache(tmp_path / "cache"))
    assert tree(tmp_path / "linked") == tree(tmp_path / "plain")
    assert sorted(path.name for path in victim.iterdir()) == ["f" * 64, "f" * 64 + ".json"]


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
