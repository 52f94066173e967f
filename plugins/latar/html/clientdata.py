"""What the browser side receives from Python: one JSON data island on each page whose scripts need it (an
article page: the MkDocs adapter puts it before ``</head>`` with the page's head tags). Being in the head, it is also
what ``latar.css`` keys an article page's wide layout on (two margin columns): it is parsed before anything in the
body is drawn, so that layout never shifts.

``<script type="application/json" id="latar-data">`` is data, never run (a Content-Security-Policy does not
execute it). ``assets/data.js`` reads it: the reading scripts' words (``reading``) and, when readers can propose
notes, everything the proposal form would otherwise repeat from Python (``propose``): kinds and their labels, the
one note template, the slug rule's parameters, the longest quote, the issue form and its field ids, its words.
"""

from __future__ import annotations

from typing import Any

from latar.core.notes import KINDS
from latar.core.slug import FALLBACK, MAX_LENGTH
from latar.core.template import MAX_QUOTE, PROPOSAL_FIELDS, PROPOSAL_FORM, client_template
from latar.html.builder import json_text, tag, to_html
from latar.strings import PROPOSE_STRINGS, READING_STRINGS, kind_label

ISLAND_ID = "latar-data"


def propose_data() -> dict[str, Any]:
    """What ``assets/propose/`` needs to write a proposal exactly as ``latar note-from-issue`` would."""
    return {
        "strings": PROPOSE_STRINGS,
        "kinds": [[kind, kind_label(kind)] for kind in KINDS],
        "template": client_template(),
        "slug": {"limit": MAX_LENGTH, "fallback": FALLBACK},
        "max_quote": MAX_QUOTE,
        "form": {"template": PROPOSAL_FORM, "fields": PROPOSAL_FIELDS},
    }


def article_data(proposals: bool) -> dict[str, Any]:
    """An article page's data: the reading scripts' words, and the proposal form's when readers can propose."""
    data: dict[str, Any] = {"reading": READING_STRINGS}
    if proposals:
        data["propose"] = propose_data()
    return data


def island(data: dict[str, Any]) -> str:
    """The data island's HTML."""
    return to_html(tag("script", json_text(data), type="application/json", id=ISLAND_ID))
