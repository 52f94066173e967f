"""HTML for article pages: body, markers at the pipeline's placements, footnotes and the source box, as an element tree."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from xml.etree.ElementTree import Element

from latar import strings
from latar.core.articles import PUBLISHER, Article, dateline_length
from latar.core.notes import KINDS, Note
from latar.core.pipeline import PlacedArticle, Placement, plain_text
from latar.core.sanitize import plain_text as note_text
from latar.core.sanitize import render_inline
from latar.html.breaks import joined
from latar.html.builder import Markup, append, dom_text, fragment, sanitized, tag, to_html
from latar.html.opening import context_box, headline, headline_ref_id, marker
from latar.html.room import rooms
from latar.strings import KIND_LABELS, format_date, kind_label


@dataclass(frozen=True)
class Marker:
    """A placement as published: the id of its marker and where its phrase starts in the page's body text."""

    placement: Placement
    ref_id: str
    page_start: int
    """Offset in :attr:`RenderedArticle.page_text`."""


@dataclass(frozen=True)
class RenderedArticle:
    """An article's HTML and its markers."""

    placed: PlacedArticle
    html: Markup
    markers: tuple[Marker, ...]
    page_text: str
    """The text of the published ``.latar-article-body`` exactly as a browser's DOM holds it (every text node)."""
    headline_ref: str | None = None
    """The id of the marker on the headline, if it carries one."""

    @property
    def article(self) -> Article:
        """The article shown."""
        return self.placed.article

    @cached_property
    def plain_text(self) -> str:
        """The article's paragraphs, one a line: ``teks.txt``."""
        return plain_text(self.placed.article)


def headline_id(prefix: str) -> str:
    """The headline's id: Material's skip link ("Lewati ke isi") points there."""
    return f"{prefix}-artikel"


def ids(prefix: str, note_id: str) -> tuple[str, str]:
    """The footnote id and the first marker id of a note."""
    return f"{prefix}-fn-{note_id}", f"{prefix}-ref-{note_id}"


def ref_id(prefix: str, placement: Placement) -> str:
    """The id of a placement's marker: the note's first marker id, then ``-2``, ``-3``… for its later ones."""
    first = ids(prefix, placement.note_id)[1]
    return first if placement.occurrence == 1 else f"{first}-{placement.occurrence}"


