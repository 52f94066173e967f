"""Every payload in every contributed field: nothing that runs, nothing that clobbers."""

from __future__ import annotations

import pytest
import yaml

from latar.core.articles import ArticleMeta, build_article
from latar.core.notes import parse_note
from latar.core.pipeline import Catalog, place_notes
from latar.core.problems import InputError
from latar.core.sanitize import render_block, render_inline
from latar.html.article import ArticleRenderer
from latar.html.pages import note_page, notes_index, timeline
from safety import payloads, problems

FIELDS = ("title", "summary", "body", "source_title", "source_publisher", "source_url")
ARTICLE = build_article("uji", "Krimea dan NATO.\n", ArticleMeta("Uji", "https://example.org/a", "P", "2021-12-31", "id"))
PAYLOADS = payloads()


def note_with(field: str, payload: str) -> str:
    front = {
        "title": "Krimea",
        "kind": "place",
        "summary": "Semenanjung.",
        "date": "2014",
        "anchors": [{"text": "Krimea"}],
        "sources": [{"title": "Sumber", "url": "https://example.org/a", "publisher": "Contoh", "date": "2021"}],
    }
    body = "Isi."
    match field:
        case "body":
            body = payload
        case "source_title" | "source_publisher":
            front["sources"][0][field.removeprefix("source_")] = payload
        case "source_url":
            front["sources"][0]["url"] = "https://example.org/" + payload
        case _:
            front[field] = payload
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + "\n"


def rendered(text: str) -> str | None:
    try:
        note = parse_note("krimea", text, "docs/anotasi/krimea.md")
    except InputError:
        return None
    (placed,) = place_notes(Catalog((ARTICLE,), (note,))).placed
    article = ArticleRenderer({note.id: note}, lambda _: "anotasi/krimea/").render(placed)
    return "\n".join([article.html, note_page(note, []), notes_index([note], {note.id: "x/"}), timeline([note], {note.id: "x/"}, [])])


def test_there_are_payloads_to_try() -> None:
    assert len(PAYLOADS) >= 50


@pytest.mark.parametrize("field", FIELDS)
def test_no_payload_survives_in_any_field(field: str) -> None:
    tried = rejected = 0
    failures = {}
    for payload in PAYLOADS:
        tried += 1
        markup = rendered(note_with(field, payload))
        if markup is None:
            rejected += 1
            continue
        found = problems(markup)
        if found:
            failures[payload] = found
    assert failures == {}
    assert tried - rejected > 0 or field == "source_url"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("`<script>alert(1)</script>`", "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
        ("[tautan](https://example.org)", 'href="https://example.org"'),
        ("[relatif](../nato/)", 'href="../nato/"'),
        ("[surel](mailto:redaksi@example.org)", 'href="mailto:redaksi@example.org"'),
        ("**tebal** dan *miring*", "<strong>tebal</strong> dan <em>miring</em>"),
    ],
)
def test_allowed_markup_is_kept(markdown: str, expected: str) -> None:
    assert expected in render_block(markdown)


@pytest.mark.parametrize(
    "markdown",
    ['<p id="latar-fn-krimea" class="md-header" style="x" name="n">teks</p>', '<a href="https://x.org" id="x" onclick="y">t</a>'],
)
def test_ids_classes_styles_and_handlers_are_stripped(markdown: str) -> None:
    out = render_block(markdown)
    for attribute in ("id=", "class=", "style=", "name=", "onclick="):
        assert attribute not in out


def test_summary_is_inline() -> None:
    assert render_inline("Satu.\n\nDua.") == "Satu. Dua."
