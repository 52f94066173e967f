"""HTML of the pages latar adds around notes: a note's page, the notes index, the articles list, the timeline, a redirect."""

from __future__ import annotations

import re
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

    @property
    def key(self) -> str:
        """Which marker a reader came from, as the article's script names it in ``?dari=``: ``<article>/<marker id>``."""
        return f"{self.placement.article}/{self.href.rpartition('#')[2]}"


@dataclass(frozen=True)
class ClaimLink:
    """Where a clarification's claim appears in an article: its paragraph (1-based) or its headline (None)."""

    href: str
    article_title: str
    paragraph: int | None


def note_page(
    note: Note,
    backlinks: Sequence[Backlink],
    edit_href: str | None = None,
    correction_href: str | None = None,
    claim_links: Sequence[ClaimLink] = (),
) -> str:
    """The note's page: the way back into the article, title, kind and date, a clarification's claim, verdict and
    finding, "Muncul di", the sanitised body, sources.

    Search indexes the title, the summary and the body (``outputs/searchindex.py``); the kind is the result's label. The
    summary is the tooltip's short form of the body: only a clarification shows it, as its finding.
    """
    kind = tag("span", kind_label(note.kind), class_="latar-kind")
    meta = append(tag("p", class_="latar-note-meta"), kind)
    if note.date:
        append(meta, " · ", tag("time", format_date(note.date), datetime=note.date))
    if note.hindsight:
        append(meta, " · ", tag("span", strings.HINDSIGHT, class_="latar-hindsight"))
    root = tag("div", class_="latar-note-page", data_latar_kind=note.kind)
    if backlinks:
        root.append(_back(backlinks))
    append(root, tag("h1", plain_text(note.title)), meta)  # the title in the page, not Material's template, so that search sees it
    if note.claim and note.verdict:
        root.append(_review(note, claim_links))
    root.append(tag("h2", strings.APPEARS_IN, id="muncul-di"))
    root.append(_appearances(backlinks) if backlinks else tag("p", strings.NOT_PLACED))
    append(
        root,
        append(tag("div", class_="latar-note-body"), sanitized(render_block(note.body))),
        tag("h2", strings.SOURCES_HEADING, id="sumber"),
        _sources(note),
    )
    if edit_href or correction_href:
        actions = tag("p", class_="latar-actions", data_search_exclude="")
        if edit_href:
            append(actions, tag("a", strings.EDIT_NOTE, href=edit_href, class_="md-button", rel="noopener"), " ")
        if correction_href:
            append(actions, tag("a", strings.PROPOSE_CORRECTION, href=correction_href, class_="md-button", rel="noopener"))
        root.append(actions)
    return to_html(root)


def _back(backlinks: Sequence[Backlink]) -> Element:
    """ "← Kembali ke paragraf N" and the article's title, one link per placement: the first shown; the page's script
    shows the one the reader came from (``?dari=``, set by the article's script on the note's links)."""
    nav = tag("nav", class_="latar-back", aria_label=strings.BACK_NAME, data_search_exclude="")
    for index, link in enumerate(backlinks):
        anchor = tag("a", href=link.href, data_latar_from=link.key)
        append(
            anchor,
            tag("span", "← ", aria_hidden="true"),
            tag("span", strings.BACK_TO + strings.back_place(link.placement.paragraph + 1), class_="latar-back-place"),
            tag("span", ": ", class_="latar-sr-only"),
            tag("span", link.article_title, class_="latar-back-article"),
        )
        if index:
            anchor.set("hidden", "")
        nav.append(anchor)
    return nav


def _review(note: Note, claim_links: Sequence[ClaimLink]) -> Element:
    """A clarification's claim (the article's words, linked to where they appear), verdict, finding and original words."""
    verdict = note.verdict or ""
    review = tag("dl")
    quote = append(tag("blockquote", class_="latar-claim"), tag("p", note.claim or ""))
    where = [
        append(fragment(), tag("cite", link.article_title), ", ", tag("a", strings.back_place(link.paragraph), href=link.href))
        for link in claim_links
    ]
    claim = append(tag("dd"), quote)
    if where:
        claim.append(append(tag("p", "— ", class_="latar-claim-source"), *_joined(where)))
    append(review, tag("dt", strings.CLAIM_HEADING), claim)
    label = tag("strong", strings.verdict_label(verdict), class_="latar-verdict")
    append(review, tag("dt", strings.VERDICT_HEADING), append(tag("dd"), label))
    finding = append(tag("dd", class_="latar-finding"), sanitized(render_inline(note.summary)))
    append(review, tag("dt", strings.FINDING_HEADING), finding)
    original = note.original
    if original:
        words = append(tag("blockquote", class_="latar-original", lang=original.language), tag("p", original.text))
        caption = tag("p", class_="latar-original-source")
        source = note.sources[original.source - 1] if original.source and original.source <= len(note.sources) else None
        if source:
            append(caption, strings.original_from(original.language), tag("cite", plain_text(source.title)), f" — {source.publisher}.")
        else:
            append(caption, strings.language_name(original.language).capitalize() + ".")
        if original.closest:
            append(caption, " ", tag("strong", strings.CLOSEST_WORDS, class_="latar-closest"))
        append(review, tag("dt", strings.ORIGINAL_HEADING), append(tag("dd"), words, caption))
    return append(tag("section", class_="latar-review", data_latar_verdict=verdict, aria_label=strings.REVIEW_TITLE), review)


