"""What an article page opens with: the headline (with its note's marker) and the editors' context above paragraph 1.

Also the one marker builder (:func:`marker`), used for the headline here and for every phrase of the text in
:mod:`latar.html.article`: Python-Markdown's ``sup > a.footnote-ref``, so Material's tooltip shows the note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from xml.etree.ElementTree import Element

from latar import strings
from latar.core.articles import Article, nfc
from latar.core.headline import HeadlineMark
from latar.core.notes import Note
from latar.core.sanitize import plain_text as note_text
from latar.core.sanitize import render_inline
from latar.html.builder import append, sanitized, tag


def footnote_id(prefix: str, note_id: str) -> str:
    """The id of a note's endnote."""
    return f"{prefix}-fn-{note_id}"


HEADLINE_CLASS = "latar-headline"
"""The class of the article's ``<h1>`` (one a page): Web Annotation selectors point into it."""


def headline_ref_id(prefix: str, note_id: str) -> str:
    """The id of the marker on the headline."""
    return f"{prefix}-ref-{note_id}-judul"


def marker(note: Note, number: int, marker_id: str, prefix: str, phrase: str) -> tuple[Element, Element]:
    """A phrase's element and the marker after it: Python-Markdown's ``sup > a.footnote-ref``."""
    span = tag("span", phrase, class_="latar-anchor", data_latar_note=note.id, data_latar_kind=note.kind)
    sup = tag("sup", id=marker_id, class_="latar-ref", data_latar_kind=note.kind)
    # The number is CSS generated content (``data-latar-number``), so copied text reads as the article.
    link = tag("a", class_="footnote-ref", href=f"#{footnote_id(prefix, note.id)}", role="doc-noteref", data_latar_kind=note.kind)
    link.set("data-latar-note", note.id)
    link.set("data-latar-number", str(number))
    verdict = strings.verdict_label(note.verdict) if note.verdict else None
    link.set("aria-label", strings.marker_label(number, note_text(note.title), verdict))
    if note.verdict:
        link.set("data-latar-verdict", note.verdict)
    sup.append(link)
    return span, sup


def headline(article: Article, element_id: str, mark: HeadlineMark | None, notes: Mapping[str, Note], prefix: str) -> Element:
    """The ``<h1>``: the title as the sidecar gives it, its note's phrase and marker where the mark says."""
    h1 = tag("h1", id=element_id, class_=HEADLINE_CLASS)
    title = nfc(article.meta.title)
    if mark is None or mark.note_id not in notes:
        return append(h1, article.meta.title)
    span, sup = marker(notes[mark.note_id], 1, headline_ref_id(prefix, mark.note_id), prefix, title[mark.start : mark.end])
    return append(h1, title[: mark.start], span, sup, title[mark.end :])


def context_box(
    article: Article, notes: Mapping[str, Note], numbers: Mapping[str, int], note_href: Callable[[str], str], prefix: str
) -> Element | None:
    """The editors' context, a labelled region with a real heading, and the notes it rests on (links to them)."""
    context = article.meta.context
    if context is None:
        return None
    title_id = f"{prefix}-context-title"
    box = tag("section", class_="latar-context", aria_labelledby=title_id, data_search_exclude="")
    append(box, tag("h2", strings.CONTEXT_TITLE, id=title_id, class_="latar-context-title"))
    box.append(append(tag("p"), sanitized(render_inline(context.text))))
    refs = tag("p", strings.CONTEXT_NOTES, class_="latar-context-notes")
    listed = sorted((name for name in context.notes if name in notes), key=lambda name: numbers.get(name, len(numbers) + 1))
    for index, name in enumerate(listed):
        note, number = notes[name], numbers.get(name)
        href = f"#{footnote_id(prefix, name)}" if number else note_href(name)
        label = strings.context_ref_label(number, note_text(note.title))
        link = tag("a", str(number) if number else note_text(note.title), href=href, class_="latar-context-ref", title=label)
        link.set("aria-label", label)
        link.set("data-latar-kind", note.kind)
        append(refs, *([", "] if index else []), link)
    if listed:
        box.append(append(refs, "."))
    return box
