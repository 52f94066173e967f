"""Note parsing and validation: every kind of bad input gives one message with file and line."""

from __future__ import annotations

import pytest

from conftest import note_text
from latar.notes import parse_note
from latar.problems import InputError

LABEL = "docs/anotasi/krimea.md"


def problems_of(text: str, note_id: str = "krimea") -> list[str]:
    with pytest.raises(InputError) as info:
        parse_note(note_id, text, LABEL)
    return [str(p) for p in info.value.problems]


def test_valid_note_parses() -> None:
    note = parse_note("krimea", note_text(extra="date: 2014\nhindsight: false\n"), LABEL)
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
        (note_text(extra="sumary: x\n"), "docs/anotasi/krimea.md:12: unknown field 'sumary' (did you mean 'summary'?)"),
        (note_text().replace("https://example.org/a", "http://example.org/a"), ":9: 'sources[1].url' must be an https:// address"),
        (note_text().replace("https://example.org/a", "javascript:alert(1)"), "must be an https:// address"),
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
    from latar.text import read_text  # noqa: PLC0415 - the BOM is dropped on reading

    assert parse_note("krimea", text.removeprefix("\ufeff") if variant == "\ufeff" else text, LABEL).title == "Krimea"
    assert read_text.__doc__


def test_every_problem_is_reported_at_once() -> None:
    messages = problems_of(note_text(kind="x", extra="foo: 1\n").replace("https://", "ftp://"))
    assert len(messages) == 3


def test_yaml_error_says_where_an_unclosed_construct_starts() -> None:
    (message,) = problems_of("---\ntitle: [Krimea\nkind: place\n---\n")
    assert message.startswith("docs/anotasi/krimea.md:3: invalid YAML")
    assert "flow sequence that starts on line 2" in message


def test_source_with_accessed_and_archive_instead_of_a_publication_date() -> None:
    text = note_text().replace(
        "    date: 2021-12-31\n", "    accessed: 2026-11-25\n    archive_url: https://web.archive.org/web/2021/https://example.org/a\n"
    )
    source = parse_note("krimea", text, LABEL).sources[0]
    assert (source.date, source.accessed, source.archive_url) == (
        None,
        "2026-11-25",
        "https://web.archive.org/web/2021/https://example.org/a",
    )


def test_source_needs_a_date_or_the_day_it_was_accessed() -> None:
    messages = problems_of(note_text().replace("    date: 2021-12-31\n", ""))
    assert messages == [
        "docs/anotasi/krimea.md:8: 'sources[1]' needs 'date' (when it was published) or 'accessed' (the day you consulted it, YYYY-MM-DD); add one"
    ]
