"""A catalogue of bad input, each through a real strict build.

Every case must give one clear message naming the file (and line where there is one),
no traceback, a failing strict build, and no other note or page lost.
"""

from __future__ import annotations

import pytest

from conftest import SEED_NAME, SEEDS, note_text

GOOD = {"nato": note_text(title="NATO", kind="organization", anchors="  - text: NATO\n")}
META = (SEEDS / f"{SEED_NAME}.yml").read_text("utf-8")
TEXT = (SEEDS / f"{SEED_NAME}.txt").read_bytes()
SOURCE = "sources:\n  - title: S\n    url: https://example.org/a\n    publisher: P\n    date: 2021-12-31\n"


def note(**parts: str) -> str:
    return note_text(**parts)


def swap(old: str, new: str) -> str:
    text = note_text()
    assert old in text
    return text.replace(old, new)


# (case id, {note file stem: content}, expected file:line prefix, expected words)
NOTE_CASES = [
    ("empty file", {"rusak": ""}, "docs/anotasi/rusak.md:1", "the file is empty"),
    ("whitespace only", {"rusak": "  \n\n"}, "docs/anotasi/rusak.md:1", "the file is empty"),
    ("no front matter", {"rusak": "# Judul\n\nTeks.\n"}, "docs/anotasi/rusak.md:1", "must start with a '---' line"),
    ("front matter not closed", {"rusak": "---\ntitle: x\n"}, "docs/anotasi/rusak.md:1", "front matter is not closed"),
    ("tabs", {"rusak": "---\ntitle: x\n\tkind: place\n---\n"}, "docs/anotasi/rusak.md:3", "tabs are not allowed"),
    ("non-UTF-8 bytes", {"rusak": "---\ntitle: Kr\xe9mea\n---\n".encode("latin-1")}, "docs/anotasi/rusak.md:2", "not UTF-8"),
    ("binary", {"rusak": b"\x89PNG\r\n\x1a\n\x00\x00"}, "docs/anotasi/rusak.md", "binary"),
    ("huge file", {"rusak": note_text(body="kata " * 120_000)}, "docs/anotasi/rusak.md", "larger than the 512 KiB limit"),
    ("alias bomb", {"rusak": "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"}, "docs/anotasi/rusak.md:3", "aliases"),
    ("broken YAML", {"rusak": note(title="[Krimea")}, "docs/anotasi/rusak.md:", "invalid YAML"),
    (
        "merge key",
        {"rusak": swap("title: Krimea\n", "<<: {title: Krimea}\n")},
        "docs/anotasi/rusak.md:2",
        "merge keys (<<) are not allowed",
    ),
    ("list as a key", {"rusak": swap("title: Krimea\n", "? [title]\n: Krimea\n")}, "docs/anotasi/rusak.md:2", "a key must be plain text"),
    ("python tag", {"rusak": swap("title: Krimea\n", "title: !!python/name:os.system x\n")}, "docs/anotasi/rusak.md:2", "invalid YAML"),
    ("unquoted colon", {"rusak": note(summary="Catatan: penting")}, "docs/anotasi/rusak.md:4", "must be quoted"),
    ("front matter is a list", {"rusak": "---\n- a\n---\n"}, "docs/anotasi/rusak.md:2", "must be a mapping"),
    ("title is a list", {"rusak": note(title="[a, b]")}, "docs/anotasi/rusak.md:2", "'title' must be text, not a list"),
    ("unknown kind", {"rusak": note(kind="tokoh")}, "docs/anotasi/rusak.md:3", "use one of: background, person"),
    ("kind is a number", {"rusak": note(kind="3")}, "docs/anotasi/rusak.md:3", "'kind' is '3'"),
    (
        "summary missing",
        {"rusak": swap("summary: Semenanjung di Laut Hitam.\n", "")},
        "docs/anotasi/rusak.md:2",
        "missing required field 'summary'",
    ),
    ("summary too long", {"rusak": note(summary="kata " * 70)}, "docs/anotasi/rusak.md:4", "'summary' has 70 words"),
    ("anchors missing", {"rusak": swap("anchors:\n  - text: Krimea\n", "")}, "docs/anotasi/rusak.md:2", "missing required field 'anchors'"),
    ("anchors empty", {"rusak": note(anchors="  []\n")}, "docs/anotasi/rusak.md:5", "needs at least 1 item"),
    ("anchors is text", {"rusak": note(anchors="  Krimea\n")}, "docs/anotasi/rusak.md:5", "'anchors' must be a list"),
    ("empty anchor", {"rusak": note(anchors="  - text: ''\n")}, "docs/anotasi/rusak.md:6", "'anchors[1].text' is empty"),
    ("whitespace anchor", {"rusak": note(anchors="  - text: '   '\n")}, "docs/anotasi/rusak.md:6", "'anchors[1].text' is empty"),
    ("misspelt anchor key", {"rusak": note(anchors="  - txet: Krimea\n")}, "docs/anotasi/rusak.md:6", "'txet' (did you mean 'text'?)"),
    (
        "bad occurrence",
        {"rusak": note(anchors="  - text: Krimea\n    occurrence: semua\n")},
        "docs/anotasi/rusak.md:7",
        "use one of: first, all",
    ),
    (
        "case_sensitive not boolean",
        {"rusak": note(anchors="  - text: Krimea\n    case_sensitive: kadang\n")},
        "docs/anotasi/rusak.md:7",
        "must be true or false",
    ),
    (
        "sources missing",
        {"rusak": note_text().split("sources:")[0] + "---\n"},
        "docs/anotasi/rusak.md:2",
        "missing required field 'sources'",
    ),
    (
        "http source",
        {"rusak": swap("https://example.org/a", "http://example.org/a")},
        "docs/anotasi/rusak.md:9",
        "must be an https:// address",
    ),
    (
        "javascript: source",
        {"rusak": swap("https://example.org/a", "javascript:alert(1)")},
        "docs/anotasi/rusak.md:9",
        "must be an https:// address",
    ),
    (
        "data: source",
        {"rusak": swap("https://example.org/a", "'data:text/html,x'")},
        "docs/anotasi/rusak.md:9",
        "must be an https:// address",
    ),
    ("source without publisher", {"rusak": swap("    publisher: Contoh\n", "")}, "docs/anotasi/rusak.md:8", "'sources[1].publisher'"),
    ("bad source date", {"rusak": swap("date: 2021-12-31", "date: kemarin")}, "docs/anotasi/rusak.md:11", "must be an ISO date"),
    ("unknown key", {"rusak": note(extra="sumber: x\n")}, "docs/anotasi/rusak.md:12", "unknown field 'sumber'"),
    ("duplicate key", {"rusak": note(extra="kind: event\n")}, "docs/anotasi/rusak.md:12", "the key 'kind' appears twice"),
    (
        "hindsight not boolean",
        {"rusak": note(extra="hindsight: mungkin\n")},
        "docs/anotasi/rusak.md:12",
        "'hindsight' must be true or false",
    ),
    ("bad date", {"rusak": note(extra="date: 30/12/2021\n")}, "docs/anotasi/rusak.md:12", "must be an ISO date"),
    (
        "unsafe id",
        {"Jen Psaki": note(title="Psaki", anchors="  - text: Jen Psaki\n")},
        "docs/anotasi/Jen Psaki.md",
        "rename the file to 'jen-psaki.md'",
    ),
    ("orphan anchor", {"rusak": note(anchors="  - text: Krimeaa\n")}, "docs/anotasi/rusak.md:6", "closest text in the article: 'Krimea"),
    (
        "prefix mismatch",
        {"rusak": note(anchors="  - text: Krimea\n    prefix: 'pulau '\n")},
        "docs/anotasi/rusak.md:6",
        "prefix/suffix do not match",
    ),
    (
        "only in the headline",
        {"rusak": note(anchors="  - text: Padahal Terasa Perang\n")},
        "docs/anotasi/rusak.md:6",
        "outside the running text",
    ),
    (
        "only in the source link",
        {"rusak": note(anchors="  - text: Baca di situs asli\n")},
        "docs/anotasi/rusak.md:6",
        "outside the running text",
    ),
    (
        "phrase claimed twice",
        {"rusak": note(title="NATO lagi", anchors="  - text: nato\n")},
        "docs/anotasi/rusak.md:6",
        "already claimed by docs/anotasi/nato.md",
    ),
    (
        "overlapping anchor loses everywhere",
        {"rusak": note(anchors="  - text: rudal\n"), "kuba": note(title="Kuba", anchors="  - text: krisis rudal Kuba\n")},
        "docs/anotasi/rusak.md:6",
        "inside the longer anchor 'krisis rudal Kuba'",
    ),
]