def _joined(items: Sequence[Element]) -> list[Element | str]:
    out: list[Element | str] = []
    for index, item in enumerate(items):
        out += [*(["; "] if index else []), item]
    return out


def _appearances(backlinks: Sequence[Backlink]) -> Element:
    """Every placement of the note: a link to its marker and the words around it."""
    spots = tag("ul", class_="latar-backlinks", data_search_exclude="")
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
    return spots


def _sources(note: Note) -> Element:
    sources = tag("ol", class_="latar-sources")
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
    return sources


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


def timeline(
    notes: Sequence[Note],
    hrefs: Mapping[str, str],
    articles: Sequence[tuple[str, str, str, str]],
    numbers: Mapping[str, int] | None = None,
    article_title: str = "",
) -> str:
    """``/linimasa/``: dated events in order, each with its date in a column, its number in the newest article
    (``numbers``, as the index shows them), its title and its summary's first sentence; each article's publication
    among them as the row that says where the reader stands.

    ``articles`` holds (published, title, href, name).
    """
    numbers = numbers or {}
    entries: list[tuple[str, int, str, Element]] = []
    for note in notes:
        if not note.date or note.kind not in DATED_KINDS:
            continue
        title = plain_text(note.title)
        heading = append(tag("p", class_="latar-timeline-title"), tag("a", title, href=hrefs[note.id]))
        if note.id in numbers:
            heading.set("data-latar-number", str(numbers[note.id]))
        if note.kind != "event" and not title.startswith(kind_label(note.kind)):  # events are the rule; "Sesudahnya: …" says it
            heading.append(tag("span", strings.kind_aside(note.kind), class_="latar-kind-inline"))
        text = append(
            tag("div", class_="latar-timeline-text"), heading, tag("p", first_sentence(note.summary), class_="latar-timeline-summary")
        )
        item = append(tag("li", class_="latar-timeline-entry", data_latar_kind=note.kind), _date_cell(note.date), text)
        entries.append((_sort_key(note.date), 1, f"{format_date(note.date)} {title}", item))
    for published, title, href, name in articles:
        heading = append(tag("p", class_="latar-timeline-title"), tag("strong", strings.ARTICLE_PUBLISHED), tag("a", title, href=href))
        item = append(
            tag("li", class_="latar-timeline-entry latar-timeline-article", id=f"artikel-{name}"),
            _date_cell(published),
            append(tag("div", class_="latar-timeline-text"), heading),
        )
        entries.append((_sort_key(published), 0, f"{format_date(published)} {strings.ARTICLE_PUBLISHED}{title}", item))
    intro = tag("p", strings.TIMELINE_INTRO, class_="latar-timeline-intro")
    root = tag("ol", class_="latar-timeline")
    for *_, item in sorted(entries, key=lambda e: e[:3]):
        root.append(item)
    numbered = [tag("p", strings.numbers_note(article_title), class_="latar-timeline-numbers")] if numbers and article_title else []
    return to_html(append(fragment(), intro, *numbered, root))


def _date_cell(date: str) -> Element:
    return tag("time", format_date(date), datetime=date, class_="latar-timeline-date")


SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
FIRST_SENTENCE_MAX = 200


def first_sentence(summary: str) -> str:
    """A summary's first sentence as plain text (at least 40 characters; at most :data:`FIRST_SENTENCE_MAX`, cut at a word)."""
    text = " ".join(plain_text(render_inline(summary)).split())
    match = SENTENCE_END.search(text, 40)
    sentence = text[: match.end()].rstrip() if match else text
    if len(sentence) <= FIRST_SENTENCE_MAX:
        return sentence
    cut = sentence[: FIRST_SENTENCE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


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
