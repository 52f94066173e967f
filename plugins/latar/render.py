"""HTML for article pages, markers, footnotes and note pages, built with bs4."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

from .anchoring import Anchorer, Block, Diagnostics, Hit, Target
from .annotate import Annotation, find
from .article import Article
from .htmlbuild import Markup, sanitized, serialised, tag
from .notes import Note
from .sanitize import plain_text, render_inline

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")


def format_date(value: str | None) -> str:
    """An ISO date or year, in Indonesian (``2021-12-31`` → ``31 Desember 2021``)."""
    if not value:
        return ""
    parts = str(value).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


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


@dataclass
class RenderedArticle:
    """An article's HTML and where its notes landed."""

    article: Article
    html: str
    placements: list[Placement]
    targets: set[Target] = field(default_factory=set)


def ids(prefix: str, note_id: str) -> tuple[str, str]:
    """The footnote id and the first marker id of a note."""
    return f"{prefix}-fn-{note_id}", f"{prefix}-ref-{note_id}"


class ArticleRenderer:
    """Render one article: body paragraphs, markers, footnotes and the source box."""

    def __init__(self, notes: Mapping[str, Note], note_href: Callable[[str], str], prefix: str = "latar") -> None:
        self.notes = notes
        self.note_href = note_href
        self.prefix = prefix

    def render(self, article: Article, anchorer: Anchorer, diagnostics: Diagnostics | None = None) -> RenderedArticle:
        """The full article HTML and its placements."""
        soup = BeautifulSoup("", "html.parser")
        root = tag(soup, "div", class_="latar-article", lang=article.meta.language)
        soup.append(root)
        headline = tag(soup, "h1", article.meta.title, class_="latar-headline")
        byline = self._byline(soup, article)
        root.append(headline)
        root.append(byline)
        body = self.body(article, soup)
        root.append(body)
        annotation = find(body, anchorer, diagnostics, already=set())
        placements: list[Placement] = []
        numbers = self._apply(soup, annotation, placements, article.name)
        if article.postscript:
            root.append(self._postscript(soup, article))
        root.append(self._source_box(soup, article))
        if diagnostics is not None:
            for element in (
                root.h1,
                root.select_one(".latar-byline"),
                root.select_one(".latar-source"),
                root.select_one(".latar-postscript"),
            ):
                if element is not None:
                    anchorer.hits(-1, Block(element.get_text(" "), eligible=()), diagnostics)
        if numbers:
            root.append(self._footnotes(soup, numbers, placements))
        return RenderedArticle(article, str(soup), placements, {hit.target for hit in annotation.hits})

    def _apply(self, soup: BeautifulSoup, annotation: Annotation, placements: list[Placement], article_name: str) -> dict[str, int]:
        """Wrap each chosen phrase and add its marker; return note numbers in reading order."""
        numbers: dict[str, int] = {}
        for hit in annotation.hits:
            numbers.setdefault(hit.target.note_id, len(numbers) + 1)
        seen: Counter[str] = Counter()

        def marker(hit: Hit, phrase: str) -> list[Tag]:
            note = self.notes[hit.target.note_id]
            seen[note.id] += 1
            fn_id, ref_id = ids(self.prefix, note.id)
            if seen[note.id] > 1:
                ref_id = f"{ref_id}-{seen[note.id]}"
            block = annotation.blocks[hit.block].text
            before, after = block[max(0, hit.start - 60) : hit.start], block[hit.end : hit.end + 60]
            placements.append(
                Placement(note.id, article_name, ref_id, numbers[note.id], before, phrase, after, hit.block, hit.start, hit.end)
            )
            number = str(numbers[note.id])
            span = tag(soup, "span", phrase, class_="latar-anchor", data_latar_note=note.id, data_latar_kind=note.kind)
            sup = tag(soup, "sup", id=ref_id, class_="latar-ref", data_latar_kind=note.kind)
            link = tag(soup, "a", number, class_="footnote-ref", href=f"#{fn_id}", role="doc-noteref")
            link["data-latar-kind"] = note.kind
            link["data-latar-note"] = note.id
            link["aria-label"] = f"Catatan {number}: {plain_text(note.title)}"
            sup.append(link)
            return [span, sup]

        annotation.apply(marker)
        return numbers

    def annotate_fragment(self, html: str, anchorer: Anchorer, name: str = "") -> str:
        """Annotate any HTML fragment (links, code and headings untouched); unchanged if nothing new attaches."""
        soup = BeautifulSoup(html, "html.parser")
        placed = {span["data-latar-note"] for span in soup.select(".latar-anchor[data-latar-note]")}
        annotation = find(soup, anchorer, already=placed)
        if not annotation.hits:
            return html
        placements: list[Placement] = []
        numbers = self._apply(soup, annotation, placements, name)
        soup.append(self._footnotes(soup, numbers, placements))
        return str(soup)

    def body(self, article: Article, soup: BeautifulSoup | None = None) -> Tag:
        """The article's paragraphs, one ``<p>`` per seed line, the dateline marked."""
        soup = soup or BeautifulSoup("", "html.parser")
        body = tag(soup, "div", class_="latar-article-body")
        for index, paragraph in enumerate(article.paragraphs):
            p = tag(soup, "p")
            if index == 0 and article.dateline:
                p.append(tag(soup, "span", article.dateline, class_="latar-dateline"))
                p.append(paragraph[len(article.dateline) :])
            else:
                p.string = paragraph
            body.append(p)
        return body

    def _byline(self, soup: BeautifulSoup, article: Article) -> Tag:
        meta = article.meta
        byline = tag(soup, "p", class_="latar-byline")
        for line in article.preamble:
            byline.append(tag(soup, "span", line, class_="latar-preamble"))
            byline.append(" ")
            byline.append(tag(soup, "span", meta.author or "(nama tidak tercantum di sumber)", class_="latar-author"))
            byline.append(" · ")
        byline.append(tag(soup, "strong", meta.publisher))
        byline.append(" · ")
        byline.append(tag(soup, "time", format_date(meta.published), datetime=meta.published))
        byline.append(" · ")
        byline.append(
            tag(soup, "a", "Baca di situs asli", href=meta.source_url, rel="noopener noreferrer nofollow", class_="latar-original")
        )
        return byline

    def _postscript(self, soup: BeautifulSoup, article: Article) -> Tag:
        box = tag(soup, "aside", class_="latar-postscript", aria_label="Pesan penerbit")
        box.append(
            tag(soup, "p", article.meta.postscript_label or "Pesan dari penerbit (bukan bagian teks artikel):", class_="latar-box-title")
        )
        quote = tag(soup, "blockquote")
        for line in article.postscript:
            quote.append(tag(soup, "p", line))
        box.append(quote)
        return box

    def _source_box(self, soup: BeautifulSoup, article: Article) -> Tag:
        meta = article.meta
        box = tag(soup, "aside", class_="latar-source admonition info", aria_labelledby=f"{self.prefix}-source-{article.name}")
        box.append(tag(soup, "p", "Tentang teks ini", class_="admonition-title", id=f"{self.prefix}-source-{article.name}"))
        statement = tag(soup, "p")
        statement.append("Teks artikel di atas adalah karya dan milik ")
        statement.append(tag(soup, "strong", meta.publisher))
        statement.append(", ditampilkan apa adanya (hanya dinormalkan ke Unicode NFC) beserta catatan latar dari proyek ini. ")
        statement.append("Catatan latar bukan bagian dari artikel asli.")
        box.append(statement)
        facts = tag(soup, "dl", class_="latar-facts")
        rows: Sequence[tuple[str, str | Tag]] = [
            ("Judul", meta.title),
            ("Penerbit", meta.publisher),
            ("Tanggal terbit", tag(soup, "time", format_date(meta.published), datetime=meta.published)),
            ("Alamat asli", tag(soup, "a", meta.source_url, href=meta.source_url, rel="noopener noreferrer nofollow")),
        ]
        if article.preamble:
            rows = [*rows, (meta.preamble_label or "Baris pembuka di sumber (bukan teks artikel)", " / ".join(article.preamble))]
        for term, value in rows:
            facts.append(tag(soup, "dt", term))
            dd = tag(soup, "dd")
            dd.append(value)
            facts.append(dd)
        box.append(facts)
        if meta.remarks:
            remarks = tag(soup, "ul", class_="latar-remarks")
            for remark in meta.remarks:
                remarks.append(tag(soup, "li", remark))
            box.append(remarks)
        return box

    def _footnotes(self, soup: BeautifulSoup, numbers: Mapping[str, int], placements: Iterable[Placement]) -> Tag:
        refs: dict[str, list[str]] = {}
        for placement in placements:
            refs.setdefault(placement.note_id, []).append(placement.ref_id)
        section = tag(soup, "div", class_="footnote latar-footnotes", role="doc-endnotes", aria_labelledby=f"{self.prefix}-notes-title")
        section.append(tag(soup, "hr"))
        section.append(tag(soup, "h2", "Catatan latar", id=f"{self.prefix}-notes-title", class_="latar-notes-title"))
        items = tag(soup, "ol")
        for note_id in sorted(numbers, key=numbers.__getitem__):
            note = self.notes[note_id]
            fn_id, _ = ids(self.prefix, note_id)
            body, sources = footnote_body(note, self.note_href(note_id))
            item = tag(soup, "li", id=fn_id, class_="latar-note", data_latar_kind=note.kind)
            p = tag(soup, "p")
            p.append(body)
            for index, ref_id in enumerate(refs[note_id], start=1):
                p.append("\u00a0")
                label = f"Kembali ke penanda {numbers[note_id]} di teks" + (f" (kemunculan {index})" if index > 1 else "")
                back = tag(soup, "a", "↩\ufe0e", class_="footnote-backref", href=f"#{ref_id}", role="doc-backlink", title=label)
                back["aria-label"] = label
                if index > 1:
                    back.append(tag(soup, "sup", str(index)))
                p.append(back)
            item.append(p)
            item.append(sources)
            items.append(item)
        section.append(items)
        return section