@pytest.mark.parametrize(("notes", "where", "words"), [case[1:] for case in NOTE_CASES], ids=[case[0] for case in NOTE_CASES])
def test_bad_note(make_site, notes: dict, where: str, words: str) -> None:
    built = make_site({**GOOD, **notes})
    assert not built.ok, "the strict build must fail"
    ours = [m for m in built.warnings if "latar" in m or "anotasi" in m]
    matching = [m for m in ours if where in m and words in m]
    assert matching, ours
    assert not any("Traceback" in m for m in built.warnings)
    assert (built.site / "anotasi" / "nato" / "index.html").is_file(), "another note was lost"
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-nato"]') is not None


ARTICLE_CASES = [
    (
        "sidecar missing a field",
        {"a": (TEXT, META.replace('publisher: "Intisari Online"\n', ""))},
        "seeds/a.yml:",
        "missing required field 'publisher'",
    ),
    (
        "sidecar bad date",
        {"a": (TEXT, META.replace('published: "2021-12-31"', "published: 31-12-2021"))},
        "seeds/a.yml:5",
        "must be an ISO date",
    ),
    ("sidecar broken YAML", {"a": (TEXT, META + "title: [x\n")}, "seeds/a.yml:", "invalid YAML"),
    (
        "seed in UTF-16",
        {"a": ("Krimea dan NATO\n".encode("utf-16"), META.replace("preamble_lines: 1", "preamble_lines: 0"))},
        "seeds/a.txt:1",
        "not UTF-8",
    ),
    (
        "seed in Latin-1",
        {"a": ("Kr\xe9mea dan NATO\n".encode("latin-1"), META.replace("preamble_lines: 1", "preamble_lines: 0"))},
        "seeds/a.txt:1",
        "not UTF-8",
    ),
    (
        "dateline not found",
        {"a": (TEXT, META.replace("Intisari - Online.com -", "Jakarta -"))},
        "seeds/a.txt:2",
        "does not start with the dateline",
    ),
]


@pytest.mark.parametrize(("articles", "where", "words"), [case[1:] for case in ARTICLE_CASES], ids=[case[0] for case in ARTICLE_CASES])
def test_bad_article(make_site, articles: dict, where: str, words: str) -> None:
    good = {"b": (TEXT, META)}
    built = make_site(GOOD, articles={**good, **articles})
    assert not built.ok
    assert any(where in m and words in m for m in built.warnings), built.warnings
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-nato"]') is not None, "the good article was lost"


def test_catalogue_size() -> None:
    assert len(NOTE_CASES) + len(ARTICLE_CASES) >= 30


@pytest.mark.parametrize("variant", ["bom", "crlf"])
def test_bom_and_crlf_notes_are_accepted(make_site, variant: str) -> None:
    text = note_text()
    data = ("\ufeff" + text).encode() if variant == "bom" else text.replace("\n", "\r\n").encode()
    built = make_site({**GOOD, "krimea": data})
    assert built.ok, built.warnings
    assert built.soup().select_one('a.footnote-ref[href="#latar-fn-krimea"]') is not None