class ArticleRenderer:
    """Render one placed article: headline, byline, body with markers, footnotes and the source box."""

    def __init__(
        self,
        notes: Mapping[str, Note],
        note_href: Callable[[str], str],
        prefix: str = "latar",
        article_attributes: Mapping[str, str] | None = None,
    ) -> None:
        self.notes = notes
        self.note_href = note_href
        self.prefix = prefix
        self.article_attributes = article_attributes or {}
        """Extra ``data-latar-*`` attributes of the article element (e.g. the repository, for assets/propose/form.js)."""

    def render(self, placed: PlacedArticle) -> RenderedArticle:
        """The full article HTML and its markers."""
        article = placed.article
        title = headline(article, headline_id(self.prefix), placed.headline, self.notes, self.prefix)
        context = context_box(article, self.notes, placed.numbers, self.note_href, self.prefix)
        byline = self._byline(article)
        body, spans = self.body(placed)
        boxes = [*([self._postscript(article)] if article.postscript else []), self._source_box(article)]
        controls = [self._controls(placed.numbers)] if placed.placements else []
        data = {f"data_latar_{key}": value for key, value in self.article_attributes.items()}
        root = tag("div", class_="latar-article", lang=article.meta.language, data_latar_article=article.name, **data)
        meta = append(tag("div", class_="latar-meta"), byline, *controls)
        append(root, title, meta, *([context] if context is not None else []), body, *boxes)
        if placed.placements:
            root.append(self._footnotes(placed))
        page_text, where = dom_text(body)
        markers = tuple(
            Marker(placement, ref_id(self.prefix, placement), where[id(span)][0])
            for placement, span in zip(placed.placements, spans, strict=True)
        )
        mark = placed.headline
        on_headline = headline_ref_id(self.prefix, mark.note_id) if mark and mark.note_id in self.notes else None
        return RenderedArticle(placed, to_html(root), markers, page_text, on_headline)

    def body(self, placed: PlacedArticle) -> tuple[Element, list[Element]]:
        """The article's lines in order, each placement's phrase marked at its offsets; and the phrases' elements.

        One ``<p>`` per paragraph (the dateline marked), with an id (``latar-p-1``…) so a search result can link
        to it. A publisher's line is an ``aside.latar-publisher-line`` at its place, never annotated and left out
        of search (``outputs/searchindex.py`` indexes paragraphs only): it is not article text. The body's text is its lines joined by newlines.
        """
        article = placed.article
        by_block: dict[int, list[Placement]] = {}
        for placement in placed.placements:
            by_block.setdefault(placement.block, []).append(placement)
        body = tag("div", class_="latar-article-body")
        spans: list[Element] = []
        paragraphs = 0
        cut = dateline_length(article)
        room = rooms(article, placed.placements, self.notes, placed.headline.note_id if placed.headline else None)
        for index, block in enumerate(article.blocks):
            if block.kind == PUBLISHER:
                aside = tag("aside", class_="latar-publisher-line latar-skip", data_search_exclude="")
                body.append(append(aside, tag("p", block.text)))
                continue
            p = tag("p", id=f"{self.prefix}-p-{paragraphs + 1}", **({"style": room[index]} if index in room else {}))
            here = by_block.get(index, [])
            start = 0
            if paragraphs == 0 and cut:
                dateline = tag("span", class_="latar-dateline")
                p.append(self._fill(dateline, block.text, 0, cut, here, placed.numbers, spans))
                start = cut
            body.append(self._fill(p, block.text, start, len(block.text), here, placed.numbers, spans))
            paragraphs += 1
        for element in body[:-1]:
            element.tail = "\n"
        return body, spans

    def _fill(
        self,
        parent: Element,
        text: str,
        start: int,
        end: int,
        placements: Sequence[Placement],
        numbers: Mapping[str, int],
        spans: list[Element],
    ) -> Element:
        """Append ``text[start:end]`` to ``parent``, each placement inside it as a phrase and its marker."""
        cursor = start
        for placement in placements:
            if start <= placement.start and placement.end <= end:
                phrase, sup = self._marker(placement, numbers[placement.note_id])
                append(parent, *joined(text[cursor : placement.start]), phrase, sup)
                spans.append(phrase)
                cursor = placement.end
        return append(parent, *joined(text[cursor:end]))

    def _marker(self, placement: Placement, number: int) -> tuple[Element, Element]:
        """The phrase's element and the marker after it: Python-Markdown's ``sup > a.footnote-ref``."""
        span, sup = marker(self.notes[placement.note_id], number, ref_id(self.prefix, placement), self.prefix, placement.phrase)
        if not placement.reviewed:  # only a preview shows it: the strict build fails on an unreviewed placement
            link = sup[0]
            for element in (span, sup):
                element.set("class", f"{element.get('class')} latar-unreviewed")
            link.set("aria-label", f"{link.get('aria-label')} ({strings.UNREVIEWED})")
            sup.append(tag("span", strings.UNREVIEWED, class_="latar-unreviewed-flag"))
        return span, sup

    def _controls(self, numbers: Mapping[str, int]) -> Element:
        """The reader's marker filter, in the page from the start (no layout shift when scripts run).

        It works without JavaScript (CSS ``:has()`` hides the unchecked kinds); assets/reading/filter.js only remembers it.
        """
        present = {self.notes[note_id].kind for note_id in numbers}
        fieldset = append(tag("fieldset"), tag("legend", strings.FILTER_LEGEND, class_="latar-sr-only"))
        for kind in (k for k in KINDS if k in present):
            box = tag("input", type="checkbox", checked="", data_latar_kind=kind)
            fieldset.append(append(tag("label"), box, KIND_LABELS[kind]))
        hide_all = tag("input", type="checkbox", class_="latar-hide-all-toggle")
        fieldset.append(append(tag("label"), hide_all, strings.HIDE_ALL))
        details = tag("details", class_="latar-controls", data_search_exclude="")
        return append(details, tag("summary", strings.FILTER_SUMMARY), fieldset)

    def _byline(self, article: Article) -> Element:
        """Author (or that the source names none), publisher, date, original; preamble lines only in the source box."""
        meta = article.meta
        byline = tag("p", class_="latar-byline")
        append(byline, tag("span", strings.author_line(meta.author), class_="latar-author"), " · ")
        original = tag("a", strings.ORIGINAL_LINK, href=meta.source_url, rel="noopener noreferrer nofollow", class_="latar-original")
        published = tag("time", format_date(meta.published), datetime=meta.published)
        return append(byline, tag("strong", meta.publisher), " · ", published, " · ", original)

    def _postscript(self, article: Article) -> Element:
        label = article.meta.postscript_label or strings.POSTSCRIPT_LABEL
        quote = append(tag("blockquote"), *(tag("p", line) for line in article.postscript))
        box = tag("aside", class_="latar-postscript", aria_label=strings.POSTSCRIPT_NAME)
        return append(box, tag("p", label, class_="latar-box-title"), quote)

    def _source_box(self, article: Article) -> Element:
        meta = article.meta
        title_id = f"{self.prefix}-source-{article.name}"
        box = tag("aside", class_="latar-source admonition info", aria_labelledby=title_id)
        before, after = strings.SOURCE_STATEMENT
        statement = append(tag("p"), before, tag("strong", meta.publisher), after)
        append(box, tag("p", strings.SOURCE_BOX_TITLE, class_="admonition-title", id=title_id), statement)
        values: tuple[str | Element, ...] = (
            meta.title,
            meta.publisher,
            tag("time", format_date(meta.published), datetime=meta.published),
            tag("a", meta.source_url, href=meta.source_url, rel="noopener noreferrer nofollow"),
        )
        rows: list[tuple[str, str | Element]] = list(zip(strings.SOURCE_FACTS, values, strict=True))
        if article.preamble:
            rows.append((meta.preamble_label or strings.PREAMBLE_LABEL, " / ".join(article.preamble)))
        facts = tag("dl", class_="latar-facts")
        for term, value in rows:
            append(facts, tag("dt", term), append(tag("dd"), value))
        box.append(facts)
        if meta.remarks:
            box.append(append(tag("ul", class_="latar-remarks"), *(tag("li", remark) for remark in meta.remarks)))
        return box

    def _footnotes(self, placed: PlacedArticle) -> Element:
        refs: dict[str, list[str]] = {}
        if placed.headline:
            refs[placed.headline.note_id] = [headline_ref_id(self.prefix, placed.headline.note_id)]
        for placement in placed.placements:
            refs.setdefault(placement.note_id, []).append(ref_id(self.prefix, placement))
        numbers = placed.numbers
        title_id = f"{self.prefix}-notes-title"
        section = tag("div", class_="footnote latar-footnotes", role="doc-endnotes", aria_labelledby=title_id)
        append(section, tag("hr"), tag("h2", strings.NOTES_TITLE, id=title_id, class_="latar-notes-title"))
        items = tag("ol")
        for note_id in sorted(numbers, key=numbers.__getitem__):
            note = self.notes[note_id]
            fn_id, _ = ids(self.prefix, note_id)
            body, sources = footnote_body(note, self.note_href(note_id))
            p = append(tag("p"), body)
            on_headline = placed.headline is not None and placed.headline.note_id == note_id
            for index, ref in enumerate(refs[note_id], start=1 - on_headline):
                label = strings.back_label(numbers[note_id], index) if index else strings.headline_back_label(numbers[note_id])
                back = tag("a", "↩\ufe0e", class_="footnote-backref", href=f"#{ref}", role="doc-backlink", title=label, aria_label=label)
                if index + on_headline > 1:
                    back.append(tag("sup", str(index + on_headline)))
                append(p, "\u00a0", back)
            items.append(append(tag("li", id=fn_id, class_="latar-note", data_latar_kind=note.kind), p, sources))
        section.append(items)
        return section


