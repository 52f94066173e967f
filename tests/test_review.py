"""Reviewed placements (#20): every place a note lands is an editor's decision, recorded in seeds/<name>.placements.yml.

Each test brings its own tiny project (tests/hostile.py) with ``review_placements: true``: ``latar check`` and the
strict build say each new, moved or vanished placement once; ``latar placements accept``/``reject`` write the record;
a rejected placement stays out of the built page and the job summary says so; hostile records give problems.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import serve
from conftest import FIXTURE_SEEDS, ROOT, SEED_NAME, note_text
from hostile import ARTICLE, CONFIG, commit_all, latar, latar_check, note, project, strict_build
from latar import strings
from latar.core.command import latar_command

REVIEWED = CONFIG.replace("      repository:", "      review_placements: true\n      repository:")
RECORD = f"seeds/{ARTICLE}.placements.yml"
KRIMEA = (
    f"seeds/{ARTICLE}.txt:2: note 'krimea' newly lands in paragraph 2: 'Pembicaraan itu membahas [Krimea], Ukraina dan perluasan "
    f"NATO…', not yet reviewed in {RECORD}"
)


def said(problems: set[str]) -> set[str]:
    """What each problem says, up to its first ':' after the file and line."""
    return {re.sub(r"^[^:]+:(\d+:)? ", "", line).split(":")[0] for line in problems}


def reviewed(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """The tiny project (one article, the note 'krimea') with placements reviewed."""
    return project(root, files, config=REVIEWED)


def accept(root: Path, *article: str) -> str:
    run = latar("--root", str(root), "placements", "accept", *article)
    assert run.code == 0, run.err
    return run.out


def record(root: Path) -> list[dict]:
    return yaml.safe_load((root / RECORD).read_text("utf-8"))["placements"]


def test_a_new_article_lists_each_placement_in_context_until_accepted(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek")
    check = latar_check(root)
    assert check.code == 1
    (problem,) = check.problems
    assert problem.startswith(KRIMEA)
    command = latar_command(root)  # as run from the project's folder, wherever check runs from
    assert f"'{command} placements accept {ARTICLE}'" in problem
    assert f"'{command} placements reject {ARTICLE} krimea --paragraph 2'" in problem
    built = strict_build(root)
    assert not built.ok and built.problems == check.problems  # one rule book
    assert "1 placement, 1 problem" in check.err

    shown = accept(root)
    assert "  accepted krimea, paragraph 2: 'Pembicaraan itu membahas [Krimea], Ukraina dan perluasan NATO…'" in shown
    assert record(root) == [
        {
            "note": "krimea",
            "phrase": "Krimea",
            "paragraph": 2,
            "occurrence": 1,
            "before": "Pembicaraan itu membahas ",
            "after": ", Ukraina dan perluasan NATO",
            "decision": "accepted",
        }
    ]
    assert latar_check(root).problems == set()
    assert strict_build(root).ok
    assert accept(root) == f"every placement is recorded; '{latar_command()} check' shows any other problem\n"  # nothing new: unchanged


def test_adding_a_note_yields_exactly_its_placements(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek")
    accept(root)
    before = (root / RECORD).read_text("utf-8")
    (root / "docs" / "anotasi" / "kremlin.md").write_text(note(title="Kremlin", anchors="  - text: Kremlin\n"), encoding="utf-8")
    (root / "docs" / "anotasi" / "biden.md").write_text(
        note(title="Biden", kind="person", anchors="  - text: Biden\n    occurrence: all\n"), encoding="utf-8"
    )
    check = latar_check(root)
    assert said(check.problems) == {"note 'kremlin' newly lands in paragraph 3", "note 'biden' newly lands in paragraph 1"}
    assert len(check.problems) == 2
    assert (root / RECORD).read_text("utf-8") == before  # check never writes
    accept(root)
    assert [(e["note"], e["paragraph"]) for e in record(root)] == [("biden", 1), ("krimea", 2), ("kremlin", 3)]


def test_editing_an_anchor_moves_its_placement_and_check_fails_until_decided(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek")
    accept(root)
    (root / "docs" / "anotasi" / "krimea.md").write_text(note(anchors="  - text: perluasan NATO\n"), encoding="utf-8")
    (problem,) = latar_check(root).problems
    assert problem.startswith(
        f"{RECORD}:6: note 'krimea' moved: the record has it in paragraph 2: 'Pembicaraan itu membahas [Krimea], Ukraina dan "
        "perluasan NATO…' (accepted), it now lands in paragraph 2: '…membahas Krimea, Ukraina dan [perluasan NATO] ke timur.'"
    )
    assert not strict_build(root).ok
    shown = accept(root)
    assert "accepted krimea, paragraph 2" in shown and "[perluasan NATO]" in shown
    assert latar_check(root).problems == set()


def test_deleting_a_note_changes_its_recorded_placements_and_check_fails_until_decided(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek")
    accept(root)
    (root / "docs" / "anotasi" / "krimea.md").unlink()
    (problem,) = latar_check(root).problems
    assert problem.startswith(f"{RECORD}:6: note 'krimea' no longer lands in paragraph 2: 'Pembicaraan itu membahas [Krimea],")
    assert f"update the record ('{latar_command(root)} placements accept {ARTICLE}')" in problem
    assert not strict_build(root).ok
    shown = accept(root)
    assert "0 accepted, 0 rejected kept, 1 gone and removed" in shown and "removed  krimea, paragraph 2" in shown
    assert record(root) == []
    assert latar_check(root).problems == set()


def test_a_rejected_placement_stays_out_of_the_page_and_the_summary_shows_it(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek", {"docs/anotasi/nato.md": note(title="NATO", anchors="  - text: NATO\n")})
    accept(root)
    commit_all(root, "dasar")
    run = latar("--root", str(root), "placements", "reject", ARTICLE, "krimea")
    assert run.code == 0, run.err
    assert (
        run.out
        == f"{RECORD}: rejected krimea, paragraph 2: 'Pembicaraan itu membahas [Krimea], Ukraina dan perluasan NATO…'; the note is kept out of this spot\n"
    )
    assert [(e["note"], e["decision"]) for e in record(root)] == [("krimea", "rejected"), ("nato", "accepted")]
    check = latar_check(root, "--placements")
    assert "1 placement, 0 problems" in check.err  # not an orphan: the editor kept it out
    assert (
        f"rejected: krimea kept out of {ARTICLE} paragraph 2: 'Pembicaraan itu membahas [Krimea], Ukraina dan perluasan NATO…'"
        in check.out.splitlines()
    )
    built = strict_build(root)
    assert built.ok, built.problems
    page = BeautifulSoup((built.site / "artikel" / ARTICLE / "index.html").read_text("utf-8"), "html.parser")
    body = page.select_one(".latar-article-body")
    assert [a.get("data-latar-note") for a in body.select(".latar-anchor")] == ["nato"]
    assert "Krimea" in body.get_text() and not page.select(".latar-unreviewed")
    assert [a["data-latar-number"] for a in body.select("a.footnote-ref")] == ["1"]  # renumbered: nothing skipped
    summary = latar("--root", str(root), "check", "--format", "markdown", "--base", "HEAD").out
    assert "### Keputusan penempatan" in summary
    assert (
        "**Putin dan Biden bicara lewat telepon** (`uji`)\n\n"
        "- 🚫 Ditolak: `krimea`, paragraf 2: Pembicaraan itu membahas **Krimea**, Ukraina dan perluasan NATO… — catatan ini "
        "tidak dipasang di sini\n"
    ) in summary
    assert "1 penempatan" in summary.splitlines()[2]


def test_reject_names_one_place_and_refuses_what_is_not_there(tmp_path: Path) -> None:
    text = "Krimea dibahas. Krimea lagi.\nPembicaraan itu membahas Krimea.\n"
    root = reviewed(
        tmp_path / "proyek",
        {f"seeds/{ARTICLE}.txt": text, "docs/anotasi/krimea.md": note(anchors="  - text: Krimea\n    occurrence: all\n")},
    )
    many = latar("--root", str(root), "placements", "reject", ARTICLE, "krimea", "--paragraph", "1")
    assert many.code == 2 and "it lands there more than once" in many.err
    assert "--occurrence 1  (paragraph 1: '[Krimea] dibahas. Krimea lagi.')" in many.err
    assert "--occurrence 2  (paragraph 1: 'Krimea dibahas. [Krimea] lagi.')" in many.err
    assert latar("--root", str(root), "placements", "reject", ARTICLE, "nato").code == 2
    assert latar("--root", str(root), "placements", "reject", "tidak-ada", "krimea").code == 2
    assert not (root / RECORD).exists()
    done = latar("--root", str(root), "placements", "reject", ARTICLE, "krimea", "--occurrence", "2")
    assert done.code == 0, done.err
    assert [(e["paragraph"], e["occurrence"], e["decision"]) for e in record(root)] == [(1, 2, "rejected")]
    # the two others are still to decide: reject records one decision, it accepts nothing
    assert said(latar_check(root).problems) == {"note 'krimea' newly lands in paragraph 1", "note 'krimea' newly lands in paragraph 2"}
    accept(root)
    assert [e["decision"] for e in record(root)] == ["accepted", "rejected", "accepted"]  # the rejection is kept


def test_the_preview_marks_unreviewed_placements(tmp_path: Path) -> None:
    root = reviewed(tmp_path / "proyek")
    built = strict_build(root, strict=False)
    assert built.ok
    page = BeautifulSoup((built.site / "artikel" / ARTICLE / "index.html").read_text("utf-8"), "html.parser")
    (anchor,) = page.select(".latar-anchor.latar-unreviewed")
    assert anchor.get_text() == "Krimea"
    (marker,) = page.select("sup.latar-ref.latar-unreviewed")
    assert marker.select_one(".latar-unreviewed-flag").get_text() == strings.UNREVIEWED
    assert strings.UNREVIEWED in marker.select_one("a.footnote-ref")["aria-label"]
    accept(root)
    page = BeautifulSoup((strict_build(root, strict=False).site / "artikel" / ARTICLE / "index.html").read_text("utf-8"), "html.parser")
    assert page.select(".latar-unreviewed") == [] and page.select(".latar-anchor")


HOSTILE = {
    "bad-yaml": ("placements: [\n", "invalid YAML"),
    "not-a-mapping": ("- a\n- b\n", "must be a mapping"),
    "wrong-types": (
        "placements:\n  - note: krimea\n    phrase: 3\n    paragraph: dua\n    occurrence: 1\n    decision: ya\n",
        "'placements[1].paragraph' must be",
    ),
    "unknown-key": ("placements: []\nkomentar: x\n", "unknown field 'komentar'"),
    "other-article": ("article: lain\nplacements: []\n", "'article' is 'lain'"),
    "empty": ("", "the file is empty"),
    "huge": (
        "placements:\n" + "  - note: krimea\n    phrase: Krimea\n    paragraph: 2\n    occurrence: 1\n    decision: accepted\n" * 8000,
        "larger than",
    ),
    "too-many": (
        "placements:\n" + "  - {note: krimea, phrase: Krimea, paragraph: 2, occurrence: 1, decision: accepted}\n" * 2001,
        "at most 2000",
    ),
    "deep": ("placements: " + "[" * 30 + "]" * 30 + "\n", "nested more than"),
    "binary": (b"\x00\x01placements", "binary"),
    "alias": ("a: &x [1]\nplacements: *x\n", "aliases"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_record_is_a_problem_not_a_traceback(tmp_path: Path, case: str) -> None:
    content, words = HOSTILE[case]
    root = reviewed(tmp_path / "proyek", {RECORD: content})
    check = latar_check(root)
    assert check.code == 1 and "Traceback" not in check.err
    mine = [line for line in check.problems if line.startswith(RECORD)]
    assert mine and any(words in line for line in mine), check.problems
    assert not any("newly lands" in line for line in check.problems)  # said once, on the file: no cascade
    refused = latar("--root", str(root), "placements", "accept")
    assert refused.code == 2 and f"fix {RECORD} first" in refused.err
    assert strict_build(root).problems == check.problems


def test_a_record_needs_its_article_and_only_these_names_are_allowed(tmp_path: Path) -> None:
    root = reviewed(
        tmp_path / "proyek", {"seeds/hilang.placements.yml": "placements: []\n", "seeds/uji.placements.yaml": "placements: []\n"}
    )
    problems = latar_check(root).problems
    assert any(line.startswith("seeds/hilang.placements.yml: a record of placements without an article") for line in problems)
    assert any(line.startswith("seeds/uji.placements.yaml: seeds/ holds only") for line in problems)


def test_without_review_a_record_is_still_honoured(tmp_path: Path) -> None:
    """Projects that do not review placements get no new problems, but a record they keep still rejects."""
    root = project(tmp_path / "proyek")
    assert latar_check(root).problems == set()
    assert latar("--root", str(root), "placements", "reject", ARTICLE, "krimea").code == 0
    check = latar_check(root)
    assert check.problems == set() and "0 placements" in check.err


def test_an_anchor_across_two_paragraphs_says_so(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek", {"docs/anotasi/krimea.md": note(anchors="  - text: ke timur. Kremlin menyebut\n")})
    (problem,) = latar_check(root).problems
    assert problem == (
        "docs/anotasi/krimea.md:6: anchor 'ke timur. Kremlin menyebut' runs across two paragraphs of the article 'uji' "
        "(the end of paragraph 2 and the start of paragraph 3); anchors stay inside one paragraph: anchor words of one of them"
    )


ISSUE = (ROOT / "tests" / "test_contribute.py").read_text("utf-8").split('ISSUE = """', 1)[1].split('"""', 1)[0]


def test_the_issue_form_path_produces_the_same_record(tmp_path: Path) -> None:
    """A note from an issue form and the same note written by hand: the same placements to review, the same record."""
    records = []
    for way in ("issue", "hand"):
        root = tmp_path / way
        (root / "docs" / "anotasi").mkdir(parents=True)
        (root / "seeds").mkdir()
        (root / "mkdocs.yml").write_text(REVIEWED, encoding="utf-8")
        for suffix in (".txt", ".yml"):
            shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", root / "seeds" / f"{SEED_NAME}{suffix}")
        path = root / "docs" / "anotasi" / "telekonferensi-gedung-putih.md"
        if way == "issue":
            (root / "issue.md").write_text(ISSUE, encoding="utf-8")
            run = latar("--root", str(root), "note-from-issue", str(root / "issue.md"), "--accessed", "2026-11-25")
            assert run.code == 0 and "placements accept" in run.out, run.err
            anchors = yaml.safe_load(path.read_text("utf-8").split("---")[1])["anchors"]
            anchors_yaml = "".join(f"  - text: {a['text']}\n    suffix: {a['suffix']!r}\n    articles: [{SEED_NAME}]\n" for a in anchors)
        else:
            anchors_yaml = f"  - text: telekonferensi\n    suffix: ' media,'\n    articles: [{SEED_NAME}]\n"  # as a person writes it
        path.write_text(note_text(title="Telekonferensi", kind="event", anchors=anchors_yaml), encoding="utf-8")
        (problem,) = latar_check(root).problems
        assert "note 'telekonferensi-gedung-putih' newly lands in paragraph 24: 'Dalam [telekonferensi] media, pejabat Gedung" in problem
        accept(root)
        records.append((root / "seeds" / f"{SEED_NAME}.placements.yml").read_bytes())
    assert records[0] == records[1]


@pytest.mark.browser
def test_the_preview_shows_the_words_beside_an_unreviewed_marker_in_chromium(browser, tmp_path: Path) -> None:
    """Measured: the words are visible, on the marker's line right after it, and the phrase is outlined."""
    root = reviewed(tmp_path / "proyek")
    built = strict_build(root, strict=False)
    server, origin = serve(built.site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{origin}/artikel/{ARTICLE}/")
        flag = page.locator(".latar-unreviewed-flag")
        assert flag.inner_text() == strings.UNREVIEWED and flag.is_visible()
        box = flag.bounding_box()
        link = page.locator("sup.latar-unreviewed > a.footnote-ref").bounding_box()
        assert box["width"] > 40 and box["height"] > 8
        assert box["x"] >= link["x"] + link["width"] - 1 and abs(box["y"] + box["height"] / 2 - (link["y"] + link["height"] / 2)) < 12
        outline = page.locator(".latar-anchor.latar-unreviewed").evaluate("element => getComputedStyle(element).outlineStyle")
        assert outline == "dashed"
    finally:
        page.close()
        server.shutdown()


def test_a_broken_note_keeps_its_recorded_placements_waiting(tmp_path: Path) -> None:
    """While a note cannot be placed, its own problem is the one said; its record waits, and accept keeps it."""
    root = reviewed(tmp_path / "proyek")
    accept(root)
    good = (root / "docs" / "anotasi" / "krimea.md").read_text("utf-8")
    (root / "docs" / "anotasi" / "krimea.md").write_text(good.replace("title: Krimea", "title: [Krimea"), encoding="utf-8")
    problems = latar_check(root).problems
    assert problems and all(line.startswith("docs/anotasi/krimea.md:") for line in problems), problems
    accept(root)
    assert [e["note"] for e in record(root)] == ["krimea"]
    (root / "docs" / "anotasi" / "krimea.md").write_text(good, encoding="utf-8")
    assert latar_check(root).problems == set()


def test_the_summary_prints_a_hostile_record_as_text(tmp_path: Path) -> None:
    """A record is contributed YAML: its phrase and words are shown as text, never markup, links, mentions or references."""
    from test_security_reports import HOSTILE_SUMMARY, assert_inert, rendered  # noqa: PLC0415 - the security suite's own check

    root = reviewed(tmp_path / "proyek")
    accept(root)
    commit_all(root, "dasar")
    hostile = HOSTILE_SUMMARY.strip("'").replace('"', "'")
    entry = f'  - note: krimea\n    phrase: "{hostile}"\n    paragraph: 2\n    occurrence: 1\n    before: "@octocat #2 "\n    after: " ![t](https://tracker.example.net/p.png)"\n    decision: rejected\n'
    (root / RECORD).write_text((root / RECORD).read_text("utf-8") + entry, encoding="utf-8")
    run = latar("--root", str(root), "check", "--format", "markdown", "--base", "HEAD")
    assert "Traceback" not in run.err
    assert "🚫 Ditolak" in run.out and "Sebuah ringkasan" in rendered(run.out).get_text()
    assert_inert(run.out, allowed_links=set())


@pytest.mark.content
def test_every_real_article_has_its_placements_reviewed() -> None:
    """The real site reviews placements, and every article where a note lands has a record that holds each one."""
    from latar.cli.project import locate  # noqa: PLC0415
    from latar.core.pipeline import check  # noqa: PLC0415

    project_ = locate(ROOT)
    assert project_.review, "mkdocs.yml: plugins.latar.review_placements must be true"
    result = check(project_.root, project_.seeds_dir, project_.notes_dir, review=True, docs_dir=project_.docs_dir)
    for placed in result.placed:
        if placed.placements:
            assert result.catalog.records.get(placed.article.name), f"{placed.article.name} has no record of placements"
    assert [p for p in result.problems if ".placements.yml" in p.path or "newly lands" in p.message] == []


def test_the_headline_marker_is_a_placement_to_review_and_a_rejected_one_stays_off_the_headline(tmp_path: Path) -> None:
    anchors = "  - text: Krimea\n  - text: Biden bicara\n    headline: true\n"
    root = reviewed(tmp_path / "proyek", {"docs/anotasi/krimea.md": note(anchors=anchors)})
    check = latar_check(root)
    assert check.code == 1
    assert said(check.problems) == {"note 'krimea' newly lands in paragraph 2", "note 'krimea' newly lands in the headline"}
    (headline,) = [p for p in check.problems if "in the headline" in p]
    assert headline.startswith(f"seeds/{ARTICLE}.yml: note 'krimea' newly lands in the headline: 'Putin dan [Biden bicara] lewat telepon'")
    assert f"placements reject {ARTICLE} krimea --paragraph 0'" in headline
    assert "accepted krimea, the headline: 'Putin dan [Biden bicara] lewat telepon'" in accept(root)
    assert [(e["paragraph"], e["occurrence"], e["phrase"]) for e in record(root)] == [(0, 1, "Biden bicara"), (2, 1, "Krimea")]
    assert latar_check(root).code == 0
    commit_all(root, "dasar")
    page = BeautifulSoup((strict_build(root).site / "artikel" / ARTICLE / "index.html").read_text("utf-8"), "html.parser")
    assert [a.get("data-latar-note") for a in page.select("h1.latar-headline .latar-anchor")] == ["krimea"]
    run = latar("--root", str(root), "placements", "reject", ARTICLE, "krimea", "--paragraph", "0")
    assert run.code == 0, run.err
    summary = latar("--root", str(root), "check", "--format", "markdown", "--base", "HEAD").out
    assert "- 🚫 Ditolak: `krimea`, judul: Putin dan **Biden bicara** lewat telepon — " in summary
    assert [(e["paragraph"], e["decision"]) for e in record(root)] == [(0, "rejected"), (2, "accepted")]
    assert latar_check(root).code == 0
    built = strict_build(root)
    assert built.ok, built.problems
    page = BeautifulSoup((built.site / "artikel" / ARTICLE / "index.html").read_text("utf-8"), "html.parser")
    assert page.select_one("h1.latar-headline").get_text() == "Putin dan Biden bicara lewat telepon"
    assert not page.select("h1.latar-headline .latar-anchor"), "a rejected headline placement stays off the headline"
    assert [a.get("data-latar-note") for a in page.select(".latar-article-body .latar-anchor")] == ["krimea"]
    # the record changes with the headline: a new title moves the placement, a decision is needed again
    sidecar = root / "seeds" / f"{ARTICLE}.yml"
    sidecar.write_text(sidecar.read_text("utf-8").replace("lewat telepon", "lewat sambungan telepon"), encoding="utf-8")
    assert said(latar_check(root).problems) == {"note 'krimea' moved"}
