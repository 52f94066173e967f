"""HTML of the pages latar adds around notes: a note's page, the notes index, the timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from .htmlbuild import sanitized, tag
from .notes import KIND_LABELS, KINDS, Note
from .render import Placement, format_date
from .sanitize import plain_text, render_block, render_inline


@dataclass(frozen=True)
class Backlink:
    """A link from a note page to one spot in one article."""

    placement: Placement
    href: str
    article_title: str


def _soup() -> BeautifulSoup:
    return BeautifulSoup("", "html.parser")


def note_page(note: Note, backlinks: Sequence[Backlink], edit_href: str | None = None, correction_href: str | None = None) -> str:
    """The note's page: kind and date, the sanitised body, sources and "Muncul di"."""
    soup = _soup()
    root = tag(soup, "div", class_="latar-note-page", data_latar_kind=note.kind)
    soup.append(root)
    meta = tag(soup, "p", class_="latar-note-meta")
    meta.append(tag(soup, "span", note.kind_label, class_="latar-kind"))
    if note.date:
        meta.append(" · ")
        meta.append(tag(soup, "time", format_date(note.date), datetime=note.date))
    if note.hindsight:
        meta.append(" · ")
        meta.append(tag(soup, "span", "Peristiwa sesudah artikel terbit", class_="latar-hindsight"))
    root.append(meta)
    summary = tag(soup, "p", class_="latar-note-summary")
    summary.append(sanitized(render_inline(note.summary)))
    root.append(summary)
    body = tag(soup, "div", class_="latar-note-body")
    body.append(sanitized(render_block(note.body)))
    root.append(body)
    root.append(tag(soup, "h2", "Sumber", id="sumber"))
    sources = tag(soup, "ol", class_="latar-sources")
    for source in note.sources:
        item = tag(soup, "li")
        cite = tag(soup, "cite")
        cite.append(tag(soup, "a", plain_text(source.title), href=source.url, rel="noopener noreferrer nofollow"))
        item.append(cite)
        item.append(f" — {source.publisher}, ")
        item.append(tag(soup, "time", format_date(source.date), datetime=source.date))
        sources.append(item)
    root.append(sources)
    root.append(tag(soup, "h2", "Muncul di", id="muncul-di"))
    if backlinks:
        spots = tag(soup, "ul", class_="latar-backlinks")
        for link in backlinks:
            item = tag(soup, "li")
            anchor = tag(soup, "a", href=link.href)
            anchor.append(f"{link.article_title}, catatan {link.placement.number}")
            item.append(anchor)
            item.append(": ")
            quote = tag(soup, "q", class_="latar-context")
            quote.append("…" + link.placement.before.lstrip())
            quote.append(tag(soup, "mark", link.placement.phrase))
            quote.append(link.placement.after.rstrip() + "…")
            item.append(quote)
            spots.append(item)
        root.append(spots)
    else:
        root.append(tag(soup, "p", "Catatan ini belum terpasang di artikel mana pun."))
    if edit_href or correction_href:
        actions = tag(soup, "p", class_="latar-actions")
        if edit_href:
            actions.append(tag(soup, "a", "Sunting catatan ini", href=edit_href, class_="md-button", rel="noopener"))
            actions.append(" ")
        if correction_href:
            actions.append(tag(soup, "a", "Usulkan koreksi", href=correction_href, class_="md-button", rel="noopener"))
        root.append(actions)
    return str(soup)


def notes_index(notes: Sequence[Note], hrefs: Mapping[str, str]) -> str:
    """``/anotasi/``: every note, grouped by kind."""
    soup = _soup()
    root = tag(soup, "div", class_="latar-index")
    soup.append(root)
    root.append(tag(soup, "p", f"{len(notes)} catatan latar, dikelompokkan menurut jenisnya."))
    for kind in KINDS:
        group = sorted((n for n in notes if n.kind == kind), key=lambda n: plain_text(n.title).casefold())
        if not group:
            continue
        root.append(tag(soup, "h2", KIND_LABELS[kind], id=f"jenis-{kind}"))
        items = tag(soup, "ul", class_="latar-index-list")
        for note in group:
            item = tag(soup, "li", data_latar_kind=note.kind)
            item.append(tag(soup, "a", plain_text(note.title), href=hrefs[note.id]))
            if note.date:
                item.append(" (")
                item.append(tag(soup, "time", format_date(note.date), datetime=note.date))
                item.append(")")
            item.append(" — ")
            item.append(sanitized(render_inline(note.summary)))
            items.append(item)
        root.append(items)
    return str(soup)


def timeline(notes: Sequence[Note], hrefs: Mapping[str, str], articles: Sequence[tuple[str, str, str]]) -> str:
    """``/linimasa/``: dated notes in order, with each article's publication date among them.

    ``articles`` holds (published, title, href).
    """
    soup = _soup()
    root = tag(soup, "ol", class_="latar-timeline")
    soup.append(root)
    entries: list[tuple[str, int, Tag]] = []
    for note in notes:
        if not note.date:
            continue
        item = tag(soup, "li", class_="latar-timeline-entry", data_latar_kind=note.kind)
        item.append(tag(soup, "time", format_date(note.date), datetime=note.date))
        item.append(" ")
        item.append(tag(soup, "a", plain_text(note.title), href=hrefs[note.id]))
        item.append(tag(soup, "span", f" ({note.kind_label})", class_="latar-kind-inline"))
        entries.append((_sort_key(note.date), 1, item))
    for published, title, href in articles:
        item = tag(soup, "li", class_="latar-timeline-entry latar-timeline-article")
        item.append(tag(soup, "time", format_date(published), datetime=published))
        item.append(" ")
        item.append(tag(soup, "strong", "Artikel terbit: "))
        item.append(tag(soup, "a", title, href=href))
        entries.append((_sort_key(published), 0, item))
    for _, _, item in sorted(entries, key=lambda e: (e[0], e[1], e[2].get_text())):
        root.append(item)
    return str(soup)


def _sort_key(date: str) -> str:
    """Sort a year before the dates inside it: ``1962`` → ``1962-00-00``."""
    parts = [*str(date).split("-"), "00", "00"][:3]
    return "-".join(parts)
