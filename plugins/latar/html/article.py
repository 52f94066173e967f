"""HTML for article pages: body, markers, footnotes and the source box, built as an element tree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from xml.etree.ElementTree import Element

from latar.core.anchoring import Anchorer, Block, Diagnostics, Hit, Target
from latar.core.articles import PUBLISHER, Article
from latar.core.notes import KINDS, Note
from latar.core.sanitize import plain_text, render_inline
from latar.html.annotate import Annotation, find
from latar.html.builder import Markup, append, dom_text, fragment, sanitized, tag, text_of, to_html
from latar.strings import KIND_LABELS, format_date, kind_label


def context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """About ``width`` characters before and after ``text[start:end]``, cut at word boundaries."""
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start > width and not text[start - width - 1].isspace() and " " in before:
        before = before[before.index(" ") :]
    if end + width < len(text) and not text[end + width].isspace() and " " in after:
        after = after[: after.rindex(" ")]
    return before, after


@dataclass(frozen=True)
class Placement:
    """One place where a note is attached in an article."""

    note_id: str
    article: str
    ref_id: str
    number: int
    before: str
    phrase: str
    after: str
    block: int = 0
    start: int = 0
    end: int = 0
    page_start: int | None = None
    """Where the phrase starts in :attr:`RenderedArticle.page_text` (``None`` outside an article body)."""
    plain_start: int | None = None
    """Where the phrase starts in :attr:`RenderedArticle.plain_text` (``None`` if not in an article paragraph)."""


@dataclass
class RenderedArticle:
    """An article's HTML and where its notes landed."""

    article: Article
    html: str
    placements: list[Placement]
    targets: set[Target] = field(default_factory=set)
    page_text: str = ""
    """The text of the published ``.latar-article-body`` exactly as a browser's DOM holds it (every text node)."""
    plain_text: str = ""
    """The article's paragraphs, one a line: ``teks.txt``."""


def plain_text_of(article: Article) -> str:
    """The article as plain text, publisher lines left out: its paragraphs, one a line."""
    return "".join(f"{paragraph}\n" for paragraph in article.paragraphs)


def headline_id(prefix: str) -> str:
    """The headline's id: Material's skip link ("Lewati ke isi") points there."""
    return f"{prefix}-artikel"


def ids(prefix: str, note_id: str) -> tuple[str, str]:
    """The footnote id and the first marker id of a note."""
    return f"{prefix}-fn-{note_id}", f"{prefix}-ref-{note_id}"


