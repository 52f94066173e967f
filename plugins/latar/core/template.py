"""The one new-note template: ``latar new``, ``latar note-from-issue`` and the page's "Usulkan catatan" form all
write a note with it; the page receives it as data (:func:`client_template`) and fills it in the same way
(``assets/propose/note.js``), so a note proposed in the browser is byte for byte the note Python writes.

The template is Mustache-like: ``{{name}}`` is a value written as a quoted scalar (:func:`quote`), ``{{&name}}``
is text written as it is, and ``{{#name}}…{{/name}}`` is written once per item of a list, once for a non-empty
value, or not at all; a line holding only a section tag leaves no line. What a proposer could not know is
``TODO`` text and example addresses, for ``latar check`` to point at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from latar.core.schema import load_schema

NOTE = """\
---
title: {{title}}
kind: {{kind}}
summary: {{summary}}
anchors:
  - text: {{phrase}}
{{#prefix}}
    prefix: {{prefix}}
{{/prefix}}
{{#suffix}}
    suffix: {{suffix}}
{{/suffix}}
{{#article}}
    articles: [{{article}}]
{{/article}}
sources:
{{#sources}}
  - title: {{title}}
    url: {{url}}
    publisher: {{publisher}}
    accessed: {{accessed}}
{{/sources}}
---
TODO: latar belakang 150–400 kata, netral dan ensiklopedis; setiap fakta dapat dicek di sumber.
{{#reason}}

TODO: alasan pengusul (hapus sebelum terbit): {{&reason}}
{{/reason}}
"""
DEFAULTS = {
    "title": "{phrase}",
    "summary": "TODO: 1–3 kalimat netral tentang {phrase} (paling banyak 60 kata).",
}
"""What an empty field becomes, filled from the fields given (never from another default: the page gets these
with sorted keys)."""
SOURCES: dict[str, Any] = {
    "https": r"https://[^\x00-\x20/$.?#][^\x00-\x20]*",
    "source": {"title": "TODO: judul sumber", "publisher": "TODO: penerbit"},
    "not_https": "TODO: judul sumber; alamatnya harus https: {url}",
    "placeholders": [
        {"title": "TODO: judul sumber", "url": "https://example.org/ganti-dengan-sumber", "publisher": "TODO: penerbit"},
        {
            "title": "TODO: sumber kedua dari situs lain",
            "url": "https://example.com/ganti-dengan-sumber",
            "publisher": "TODO: penerbit lain",
        },
    ],
}
"""The sources written: each address given (an address that is not https goes into a TODO title), then the
placeholders the given ones leave over, so that a note always asks for two sources from two publishers."""
PROPOSAL_FORM = "usulan-anotasi.yml"
"""The issue form a reader's proposal fills in (``.github/ISSUE_TEMPLATE/``)."""
PROPOSAL_FIELDS = {
    "phrase": "frasa",
    "prefix": "prefix",
    "suffix": "suffix",
    "article": "artikel",
    "kind": "jenis",
    "title": "judul",
    "summary": "ringkasan",
    "reason": "alasan",
    "sources": "sumber",
}
"""A proposal's parts → the ids of the issue form's fields."""
_anchor = load_schema("note")["properties"]["anchors"]["items"]["properties"]
MAX_QUOTE = min(_anchor[key]["maxLength"] for key in ("text", "prefix", "suffix"))
"""The longest phrase, prefix or suffix a note may quote (``note.schema.json``)."""

_YAML_ONLY = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"\{\{([#/&]?)([a-z_]+)\}\}")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class NoteFields:
    """What a new note is made from; empty means "not known" (a TODO is written instead). ``accessed``, the day
    the sources were consulted, is set when the note is written (a reader's proposal has none)."""

    phrase: str
    kind: str = "background"
    accessed: str = ""
    title: str = ""
    summary: str = ""
    prefix: str = ""
    suffix: str = ""
    article: str = ""
    sources: Sequence[str] = ()
    reason: str = ""


def quote(value: str) -> str:
    """``value`` as a JSON string, which is also a YAML double-quoted scalar (``JSON.stringify`` writes the same).

    The characters YAML reads differently (C1 controls, U+2028/2029, non-characters, lone surrogates) are escaped.
    """
    return _YAML_ONLY.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def fill(text: str, values: Mapping[str, Any]) -> str:
    """``{name}`` in ``text`` replaced by ``values[name]``; unknown names are left as they are."""
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def parse(template: str) -> list[Any]:
    """The template as a tree: text, ``{"quote": name}``, ``{"text": name}``, ``{"each": name, "parts": [...]}``."""
    source = re.sub(r"^(\{\{[#/][a-z_]+\}\})\n", r"\1", template, flags=re.MULTILINE)  # a tag alone on its line
    root: list[Any] = []
    stack: list[tuple[str, list[Any]]] = [("", root)]
    position = 0
    for match in _TAG.finditer(source):
        parts = stack[-1][1]
        if match.start() > position:
            parts.append(source[position : match.start()])
        position = match.end()
        sign, name = match.groups()
        if sign == "#":
            section: list[Any] = []
            parts.append({"each": name, "parts": section})
            stack.append((name, section))
        elif sign == "/":
            if stack[-1][0] != name:
                raise ValueError(f"template: {{{{/{name}}}}} closes {stack[-1][0] or 'nothing'}")
            stack.pop()
        else:
            parts.append({"text" if sign == "&" else "quote": name})
    if len(stack) > 1:
        raise ValueError(f"template: {{{{#{stack[-1][0]}}}}} is never closed")
    if position < len(source):
        root.append(source[position:])
    return root


def render(parts: Sequence[Any], context: Mapping[str, Any]) -> str:
    """Fill a parsed template (``assets/propose/note.js`` ``render`` is the same walk)."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif "quote" in part:
            out.append(quote(str(context.get(part["quote"], ""))))
        elif "text" in part:
            out.append(str(context.get(part["text"], "")))
        else:
            value = context.get(part["each"])
            if isinstance(value, list):
                out.extend(render(part["parts"], {**context, **item}) for item in value)
            elif value:
                out.append(render(part["parts"], context))
    return "".join(out)


def context(fields: NoteFields) -> dict[str, Any]:
    """The template's values for ``fields``: defaults for what is empty, the sources to write (``note.js``: the same)."""
    values: dict[str, Any] = {name: getattr(fields, name) for name in ("phrase", "kind", "title", "summary", "prefix", "suffix", "article")}
    values["reason"] = " ".join(fields.reason.split())
    for name, default in DEFAULTS.items():
        values[name] = values[name] or fill(default, values)
    placeholders = SOURCES["placeholders"]
    sources = []
    for index, url in enumerate(fields.sources):
        if re.fullmatch(SOURCES["https"], url):
            sources.append({**SOURCES["source"], "url": url})
        else:
            sources.append({**placeholders[min(index, len(placeholders) - 1)], "title": fill(SOURCES["not_https"], {"url": url})})
    sources += placeholders[len(sources) :]
    values["sources"] = [{**source, "accessed": fields.accessed} for source in sources]
    return values


TREE = parse(NOTE)


def note_text(fields: NoteFields) -> str:
    """A new note's file: valid front matter, with TODO where the fields are empty."""
    return render(TREE, context(fields))


def client_template() -> dict[str, Any]:
    """The template as the page receives it (``assets/propose/note.js``)."""
    return {"parts": TREE, "defaults": DEFAULTS, "sources": SOURCES}
