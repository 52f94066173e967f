"""Security review rows 2.6, 2.7, 2.9, 2.10, 9.2, 10.7, 10.8 and the parser crash: contributed text is a problem, never a traceback.

Every case sits in one project; ``latar check`` and the strict build must give the same problems, each on its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hostile import SIDECAR, TEXT, Built, Run, latar, latar_check, note, project, strict_build, xss_payloads

NATO = "  - text: NATO\n"


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    content: str
    where: str
    words: str


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def anchors(count: int) -> str:
    return "".join(f"  - text: NATO\n    prefix: 'x{i} '\n" for i in range(count))


CASES = [
    Case("binary tag", "docs/anotasi/a-binary.md", note(title="!!binary aGVsbG8="), "docs/anotasi/a-binary.md:2", "YAML tag"),
    Case("timestamp tag", "docs/anotasi/a-timestamp.md", note(title="!!timestamp 2001-12-14"), "docs/anotasi/a-timestamp.md:2", "YAML tag"),
    Case("set tag", "docs/anotasi/a-set.md", note(title="!!set {a, b}"), "docs/anotasi/a-set.md:2", "YAML tag"),
    Case("custom tag", "docs/anotasi/a-custom.md", note(title="!pribadi x"), "docs/anotasi/a-custom.md:2", "YAML tag"),
    Case("integer key", "docs/anotasi/a-intkey.md", note(extra="1: x\n"), "docs/anotasi/a-intkey.md:16", "a key must be text"),
    Case("null key", "docs/anotasi/a-nullkey.md", note(extra="~: x\n"), "docs/anotasi/a-nullkey.md:16", "a key must be text"),
    Case("bool key", "docs/anotasi/a-boolkey.md", note(extra="yes: x\n"), "docs/anotasi/a-boolkey.md:16", "a key must be text"),
    Case("huge integer", "docs/anotasi/a-hugeint.md", note(extra="date: " + "9" * 5000 + "\n"), "docs/anotasi/a-hugeint.md:16", "digits"),
    Case("float", "docs/anotasi/a-float.md", note(extra="hindsight: 1.5e+308\n"), "docs/anotasi/a-float.md:16", "not allowed"),
    Case("nested 400", "docs/anotasi/a-nested.md", note(title=nested(400)), "docs/anotasi/a-nested.md:2", "nested"),
    Case("nested 900", "docs/anotasi/a-nested900.md", note(title=nested(900)), "docs/anotasi/a-nested900.md:2", "nested"),
    Case("nested maps", "docs/anotasi/a-maps.md", note(title="{a: " * 300 + "1" + "}" * 300), "docs/anotasi/a-maps.md:2", "nested"),
    Case("integer date", "docs/anotasi/a-intdate.md", note(extra="date: 99999\n"), "docs/anotasi/a-intdate.md:16", "in quotes"),
    Case("negative date", "docs/anotasi/a-negdate.md", note(extra="date: -1\n"), "docs/anotasi/a-negdate.md:16", "in quotes"),
    Case(
        "integer source date",
        "docs/anotasi/a-srcdate.md",
        note().replace("    date: 2021-12-31\n", "    date: 2021\n"),
        "docs/anotasi/a-srcdate.md:11",
        "in quotes",
    ),
    Case("too many anchors", "docs/anotasi/a-anchors.md", note(anchors=anchors(40)), "docs/anotasi/a-anchors.md:5", "at most"),
    Case("deep quotes", "docs/anotasi/a-quotes.md", note(body="> " * 5000 + "Isi.\n"), "docs/anotasi/a-quotes.md:17", "nested"),
    Case("deep lists", "docs/anotasi/a-lists.md", note(body="- " * 5000 + "Isi.\n"), "docs/anotasi/a-lists.md:17", "nested"),
    Case("bidi in title", "docs/anotasi/a-bidi.md", note(title="NATO \u202egnp.exe"), "docs/anotasi/a-bidi.md:2", "U+202E"),
    Case("isolate in summary", "docs/anotasi/a-isolate.md", note(summary="x \u2066y\u2069 z"), "docs/anotasi/a-isolate.md:4", "U+2066"),
    Case("mark in anchor", "docs/anotasi/a-mark.md", note(anchors="  - text: NATO\u200e\n"), "docs/anotasi/a-mark.md:6", "U+200E"),
    Case("arabic mark in body", "docs/anotasi/a-alm.md", note(body="Teks \u061c di sini.\n" * 40), "docs/anotasi/a-alm.md:17", "U+061C"),
    Case(
        "zero width space",
        "docs/anotasi/a-zwsp.md",
        note(title="NA\u200bTO", anchors="  - text: Putin\n"),
        "docs/anotasi/a-zwsp.md:2",
        "U+200B",
    ),
    Case(
        "zero width joiner body",
        "docs/anotasi/a-zwj.md",
        note(body="Te\u200dks.\n" * 160, anchors="  - text: Biden\n"),
        "docs/anotasi/a-zwj.md:17",
        "U+200D",
    ),
    Case(
        "inner BOM",
        "docs/anotasi/a-bom.md",
        note(summary="Semenanjung\ufeff di Laut Hitam.", anchors="  - text: Kremlin\n"),
        "docs/anotasi/a-bom.md:4",
        "U+FEFF",
    ),
    Case("bidi in seed", "seeds/bidi.txt", TEXT.replace("Kremlin", "Krem\u202elin"), "seeds/bidi.txt:3", "U+202E"),
    Case("tag in sidecar", "seeds/tag.yml", SIDECAR.replace("language: id", "language: !!binary aWQ="), "seeds/tag.yml:5", "YAML tag"),
    Case(
        "long sidecar title", "seeds/judul.yml", SIDECAR.replace("Putin dan Biden", "x" * 15_000 + " "), "seeds/judul.yml:1", "longer than"
    ),
    Case(
        "long remark",
        "seeds/catatan.yml",
        SIDECAR + "remarks:\n  - '" + "y" * 5000 + "'\n",
        "seeds/catatan.yml:7",
        "longer than",
    ),
    Case(
        "lookbehind",
        "seeds/lihat.yml",
        SIDECAR + "publisher_lines:\n  - '(?<=Baca) juga'\n",
        "seeds/lihat.yml:7",
        "lookbehind",
    ),
    Case(
        "backreference",
        "seeds/rujuk.yml",
        SIDECAR + "publisher_lines:\n  - '(a)\\1'\n",
        "seeds/rujuk.yml:7",
        "backreference",
    ),
    Case(
        "long pattern", "seeds/panjang.yml", SIDECAR + "publisher_lines:\n  - '" + "a" * 600 + "'\n", "seeds/panjang.yml:7", "longer than"
    ),
]
SIDE_FILES = {"seeds/bidi.yml": SIDECAR, **{c.path.replace(".yml", ".txt"): TEXT for c in CASES if c.path.endswith(".yml")}}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Built]:
    root = project(tmp_path_factory.mktemp("input") / "proyek", {**SIDE_FILES, **{c.path: c.content for c in CASES}})
    return root, latar_check(root), strict_build(root)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_is_a_problem_on_its_line(checked, case: Case) -> None:
    _, check, built = checked
    assert "Traceback" not in check.err
    said = [line for line in check.problems if line.startswith(case.where + ":")]
    assert any(case.words in line for line in said), f"expected '{case.words}' at {case.where}; said there: {said}"
    assert any(case.words in line for line in built.problems if line.startswith(case.where + ":")), "the strict build says otherwise"


def test_check_and_build_agree_and_the_good_note_is_kept(checked) -> None:
    _, check, built = checked
    assert built.problems == check.problems
    assert not built.ok
    assert (built.site / "anotasi" / "krimea" / "index.html").is_file()
    page = (built.site / "artikel" / "uji" / "index.html").read_text("utf-8")
    assert 'href="#latar-fn-krimea"' in page


def test_a_seed_with_bidi_controls_is_never_rewritten(checked) -> None:
    root, _, built = checked
    assert "\u202e" in (root / "seeds" / "bidi.txt").read_text("utf-8")
    assert not (built.site / "artikel" / "bidi").exists()


def test_zero_width_characters_are_editorial_so_a_preview_keeps_the_note(checked) -> None:
    root, _, _ = checked
    preview = strict_build(root, strict=False)
    assert (preview.site / "anotasi" / "a-zwsp" / "index.html").is_file()
    assert not (preview.site / "anotasi" / "a-bidi").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("new", "kremlin\n"), "not a safe id"),
        (("new", "../kremlin"), "not a safe id"),
        (("new", "kremlin\u202e"), "not a safe id"),
    ],
)
def test_the_command_refuses_unsafe_ids(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    root = project(tmp_path / "proyek")
    run = latar("--root", str(root), *args)
    assert run.code == 2
    assert words in run.err
    assert sorted(p.name for p in (root / "docs" / "anotasi").iterdir()) == ["krimea.md"]


def test_note_from_issue_refuses_an_id_with_a_newline(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek")
    issue = tmp_path / "usulan.md"
    issue.write_text("### Frasa di artikel\n\nNATO\n", encoding="utf-8")
    run = latar("--root", str(root), "note-from-issue", str(issue), "--id", "nato\n")
    assert run.code == 2
    assert "not a safe id" in run.err


def test_every_public_payload_in_a_body_is_parsed_without_a_crash() -> None:
    """The dropped-Markdown report's parser once raised on '<![' from a public list: every payload, every parser."""
    from latar.core.notes import note_problems  # noqa: PLC0415

    crashed = {}
    for payload in [*xss_payloads(), "<![", "<![CDATA[", "<!x", "<?x", "</", "<!--", "<![ x ]]>"]:
        for text in (note(body=payload + "\n"), note(summary=repr(payload)), note(title=repr(payload))):
            try:
                note_problems("uji", text, "docs/anotasi/uji.md")
            except Exception as err:  # every exception is the failure this test looks for
                crashed[payload] = repr(err)
    assert crashed == {}
