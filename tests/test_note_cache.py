"""Parsed notes kept between builds (issue #22): the same results as parsing, a changed text or code parsed again,
and a kept entry that does not check out never used."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, ROOT, SITE_NOTES, build_project, note_text, write_project
from latar.core import notecache
from latar.core.notecache import FILE, KeptNotes
from latar.core.notes import InvalidNote, Note, parse_note
from latar.core.problems import InputError

CLARIFICATION = note_text(
    title="Klarifikasi",
    kind="clarification",
    summary="Artikel keliru menerjemahkan.",
    extra=(
        "claim: Krimea\nverdict: mistranslated\n"
        "original:\n  text: Crimea\n  language: en\n  source: 2\n  closest: true\nredirect_from: [lama]\nwikidata: Q7835\n"
        "date: '2014'\nhindsight: true\n"
    ),
)
NOTES = {
    "krimea": note_text(),
    "klarifikasi": CLARIFICATION,
    "pendek": note_text(body="Terlalu pendek."),  # an editorial problem: published, with problems
    "rusak": note_text(kind="tokoh"),  # invalid: kept out, its anchors still checked
    "kosong": "",  # not a note at all
    "Bukan_Slug": note_text(),
}


def result(note_id: str, text: str, parse) -> tuple[str, object]:
    """What parsing gave, in full (``problems`` and ``claim_line`` are left out of a Note's equality)."""
    try:
        note = parse(note_id, text, f"docs/anotasi/{note_id}.md")
    except InvalidNote as err:
        return "invalid", (err.problems, err.anchors)
    except InputError as err:
        return "input", (err.problems,)
    assert isinstance(note, Note)
    return "note", (dataclasses.astuple(note), note.problems, note.claim_line)


def twice(folder: Path, notes: dict[str, str]) -> tuple[KeptNotes, KeptNotes, dict[str, object], dict[str, object]]:
    first = KeptNotes(folder)
    first.next_build()
    cold = {note_id: result(note_id, text, first.parse) for note_id, text in notes.items()}
    first.save()
    second = KeptNotes(folder)
    second.next_build()
    warm = {note_id: result(note_id, text, second.parse) for note_id, text in notes.items()}
    return first, second, cold, warm


def test_kept_results_are_what_parsing_gives(tmp_path: Path) -> None:
    first, second, cold, warm = twice(tmp_path, NOTES)
    assert {kind for kind, _ in cold.values()} == {"note", "invalid", "input"}
    assert cold == warm == {note_id: result(note_id, text, parse_note) for note_id, text in NOTES.items()}
    assert (first.reused, second.reused) == (0, len(NOTES))


@pytest.mark.content
def test_every_real_note_is_kept_as_parsed(tmp_path: Path) -> None:
    notes = {path.stem: path.read_text("utf-8") for path in sorted((ROOT / "docs" / "anotasi").glob("*.md")) if path.name != "index.md"}
    assert notes
    _, second, cold, warm = twice(tmp_path, notes)
    assert cold == warm and second.reused == len(notes)


def test_a_changed_text_or_label_or_code_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    twice(tmp_path, NOTES)
    kept = KeptNotes(tmp_path)
    kept.next_build()
    changed = note_text(title="Krimea (semenanjung)")
    assert result("krimea", changed, kept.parse) == result("krimea", changed, parse_note)
    assert kept.parse("krimea", changed, "docs/anotasi/lain.md").path == "docs/anotasi/lain.md"
    assert kept.reused == 0
    kept.parse("krimea", NOTES["krimea"], "docs/anotasi/krimea.md")
    assert kept.reused == 1
    kept.save()
    assert len(json.loads((tmp_path / FILE).read_text("utf-8"))["notes"]) == 3  # what this build read, nothing else
    monkeypatch.setattr(notecache, "code_key", lambda: "0" * 64)  # latar's core or a package changed
    again = KeptNotes(tmp_path)
    again.next_build()
    again.parse("krimea", NOTES["krimea"], "docs/anotasi/krimea.md")
    assert again.reused == 0


def _tamper(entry: dict, how: str) -> object:
    note = entry["note"]
    if how == "title type":
        note["title"] = 12
    elif how == "bool for int":
        note["anchors"][0]["line"] = True
    elif how == "extra field":
        note["racun"] = "<script>"
    elif how == "missing field":
        del note["body"]
    elif how == "not a dict":
        return [note]
    return entry


@pytest.mark.parametrize(
    "how", ["title type", "bool for int", "extra field", "missing field", "not a dict", "not json", "link", "other file"]
)
def test_a_tampered_entry_is_never_used(tmp_path: Path, how: str) -> None:
    notes = {"krimea": NOTES["krimea"]}
    twice(tmp_path, notes)
    path = tmp_path / FILE
    data = json.loads(path.read_text("utf-8"))
    [key] = data["notes"]
    if how == "not json":
        path.write_text("{racun", encoding="utf-8")
    elif how == "link":
        planted = tmp_path / "planted.json"
        data["notes"][key]["note"]["title"] = "Racun"
        planted.write_text(json.dumps(data), encoding="utf-8")
        path.unlink()
        path.symlink_to(planted)
    elif how == "other file":
        path.unlink()
        path.mkdir()
    else:
        data["notes"][key] = _tamper(data["notes"][key], how)
        path.write_text(json.dumps(data), encoding="utf-8")
    kept = KeptNotes(tmp_path)
    kept.next_build()
    assert result("krimea", notes["krimea"], kept.parse) == result("krimea", notes["krimea"], parse_note)
    assert kept.reused == 0


def test_a_build_from_kept_notes_is_byte_identical_and_says_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    notes = {**SITE_NOTES, "pendek": note_text(title="Pendek", anchors="  - text: NATO\n", body="Terlalu pendek."), "rusak": NOTES["rusak"]}
    root = write_project(tmp_path / "project", notes, config=MKDOCS_YML.replace("  - latar\n", "  - search\n  - latar\n"))
    built = {name: build_project(root, tmp_path / name, strict=False) for name in ("cold", "warm")}
    assert (tmp_path / "cache" / "catatan" / FILE).is_file()
    assert built["cold"].problems == built["warm"].problems
    assert any("pendek" in p for p in built["cold"].problems) and any("rusak" in p for p in built["cold"].problems)
    files = {
        name: {p.relative_to(tmp_path / name).as_posix(): p.read_bytes() for p in (tmp_path / name).rglob("*") if p.is_file()}
        for name in built
    }
    assert files["cold"] == files["warm"]
