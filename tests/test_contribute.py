"""Contribution and publishing commands: note-from-issue, the pull-request job summary, the weekly source report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_SEEDS, MKDOCS_YML, ROOT, SEED_NAME, note_text
from latar.cli.commands import SCAFFOLD_MARKS
from latar.cli.main import main
from latar.cli.proposal import FIELDS, Proposal, ProposalError, parse_issue, restore_context
from latar.cli.sources import addresses, failures, report
from latar.core.notes import parse_note
from latar.core.pipeline import check
from latar.core.slug import MAX_LENGTH, slug
from latar.core.template import PROPOSAL_FIELDS

TEMPLATE = ROOT / ".github" / "ISSUE_TEMPLATE" / "usulan-anotasi.yml"

# What GitHub writes for a filled "Usulan anotasi" form: answers trimmed, '_No response_' when left empty.
ISSUE = """### Frasa di artikel

telekonferensi

### Teks tepat sebelum frasa (prefix)

_No response_

### Teks tepat sesudah frasa (suffix)

media,

### Artikel

intisari-2021-12-31-putin-biden

### Jenis catatan

event

### Judul catatan

Telekonferensi Gedung Putih

### Ringkasan

Pengarahan telepon oleh pejabat senior Gedung Putih
kepada wartawan sesudah panggilan 30 Desember 2021.

### Mengapa pembaca perlu catatan ini?

_No response_

### Sumber

- Background Press Call — The White House, 2021-12-30 — https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/12/30/x/.
"""


def write(root: Path, notes: dict[str, str]) -> None:
    (root / "docs" / "anotasi").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "seeds").mkdir(exist_ok=True)
    for suffix in (".txt", ".yml"):
        shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", root / "seeds" / f"{SEED_NAME}{suffix}")
    for note_id, text in notes.items():
        (root / "docs" / "anotasi" / f"{note_id}.md").write_text(text, encoding="utf-8")


def test_fields_are_the_issue_forms_labels() -> None:
    """The parser reads the headings GitHub writes: the template's labels, for every field with an id."""
    body = yaml.safe_load(TEMPLATE.read_text("utf-8"))["body"]
    labels = {item["id"]: item["attributes"]["label"] for item in body if "id" in item}
    assert labels == FIELDS
    required = {item["id"] for item in body if item.get("validations", {}).get("required")}
    assert required == {"frasa", "jenis"}, "only the phrase (and the kind, a dropdown with a default) may be required"


def test_parse_issue_reads_every_answer() -> None:
    proposal = parse_issue(ISSUE)
    assert proposal == Proposal(
        phrase="telekonferensi",
        prefix="",
        suffix="media,",
        article=SEED_NAME,
        kind="event",
        title="Telekonferensi Gedung Putih",
        summary="Pengarahan telepon oleh pejabat senior Gedung Putih kepada wartawan sesudah panggilan 30 Desember 2021.",
        sources=("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/12/30/x/",),
    )


@pytest.mark.parametrize("body", ["", "### Frasa di artikel\n\n_No response_\n", "Halo, tolong tambahkan catatan.\n"])
def test_parse_issue_refuses_what_is_not_a_proposal(body: str) -> None:
    with pytest.raises(ProposalError, match="no phrase"):
        parse_issue(body)


def test_restore_context_gives_back_the_trimmed_space() -> None:
    paragraphs = ["Dalam sebuah telekonferensi dengan para reporter.", "Dalam telekonferensi media, pejabat itu."]
    restored, places = restore_context(Proposal("telekonferensi", suffix="media,"), paragraphs)
    assert (restored.prefix, restored.suffix, places) == ("", " media,", 1)
    restored, places = restore_context(Proposal("telekonferensi", prefix="Dalam"), paragraphs)
    assert places == 1 and restored.prefix == "Dalam "  # "Dalam sebuah telekonferensi" does not match: not right before
    unchanged, places = restore_context(Proposal("telekonferensi"), paragraphs)
    assert places == 2 and unchanged.prefix == ""


