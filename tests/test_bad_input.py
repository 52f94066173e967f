"""A catalogue of bad input, each through the validator, a dozen of them through a real strict build too.

Every case must give its message once, naming the file (and line where there is one), with no traceback and no
other note lost. The validator is ``latar check`` itself, run in this process on a project written to disk (no
build). The cases in ``END_TO_END`` (one or two of each family) also go through a real strict build and the
installed ``latar check`` run from the notes folder: the build must fail and say exactly what the command says,
and no other note or page may be lost. That the build and the command print the same problems for every input is
one pipeline (``latar.core.pipeline.check``), which those cases exercise end to end.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import BODY, FIXTURE_SEEDS, MKDOCS_YML, SEED_NAME, SOURCE_URL, BuiltSite, note_text, write_project
from latar.cli.main import format_problem, main, skeleton
from latar.cli.project import locate
from latar.core.pipeline import check
from latar.strings import surroundings

GOOD = {"nato": note_text(title="NATO", kind="organization", anchors="  - text: NATO\n")}
META = (FIXTURE_SEEDS / f"{SEED_NAME}.yml").read_text("utf-8")
TEXT = (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes()
LATAR = Path(sys.executable).with_name("latar")
SECOND_SOURCE = (
    "  - title: Resolusi Majelis Umum 68/262\n    url: https://press.un.org/en/2014/ga11493.doc.htm\n"
    "    publisher: Perserikatan Bangsa-Bangsa\n    accessed: 2026-11-20\n"
)


def note(**parts: str) -> str:
    return note_text(**parts)


def swap(old: str, new: str, text: str | None = None) -> str:
    text = note_text() if text is None else text
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``needle`` in ``text`` (so a case does not hard-code where the fixture puts it)."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def with_body(extra: str) -> tuple[str, int]:
    """A good note whose body ends with ``extra``, and the line ``extra`` starts on."""
    text = note(body=BODY + "\n" + extra)
    return text, line_of(text, extra.strip().split("\n")[0])


IFRAME, IFRAME_LINE = with_body("<iframe src=https://x.org/></iframe>\n")
DETAILS, DETAILS_LINE = with_body("Teks dengan <details>lipatan</details> di dalamnya.\n")
IMAGE, IMAGE_LINE = with_body("Peta: ![peta Krimea](https://upload.wikimedia.org/peta.png)\n")
HEADING, HEADING_LINE = with_body("## Sejarah\n\nTeks lagi.\n")
JS_LINK, JS_LINK_LINE = with_body("[klik di sini](javascript:alert(1)) untuk melihat.\n")
BELL, BELL_LINE = with_body("Kalimat dengan bel \x07 di tengah.\n")
PLACEHOLDER_LINK, PLACEHOLDER_LINK_LINE = with_body("Lihat [sumber](https://example.com/x).\n")
SCAFFOLD = skeleton("perang dingin", "background", None, today="2026-11-25")


@dataclass
class Case:
    """One bad input: the files, and the message expected (``where`` = ``file:line``, ``words`` in the message)."""

    name: str
    notes: dict[str, str | bytes]
    where: str
    words: str
    count: int = 1
    """How many problems the case gives in all (collisions without git are said on both notes)."""
    docs: dict[str, str] = field(default_factory=dict)


def case(name: str, notes: dict, where: str, words: str, count: int = 1, docs: dict | None = None) -> Case:
    return Case(name, notes, where, words, count, docs or {})


NOTE_CASES = [
    case("empty file", {"rusak": ""}, "docs/anotasi/rusak.md:1", "the file is empty"),
    case("whitespace only", {"rusak": "  \n\n"}, "docs/anotasi/rusak.md:1", "the file is empty"),
    case("no front matter", {"rusak": "# Judul\n\nTeks.\n"}, "docs/anotasi/rusak.md:1", "must start with a '---' line"),
    case("front matter not closed", {"rusak": "---\ntitle: x\n"}, "docs/anotasi/rusak.md:1", "front matter is not closed"),
    case("tabs", {"rusak": "---\ntitle: x\n\tkind: place\n---\n"}, "docs/anotasi/rusak.md:3", "tabs are not allowed"),
    case("non-UTF-8 bytes", {"rusak": "---\ntitle: Kr\xe9mea\n---\n".encode("latin-1")}, "docs/anotasi/rusak.md:2", "not UTF-8"),
    case("binary", {"rusak": b"\x89PNG\r\n\x1a\n\x00\x00"}, "docs/anotasi/rusak.md", "binary"),
    case("huge file", {"rusak": note_text(body="kata " * 120_000)}, "docs/anotasi/rusak.md", "larger than the 512 KiB limit"),
    case("alias bomb", {"rusak": "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"}, "docs/anotasi/rusak.md:3", "aliases"),
    case("broken YAML", {"rusak": note(title="[Krimea")}, "docs/anotasi/rusak.md:", "invalid YAML"),
    case(
        "merge key",
        {"rusak": swap("title: Krimea\n", "<<: {title: Krimea}\n")},
        "docs/anotasi/rusak.md:2",
        "merge keys (<<) are not allowed",
    ),
    case(
        "list as a key", {"rusak": swap("title: Krimea\n", "? [title]\n: Krimea\n")}, "docs/anotasi/rusak.md:2", "a key must be plain text"
    ),
    case("python tag", {"rusak": swap("title: Krimea\n", "title: !!python/name:os.system x\n")}, "docs/anotasi/rusak.md:2", "invalid YAML"),
    case("unquoted colon", {"rusak": note(summary="Catatan: penting")}, "docs/anotasi/rusak.md:4", "must be quoted"),
    case("front matter is a list", {"rusak": "---\n- a\n---\n"}, "docs/anotasi/rusak.md:2", "must be a mapping"),
    case("title is a list", {"rusak": note(title="[a, b]")}, "docs/anotasi/rusak.md:2", "'title' must be text, not a list"),
    case("unknown kind", {"rusak": note(kind="tokoh")}, "docs/anotasi/rusak.md:3", "use one of: background, person"),
    case("kind is a number", {"rusak": note(kind="3")}, "docs/anotasi/rusak.md:3", "'kind' is '3'"),
    case(
        "summary missing",
        {"rusak": swap("summary: Semenanjung di Laut Hitam.\n", "")},
        "docs/anotasi/rusak.md:2",
        "missing required field 'summary'",
    ),
    case("summary too long", {"rusak": note(summary="kata " * 70)}, "docs/anotasi/rusak.md:4", "'summary' has 70 words"),
    case(
        "anchors missing",
        {"rusak": swap("anchors:\n  - text: Krimea\n", "")},
        "docs/anotasi/rusak.md:2",
        "missing required field 'anchors'",
    ),
    case("anchors empty", {"rusak": note(anchors="  []\n")}, "docs/anotasi/rusak.md:5", "needs at least 1 item"),
    case("anchors is text", {"rusak": note(anchors="  Krimea\n")}, "docs/anotasi/rusak.md:5", "'anchors' must be a list"),
    case("empty anchor", {"rusak": note(anchors="  - text: ''\n")}, "docs/anotasi/rusak.md:6", "'anchors[1].text' is empty"),
    case("whitespace anchor", {"rusak": note(anchors="  - text: '   '\n")}, "docs/anotasi/rusak.md:6", "'anchors[1].text' is empty"),
    case("misspelt anchor key", {"rusak": note(anchors="  - txet: Krimea\n")}, "docs/anotasi/rusak.md:6", "'txet' (did you mean 'text'?)"),
    case(
        "bad occurrence",
        {"rusak": note(anchors="  - text: Krimea\n    occurrence: semua\n")},
        "docs/anotasi/rusak.md:7",
        "use one of: first, all",
    ),
    case(
        "case_sensitive not boolean",
        {"rusak": note(anchors="  - text: Krimea\n    case_sensitive: kadang\n")},
        "docs/anotasi/rusak.md:7",
        "must be true or false",
    ),
    case(
        "sources missing",
        {"rusak": note_text().split("sources:")[0] + "---\n" + BODY},
        "docs/anotasi/rusak.md:2",
        "missing required field 'sources'",
    ),
    case(
        "http source", {"rusak": swap(SOURCE_URL, "http://www.antaranews.com/a")}, "docs/anotasi/rusak.md:9", "must be an https:// address"
    ),
    case(
        "javascript: source", {"rusak": swap(SOURCE_URL, "javascript:alert(1)")}, "docs/anotasi/rusak.md:9", "must be an https:// address"
    ),
    case("data: source", {"rusak": swap(SOURCE_URL, "'data:text/html,x'")}, "docs/anotasi/rusak.md:9", "must be an https:// address"),
    case("source without publisher", {"rusak": swap("    publisher: Contoh\n", "")}, "docs/anotasi/rusak.md:8", "'sources[1].publisher'"),
    case("bad source date", {"rusak": swap("date: 2021-12-31", "date: kemarin")}, "docs/anotasi/rusak.md:11", "must be an ISO date"),
    case("unknown key", {"rusak": note(extra="sumber: x\n")}, "docs/anotasi/rusak.md:16", "unknown field 'sumber'"),
    case("duplicate key", {"rusak": note(extra="kind: event\n")}, "docs/anotasi/rusak.md:16", "the key 'kind' appears twice"),
    case(
        "hindsight not boolean",
        {"rusak": note(extra="hindsight: mungkin\n")},
        "docs/anotasi/rusak.md:16",
        "'hindsight' must be true or false",
    ),
    case("bad date", {"rusak": note(extra="date: 30/12/2021\n")}, "docs/anotasi/rusak.md:16", "must be an ISO date"),
    case(
        "unsafe id",
        {"Jen Psaki": note(title="Psaki", anchors="  - text: Jen Psaki\n")},
        "docs/anotasi/Jen Psaki.md",
        "rename the file to 'jen-psaki.md'",
    ),
    case(
        "orphan anchor", {"rusak": note(anchors="  - text: Krimeaa\n")}, "docs/anotasi/rusak.md:6", "closest text in the article: 'Krimea"
    ),
    case(
        "prefix mismatch",
        {"rusak": note(anchors="  - text: Krimea\n    prefix: 'pulau '\n")},
        "docs/anotasi/rusak.md:6",
        "prefix/suffix do not match",
    ),
    case(
        "only in the headline",
        {"rusak": note(anchors="  - text: Padahal Terasa Perang\n")},
        "docs/anotasi/rusak.md:6",
        "outside the running text",
    ),
    case(
        "only in the source link",
        {"rusak": note(anchors="  - text: Baca di situs asli\n")},
        "docs/anotasi/rusak.md:6",
        "outside the running text",
    ),
    # Without git nobody can tell which note is new: both are told, each naming the other.
    case(
        "phrase claimed twice (no git)",
        {"rusak": note(title="NATO lagi", anchors="  - text: nato\n")},
        "docs/anotasi/rusak.md:6",
        "already claimed by docs/anotasi/nato.md",
        count=2,
    ),
    case(
        "overlapping anchor loses everywhere (no git)",
        {"rusak": note(anchors="  - text: rudal\n"), "kuba": note(title="Kuba", anchors="  - text: krisis rudal Kuba\n")},
        "docs/anotasi/rusak.md:6",
        "inside the longer anchor 'krisis rudal Kuba'",
        count=2,
    ),
    # Impossible dates (the calendar, not only the shape).
    case(
        "note date month 13",
        {"rusak": note(extra="date: 1947-13-01\n")},
        "docs/anotasi/rusak.md:16",
        "'date' is 1947-13-01, which is not a real date",
    ),
    case("note date month 00", {"rusak": note(extra="date: 1947-00-05\n")}, "docs/anotasi/rusak.md:16", "there is no month 00"),
    case("note month 13 without a day", {"rusak": note(extra="date: 1947-13\n")}, "docs/anotasi/rusak.md:16", "there is no month 13"),
    case(
        "source date 30 February",
        {"rusak": swap("date: 2021-12-31", "date: 2026-02-30")},
        "docs/anotasi/rusak.md:11",
        "'sources[1].date' is 2026-02-30, which is not a real date: February 2026 has 28 days",
    ),
    case(
        "accessed 31 November",
        {"rusak": swap("accessed: 2026-11-20", "accessed: 2026-11-31")},
        "docs/anotasi/rusak.md:15",
        "'sources[2].accessed' is 2026-11-31, which is not a real date: November 2026 has 30 days",
    ),
    # The scaffold, untouched: each placeholder is pointed at on its own line.
    case("scaffold left as is", {"perang-dingin": SCAFFOLD}, "docs/anotasi/perang-dingin.md:9", "placeholder address example.org", count=9),
    case(
        "scaffold TODO in the summary",
        {"perang-dingin": SCAFFOLD},
        "docs/anotasi/perang-dingin.md:4",
        "'summary' still has the scaffold's text",
        9,
    ),
    case(
        "TODO left in the body",
        {"rusak": note(body=BODY + "\nTODO: periksa tanggal.\n")},
        "docs/anotasi/rusak.md:",
        "the body still has the scaffold's text",
    ),
    case(
        "placeholder link in the body",
        {"rusak": PLACEHOLDER_LINK},
        f"docs/anotasi/rusak.md:{PLACEHOLDER_LINK_LINE}",
        "placeholder address example.com",
    ),
    # Sources.
    case("one source", {"rusak": swap(SECOND_SOURCE, "")}, "docs/anotasi/rusak.md:7", "'sources' has 1 source; add at least one more"),
    case(
        "two sources from one site",
        {"rusak": swap("https://press.un.org/en/2014/ga11493.doc.htm", "https://antaranews.com/berita/lain")},
        "docs/anotasi/rusak.md:7",
        "every source is on one site (antaranews.com)",
    ),
    case(
        "two sources from one publisher",
        {"rusak": swap("publisher: Perserikatan Bangsa-Bangsa", "publisher: contoh")},
        "docs/anotasi/rusak.md:7",
        "every source is from one publisher (Contoh); add a source from another publisher",
    ),
    case(
        "two sources from one site and publisher",
        {"rusak": swap("publisher: Perserikatan Bangsa-Bangsa", "publisher: Contoh", swap("press.un.org", "www.antaranews.com"))},
        "docs/anotasi/rusak.md:7",
        "every source is on one site (antaranews.com) and from one publisher (Contoh); add a source from another site and publisher",
    ),
    case(
        "only encyclopedias",
        {
            "rusak": swap(
                SOURCE_URL,
                "https://www.britannica.com/place/Crimea",
                swap("https://press.un.org/en/2014/ga11493.doc.htm", "https://id.wikipedia.org/wiki/Krimea"),
            )
        },
        "docs/anotasi/rusak.md:7",
        "every source is an encyclopedia (Britannica and Wikipedia)",
    ),
    # Lengths and kinds.
    case(
        "body too short",
        {"rusak": note(body="Isi catatan yang terlalu pendek.\n")},
        "docs/anotasi/rusak.md:17",
        "the body has 5 words; write 150–400",
    ),
    case("body too long", {"rusak": note(body=BODY * 3)}, "docs/anotasi/rusak.md:17", "the body has 534 words; keep it to 400"),
    case("aftermath without hindsight", {"rusak": note(kind="aftermath")}, "docs/anotasi/rusak.md:3", "add 'hindsight: true'"),
    # Markdown that would not be published.
    case(
        "raw HTML in the body",
        {"rusak": IFRAME},
        f"docs/anotasi/rusak.md:{IFRAME_LINE}",
        "raw HTML (<iframe>) is not published; use Markdown",
    ),
    case("details in the body", {"rusak": DETAILS}, f"docs/anotasi/rusak.md:{DETAILS_LINE}", "raw HTML (<details>) is not published"),
    case(
        "image in the body", {"rusak": IMAGE}, f"docs/anotasi/rusak.md:{IMAGE_LINE}", "images are not published; link to the image instead"
    ),
    case(
        "heading in the body",
        {"rusak": HEADING},
        f"docs/anotasi/rusak.md:{HEADING_LINE}",
        "headings are not published in notes; use **bold**",
    ),
    case(
        "javascript: link in the body",
        {"rusak": JS_LINK},
        f"docs/anotasi/rusak.md:{JS_LINK_LINE}",
        "the link to 'javascript:alert(1)' is not published",
    ),
    case(
        "image in the summary",
        {"rusak": note(summary="'Peta ![x](https://x.org/p.png)'")},
        "docs/anotasi/rusak.md:4",
        "'summary': images are not published",
    ),
    # Control characters.
    case(
        "control character in the body",
        {"rusak": BELL},
        f"docs/anotasi/rusak.md:{BELL_LINE}",
        "the body contains the invisible control character U+0007",
    ),
    case(
        "escaped control character",
        {"rusak": note(title='"Kri\\x1bmea"')},
        "docs/anotasi/rusak.md:2",
        "'title' contains the invisible control character U+001B",
    ),
    case(
        "raw control character",
        {"rusak": note(title="Kri\x0cmea")},
        "docs/anotasi/rusak.md:2",
        "the front matter contains the invisible control character U+000C",
    ),
    # Anchors that meet other articles, or miss by a detail.
    case(
        "articles names a missing article",
        {"rusak": note(anchors="  - text: Krimea\n    articles: [intisari-lama]\n")},
        "docs/anotasi/rusak.md:7",
        f"article 'intisari-lama' does not exist; it was renamed or removed (articles: {SEED_NAME})",
    ),
    case(
        "case_sensitive with other capitals",
        {"rusak": note(anchors="  - text: KRIMEA\n    case_sensitive: true\n")},
        "docs/anotasi/rusak.md:6",
        "the article writes it with other capitals ('Krimea')",
    ),
    case(
        "prefix without its space",
        {"rusak": note(anchors="  - text: Krimea\n    prefix: semenanjung\n")},
        "docs/anotasi/rusak.md:6",
        "miss the space next to the phrase",
    ),
    case(
        "note in a sub-folder",
        {},
        "docs/anotasi/2022/krimea.md",
        "notes live directly in docs/anotasi/, not in a sub-folder; move it to docs/anotasi/krimea.md",
        docs={"anotasi/2022/krimea.md": note_text()},
    ),
]


CLAIM = 'claim: "pencaplokan semenanjung Krimea milik Ukraina tahun 2014"\n'
ORIGINAL = "original:\n  text: the annexation of Crimea\n  language: en\n  source: 3\n"
CLARIFICATION_CASES = [
    case(
        "clarification without claim",
        {"rusak": note(kind="clarification", extra="verdict: incomplete\n")},
        "docs/anotasi/rusak.md:3",
        "'kind: clarification' needs 'claim' (the article's exact words it reviews); add it",
    ),
    case(
        "clarification without verdict",
        {"rusak": note(kind="clarification", extra=CLAIM)},
        "docs/anotasi/rusak.md:3",
        "'kind: clarification' needs 'verdict' (the finding, one of: accurate, incomplete, unsupported, mistranslated,",
    ),
    case(
        "claim on another kind",
        {"rusak": note(extra=CLAIM)},
        "docs/anotasi/rusak.md:16",
        "'claim' is only for 'kind: clarification' (this note is 'place'); remove it, or make the note a clarification",
    ),
    case(
        "verdict on another kind",
        {"rusak": note(kind="person", extra="verdict: accurate\n")},
        "docs/anotasi/rusak.md:16",
        "'verdict' is only for 'kind: clarification' (this note is 'person')",
    ),
    case(
        "original without claim",
        {"rusak": note(extra="original:\n  text: Crimea\n  language: en\n")},
        "docs/anotasi/rusak.md:16",
        "'original' gives the source's words behind a 'claim'; add the claim, or remove 'original'",
    ),
    case(
        "original from a source that is not listed",
        {"rusak": note(kind="clarification", extra=CLAIM + "verdict: accurate\n" + ORIGINAL)},
        "docs/anotasi/rusak.md:21",
        "'original.source' is 3 but the note has 2 sources; give the number of the entry the words come from (1 = the first)",
    ),
    case(
        "claim not in the article",
        {
            "rusak": note(
                kind="clarification", extra='claim: "pencaplokan semenanjung Krimea milik Rusia tahun 2014"\nverdict: inaccurate\n'
            )
        },
        "docs/anotasi/rusak.md:16",
        "'claim' is not in the text or headline of intisari-2021-12-31-putin-biden (where the note lands); the closest words "
        "there: 'pencaplokan semenanjung Krimea milik Ukraina tahun 2014'; copy the article's exact words",
    ),
    case(
        "claim of a note that lands nowhere",
        {"rusak": note(kind="clarification", anchors="  - text: Sevastopol\n", extra='claim: "Krimea milik Rusia"\nverdict: inaccurate\n')},
        "docs/anotasi/rusak.md:16",
        "'claim' is not in the text or headline of intisari-2021-12-31-putin-biden (the note lands in none, so every article was searched)",
        count=2,
    ),
]
NOTE_CASES += CLARIFICATION_CASES


def latar_check(root: Path, cwd: Path | None = None, *args: str) -> subprocess.CompletedProcess:
    """The installed ``latar check``, run from the notes folder (a contributor's usual place), as plain text."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run(
        [str(LATAR), "check", *args], cwd=cwd or root / "docs" / "anotasi", capture_output=True, text=True, check=False, env=env
    )


