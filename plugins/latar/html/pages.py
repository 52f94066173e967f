"""HTML of the pages latar adds around notes: a note's page, the notes index, the articles list, the timeline, a redirect."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from latar import strings
from latar.core.notes import KINDS, Note
from latar.core.pipeline import Placement
from latar.core.sanitize import plain_text, render_block, render_inline
from latar.html.builder import append, fragment, sanitized, tag, to_html
from latar.html.csp import with_policy
from latar.strings import KIND_LABELS, format_date, kind_label


@dataclass(frozen=True)
class Backlink:
    """A link from a note page to one spot in one article."""

    placement: Placement
    href: str
    article_title: str


def note_page(note: Note, backlinks: Sequence[Backlink], edit_href: str | None = None, correction_href: str | None = None) -> str:
    """The note's page: title, kind and date, the sanitised body, sources and "Muncul di".

    Search indexes the title and body (``data-pagefind-*``); the kind is the result's label. The summary is
    the tooltip's short form of the body and is not on this page, so it is not indexed either.
    """
    kind = tag("span", kind_label(note.kind), class_="latar-kind", data_pagefind_meta="kind")
    meta = append(tag("p", class_="latar-note-meta", data_pagefind_ignore=""), kind)
    if note.date:
        append(meta, " · ", tag("time", format_date(note.date), datetime=note.date))
    if note.hindsight:
        append(meta, " · ", tag("span", strings.HINDSIGHT, class_="latar-hindsight"))
    root = tag("div", class_="latar-note-page", data_latar_kind=note.kind, data_pagefind_body="")
    append(
        root,
        tag("h1", plain_text(note.title)),  # in the page, not Material's template, so that search sees it
        meta,  # the summary is the tooltip's short form of the body: the page shows the body only
        append(tag("div", class_="latar-note-body"), sanitized(render_block(note.body))),
        tag("h2", strings.SOURCES_HEADING, id="sumber", data_pagefind_ignore=""),
    )
    sources = tag("ol", class_="latar-sources", data_pagefind_ignore="")
    for source in note.sources:
        link = tag("a", plain_text(source.title), href=source.url, rel="noopener noreferrer nofollow")
        item = append(tag("li"), append(tag("cite"), link), f" — {source.publisher}")
        if source.date:
            append(item, ", ", tag("time", format_date(source.date), datetime=source.date))
        if source.accessed:
            append(
                item,
                tag("span", strings.ACCESSED_AFTER, class_="latar-accessed"),
                tag("time", format_date(source.accessed), datetime=source.accessed),
            )
        if source.archive_url:
            append(
                item,
                " (",
                tag("a", strings.ARCHIVE, href=source.archive_url, rel="noopener noreferrer nofollow", class_="latar-archive"),
                ")",
            )
        sources.append(item)
    append(root, sources, tag("h2", strings.APPEARS_IN, id="muncul-di", data_pagefind_ignore=""))
    if backlinks:
        spots = tag("ul", class_="latar-backlinks", data_search_exclude="", data_pagefind_ignore="")
        for link in backlinks:
            placement = link.placement
            anchor = tag("a", strings.backlink(link.article_title, placement.number), href=link.href)
            quote = append(
                tag("q", class_="latar-context"),
                "…" + placement.before.lstrip(),
                tag("mark", placement.phrase),
                placement.after.rstrip() + "…",
            )
            spots.append(append(tag("li"), anchor, ": ", quote))
        root.append(spots)
    else:
        root.append(tag("p", strings.NOT_PLACED, data_pagefind_ignore=""))
    if edit_href or correction_href:
        actions = tag("p", class_="latar-actions", data_search_exclude="", data_pagefind_ignore="")
        if edit_href:
            append(actions, tag("a", strings.EDIT_NOTE, href=edit_href, class_="md-button", rel="noopener"), " ")
        if correction_href:
            append(actions, tag("a", strings.PROPOSE_CORRECTION, href=correction_href, class_="md-button", rel="noopener"))
        root.append(actions)
    return to_html(root)


DATED_KINDS = frozenset({"background", "event", "aftermath"})
"""Kinds whose date is the date of an event (a person's or an institution's note is not an event)."""


def notes_index(notes: Sequence[Note], hrefs: Mapping[str, str], numbers: Mapping[str, int] | None = None, article_title: str = "") -> str:
    """``/anotasi/``: every note, grouped by kind, one line each on a phone; events by date.

    ``numbers``: each note's number in the newest article (``article_title``), shown as in the article.
    """
    numbers = numbers or {}
    root = tag("div", class_="latar-index")
    root.append(tag("p", strings.notes_index_intro(len(notes), article_title if numbers else None)))
    for kind in KINDS:
        group = sorted((n for n in notes if n.kind == kind), key=lambda n: _index_key(n, kind))
        if not group:
            continue
        items = tag("ul", class_="latar-index-list")
        for note in group:
            item = tag("li", data_latar_kind=note.kind)
            if note.id in numbers:
                item.set("data-latar-number", str(numbers[note.id]))
            append(item, tag("a", plain_text(note.title), href=hrefs[note.id]))
            if note.date:
                append(item, " ", tag("time", format_date(note.date), datetime=note.date))
            items.append(append(item, _summary(note)))
        append(root, tag("h2", KIND_LABELS[kind], id=f"jenis-{kind}"), items)
    return to_html(root)


def _summary(note: Note) -> Element:
    """The summary, shown on wider screens only (a phone gets one line per note)."""
    return append(tag("span", " — ", class_="latar-index-summary"), sanitized(render_inline(note.summary)))


def _index_key(note: Note, kind: str) -> tuple[str, str]:
    title = plain_text(note.title).casefold()
    if kind in DATED_KINDS:  # by date, undated ones last
        return (_sort_key(note.date) if note.date else "~", title)
    return ("", title)


def timeline(notes: Sequence[Note], hrefs: Mapping[str, str], articles: Sequence[tuple[str, str, str]]) -> str:
    """``/linimasa/``: dated events in order, with each article's publication date among them.

    ``articles`` holds (published, title, href).
    """
    entries: list[tuple[str, int, str, Element]] = []
    for note in notes:
        if not note.date or note.kind not in DATED_KINDS:
            continue
        title = plain_text(note.title)
        item = append(
            tag("li", class_="latar-timeline-entry", data_latar_kind=note.kind),
            tag("time", format_date(note.date), datetime=note.date),
            " ",
            tag("a", title, href=hrefs[note.id]),
        )
        if not title.startswith(kind_label(note.kind)):  # "Sesudahnya: …" already says it
            item.append(tag("span", strings.kind_aside(note.kind), class_="latar-kind-inline"))
        entries.append((_sort_key(note.date), 1, f"{format_date(note.date)} {title}{strings.kind_aside(note.kind)}", item))
    for published, title, href in articles:
        item = append(
            tag("li", class_="latar-timeline-entry latar-timeline-article"),
            tag("time", format_date(published), datetime=published),
            " ",
            tag("strong", strings.ARTICLE_PUBLISHED),
            tag("a", title, href=href),
        )
        entries.append((_sort_key(published), 0, f"{format_date(published)} {strings.ARTICLE_PUBLISHED}{title}", item))
    intro = tag("p", strings.TIMELINE_INTRO, class_="latar-timeline-intro")
    root = tag("ol", class_="latar-timeline")
    for *_, item in sorted(entries, key=lambda e: e[:3]):
        root.append(item)
    return to_html(append(fragment(), intro, root))


def _sort_key(date: str) -> str:
    """Sort a year before the dates inside it: ``1962`` → ``1962-00-00``."""
    parts = [*str(date).split("-"), "00", "00"][:3]
    return "-".join(parts)


@dataclass(frozen=True)
class ArticleEntry:
    """One line of the articles list."""

    title: str
    href: str
    publisher: str
    published: str
    notes: int


def articles_index(entries: Sequence[ArticleEntry]) -> str:
    """``/artikel/``: every article, newest first (the order given), with publisher, date and number of notes."""
    root = tag("div", class_="latar-articles")
    root.append(tag("p", strings.articles_intro(len(entries))))
    items = tag("ol", class_="latar-articles-list")
    for entry in entries:
        meta = append(
            tag("span", class_="latar-articles-meta"),
            entry.publisher,
            " · ",
            tag("time", format_date(entry.published), datetime=entry.published),
            " · ",
            strings.note_count(entry.notes),
        )
        items.append(append(tag("li"), tag("a", entry.title, href=entry.href), tag("br"), meta))
    root.append(items)
    return to_html(root)


def redirect_page(title: str, href: str, canonical: str, language: str = "id") -> str:
    """A page that sends readers (and search engines) on to ``href``."""
    head = append(
        tag("head"),
        tag("meta", charset="utf-8"),
        tag("title", strings.moved_title(title)),
        tag("meta", name="robots", content="noindex"),
        tag("link", rel="canonical", href=canonical),
        tag("meta", http_equiv="refresh", content=f"0; url={href}"),
    )
    before, after = strings.MOVED_TO
    body = append(tag("body"), append(tag("p"), before, tag("a", title, href=href), after))
    return with_policy("<!doctype html>\n" + to_html(append(tag("html", lang=language), head, body)) + "\n")