def test_slug_matches_the_javascript_rule() -> None:
    assert slug("Telekonferensi Gedung Putih") == "telekonferensi-gedung-putih"
    assert slug("Organisasi Keamanan dan Kerja Sama di Eropa (OSCE)") == "organisasi-keamanan-dan-kerja-sama-di-eropa-osce"
    assert slug("Pérez — “Rusia-NATO”") == "perez-rusia-nato"
    assert slug("…") == "nama-catatan"
    assert len(slug("kata " * 40, limit=MAX_LENGTH)) <= 60 and not slug("kata " * 40, limit=MAX_LENGTH).endswith("-")


def test_note_from_issue_writes_a_note_that_lands_on_the_proposed_occurrence(tmp_path: Path, capsys) -> None:
    write(tmp_path, {"krimea": note_text()})
    (tmp_path / "issue.md").write_text(ISSUE, encoding="utf-8")
    code = main(["--root", str(tmp_path), "note-from-issue", str(tmp_path / "issue.md"), "--accessed", "2026-11-25"])
    assert code == 0
    assert "wrote docs/anotasi/telekonferensi-gedung-putih.md" in capsys.readouterr().out
    text = (tmp_path / "docs" / "anotasi" / "telekonferensi-gedung-putih.md").read_text("utf-8")
    note = parse_note("telekonferensi-gedung-putih", text, "x.md")
    (anchor,) = note.anchors
    assert (note.title, note.kind, anchor.suffix, anchor.articles) == ("Telekonferensi Gedung Putih", "event", " media,", (SEED_NAME,))
    assert note.sources[0].url.startswith("https://bidenwhitehouse.archives.gov/")
    assert all(s.accessed == "2026-11-25" for s in note.sources)
    assert "TODO" in text
    result = check(tmp_path, tmp_path / "seeds", tmp_path / "docs" / "anotasi")
    mine = [p for p in result.problems if p.path == "docs/anotasi/telekonferensi-gedung-putih.md"]
    assert mine and all(any(m in p.message for m in SCAFFOLD_MARKS) for p in mine), mine  # check points at each TODO
    assert all(p.line for p in mine)
    # Once the TODOs are filled in, the anchor lands on the proposed occurrence.
    done = note_text(anchors=f"  - text: telekonferensi\n    suffix: {anchor.suffix!r}\n    articles: [{SEED_NAME}]\n")
    (tmp_path / "docs" / "anotasi" / "telekonferensi-gedung-putih.md").write_text(done.replace("'", '"'), encoding="utf-8")
    result = check(tmp_path, tmp_path / "seeds", tmp_path / "docs" / "anotasi")
    (placement,) = [p for r in result.placed for p in r.placements if p.note_id == note.id]
    assert placement.before.endswith("Dalam ") and placement.after.startswith(" media, pejabat Gedung Putih")
    (tmp_path / "docs" / "anotasi" / "telekonferensi-gedung-putih.md").write_text(text, encoding="utf-8")
    # Again: the note exists, nothing is overwritten.
    assert main(["--root", str(tmp_path), "note-from-issue", str(tmp_path / "issue.md")]) == 2