@lru_cache(maxsize=65536)
def footnote_body(note: Note, more_href: str) -> tuple[Markup, Markup]:
    """A note's footnote text (kind, title, summary, link) and its printed sources.

    The same in every article that cites the note, so it is built once per build and link.
    """
    soup = BeautifulSoup("", "html.parser")
    soup.append(tag(soup, "span", note.kind_label, class_="latar-kind"))
    soup.append(" ")
    title = tag(soup, "strong", class_="latar-note-title")
    title.append(sanitized(render_inline(note.title)))
    soup.append(title)
    soup.append(" — ")
    soup.append(sanitized(render_inline(note.summary)))
    soup.append(" ")
    more = tag(soup, "a", "Selengkapnya", class_="latar-more", href=more_href)
    more.append(tag(soup, "span", f" tentang {plain_text(note.title)}", class_="latar-sr-only"))
    soup.append(more)
    printed = BeautifulSoup("", "html.parser")
    sources = tag(printed, "p", class_="latar-print-only latar-print-sources")
    sources.append("Sumber: ")
    for index, source in enumerate(note.sources):
        if index:
            sources.append("; ")
        sources.append(tag(printed, "a", plain_text(source.title), href=source.url))
        sources.append(f", {plain_text(source.publisher)}, {format_date(source.date)}")
    printed.append(sources)
    return serialised(soup), serialised(printed)
