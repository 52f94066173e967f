"""The ``latar`` command: find the project, check without building, placements, new note skeletons."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_SEEDS, MKDOCS_YML, SEED_NAME, SOURCE_URL, note_text
from latar.cli.main import main
from latar.core.command import latar_command
from latar.core.notes import note_problems

LATAR = Path(sys.executable).with_name("latar")
KITES = "Penulis\nTim dari {place} datang ke festival layang-layang di pantai.\nIkuti kami di media sosial.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "anotasi").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for suffix in (".txt", ".yml"):
        shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", tmp_path / "seeds" / f"{SEED_NAME}{suffix}")
    (tmp_path / "docs" / "anotasi" / "krimea.md").write_text(note_text(), encoding="utf-8")
    return tmp_path


def run(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed ``latar`` command, run in ``cwd`` (plain-text output even under GitHub Actions)."""
    env = env or {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run([str(LATAR), *args], cwd=cwd, capture_output=True, text=True, check=False, env=env)


def test_check_passes_on_good_notes(project: Path) -> None:
    result = run(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 note, 1 article, 1 placement, 0 problems" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (note_text(kind="tokoh"), "docs/anotasi/rusak.md:3: 'kind' is 'tokoh'"),
        (note_text(anchors="  - text: Krimeaa\n"), "docs/anotasi/rusak.md:6: anchor 'Krimeaa' matches nothing"),
        (note_text(title="[x"), "rusak.md:3: invalid YAML"),
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


# Finding the project (#11.4)


@pytest.mark.parametrize("where", ["docs/anotasi", "docs", "seeds"])
def test_check_from_a_sub_folder_checks_the_project(project: Path, where: str) -> None:
    (project / "docs" / "anotasi" / "rusak.md").write_text(note_text(kind="tokoh"), encoding="utf-8")
    result = run(project / where, "check")
    assert result.returncode == 1
    assert result.stdout.startswith("docs/anotasi/rusak.md:3: 'kind' is 'tokoh'")
    assert "2 notes" not in result.stderr and "1 note, 1 article" in result.stderr


def test_check_outside_a_project_refuses(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert "no mkdocs.yml here or in any parent folder; run latar inside the project or pass --config" in result.stderr


def test_config_option_and_folders_from_mkdocs_yml(project: Path, tmp_path_factory) -> None:
    """``--config`` from anywhere; ``docs_dir``, ``seeds_dir`` and ``notes_dir`` are read from mkdocs.yml."""
    (project / "docs").rename(project / "inhalt")
    (project / "inhalt" / "anotasi").rename(project / "inhalt" / "notizen")
    (project / "seeds").rename(project / "artikel-teks")
    config = MKDOCS_YML.replace("  - latar\n", "  - latar:\n      seeds_dir: artikel-teks\n      notes_dir: notizen\n")
    (project / "mkdocs.yml").write_text("docs_dir: inhalt\n" + config + "extra:\n  x: !ENV [NOPE, 1]\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run(elsewhere, "--config", str(project / "mkdocs.yml"), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 note, 1 article, 1 placement" in result.stderr
    assert run(project / "inhalt" / "notizen", "check", "--placements").stdout.startswith("inhalt/notizen/krimea.md: ")


def test_a_mkdocs_yml_without_latar_is_not_a_project(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: lain\nplugins: [search]\n", encoding="utf-8")
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert "does not use the latar plugin" in result.stderr


def test_version_and_help() -> None:
    version = run(Path.cwd(), "--version")
    assert version.returncode == 0
    assert version.stdout.strip().startswith("latar 0.")
    helped = run(Path.cwd(), "check", "--help").stdout
    assert "Validate every note" in helped and "exit status:" in helped and "1  problems found" in helped
    for option in ("--format", "--placements", "--base", "--config", "--seeds", "--notes"):
        assert option in helped
    new = run(Path.cwd(), "new", "--help").stdout
    assert "(default: background)" in new and "(default: the id's words" in new


def test_every_option_says_its_default() -> None:
    from latar.cli.main import build_parser  # noqa: PLC0415

    parser = build_parser()
    parsers = [parser, *parser._subparsers._group_actions[0].choices.values()]
    for sub in parsers:
        for action in sub._actions:
            if action.option_strings and action.dest not in ("help", "version"):
                assert "default" in (action.help or ""), f"{sub.prog} {action.option_strings}"


# Placements (#11.9)


def test_placements_say_where_every_note_lands(project: Path) -> None:
    (project / "docs" / "anotasi" / "nato.md").write_text(
        note_text(title="NATO", kind="organization", anchors="  - text: NATO\n"), encoding="utf-8"
    )
    first = run(project, "check", "--placements")
    assert first.returncode == 0, first.stdout + first.stderr
    lines = first.stdout.splitlines()
    assert lines == sorted(lines) and len(lines) == 2
    krimea, nato = lines
    assert krimea == (
        f"docs/anotasi/krimea.md: {SEED_NAME} paragraph 6 (seeds/{SEED_NAME}.txt:7): "
        "…ini mengikuti pencaplokan semenanjung [Krimea] milik Ukraina tahun 2014 yang didukung…"
    )
    assert nato.startswith(f"docs/anotasi/nato.md: {SEED_NAME} paragraph 11 (seeds/{SEED_NAME}.txt:12): ")
    assert nato.endswith("[NATO], kata Ushakov. (the first of 5 occurrences)")  # said, not hidden
    assert run(project, "check", "--placements").stdout == first.stdout


def test_anchor_limited_to_named_articles(project: Path) -> None:
    """``anchors[].articles``: the anchor applies only there; the same phrase elsewhere is left alone."""
    meta = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8")
    (project / "seeds" / "layang-layang.txt").write_text(KITES.format(place="Krimea"), "utf-8")
    (project / "seeds" / "layang-layang.yml").write_text(meta.replace("Intisari - Online.com -", "Tim"), "utf-8")
    everywhere = run(project, "check", "--placements").stdout.splitlines()
    assert [line.split(": ")[1].split(" paragraph")[0] for line in everywhere] == [SEED_NAME, "layang-layang"]
    limited = note_text(anchors=f"  - text: Krimea\n    articles: [{SEED_NAME}]\n")
    (project / "docs" / "anotasi" / "krimea.md").write_text(limited, encoding="utf-8")
    result = run(project, "check", "--placements")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(": ")[1].split(" paragraph")[0] for line in result.stdout.splitlines()] == [SEED_NAME]
    (project / "seeds" / f"{SEED_NAME}.txt").rename(project / "seeds" / "dihapus.txt")
    (project / "seeds" / f"{SEED_NAME}.yml").rename(project / "seeds" / "dihapus.yml")
    renamed = run(project, "check")
    assert renamed.stdout.splitlines() == [
        f"docs/anotasi/krimea.md:7: article '{SEED_NAME}' does not exist; it was renamed or removed "
        "(articles: dihapus, layang-layang); correct the name in 'articles' or remove it"
    ]


def test_phrase_only_in_an_article_the_anchor_leaves_out(project: Path) -> None:
    meta = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8")
    (project / "seeds" / "layang-layang.txt").write_text(KITES.format(place="Jenewa"), "utf-8")
    (project / "seeds" / "layang-layang.yml").write_text(meta.replace("Intisari - Online.com -", "Tim"), "utf-8")
    text = note_text(anchors=f"  - text: Tim dari Jenewa\n    articles: [{SEED_NAME}]\n")
    (project / "docs" / "anotasi" / "krimea.md").write_text(text, encoding="utf-8")
    (line,) = run(project, "check").stdout.splitlines()
    assert "it is found only in the article 'layang-layang', which its 'articles' leaves out" in line


# Scaffolds (#11.3, #11.4)


def test_new_writes_a_skeleton_that_check_points_at(project: Path) -> None:
    result = run(project / "docs" / "anotasi", "new", "jen-psaki", "--anchor", "Jen Psaki", "--kind", "person")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote docs/anotasi/jen-psaki.md;")
    assert result.stderr == ""  # the phrase is in the article and nobody else claims it
    path = project / "docs" / "anotasi" / "jen-psaki.md"
    text = path.read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert (front["kind"], front["anchors"][0]["text"], front["title"]) == ("person", "Jen Psaki", "Jen Psaki")
    checked = run(project, "check")
    assert checked.returncode == 1
    problems = checked.stdout.splitlines()
    assert problems == [str(p) for p in note_problems("jen-psaki", text, "docs/anotasi/jen-psaki.md")]
    assert "docs/anotasi/jen-psaki.md:9: 'sources[1].url' has the placeholder address example.org" in checked.stdout
    assert "docs/anotasi/jen-psaki.md:4: 'summary' still has the scaffold's text" in checked.stdout


def test_new_anchor_defaults_to_the_ids_words(project: Path) -> None:
    assert run(project, "new", "perang-dingin").returncode == 0
    text = (project / "docs" / "anotasi" / "perang-dingin.md").read_text("utf-8")
    assert 'title: "Perang dingin"\n' in text and '- text: "perang dingin"\n' in text


@pytest.mark.parametrize(
    ("phrase", "warning"),
    [
        ("Krimea", "docs/anotasi/semenanjung.md:6: the phrase 'Krimea' is already claimed by docs/anotasi/krimea.md"),
        ("Krimeaa", "docs/anotasi/semenanjung.md:6: anchor 'Krimeaa' matches nothing in any article: closest text in the article"),
    ],
)
def test_new_warns_at_once_about_its_phrase(project: Path, phrase: str, warning: str) -> None:
    result = run(project, "new", "semenanjung", "--anchor", phrase)
    assert result.returncode == 0
    assert result.stderr.startswith(f"warning: {warning}"), result.stderr
    assert len(result.stderr.splitlines()) == 1  # on the new note only, even without git


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["new", "Perang Dingin"],
            "'Perang Dingin' is not a safe id (lower-case letters, digits and hyphens); "
            'try: {latar} new perang-dingin --anchor "Perang Dingin"',
        ),
        (["new", "Jen Psaki", "--anchor", "x"], "try: {latar} new jen-psaki\n"),
        (["new", "krimea", "--anchor", "x"], "docs/anotasi/krimea.md already exists"),
    ],
)
def test_new_refuses_bad_ids_and_overwrites(project: Path, args: list[str], expected: str) -> None:
    result = run(project, *args)
    assert result.returncode == 2
    assert expected.replace("{latar}", latar_command(project)) in result.stderr  # the latar a fresh shell there finds


def test_placeholder_urls_are_recognised() -> None:
    from latar.core.rules import placeholder  # noqa: PLC0415

    for url in ("https://example.org/a", "https://www.example.com", "https://sub.example.net/x", "https://x.test/", "https://localhost/"):
        assert placeholder(url), url
    for url in (SOURCE_URL, "https://example.co.id/", "https://examples.org/", "https://press.un.org/x"):
        assert placeholder(url) is None, url


def test_the_command_reads_the_plugins_defaults() -> None:
    """The command does not import MkDocs (it stays fast), so it keeps its own copy of the plugin's defaults."""
    from latar.cli.project import DEFAULTS  # noqa: PLC0415
    from latar.mkdocs.config import LatarConfig  # noqa: PLC0415

    defaults = dict(LatarConfig()._schema)
    assert {key: defaults[key].default for key in DEFAULTS} == DEFAULTS
