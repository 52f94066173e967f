"""Note parsing and validation: every kind of bad input gives one message with file and line."""

from __future__ import annotations

import pytest

from conftest import BODY, SOURCE_URL, note_text
from latar.core.dates import calendar_error
from latar.core.dropped import dropped
from latar.core.notes import InvalidNote, note_problems, parse_note
from latar.core.slug import slug
from latar.strings import format_date

LABEL = "docs/anotasi/krimea.md"


def problems_of(text: str, note_id: str = "krimea") -> list[str]:
    """Every problem of a note, whether it keeps the note out or only fails a strict build."""
    problems = [str(p) for p in note_problems(note_id, text, LABEL)]
    assert problems, "the note should have problems"
    return problems


def test_valid_note_parses() -> None:
    note = parse_note("krimea", note_text(extra="date: '2014'\nhindsight: false\n"), LABEL)
    assert (note.title, note.kind, note.date, note.anchors[0].text, note.anchors[0].line) == ("Krimea", "place", "2014", "Krimea", 6)
    assert note.sources[0].date == "2021-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "docs/anotasi/krimea.md:1: the file is empty"),
        ("title: x\n", "docs/anotasi/krimea.md:1: the file must start with a '---' line"),
        ("---\ntitle: x\n", "the front matter is not closed"),
        ("---\ntitle: [unclosed\nkind: place\n---\n", "docs/anotasi/krimea.md:"),
        (note_text(kind="persn"), "docs/anotasi/krimea.md:3: 'kind' is 'persn' (did you mean 'person'?); use one of:"),
        (note_text().replace("summary: Semenanjung di Laut Hitam.\n", ""), "missing required field 'summary'"),
        (note_text(extra="sumary: x\n"), "docs/anotasi/krimea.md:16: unknown field 'sumary' (did you mean 'summary'?)"),
        (note_text().replace(SOURCE_URL, "http://example.org/a"), ":9: 'sources[1].url' must be an https:// address"),
        (note_text().replace(SOURCE_URL, "javascript:alert(1)"), "must be an https:// address"),
        (note_text(anchors="  - text: '   '\n"), "'anchors[1].text' is empty"),
        (note_text(anchors="  []\n"), "'anchors' needs at least 1 item"),
        (note_text(anchors="  Krimea\n"), "'anchors' must be a list, not text"),
        (note_text(extra="hindsight: yes please\n"), "'hindsight' must be true or false, not text"),
        (note_text(extra="date: kemarin\n"), "'date' must be an ISO date (YYYY-MM-DD) or a year"),
        (note_text(title="&a Krimea", summary="*a"), "YAML aliases"),
        (note_text(extra="title: lagi\n"), "the key 'title' appears twice"),
        ("---\n\ttitle: x\n---\n", "tabs are not allowed"),
        ("---\n- a\n- b\n---\n", "must be a mapping"),
        (note_text(summary=" ".join(["kata"] * 61)), "'summary' has 61 words"),
    ],
)
def test_bad_input_messages(text: str, expected: str) -> None:
    messages = problems_of(text)
    assert any(expected in m for m in messages), messages


def test_yaml_error_names_the_line() -> None:
    (message,) = problems_of("---\ntitle: x\nkind: place\nsummary: a: b\n---\n")
    assert message.startswith("docs/anotasi/krimea.md:4: invalid YAML")


def test_unsafe_id_is_named_with_a_fix() -> None:
    messages = problems_of(note_text(), note_id="Krimea 2014")
    assert "rename the file to 'krimea-2014.md'" in messages[0]


@pytest.mark.parametrize("variant", ["\ufeff", "crlf"])
def test_bom_and_crlf_are_accepted(variant: str) -> None:
    text = note_text()
    text = "\ufeff" + text if variant == "\ufeff" else text.replace("\n", "\r\n")
    from latar.core.files import read_text  # noqa: PLC0415 - the BOM is dropped on reading

    assert parse_note("krimea", text.removeprefix("\ufeff") if variant == "\ufeff" else text, LABEL).title == "Krimea"
    assert read_text.__doc__


def test_every_problem_is_reported_at_once() -> None:
    messages = problems_of(note_text(kind="x", extra="foo: 1\n", body="Pendek.\n").replace("https://", "ftp://"))
    assert len(messages) == 5, messages  # kind, two source addresses, the unknown key, the short body


def test_yaml_error_says_where_an_unclosed_construct_starts() -> None:
    (message,) = problems_of("---\ntitle: [Krimea\nkind: place\n---\n")
    assert message.startswith("docs/anotasi/krimea.md:3: invalid YAML")
    assert "flow sequence that starts on line 2" in message


def test_source_with_accessed_and_archive_instead_of_a_publication_date() -> None:
    text = note_text().replace(
        "    date: 2021-12-31\n", f"    accessed: 2026-11-25\n    archive_url: https://web.archive.org/web/2021/{SOURCE_URL}\n"
    )
    source = parse_note("krimea", text, LABEL).sources[0]
    assert (source.date, source.accessed, source.archive_url) == (
        None,
        "2026-11-25",
        f"https://web.archive.org/web/2021/{SOURCE_URL}",
    )


