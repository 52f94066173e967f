"""The notes as a W3C Web Annotation collection (JSON-LD), one Annotation per placement."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping

from .article import Article
from .notes import Note
from .render import RenderedArticle
from .sanitize import plain_text, render_inline

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SELECTOR_CONTEXT = 32


def article_text(article: Article) -> str:
    """The text the selectors point into: the article's paragraphs joined by newlines."""
    return "\n".join(article.paragraphs)


def paragraph_offsets(article: Article) -> list[int]:
    """Where each paragraph starts in :func:`article_text`."""
    offsets, position = [], 0
    for paragraph in article.paragraphs:
        offsets.append(position)
        position += len(paragraph) + 1
    return offsets


def annotation_collection(
    rendered: Iterable[RenderedArticle],
    notes: Mapping[str, Note],
    article_url: Callable[[str], str],
    note_url: Callable[[str], str],
) -> str:
    """A deterministic ``AnnotationCollection`` with one page holding every annotation."""
    items = []
    for result in sorted(rendered, key=lambda r: r.article.name):
        text = article_text(result.article)
        offsets = paragraph_offsets(result.article)
        source = article_url(result.article.name)
        for placement in result.placements:
            start = offsets[placement.block] + placement.start
            end = offsets[placement.block] + placement.end
            note = notes[placement.note_id]
            items.append(
                {
                    "id": f"{source}#{placement.ref_id}",
                    "type": "Annotation",
                    "motivation": "describing",
                    "body": [
                        {
                            "type": "TextualBody",
                            "value": render_inline(note.summary),
                            "format": "text/html",
                            "language": "id",
                            "purpose": "describing",
                        },
                        {"type": "SpecificResource", "source": note_url(note.id), "purpose": "identifying"},
                    ],
                    "target": {
                        "source": source,
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": text[start:end],
                                "prefix": text[max(0, start - SELECTOR_CONTEXT) : start],
                                "suffix": text[end : end + SELECTOR_CONTEXT],
                            },
                            {"type": "TextPositionSelector", "start": start, "end": end},
                        ],
                    },
                    "label": plain_text(note.title),
                }
            )
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Catatan latar",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    # Compact: with ``indent`` the json module falls back to its pure-Python encoder (~5x slower at 6,000 items).
    return json.dumps(collection, ensure_ascii=False) + "\n"
