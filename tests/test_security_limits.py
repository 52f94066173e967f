"""Security review rows 1.4, 2.1, 2.5, 2.6, 2.7, 2.9: one small file must not hang a build or eat the machine.

Each case runs ``latar check`` as a subprocess under 30 s and 2 GB of address space; one strict build (also bounded)
takes every case at once and must say what ``latar check`` says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import SIDECAR, TEXT, bounded, note, project, warnings_of

QUOTES = 255_000
ANCHOR_NOTES, ANCHORS_EACH = 300, 20


def _many_anchors(files: dict[str, str]) -> None:
    """Review case 07: many notes whose anchors all say 'Putin', each limited to a different (missing) article."""
    for number in range(ANCHOR_NOTES):
        items = "".join(f"  - text: Putin\n    articles: [a{number}-{index}]\n" for index in range(ANCHORS_EACH))
        files[f"docs/anotasi/p{number:03d}.md"] = note(title=f"Putin {number}", anchors=items)


CASES = {
    "dev-zero": ({}, "docs/anotasi/nol.md", "symbolic link"),
    "redos": (
        {"seeds/redos.txt": TEXT + "aaaa\n" + "a" * 35 + "b\n", "seeds/redos.yml": SIDECAR + "publisher_lines:\n  - '^(a+)+$'\n"},
        None,
        None,
    ),
    "nested-quotes": ({"docs/anotasi/kutip.md": note(body="> " * QUOTES + "Isi.\n")}, "docs/anotasi/kutip.md:17", "nested"),
    "nested-yaml": ({"docs/anotasi/dalam.md": note(title="[" * 999 + "]" * 999)}, "docs/anotasi/dalam.md:2", "nested"),
    "long-title": (
        {"seeds/judul.txt": TEXT, "seeds/judul.yml": SIDECAR.replace("Putin dan Biden", " ".join(["w" * 15_000] * 4))},
        "seeds/judul.yml:1",
        "longer than",
    ),
    "many-anchors": ({}, "docs/anotasi/p000.md", "articles"),
}


def _files(name: str) -> dict[str, str]:
    files = dict(CASES[name][0])
    if name == "many-anchors":
        _many_anchors(files)
    return files


def _links(root: Path, name: str) -> None:
    if name == "dev-zero":
        (root / "docs" / "anotasi" / "nol.md").symlink_to("/dev/zero")


@pytest.mark.parametrize("name", list(CASES))
def test_check_is_bounded(tmp_path: Path, name: str) -> None:
    root = project(tmp_path / "proyek", _files(name))
    _links(root, name)
    done = bounded(root, "latar", "check", "--format", "text")
    _, where, words = CASES[name]
    if where is None:  # the pattern is fine: it just has to run in linear time
        assert done.returncode == 0, done.stdout + done.stderr
        return
    assert done.returncode == 1
    said = [line for line in done.stdout.splitlines() if line.startswith(where)]
    assert any(words in line for line in said), f"{where}: {words!r} not in {said[:5]} / {done.stdout[:2000]}"


def test_strict_build_is_bounded_and_says_what_check_says(tmp_path: Path) -> None:
    cases = [name for name in CASES if name != "many-anchors"]  # 300 valid note pages: a build's time, not a hostile one
    files = {path: text for name in cases for path, text in _files(name).items()}
    root = project(tmp_path / "proyek", files)
    for name in cases:
        _links(root, name)
    check = bounded(root, "latar", "check", "--format", "text")
    built = bounded(root, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "situs"))
    assert built.returncode == 1, "the strict build must fail"
    assert warnings_of(built) == set(check.stdout.splitlines())
    published = (tmp_path / "situs" / "artikel" / "redos" / "index.html").read_text("utf-8")
    assert "aaaaab" in published
    assert not (tmp_path / "situs" / "anotasi" / "nol").exists()


def test_a_huge_title_is_wrapped_in_few_measurements() -> None:
    """``cards.wrap`` trims an over-long last line by halving, not one character at a time."""
    from latar.outputs.cards import font, wrap  # noqa: PLC0415

    face = font("Bold", 48)
    calls = 0

    class Counting:
        def getlength(self, text: str) -> float:
            nonlocal calls
            calls += 1
            return face.getlength(text)

    lines = wrap(" ".join(["w" * 15_000] * 4), Counting(), 1056, 5)  # type: ignore[arg-type]
    assert lines and lines[-1].endswith(" …")
    assert all(face.getlength(line) <= 1056 for line in lines)
    assert calls < 200, f"{calls} measurements"