@lru_cache(maxsize=65536)
def footnote_body(note: Note, more_href: str) -> tuple[Markup, Markup]:
    """A note's footnote text (kind, title, summary, link) and its printed sources.

    The same in every article that cites the note, so it is built once per build and link.
    """
    title = append(tag("strong", class_="latar-note-title"), sanitized(render_inline(note.title)))
    more = tag("a", strings.MORE, class_="latar-more", href=more_href)
    more.append(tag("span", strings.more_about(note_text(note.title)), class_="latar-sr-only"))
    kind = kind_label(note.kind) + (f" · {strings.verdict_label(note.verdict)}" if note.verdict else "")
    body = append(fragment(), tag("span", kind, class_="latar-kind", data_latar_kind=note.kind), " ", title, " — ")
    append(body, sanitized(render_inline(note.summary)), " ", more)
    sources = append(tag("p", class_="latar-print-only latar-print-sources", data_search_exclude=""), strings.SOURCES_PRINTED)
    for index, source in enumerate(note.sources):
        if index:
            append(sources, "; ")
        when = format_date(source.date) if source.date else strings.accessed(source.accessed)
        append(sources, tag("a", note_text(source.title), href=source.url), f", {note_text(source.publisher)}, {when}")
    return to_html(body), to_html(sources)
