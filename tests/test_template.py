"""The one note template (core/template.py) and what the page receives from Python (html/clientdata.py, the
search boot). That the browser fills the template byte for byte as Python does is ``tests/test_propose.py``'s."""

from __future__ import annotations

import json

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from latar.core import template
from latar.core.notes import note_problems
from latar.core.template import NoteFields, note_text, quote
from latar.html import clientdata
from latar.outputs import search

EDGES = "\x00\x07\t\n\r\x1c\x1f\x7f\x80\x85\x9f\xa0\u2028\u2029\ufeff\ufffe\uffff\"\\'#:-{}[]&*!|>%@`"


@given(st.text(alphabet=st.sampled_from(EDGES) | st.characters(exclude_categories=("Cs",)), max_size=30))
def test_a_quoted_value_reads_back_as_itself_on_one_line(value: str) -> None:
    quoted = quote(value)
    assert len(quoted.splitlines()) == 1, "no character any reader takes for a line break"
    assert yaml.safe_load(f"key: {quoted}\n") == {"key": value}
    assert json.loads(quoted) == value


def test_quote_is_json_with_yamls_few_extra_escapes() -> None:
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    assert quote("\x7f\x85\u2028é😀") == '"\\u007f\\u0085\\u2028é😀"'


def test_a_new_note_has_every_field_and_asks_for_the_rest() -> None:
    fields = NoteFields(
        phrase="telekonferensi",
        kind="event",
        accessed="2026-12-02",
        prefix="Dalam ",
        suffix=" media,",
        article="intisari",
        sources=("https://contoh.id/a", "http://contoh.id/b", "https://contoh.id/c"),
        reason="karena\n  penting",
    )
    text = note_text(fields)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "telekonferensi" and front["kind"] == "event"
    assert front["summary"].startswith("TODO: 1–3 kalimat netral tentang telekonferensi")
    assert front["anchors"] == [{"text": "telekonferensi", "prefix": "Dalam ", "suffix": " media,", "articles": ["intisari"]}]
    assert [(s["title"], s["url"]) for s in front["sources"]] == [
        ("TODO: judul sumber", "https://contoh.id/a"),
        ("TODO: judul sumber; alamatnya harus https: http://contoh.id/b", "https://example.com/ganti-dengan-sumber"),
        ("TODO: judul sumber", "https://contoh.id/c"),
    ]
    assert all(s["accessed"] == "2026-12-02" for s in front["sources"])
    assert text.endswith("\nTODO: alasan pengusul (hapus sebelum terbit): karena penting\n")


def test_without_sources_two_placeholders_from_two_publishers() -> None:
    text = note_text(NoteFields(phrase="Krimea", kind="place", accessed="2026-12-02", title="Krimea", summary="Semenanjung."))
    messages = [p.message for p in note_problems("krimea", text, "docs/anotasi/krimea.md")]
    assert not any("one publisher" in m for m in messages), messages
    assert sum("placeholder address" in m for m in messages) == 2
    assert "\n    prefix:" not in text and "articles:" not in text and "alasan" not in text


@pytest.mark.parametrize(
    ("source", "error"),
    [("{{#a}}x", "never closed"), ("{{#a}}x{{/b}}", "closes a"), ("x{{/a}}", "closes nothing")],
)
def test_a_broken_template_is_refused(source: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        template.parse(source)


def test_the_page_gets_the_template_the_python_side_uses() -> None:
    data = json.loads(json.dumps(template.client_template()))
    assert data["parts"] == template.parse(template.NOTE)
    assert template.render(data["parts"], {"title": "x"}).startswith('---\ntitle: "x"\nkind: ""\n')


def test_the_data_island_is_data_that_cannot_close_its_element() -> None:
    data = clientdata.article_data(proposals=True)
    data["reading"] = {**data["reading"], "close": "</script><script>alert(1)</script> & <!--"}
    soup = BeautifulSoup(f"<html><head>{clientdata.island(data)}</head><body></body></html>", "html.parser")
    (script,) = soup.select("script")
    assert script["type"] == "application/json" and script["id"] == "latar-data"
    assert script.find_parent("head") is not None and "</script><script>" not in script.string
    assert json.loads(script.string) == data
    assert data["propose"]["max_quote"] == 200 and data["propose"]["slug"] == {"limit": 60, "fallback": "nama-catatan"}
    assert [kind for kind, _ in data["propose"]["kinds"]] == [
        "background",
        "person",
        "organization",
        "place",
        "event",
        "clarification",
        "aftermath",
    ]


def test_the_search_boot_gets_materials_names_from_material_js() -> None:
    material = search.material_search()
    assert material["messages"] == {"setup": 0, "ready": 1, "query": 2, "result": 3}
    assert material["form"] == "search"
    boot = search.boot_script()
    assert "__LATAR_BOOT__" not in boot and '"form": "search"' in boot and "</" not in boot


def test_a_material_js_without_its_json_block_stops_the_build(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "material.js"
    broken.write_text('export const SEARCH = Object.freeze({form: "search"});\n', encoding="utf-8")
    monkeypatch.setattr(search, "MATERIAL", broken)
    with pytest.raises(search.SearchError, match="must stay JSON"):
        search.material_search()
    broken.write_text("export const SEARCH = {};\n", encoding="utf-8")
    with pytest.raises(search.SearchError, match="has no"):
        search.material_search()