class ArticleRenderer:
    """Render one article: body paragraphs, markers, footnotes and the source box."""

    def __init__(
        self,
        notes: Mapping[str, Note],
        note_href: Callable[[str], str],
        prefix: str = "latar",
        data: Mapping[str, str] | None = None,
        *,
        searchable: bool = True,
    ) -> None:
        self.notes = notes
        self.note_href = note_href
        self.prefix = prefix
        self.data = data or {}
        """Extra ``data-latar-*`` attributes of the article element (e.g. the repository, for propose.js)."""
        self.searchable = searchable
        """False for a copy of an article (the home page): search finds the article at its permanent address."""

    def render(self, article: Article, anchorer: Anchorer, diagnostics: Diagnostics | None = None) -> RenderedArticle:
        """The full article HTML and its placements."""
        headline = tag("h1", article.meta.title, id=headline_id(self.prefix), class_="latar-headline")
        byline = self._byline(article)
        body = self.body(article)
        annotation = find(body, anchorer, diagnostics, already=set(), article=article.name)
        placements: list[Placement] = []
        spans: list[tuple[Element, int]] = []
        # Publisher lines are blocks of the body too; placements count article paragraphs only.
        blocks = [index for index, block in enumerate(article.blocks) if block.kind != PUBLISHER]
        paragraph_of = {block: number for number, block in enumerate(blocks)}
        numbers = self._apply(annotation, placements, article.name, spans, paragraph_of)
        for paragraph in body[:-1]:  # the body's text is its lines joined by newlines (publisher asides are marked as such)
            paragraph.tail = "\n"
        page_text, placements = _locate(article, body, annotation.blocks, placements, spans)
        boxes = [*([self._postscript(article)] if article.postscript else []), self._source_box(article)]
        controls = [self._controls(numbers)] if numbers else []
        for box in (byline, *controls, *boxes):  # search indexes what the article says, not its labels and controls
            box.set("data-pagefind-ignore", "")
        data = {f"data_latar_{key}": value for key, value in self.data.items()}
        root = tag("div", class_="latar-article", lang=article.meta.language, data_latar_article=article.name, **data)
        append(root, headline, byline, *controls, body, *boxes)
        if self.searchable:
            root.set("data-pagefind-body", "")
            root.set("data-pagefind-meta", "kind:Artikel")
        if diagnostics is not None:  # phrases found only outside the article text get a hint, not a marker
            for element in (headline, byline, *boxes):
                anchorer.hits(-1, Block(text_of(element, " "), eligible=()), diagnostics, article.name)
        if numbers:
            root.append(self._footnotes(numbers, placements))
        targets = {hit.target for hit in annotation.hits}
        return RenderedArticle(article, to_html(root), placements, targets, page_text, plain_text_of(article))

    def _controls(self, numbers: Mapping[str, int]) -> Element:
        """The reader's marker filter, in the page from the start (no layout shift when scripts run).

        It works without JavaScript (CSS ``:has()`` hides the unchecked kinds); latar.js only remembers it.
        """
        present = {self.notes[note_id].kind for note_id in numbers}
        fieldset = append(tag("fieldset"), tag("legend", "Jenis catatan yang ditampilkan", class_="latar-sr-only"))
        for kind in (k for k in KINDS if k in present):
            box = tag("input", type="checkbox", checked="", data_latar_kind=kind)
            fieldset.append(append(tag("label"), box, KIND_LABELS[kind]))
        hide_all = tag("input", type="checkbox", class_="latar-hide-all-toggle")
        fieldset.append(append(tag("label"), hide_all, "Sembunyikan semua penanda"))
        details = tag("details", class_="latar-controls", data_search_exclude="", data_pagefind_ignore="")
        return append(details, tag("summary", "Atur penanda catatan"), fieldset)

    def _apply(
        self,
        annotation: Annotation,
        placements: list[Placement],
        article_name: str,
        spans: list[tuple[Element, int]] | None = None,
        paragraph: Mapping[int, int] | None = None,
    ) -> dict[str, int]:
        """Wrap each chosen phrase and add its marker; return note numbers in reading order.

        ``paragraph`` maps a block of the tree to the article paragraph a placement records.
        """
        numbers: dict[str, int] = {}
        for hit in annotation.hits:
            numbers.setdefault(hit.target.note_id, len(numbers) + 1)
        seen: Counter[str] = Counter()

        def marker(hit: Hit, phrase: str) -> list[Element]:
            note = self.notes[hit.target.note_id]
            seen[note.id] += 1
            fn_id, ref_id = ids(self.prefix, note.id)
            if seen[note.id] > 1:
                ref_id = f"{ref_id}-{seen[note.id]}"
            before, after = context(annotation.blocks[hit.block].text, hit.start, hit.end)
            index = hit.block if paragraph is None else paragraph[hit.block]
            placements.append(Placement(note.id, article_name, ref_id, numbers[note.id], before, phrase, after, index, hit.start, hit.end))
            number = str(numbers[note.id])
            span = tag("span", phrase, class_="latar-anchor", data_latar_note=note.id, data_latar_kind=note.kind)
            if spans is not None:  # each phrase's element and the tree block it is in, for :func:`_locate`
                spans.append((span, hit.block))
            sup = tag("sup", id=ref_id, class_="latar-ref", data_latar_kind=note.kind, data_pagefind_ignore="")
            # The number is CSS generated content (``data-latar-number``), so copied text reads as the article.
            link = tag("a", class_="footnote-ref", href=f"#{fn_id}", role="doc-noteref", data_latar_kind=note.kind)
            link.set("data-latar-note", note.id)
            link.set("data-latar-number", number)
            link.set("aria-label", f"Catatan {number}: {plain_text(note.title)}")
            sup.append(link)
            return [span, sup]

        annotation.apply(marker)
        return numbers

    def annotate_tree(self, root: Element, anchorer: Anchorer, name: str = "") -> list[Placement]:
        """Annotate any element tree in place (links, code, headings and markers untouched).

        Notes already marked in the tree are not placed again, so annotating twice changes nothing.
        """
        placed = {element.get("data-latar-note") for element in root.iter("span") if "latar-anchor" in element.get("class", "").split()}
        annotation = find(root, anchorer, already=placed - {None}, article=name or None)
        placements: list[Placement] = []
        if annotation.hits:
            numbers = self._apply(annotation, placements, name)
            root.append(self._footnotes(numbers, placements))
        return placements

    def body(self, article: Article) -> Element:
        """The article's lines in order: one ``<p>`` per paragraph (the dateline marked), publisher lines as asides.

        Each paragraph has an id (``latar-p-1``…), so a search result can link to it. A publisher's line
        is an ``aside.latar-publisher-line`` at its place, never annotated (``latar-skip``) and left out
        of search: it is not article text.
        """
        body = tag("div", class_="latar-article-body")
        paragraphs = 0
        for block in article.blocks:
            if block.kind == PUBLISHER:
                aside = tag("aside", class_="latar-publisher-line latar-skip", data_search_exclude="", data_pagefind_ignore="")
                body.append(append(aside, tag("p", block.text)))
                continue
            p = tag("p", id=f"{self.prefix}-p-{paragraphs + 1}")
            if paragraphs == 0 and article.dateline:
                body.append(append(p, tag("span", article.dateline, class_="latar-dateline"), block.text[len(article.dateline) :]))
            else:
                body.append(append(p, block.text))
            paragraphs += 1
        return body

    def _byline(self, article: Article) -> Element:
        """Author (or that the source names none), publisher, date, original; preamble lines only in the source box."""
        meta = article.meta
        byline = tag("p", class_="latar-byline")
        author = f"Penulis: {meta.author}" if meta.author else "Penulis tidak disebutkan"
        append(byline, tag("span", author, class_="latar-author"), " · ")
        original = tag("a", "Baca di situs asli", href=meta.source_url, rel="noopener noreferrer nofollow", class_="latar-original")
        published = tag("time", format_date(meta.published), datetime=meta.published)
        return append(byline, tag("strong", meta.publisher), " · ", published, " · ", original)

    def _postscript(self, article: Article) -> Element:
        label = article.meta.postscript_label or "Pesan dari penerbit (bukan bagian teks artikel):"
        quote = append(tag("blockquote"), *(tag("p", line) for line in article.postscript))
        box = tag("aside", class_="latar-postscript", aria_label="Pesan penerbit")
        return append(box, tag("p", label, class_="latar-box-title"), quote)

    def _source_box(self, article: Article) -> Element:
        meta = article.meta
        title_id = f"{self.prefix}-source-{article.name}"
        box = tag("aside", class_="latar-source admonition info", aria_labelledby=title_id)
        statement = append(
            tag("p"),
            "Teks artikel di atas adalah karya dan milik ",
            tag("strong", meta.publisher),
            ", ditampilkan apa adanya (hanya dinormalkan ke Unicode NFC) beserta catatan latar dari proyek ini. ",
            "Catatan latar bukan bagian dari artikel asli.",
        )
        append(box, tag("p", "Tentang teks ini", class_="admonition-title", id=title_id), statement)
        rows: Sequence[tuple[str, str | Element]] = [
            ("Judul", meta.title),
            ("Penerbit", meta.publisher),
            ("Tanggal terbit", tag("time", format_date(meta.published), datetime=meta.published)),
            ("Alamat asli", tag("a", meta.source_url, href=meta.source_url, rel="noopener noreferrer nofollow")),
        ]
        if article.preamble:
            rows = [*rows, (meta.preamble_label or "Baris pembuka di sumber (bukan teks artikel)", " / ".join(article.preamble))]
        facts = tag("dl", class_="latar-facts")
        for term, value in rows:
            append(facts, tag("dt", term), append(tag("dd"), value))
        box.append(facts)
        if meta.remarks:
            box.append(append(tag("ul", class_="latar-remarks"), *(tag("li", remark) for remark in meta.remarks)))
        return box

    def _footnotes(self, numbers: Mapping[str, int], placements: Iterable[Placement]) -> Element:
        refs: dict[str, list[str]] = {}
        for placement in placements:
            refs.setdefault(placement.note_id, []).append(placement.ref_id)
        title_id = f"{self.prefix}-notes-title"
        section = tag("div", class_="footnote latar-footnotes", role="doc-endnotes", aria_labelledby=title_id, data_pagefind_ignore="")
        append(section, tag("hr"), tag("h2", "Catatan latar", id=title_id, class_="latar-notes-title"))
        items = tag("ol")
        for note_id in sorted(numbers, key=numbers.__getitem__):
            note = self.notes[note_id]
            fn_id, _ = ids(self.prefix, note_id)
            body, sources = footnote_body(note, self.note_href(note_id))
            p = append(tag("p"), body)
            for index, ref_id in enumerate(refs[note_id], start=1):
                label = f"Kembali ke penanda {numbers[note_id]} di teks" + (f" (kemunculan {index})" if index > 1 else "")
                back = tag("a", "↩\ufe0e", class_="footnote-backref", href=f"#{ref_id}", role="doc-backlink", title=label, aria_label=label)
                if index > 1:
                    back.append(tag("sup", str(index)))
                append(p, "\u00a0", back)
            items.append(append(tag("li", id=fn_id, class_="latar-note", data_latar_kind=note.kind), p, sources))
        section.append(items)
        return section


