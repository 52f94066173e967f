"""The notes as a W3C Web Annotation collection (JSON-LD), one Annotation per placement.

https://www.w3.org/TR/annotation-model/: the collection and its one page have IRIs (5.1, 5.2),
the page says which collection it is ``partOf``; every annotation has ``created``/``modified``
(the note's history), ``creator`` (the project) and ``generator`` (latar). Each annotation has two
targets: the published article page, with selectors into the text of its ``.latar-article-body``
as the browser's DOM holds it (so W3C clients such as Hypothesis or Apache Annotator re-attach
them in the page), and the article's plain text ``teks.txt``; the marker on the headline has one target, its phrase
in the page's ``<h1>``. The bodies: the summary (describing), the note's
page and, for a note with ``wikidata``, its subject's Wikidata entity (both identifying).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata

from latar.core.articles import nfc
from latar.core.history import Dates, iso
from latar.core.memo import Memo
from latar.core.notes import Note
from latar.core.sanitize import plain_text, render_inline
from latar.html.article import Marker, RenderedArticle
from latar.html.opening import HEADLINE_CLASS
from latar.strings import NOTES_TITLE

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SELECTOR_CONTEXT = 32
PAGE_FRAGMENT = "#page1"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
"""The concept IRI of a Wikidata item (Wikidata's RDF namespace): a note's subject, as an identifying body."""


@dataclass(frozen=True)
class Addresses:
    """Where things are published (absolute when the site has a ``site_url``)."""

    collection: str
    article: Callable[[str], str]
    plain_text: Callable[[str], str]
    note: Callable[[str], str]


def software() -> dict[str, str]:
    """The ``generator``: latar with its installed version and, if it declares one, its home page."""
    try:
        meta = metadata.metadata("latar")
        version = meta["Version"]
        urls = [value.split(",", 1)[1].strip() for value in meta.get_all("Project-URL") or [] if "," in value]
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version, urls = "unknown", []
    agent = {"type": "Software", "name": f"latar {version}"}
    if urls:
        agent["homepage"] = urls[0]
    return agent


def organization(name: str, url: str | None) -> dict[str, str]:
    """The ``creator``: the project publishing the notes."""
    agent = {"type": "Organization", "name": name}
    if url:
        agent = {"id": url, **agent, "homepage": url}
    return agent


def quote_selector(text: str, start: int, end: int, context: int = SELECTOR_CONTEXT) -> dict[str, str]:
    """A TextQuoteSelector whose prefix + exact + suffix occurs once in ``text`` (context grows until it does)."""
    while True:
        prefix, suffix = text[max(0, start - context) : start], text[end : end + context]
        if _occurs_once(text, prefix + text[start:end] + suffix) or (start - context <= 0 and end + context >= len(text)):
            return {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix}
        context *= 2


def _occurs_once(text: str, pattern: str) -> bool:
    first = text.find(pattern)
    return first >= 0 and text.find(pattern, first + 1) < 0


def selectors(text: str, start: int, end: int) -> list[dict]:
    """TextQuote and TextPosition selectors for ``text[start:end]`` (positions in code points, as the model says)."""
    return [quote_selector(text, start, end), {"type": "TextPositionSelector", "start": start, "end": end}]


def annotation(
    marker: Marker, rendered: RenderedArticle, note: Note, where: Addresses, dates: Dates, creator: dict, generator: dict
) -> dict:
    """One W3C Annotation for one placement: its marker in the page, and its phrase in the plain text."""
    source = where.article(rendered.article.name)
    length = len(marker.placement.phrase)
    start = marker.page_start
    targets = [{"type": "SpecificResource", "source": source, "selector": selectors(rendered.page_text, start, start + length)}]
    start = marker.placement.plain_start
    text_source = where.plain_text(rendered.article.name)
    targets.append({"type": "SpecificResource", "source": text_source, "selector": selectors(rendered.plain_text, start, start + length)})
    return _annotation(f"{source}#{marker.ref_id}", targets, note, where, dates, creator, generator)


def headline_annotation(rendered: RenderedArticle, note: Note, where: Addresses, dates: Dates, creator: dict, generator: dict) -> dict:
    """The W3C Annotation of the marker on the headline: its phrase in the page's ``<h1>`` (a CssSelector refined by the
    same TextQuote and TextPosition selectors as the body's, into the headline's text). The plain text has no headline."""
    mark = rendered.placed.headline
    assert mark is not None and rendered.headline_ref is not None  # only called for a headline with its marker
    scope = {"type": "CssSelector", "value": f"h1.{HEADLINE_CLASS}"}
    refined = [{**scope, "refinedBy": selector} for selector in selectors(nfc(rendered.article.meta.title), mark.start, mark.end)]
    source = where.article(rendered.article.name)
    targets = [{"type": "SpecificResource", "source": source, "selector": refined}]
    return _annotation(f"{source}#{rendered.headline_ref}", targets, note, where, dates, creator, generator)


def _annotation(item_id: str, targets: list[dict], note: Note, where: Addresses, dates: Dates, creator: dict, generator: dict) -> dict:
    item = {
        "id": item_id,
        "type": "Annotation",
        "motivation": "describing",
        "created": iso(dates.created),
    }
    if dates.modified > dates.created:
        item["modified"] = iso(dates.modified)
    item.update(
        {
            "creator": creator,
            "generator": generator,
            "label": plain_text(note.title),
            "body": [
                {
                    "type": "TextualBody",
                    "value": plain_text(render_inline(note.summary)),
                    "format": "text/plain",
                    "language": "id",
                    "purpose": "describing",
                },
                {"type": "SpecificResource", "source": where.note(note.id), "purpose": "identifying"},
                *(
                    [{"type": "SpecificResource", "source": WIKIDATA_ENTITY + note.wikidata, "purpose": "identifying"}]
                    if note.wikidata
                    else []
                ),
            ],
            "target": targets,
        }
    )
    return item


def annotation_collection(
    rendered: Iterable[RenderedArticle],
    notes: Mapping[str, Note],
    where: Addresses,
    dates: Callable[[Note], Dates],
    project: tuple[str, str | None],
    memo: Memo | None = None,
) -> str:
    """The whole collection as one string (see :func:`collection_chunks`, which writes it piece by piece)."""
    return "".join(collection_chunks(rendered, notes, where, dates, project, memo))


def collection_chunks(
    rendered: Iterable[RenderedArticle],
    notes: Mapping[str, Note],
    where: Addresses,
    dates: Callable[[Note], Dates],
    project: tuple[str, str | None],
    memo: Memo | None = None,
) -> Iterator[str]:
    """A deterministic ``AnnotationCollection`` with one page holding every annotation, as consecutive pieces of its JSON.

    Byte for byte ``json.dumps(collection, ensure_ascii=False) + "\\n"``, but only one article's annotations exist as
    objects at a time (at 10,000 notes the whole collection as dicts was some 100 MiB). ``project`` is the (name, home
    page) of the publishing project, the annotations' ``creator``. ``memo`` (``mkdocs serve``): annotations kept from
    the last build, by everything each one is made from.
    """
    creator, generator = organization(*project), software()
    agents = json.dumps([creator, generator], sort_keys=True)
    results = sorted(rendered, key=lambda r: r.article.name)
    total = sum(len(r.markers) + bool(r.placed.headline and r.headline_ref) for r in results)
    page_id = where.collection + PAGE_FRAGMENT
    head = {"@context": CONTEXT, "id": where.collection, "type": "AnnotationCollection", "label": NOTES_TITLE, "total": total}
    first = {"id": page_id, "type": "AnnotationPage", "partOf": where.collection, "startIndex": 0}
    yield f'{_dumps(head)[:-1]}, "first": {_dumps(first)[:-1]}, "items": ['
    separator = ""
    for result in results:
        placed = [(marker, notes[marker.placement.note_id]) for marker in result.markers]
        placed = [(marker, note, dates(note)) for marker, note in placed]
        mark = result.placed.headline
        head_mark = (mark, notes[mark.note_id], dates(notes[mark.note_id])) if mark and result.headline_ref else None

        def made(result: RenderedArticle = result, placed: list = placed, head: tuple | None = head_mark) -> list[dict]:
            first = [headline_annotation(result, head[1], where, head[2], creator, generator)] if head else []
            return first + [annotation(marker, result, note, where, when, creator, generator) for marker, note, when in placed]

        if memo is None:
            items = made()
        else:
            name = result.article.name
            texts = hashlib.blake2b(f"{result.page_text}\0{result.plain_text}".encode(), digest_size=20).digest()
            addresses = (where.article(name), where.plain_text(name), tuple(where.note(note.id) for _, note, _ in placed))
            items = memo.get(("annotations", name, texts, tuple(placed), head_mark, result.headline_ref, addresses, agents), made)
        if items:
            yield separator + ", ".join(map(_dumps, items))
            separator = ", "
    yield f']}}, "last": {_dumps(page_id)}}}\n'


def _dumps(data: object) -> str:
    """Compact as ``json.dumps``' defaults (with ``indent`` the json module falls back to its pure-Python encoder)."""
    return json.dumps(data, ensure_ascii=False)
