"""HTML of the pages latar adds around notes: a note's page, the notes index, the timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .htmlbuild import append, sanitized, tag, to_html
from .notes import KIND_LABELS, KINDS, Note
from .render import Placement, format_date
from .sanitize import plain_text, render_block, render_inline


@dataclass(frozen=True)
class Backlink:
    """A link from a note page to one spot in one article."""

    placement: Placement
    href: str
    article_title: str


def note_page(note: Note, backlinks: Sequence[Backlink], edit_href: str | None = None, correction_href: str | None = None) -> str:
    """The note's page: kind and date, the sanitised body, sources and "Muncul di"."""
    meta = append(tag("p", class_="latar-note-meta"), tag("span", note.kind_label, class_="latar-kind"))
    if note.date:
        append(meta, " · ", tag("time", format_date(note.date), datetime=note.date))
    if note.hindsight:
        append(meta, " · ", tag("span", "Peristiwa sesudah artikel terbit", class_="latar-hindsight"))
    root = tag("div", class_="latar-note-page", data_latar_kind=note.kind)
    append(
        root,
        meta,
        append(tag("p", class_="latar-note-summary"), sanitized(render_inline(note.summary))),
        append(tag("div", class_="latar-note-body"), sanitized(render_block(note.body))),
        tag("h2", "Sumber", id="sumber"),
    )
    sources = tag("ol", class_="latar-sources")
    for source in note.sources:
        link = tag("a", plain_text(source.title), href=source.url, rel="noopener noreferrer nofollow")
        item = append(tag("li"), append(tag("cite"), link), f" — {source.publisher}")
        if source.date:
            append(item, ", ", tag("time", format_date(source.date), datetime=source.date))
        if source.accessed:
            append(
                item,
                tag("span", ", diakses ", class_="latar-accessed"),
                tag("time", format_date(source.accessed), datetime=source.accessed),
            )
        if source.archive_url:
            append(item, " (", tag("a", "arsip", href=source.archive_url, rel="noopener noreferrer nofollow", class_="latar-archive"), ")")
        sources.append(item)
    append(root, sources, tag("h2", "Muncul di", id="muncul-di"))
    if backlinks:
        spots = tag("ul", class_="latar-backlinks", data_search_exclude="")
        for link in backlinks:
            placement = link.placement
            anchor = tag("a", f"{link.article_title}, catatan {placement.number}", href=link.href)
            quote = append(
                tag("q", class_="latar-context"),
                "…" + placement.before.lstrip(),
                tag("mark", placement.phrase),
                placement.after.rstrip() + "…",
            )
            spots.append(append(tag("li"), anchor, ": ", quote))
        root.append(spots)
    else:
        root.append(tag("p", "Catatan ini belum terpasang di artikel mana pun."))
    if edit_href or correction_href:
        actions = tag("p", class_="latar-actions", data_search_exclude="")
        if edit_href:
            append(actions, tag("a", "Sunting catatan ini", href=edit_href, class_="md-button", rel="noopener"), " ")
        if correction_href:
            append(actions, tag("a", "Usulkan koreksi", href=correction_href, class_="md-button", rel="noopener"))
        root.append(actions)
    return to_html(root)


def notes_index(notes: Sequence[Note], hrefs: Mapping[str, str]) -> str:
    """``/anotasi/``: every note, grouped by kind."""
    root = tag("div", class_="latar-index")
    root.append(tag("p", f"{len(notes)} catatan latar, dikelompokkan menurut jenisnya."))
    for kind in KINDS:
        group = sorted((n for n in notes if n.kind == kind), key=lambda n: plain_text(n.title).casefold())
        if not group:
            continue
        items = tag("ul", class_="latar-index-list")
        for note in group:
            item = append(tag("li", data_latar_kind=note.kind), tag("a", plain_text(note.title), href=hrefs[note.id]))
            if note.date:
                append(item, " (", tag("time", format_date(note.date), datetime=note.date), ")")
            items.append(append(item, " — ", sanitized(render_inline(note.summary))))
        append(root, tag("h2", KIND_LABELS[kind], id=f"jenis-{kind}"), items)
    return to_html(root)


def timeline(notes: Sequence[Note], hrefs: Mapping[str, str], articles: Sequence[tuple[str, str, str]]) -> str:
    """``/linimasa/``: dated notes in order, with each article's publication date among them.

    ``articles`` holds (published, title, href).
    """
    entries: list[tuple[str, int, str, Element]] = []
    for note in notes:
        if not note.date:
            continue
        title = plain_text(note.title)
        item = append(
            tag("li", class_="latar-timeline-entry", data_latar_kind=note.kind),
            tag("time", format_date(note.date), datetime=note.date),
            " ",
            tag("a", title, href=hrefs[note.id]),
            tag("span", f" ({note.kind_label})", class_="latar-kind-inline"),
        )
        entries.append((_sort_key(note.date), 1, f"{format_date(note.date)} {title} ({note.kind_label})", item))
    for published, title, href in articles:
        item = append(
            tag("li", class_="latar-timeline-entry latar-timeline-article"),
            tag("time", format_date(published), datetime=published),
            " ",
            tag("strong", "Artikel terbit: "),
            tag("a", title, href=href),
        )
        entries.append((_sort_key(published), 0, f"{format_date(published)} Artikel terbit: {title}", item))
    root = tag("ol", class_="latar-timeline")
    for *_, item in sorted(entries, key=lambda e: e[:3]):
        root.append(item)
    return to_html(root)


def _sort_key(date: str) -> str:
    """Sort a year before the dates inside it: ``1962`` → ``1962-00-00``."""
    parts = [*str(date).split("-"), "00", "00"][:3]
    return "-".join(parts)