def test_note_from_issue_reads_stdin_and_says_what_is_missing(tmp_path: Path) -> None:
    write(tmp_path, {})
    done = subprocess.run(
        [sys.executable, "-m", "latar.cli", "--root", str(tmp_path), "note-from-issue"],
        input="### Sumber\n\nhttps://example.net\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "no phrase" in done.stderr and "Frasa di artikel" in done.stderr
    assert "Traceback" not in done.stderr


# --- the pull request's job summary ---------------------------------------------------------------


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A repository whose base commit has three notes, and a change: one added, one broken, one deleted."""
    kremlin = note_text(title="Kremlin", kind="organization", summary="Istana di Moskow.", anchors="  - text: Kremlin\n")
    ushakov = note_text(title="Yury Ushakov", kind="person", summary="Penasihat Putin.", anchors="  - text: Ushakov\n")
    write(tmp_path, {"krimea": note_text(), "kremlin": kremlin, "yury-ushakov": ushakov})
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    git(tmp_path, "switch", "-q", "-c", "usulan")
    notes = tmp_path / "docs" / "anotasi"
    added = note_text(
        title="Telekonferensi Gedung Putih",
        kind="event",
        summary="Pengarahan **pejabat senior** Gedung Putih kepada wartawan.",
        anchors='  - text: telekonferensi\n    suffix: " media"\n',
    )
    (notes / "telekonferensi-gedung-putih.md").write_text(added, encoding="utf-8")
    (notes / "kremlin.md").write_text(kremlin.replace("text: Kremlin", "text: Kremlinn"), encoding="utf-8")
    (notes / "yury-ushakov.md").unlink()
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "usulan")
    return tmp_path


def test_markdown_summary_of_a_pull_request(pull_request: Path, capsys) -> None:
    assert main(["--root", str(pull_request), "check", "--format", "markdown", "--base", "main"]) == 1
    summary = capsys.readouterr().out
    sections = summary.split("\n#### ")
    assert sections[0].startswith("## latar: pemeriksaan catatan")
    assert "❌ **1 masalah**" in sections[0] and "dibandingkan dengan `main (" in sections[0]
    by_file = {s.split("`")[1]: s for s in sections[1:]}
    assert set(by_file) == {"docs/anotasi/kremlin.md", "docs/anotasi/telekonferensi-gedung-putih.md", "docs/anotasi/yury-ushakov.md"}

    added = by_file["docs/anotasi/telekonferensi-gedung-putih.md"]
    assert added.splitlines()[0].endswith("— baru")
    assert "**Telekonferensi Gedung Putih** · Peristiwa" in added
    assert "> Pengarahan \\*\\*pejabat senior\\*\\* Gedung Putih kepada wartawan." in added  # the summary, as text
    (line,) = [x for x in added.splitlines() if x.startswith("- ➕")]
    assert line.endswith(
        'Dalam **telekonferensi** media, pejabat Gedung Putih menggambarkan pembicaraan itu "serius dan substansif" tapi '
        "fokus pada pengaturan nada dan jangka waktu untuk keterlibatan…"
    )
    assert "*Padahal Terasa Perang Makin Dekat" in line

    broken = by_file["docs/anotasi/kremlin.md"]
    assert broken.splitlines()[0].endswith("— diubah")
    assert "- ➖ *Padahal Terasa" in broken and "**Kremlin** mengungkapkan bahwa Biden" in broken
    assert "- `docs/anotasi/kremlin.md:6` — anchor 'Kremlinn' matches nothing" in broken

    deleted = by_file["docs/anotasi/yury-ushakov.md"]
    assert deleted.splitlines()[0].endswith("— dihapus")
    removed = [x for x in deleted.splitlines() if x.startswith("- ➖")]
    assert len(removed) == 1 and "Yury **Ushakov**, penasihat" in removed[0]  # occurrence: first: one placement
    assert "krimea" not in summary  # unchanged, and its placement did not move


def test_markdown_summary_compares_uncommitted_changes_and_survives_a_bad_base(pull_request: Path, capsys) -> None:
    (pull_request / "docs" / "anotasi" / "krimea.md").write_text(note_text(kind="tokoh"), encoding="utf-8")
    main(["--root", str(pull_request), "check", "--format", "markdown", "--base", "main"])
    out = capsys.readouterr().out
    assert "#### `docs/anotasi/krimea.md` — diubah" in out
    assert "- `docs/anotasi/krimea.md:3` — 'kind' is 'tokoh'" in out
    assert main(["--root", str(pull_request), "check", "--format", "markdown", "--base", "tidak-ada"]) == 2
    captured = capsys.readouterr()
    assert "'tidak-ada' is not a branch or commit" in captured.err and "Traceback" not in captured.err


# --- the weekly source report ---------------------------------------------------------------------


def source_notes(tmp_path: Path):
    sources = (
        "sources:\n"
        "  - {title: Mati, url: 'https://a.example.id/hilang', publisher: A, date: 2021-12-31}\n"
        "  - {title: Robot, url: 'https://b.example.id/tolak', publisher: B, date: 2021-12-31}\n"
        "  - {title: Diarsip, url: 'https://c.example.id/ada', publisher: C, date: 2021-12-31,"
        " archive_url: 'https://web.archive.org/web/2021/https://c.example.id/ada'}\n"
    )
    text = note_text()
    text = text[: text.index("sources:\n")] + sources + text[text.index("---\n", 4) :]
    write(tmp_path, {"krimea": text})
    result = check(tmp_path, tmp_path / "seeds", tmp_path / "docs" / "anotasi")
    assert result.problems == ()
    return result.notes


def test_sources_lists_every_address_for_the_link_checker(tmp_path: Path, capsys) -> None:
    notes = source_notes(tmp_path)
    assert addresses(notes) == [
        "https://a.example.id/hilang",
        "https://b.example.id/tolak",
        "https://c.example.id/ada",
        "https://web.archive.org/web/2021/https://c.example.id/ada",
    ]
    assert main(["--root", str(tmp_path), "sources"]) == 0
    assert capsys.readouterr().out.split() == addresses(notes)


def test_weekly_report_tells_dead_from_unknown_and_lists_missing_archives(tmp_path: Path, capsys) -> None:
    notes = source_notes(tmp_path)
    lychee = {  # the shape of lychee's --format json output
        "total": 4,
        "successful": 2,
        "errors": 2,
        "error_map": {
            "sources.txt": [
                {"url": "https://a.example.id/hilang", "status": {"text": "Failed: Network error: Not Found", "code": 404}},
                {
                    "url": "https://b.example.id/tolak",
                    "status": {"text": 'Rejected status code (this depends on your "accept" configuration): 403 Forbidden'},
                },
            ]
        },
    }
    assert failures(lychee)["https://b.example.id/tolak"][0] == 403
    text = report(notes, lychee)
    assert "**1 mati**, 1 tidak pasti" in text and "2 sumber tanpa `archive_url`" in text
    dead = text.split("### Mati")[1].split("###")[0]
    unknown = text.split("### Tidak pasti")[1].split("###")[0]
    unarchived = text.split("### Tanpa arsip")[1]
    assert "https://a.example.id/hilang" in dead and "https://b.example.id/tolak" not in dead
    assert "https://b.example.id/tolak" in unknown and "403 (ditolak untuk robot)" in unknown  # the checker's own words: never
    assert "`docs/anotasi/krimea.md`: [Mati](<https://a.example.id/hilang>)" in unarchived
    assert "[simpan](<https://web.archive.org/save/https://b.example.id/tolak>)" in unarchived
    assert "c.example" not in unarchived
    (tmp_path / "lychee.json").write_text(json.dumps(lychee), encoding="utf-8")
    assert main(["--root", str(tmp_path), "sources", "--report", str(tmp_path / "lychee.json")]) == 0
    assert capsys.readouterr().out == text


def test_every_real_source_is_https_and_listed() -> None:
    result = check(ROOT, ROOT / "seeds", ROOT / "docs" / "anotasi")
    listed = addresses(result.notes)
    assert listed and all(url.startswith("https://") for url in listed)
    assert {s.url for n in result.notes for s in n.sources} <= set(listed)


# --- the page side: what assets/propose/ needs --------------------------------------------------


def test_article_carries_repository_and_branch_only_when_configured(make_site) -> None:
    config = MKDOCS_YML.replace("  - latar\n", "  - latar:\n      repository: https://github.com/contoh/latar/\n      branch: terbit\n")
    site = make_site({"krimea": note_text()}, config=config)
    soup = site.soup(f"artikel/{SEED_NAME}/index.html")
    article = soup.select_one(".latar-article")
    assert article["data-latar-repository"] == "https://github.com/contoh/latar"
    assert article["data-latar-branch"] == "terbit"
    assert article["data-latar-notes"] == "docs/anotasi"
    assert article["data-latar-article"] == SEED_NAME
    # the form is published, but loaded only on the reader's first selection (assets/reading/proposal.js)
    assert not any("propose" in s["src"] for s in soup.select("script[src]"))
    assert not any("propose" in link["href"] for link in soup.select('link[rel="stylesheet"]'))
    assert (site.site / "assets" / "latar" / "propose" / "form.js").is_file()
    assert (site.site / "assets" / "latar" / "propose.css").is_file()
    data = json.loads(soup.select_one("script#latar-data[type='application/json']").string)
    assert data["propose"]["form"] == {"template": "usulan-anotasi.yml", "fields": PROPOSAL_FIELDS}


def test_without_a_repository_there_is_nothing_to_propose_to(make_site) -> None:
    soup = make_site({"krimea": note_text()}).soup(f"artikel/{SEED_NAME}/index.html")
    assert not soup.select_one(".latar-article").has_attr("data-latar-repository")
    assert not any("propose" in s["src"] for s in soup.select("script[src]"))
    assert "propose" not in json.loads(soup.select_one("script#latar-data").string)