def _locate(
    article: Article, body: Element, blocks: Sequence[Block], placements: list[Placement], spans: Sequence[tuple[Element, int]]
) -> tuple[str, list[Placement]]:
    """Each placement's offset in the body's DOM text and in the plain text.

    The page offsets come from the tree as published (markers, separators, asides and all), so a
    W3C client re-attaches the selectors in the page whatever the markup; the plain offsets come from
    the paragraph the phrase was found in (blocks that are not article paragraphs have none).
    """
    text, where = dom_text(body)
    paragraph_of: dict[int, int] = {}
    cursor = 0
    for index, block in enumerate(blocks):
        if cursor < len(article.paragraphs) and block.text == article.paragraphs[cursor]:
            paragraph_of[index] = cursor
            cursor += 1
    starts, position = [], 0
    for paragraph in article.paragraphs:
        starts.append(position)
        position += len(paragraph) + 1
    located = []
    for placement, (span, block) in zip(placements, spans, strict=True):
        page_start = where[id(span)][0]
        paragraph = paragraph_of.get(block)
        plain_start = None if paragraph is None else starts[paragraph] + placement.start
        located.append(replace(placement, page_start=page_start, plain_start=plain_start))
    return text, located


@lru_cache(maxsize=65536)
def footnote_body(note: Note, more_href: str) -> tuple[Markup, Markup]:
    """A note's footnote text (kind, title, summary, link) and its printed sources.

    The same in every article that cites the note, so it is built once per build and link.
    """
    title = append(tag("strong", class_="latar-note-title"), sanitized(render_inline(note.title)))
    more = tag("a", "Selengkapnya", class_="latar-more", href=more_href)
    more.append(tag("span", f" tentang {plain_text(note.title)}", class_="latar-sr-only"))
    body = append(fragment(), tag("span", kind_label(note.kind), class_="latar-kind"), " ", title, " — ")
    append(body, sanitized(render_inline(note.summary)), " ", more)
    sources = append(tag("p", class_="latar-print-only latar-print-sources", data_search_exclude=""), "Sumber: ")
    for index, source in enumerate(note.sources):
        if index:
            append(sources, "; ")
        when = format_date(source.date) if source.date else f"diakses {format_date(source.accessed)}"
        append(sources, tag("a", plain_text(source.title), href=source.url), f", {plain_text(source.publisher)}, {when}")
    return to_html(body), to_html(sources)