def validate(root: Path) -> list[str]:
    """What ``latar check`` prints for the project in ``root``: the command's own code, in this process, run from
    the notes folder; it must exit 1 (problems found) without a traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root / "docs" / "anotasi"), "check", "--format", "text"])
    assert code == 1, out.getvalue() + err.getvalue()
    return out.getvalue().splitlines()


def validate_and_place(root: Path) -> tuple[list[str], set[str]]:
    """The validator as ``latar check`` runs it (``cmd_check``'s call) on the project in ``root``, in one pipeline run:
    every problem as the command prints it, and the notes that land in an article."""
    project = locate(root / "docs" / "anotasi")
    result = check(
        project.root,
        project.seeds_dir,
        project.notes_dir,
        branch=project.branch,
        surroundings=surroundings,
        docs_dir=project.docs_dir,
        allowed=project.allowed,
        review=project.review,
    )
    assert result.problems, "a bad input must give a problem"
    return [format_problem(problem, "text") for problem in result.problems], set(result.by_note)


def assert_said(printed: list[str], where: str, words: str, count: int) -> None:
    """The expected problem is said once, and the case gives ``count`` problems in all."""
    matching = [line for line in printed if line.startswith(where) and words in line]
    assert len(matching) == 1, printed
    assert len(printed) == count, printed


def assert_agree(built: BuiltSite, where: str, words: str, count: int) -> None:
    """The strict build fails, and says what ``latar check`` says: the same problems, the expected one once."""
    assert not built.ok, "the strict build must fail"
    checked = latar_check(built.root)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr + "".join(built.warnings)
    printed = checked.stdout.splitlines()
    assert sorted(printed) == sorted(built.problems), (printed, built.problems)
    assert_said(printed, where, words, count)


END_TO_END = {
    # notes: the file itself, its YAML, the schema, the sources, the body, anchoring, a clarification, the docs folder
    "empty file",
    "non-UTF-8 bytes",
    "alias bomb",
    "unknown kind",
    "misspelt anchor key",
    "two sources from one site",
    "raw HTML in the body",
    "phrase claimed twice (no git)",
    "claim not in the article",
    "note in a sub-folder",
    # articles: the sidecar, the seed's encoding, the seed's layout
    "sidecar missing a field",
    "seed in UTF-16",
    "dateline not found",
}
"""The cases that also go through a real strict build and the installed command (``test_*_end_to_end``)."""


def end_to_end(cases: list[Case]) -> list[Case]:
    return [c for c in cases if c.name in END_TO_END]


@pytest.mark.parametrize("bad", NOTE_CASES, ids=[c.name for c in NOTE_CASES])
def test_bad_note(tmp_path: Path, bad: Case) -> None:
    printed, placed = validate_and_place(write_project(tmp_path / "project", {**GOOD, **bad.notes}, docs=bad.docs))
    assert_said(printed, bad.where, bad.words, bad.count)
    assert "nato" in placed, "another note was lost"


@pytest.mark.parametrize("name", ["only in the headline", "note in a sub-folder", "claim not in the article"])
def test_the_validator_here_says_what_latar_check_says(tmp_path: Path, name: str) -> None:
    """``validate_and_place`` calls the pipeline as ``latar check`` does (the surroundings, the docs folder's allowlist):
    on cases that depend on those, it prints what the command prints."""
    (bad,) = [c for c in NOTE_CASES if c.name == name]
    root = write_project(tmp_path / "project", {**GOOD, **bad.notes}, docs=bad.docs)
    assert validate_and_place(root)[0] == validate(root)


@pytest.mark.parametrize("bad", end_to_end(NOTE_CASES), ids=[c.name for c in end_to_end(NOTE_CASES)])
def test_bad_note_end_to_end(make_site, bad: Case) -> None:
    built = make_site({**GOOD, **bad.notes}, docs=bad.docs)
    assert_agree(built, bad.where, bad.words, bad.count)
    assert (built.site / "anotasi" / "nato" / "index.html").is_file(), "another note was lost"
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-nato"]') is not None
    assert not (built.site / "anotasi" / "2022").exists(), "a note in a sub-folder must not be published raw"


ARTICLE_CASES = [
    case(
        "sidecar missing a field",
        {"a": (TEXT, META.replace('publisher: "Intisari Online"\n', ""))},
        "seeds/a.yml:",
        "missing required field 'publisher'",
    ),
    case(
        "sidecar bad date",
        {"a": (TEXT, META.replace('published: "2021-12-31"', "published: 31-12-2021"))},
        "seeds/a.yml:5",
        "must be an ISO date",
    ),
    case(
        "sidecar impossible date",
        {"a": (TEXT, META.replace('published: "2021-12-31"', 'published: "2021-02-29"'))},
        "seeds/a.yml:5",
        "'published' is 2021-02-29, which is not a real date: February 2021 has 28 days",
    ),
    case(
        "sidecar month 13",
        {"a": (TEXT, META.replace('published: "2021-12-31"', 'published: "1947-13-01"'))},
        "seeds/a.yml:5",
        "there is no month 13",
    ),
    case("sidecar broken YAML", {"a": (TEXT, META + "title: [x\n")}, "seeds/a.yml:", "invalid YAML"),
    case(
        "seed in UTF-16",
        {"a": ("Krimea dan NATO\n".encode("utf-16"), META.replace("preamble_lines: 1", "preamble_lines: 0"))},
        "seeds/a.txt:1",
        "not UTF-8",
    ),
    case(
        "seed in Latin-1",
        {"a": ("Kr\xe9mea dan NATO\n".encode("latin-1"), META.replace("preamble_lines: 1", "preamble_lines: 0"))},
        "seeds/a.txt:1",
        "not UTF-8",
    ),
    case(
        "dateline not found",
        {"a": (TEXT, META.replace("Intisari - Online.com -", "Jakarta -"))},
        "seeds/a.txt:2",
        "does not start with the dateline",
    ),
    case("seed empty", {"a": (b"", META)}, "seeds/a.txt:", "the file is empty; paste the article's text into it"),
    case("seed of blank lines", {"a": (b"\n \r\n\t\n", META)}, "seeds/a.txt:", "the file is empty; paste the article's text into it"),
    case(
        "published later than today",
        {"a": (TEXT, META.replace('published: "2021-12-31"', 'published: "2999-12-30"'))},
        "seeds/a.yml:5",
        "'published' is 2999-12-30, later than today",
    ),
    case(
        "published is not the date in the file name",
        {"intisari-2021-12-30-putin-biden": (TEXT, META)},
        "seeds/intisari-2021-12-30-putin-biden.yml:5",
        "'published' is 2021-12-31 but the file name says 2021-12-30",
    ),
    case(
        "placeholder source_url",
        {"a": (TEXT, META.replace(META.split("\n")[2], 'source_url: "https://www.example.com/artikel"'))},
        "seeds/a.yml:3",
        "'source_url' has the placeholder address example.com",
    ),
    case(
        "source_url on a test domain",
        {"a": (TEXT, META.replace(META.split("\n")[2], 'source_url: "https://intisari.test/artikel"'))},
        "seeds/a.yml:3",
        "'source_url' has the placeholder address intisari.test",
    ),
    case(
        "publisher_lines entry that matches no line",
        {"a": (TEXT, META + "publisher_lines:\n  - '^Baca( juga)?\\s*:'\n")},
        f"seeds/a.yml:{META.count(chr(10)) + 2}",
        "publisher_lines entry '^Baca( juga)?\\\\s*:' matches no line of seeds/a.txt between the preamble and the postscript",
    ),
]


@pytest.mark.parametrize("bad", ARTICLE_CASES, ids=[c.name for c in ARTICLE_CASES])
def test_bad_article(tmp_path: Path, bad: Case) -> None:
    printed, placed = validate_and_place(write_project(tmp_path / "project", GOOD, articles={"b": (TEXT, META), **bad.notes}))
    assert_said(printed, bad.where, bad.words, bad.count)
    assert "nato" in placed, "the good article was lost"


@pytest.mark.parametrize("bad", end_to_end(ARTICLE_CASES), ids=[c.name for c in end_to_end(ARTICLE_CASES)])
def test_bad_article_end_to_end(make_site, bad: Case) -> None:
    built = make_site(GOOD, articles={"b": (TEXT, META), **bad.notes})
    assert_agree(built, bad.where, bad.words, bad.count)
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-nato"]') is not None, "the good article was lost"


@pytest.mark.parametrize("broken", ["not UTF-8", "empty"])
def test_a_seed_that_cannot_be_read_comes_first_and_its_notes_say_so(make_site, broken: str) -> None:
    """The seed's own problem is listed first; a note anchored only there says that article could not be read."""
    text = TEXT.replace(b"Moskow", b"Mosk\xe9w", 1) if broken == "not UTF-8" else b""
    notes = {"krimea": note(title="Semenanjung", anchors="  - text: semenanjung Krimea\n")}
    built = make_site(notes, articles={"a": (text, META)})
    checked = latar_check(built.root)
    printed = checked.stdout.splitlines()
    assert sorted(printed) == sorted(built.problems) and not built.ok
    assert printed[0].startswith("seeds/a.txt:") and built.problems[0] == printed[0], printed
    (said,) = [line for line in printed if line.startswith("docs/anotasi/krimea.md:6:")]
    if broken == "empty":
        assert "the article 'a' could not be read (seeds/a.txt), so it cannot be told whether it is there; fix that file first" in said
    else:
        assert "is placed nowhere: it is found only in the article 'a', which could not be read (seeds/a.txt); fix that file first" in said
    assert "copy the phrase exactly" not in checked.stdout


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@latar.invalid", "-c", "init.defaultBranch=main", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def committed_project(root: Path, notes: dict[str, str]) -> None:
    """A project in a git repository whose main branch holds ``notes``; then a branch for the change."""
    (root / "docs" / "anotasi").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for suffix in (".txt", ".yml"):
        shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", root / "seeds" / f"{SEED_NAME}{suffix}")
    for note_id, text in notes.items():
        (root / "docs" / "anotasi" / f"{note_id}.md").write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "main")
    git(root, "checkout", "-qb", "usulan")


GIT_CASES = [
    case(
        "duplicate claim by a new note",
        {"jenewa": note(title="Jenewa", anchors="  - text: Krimea\n")},
        "docs/anotasi/jenewa.md:6",
        "the phrase 'Krimea' is already claimed by docs/anotasi/krimea.md",
    ),
    case(
        "new longer anchor hides an old one",
        {"separatis": note(title="Separatis", anchors="  - text: semenanjung Krimea\n")},
        "docs/anotasi/separatis.md:6",
        "the anchor 'semenanjung Krimea' covers the anchor 'Krimea' of docs/anotasi/krimea.md",
    ),
    case(
        "new shorter anchor inside an old one",
        {"aa-semenanjung": note(title="Semenanjung", anchors="  - text: semenanjung\n")},
        "docs/anotasi/aa-semenanjung.md:6",
        "it is only found inside the longer anchor 'semenanjung Krimea' of docs/anotasi/lama.md",
    ),
]


@pytest.mark.parametrize("bad", GIT_CASES, ids=[c.name for c in GIT_CASES])
def test_collision_is_blamed_on_the_new_note(make_site, tmp_path: Path, bad: Case) -> None:
    """Against the main branch (git), the message goes on the note in the change, and names the old one: once.

    The first case also goes through the strict build (the build must blame the same note)."""
    old = {**GOOD, "krimea": note_text()}
    if bad.name.startswith("new shorter"):
        old = {**GOOD, "lama": note(title="Lama", anchors="  - text: semenanjung Krimea\n")}
    committed_project(tmp_path / "project", old)
    if bad is GIT_CASES[0]:
        assert_agree(make_site({**old, **bad.notes}), bad.where, bad.words, bad.count)
    else:
        assert_said(validate(write_project(tmp_path / "project", {**old, **bad.notes})), bad.where, bad.words, bad.count)


def test_an_edited_old_note_is_blamed_too(make_site, tmp_path: Path) -> None:
    """Changed, not only new: editing a note on the branch makes it the one the change is about."""
    old = {**GOOD, "krimea": note_text(), "kuba": note(title="Kuba", anchors="  - text: krisis rudal Kuba\n")}
    committed_project(tmp_path / "project", old)
    edited = note(title="Kuba", anchors="  - text: Krimea\n")
    printed = validate(write_project(tmp_path / "project", {**old, "kuba": edited}))
    assert_said(printed, "docs/anotasi/kuba.md:6", "already claimed by docs/anotasi/krimea.md", 1)


def test_the_base_can_be_chosen(tmp_path: Path) -> None:
    """``--base``: a commit or branch; an unknown one is refused clearly."""
    root = tmp_path / "project"
    committed_project(root, {**GOOD, "krimea": note_text()})
    (root / "docs" / "anotasi" / "jenewa.md").write_text(note(title="Jenewa", anchors="  - text: Krimea\n"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "jenewa")
    on_branch = latar_check(root).stdout.splitlines()
    assert [line.split(":")[0] for line in on_branch] == ["docs/anotasi/jenewa.md"], on_branch
    against_head = latar_check(root, None, "--base", "HEAD").stdout.splitlines()
    assert sorted(line.split(":")[0] for line in against_head) == ["docs/anotasi/jenewa.md", "docs/anotasi/krimea.md"]
    unknown = latar_check(root, None, "--base", "tidak-ada")
    assert unknown.returncode == 2
    assert "the base 'tidak-ada' is not a branch or commit of this repository" in unknown.stderr


def test_check_outside_any_project_refuses_clearly(tmp_path: Path) -> None:
    result = latar_check(tmp_path, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "latar check: no mkdocs.yml here or in any parent folder; run latar inside the project or pass --config"
    )


def test_catalogue_size() -> None:
    assert len(NOTE_CASES) + len(ARTICLE_CASES) + len(GIT_CASES) >= 80
    assert {c.name for c in NOTE_CASES + ARTICLE_CASES} >= END_TO_END, "END_TO_END names a case that is gone"
    assert len(END_TO_END) >= 12


@pytest.mark.parametrize("variant", ["bom", "crlf"])
def test_bom_and_crlf_notes_are_accepted(make_site, variant: str) -> None:
    text = note_text()
    data = ("\ufeff" + text).encode() if variant == "bom" else text.replace("\n", "\r\n").encode()
    built = make_site({**GOOD, "krimea": data})
    assert built.ok, built.warnings
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-krimea"]') is not None


def test_a_note_being_written_is_previewed_but_an_impossible_one_is_not(make_site) -> None:
    """Editorial problems fail a strict build, yet a preview still shows the note being written; blocking ones keep it out."""
    drafts = {
        "krimea": note_text(body="Baru mulai menulis.\n"),
        "kuba": note(title="Kuba", anchors="  - text: krisis rudal Kuba\n", extra="date: 1962-13\n"),
    }
    built = make_site({**GOOD, **drafts}, strict=False)
    assert built.ok
    assert (built.site / "anotasi" / "krimea" / "index.html").is_file()
    assert not (built.site / "anotasi" / "kuba").exists()
    assert built.problems == [
        "docs/anotasi/krimea.md:17: the body has 3 words; write 150–400 words of background below the front matter",
        "docs/anotasi/kuba.md:16: 'date' is 1962-13, which is not a real date: there is no month 13 (months run from 01 to 12); correct it",
    ]