def test_source_needs_a_date_or_the_day_it_was_accessed() -> None:
    messages = problems_of(note_text().replace("    date: 2021-12-31\n", ""))
    assert messages == [
        "docs/anotasi/krimea.md:8: 'sources[1]' needs 'date' (when it was published) or 'accessed' (the day you consulted it, YYYY-MM-DD); add one"
    ]


def test_the_fixture_note_passes_every_rule() -> None:
    assert note_problems("krimea", note_text(), LABEL) == []


def test_editorial_problems_keep_the_note_blocking_ones_do_not() -> None:
    """A short body fails a strict build but still renders (a preview shows it); an impossible date keeps it out."""
    short = parse_note("krimea", note_text(body="Pendek.\n"), LABEL)
    assert [str(p) for p in short.problems] == [
        f"{LABEL}:17: the body has 1 word; write 150–400 words of background below the front matter"
    ]
    with pytest.raises(InvalidNote) as info:
        parse_note("krimea", note_text(extra="date: 2021-02-29\n"), LABEL)
    assert [str(p) for p in info.value.problems] == [
        f"{LABEL}:16: 'date' is 2021-02-29, which is not a real date: February 2021 has 28 days; correct it"
    ]
    assert info.value.anchors[0].text == "Krimea"  # still checked against the articles


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2021-12-31", None),
        ("2024-02-29", None),
        ("1962-10", None),
        ("1962", None),
        (2014, None),
        ("kemarin", None),  # not ISO: the schema's message, not this one
        ("1947-13-01", "there is no month 13 (months run from 01 to 12)"),
        ("1947-00-05", "there is no month 00 (months run from 01 to 12)"),
        ("1947-13", "there is no month 13 (months run from 01 to 12)"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2021-04-31", "April 2021 has 30 days"),
        ("2021-01-00", "January 2021 has 31 days"),
        ("0000-01-01", "there is no year 0000"),
    ],
)
def test_calendar(value, why) -> None:
    assert calendar_error(value) == why


def test_format_date_never_raises() -> None:
    """Every shape a date field can have, impossible ones included, gives text (the validator reports the rest)."""
    for month in range(100):
        for day in (0, 1, 28, 29, 30, 31, 32, 99):
            assert format_date(f"1947-{month:02d}-{day:02d}")
        assert format_date(f"1947-{month:02d}")
    assert format_date("1947-13-01") == "1947-13-01"
    assert format_date("2021-12-31") == "31 Desember 2021"
    assert format_date("1962-10") == "Oktober 1962"
    assert format_date("") == "" and format_date(None) == ""


def test_body_lines_are_file_lines() -> None:
    """Blank lines after the front matter do not shift the line a problem is reported on."""
    text = note_text(body="\n\n" + BODY + "\n## Judul\n")
    heading = text.split("\n").index("## Judul") + 1
    assert f"{LABEL}:{heading}: headings are not published in notes; use **bold** or split the note" in problems_of(text)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Teks biasa dengan **tebal**, *miring*, `kode`, [tautan](https://x.org) dan [relatif](../nato/).", []),
        ("`<iframe>` dan `![bukan gambar](x)` dalam kode.\n\n```\n<script>x</script>\n```", []),
        ("a\n\nb ![alt](x.png)", [(3, "images are not published; link to the image instead")]),
        ("a\n<img src=x alt=y>", [(2, "images are not published; link to the image instead")]),
        ("# Satu\n\nteks\n\nDua\n---", [(1, "headings"), (5, "headings")]),
        ("a\n\n---\n\nb", [(3, "horizontal rules are not published")]),
        ("- [ ] tugas\n- [x] selesai", [(1, "checkboxes"), (2, "checkboxes")]),
        ("a\nb <span>c</span>", [(2, "raw HTML (<span>) is not published; use Markdown")]),
        ("<div>\nblok\n</div>\n\nteks\n\n<section>x</section>", [(1, "raw HTML (<div>)"), (7, "raw HTML (<section>)")]),
        ("x <script>alert(1)</script>", [(1, "raw HTML (<script>)")]),  # GFM shows it as text: still said
        ("[a](javascript:alert(1))\n[b](vbscript:x) [c](data:text/html,x)", [(1, "javascript:"), (2, "vbscript:"), (2, "data:")]),
        ("<a href='JAVASCRIPT:x'>y</a>", [(1, "JAVASCRIPT:x")]),
        ("<!-- catatan untuk penyunting -->\nteks", []),  # comments are not meant to be published
    ],
)
def test_what_would_be_dropped_and_where(markdown: str, expected: list[tuple[int, str]]) -> None:
    found = dropped(markdown)
    assert len(found) == len(expected), found
    for item, (line, words) in zip(found, expected, strict=True):
        assert item.line == line and words in item.message, found


def test_one_line_fields_keep_inline_markup_only() -> None:
    assert dropped("Satu *dua* [tiga](https://x.org).\n\nEmpat.", one_line=True) == ()
    (item,) = dropped("Daftar:\n\n- a\n- b", one_line=True)
    assert item.line == 3 and item.message.startswith("lists are not published here")


@pytest.mark.parametrize(("text", "expected"), [("Perang Dingin", "perang-dingin"), ("Škoda & Co.", "skoda-co"), ("!!!", "nama-catatan")])
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected
