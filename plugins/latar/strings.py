"""Every word latar shows readers, in one place: kind labels, months, dates, page words, Material's untranslated strings.

Readers read Indonesian; identifiers, CSS classes and messages to contributors stay English. A word that a page
shows is written here once and imported where the page is built, never typed into a module of ``html/``,
``outputs/`` or ``mkdocs/``.
"""

from __future__ import annotations

from latar.core import dates
from latar.core.articles import Article

KIND_LABELS = {
    "background": "Latar belakang",
    "person": "Tokoh",
    "organization": "Lembaga",
    "place": "Tempat",
    "event": "Peristiwa",
    "clarification": "Klarifikasi",
    "aftermath": "Sesudahnya",
}


def kind_label(kind: str) -> str:
    """A note kind, in Indonesian."""
    return KIND_LABELS[kind]


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")


def format_date(value: str | None) -> str:
    """An ISO date, month or year, in Indonesian (``2021-12-31`` → ``31 Desember 2021``); anything else as written.

    Never raises: impossible dates are the validator's to report (:func:`latar.dates.calendar_error`).
    """
    if value is None or value == "":
        return ""
    match dates.parts(value):
        case (year, month, day):
            return f"{day} {MONTHS[month - 1]} {year:04d}"
        case (year, month):
            return f"{MONTHS[month - 1]} {year:04d}"
        case (year,):
            return f"{year:04d}"
    return str(value)


INTERFACE_STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "header": "Kepala halaman",
        "footer": "Kaki halaman",
        "clipboard.copy": "Salin ke papan klip",
        "clipboard.copied": "Tersalin ke papan klip",
    },
}
"""Per theme language: Material's translation key → the words shown instead."""


# The article page (html/article.py)

ARTICLE_KIND = "Artikel"
"""What a search result of an article page is (Pagefind's ``kind`` meta; notes show their kind label)."""
NOTES_TITLE = "Catatan latar"
"""The footnotes' heading; also the Web Annotation collection's label."""
FILTER_SUMMARY = "Atur penanda catatan"
FILTER_LEGEND = "Jenis catatan yang ditampilkan"
HIDE_ALL = "Sembunyikan semua penanda"
ORIGINAL_LINK = "Baca di situs asli"
POSTSCRIPT_NAME = "Pesan penerbit"
POSTSCRIPT_LABEL = "Pesan dari penerbit (bukan bagian teks artikel):"
PREAMBLE_LABEL = "Baris pembuka di sumber (bukan teks artikel)"
SOURCE_BOX_TITLE = "Tentang teks ini"
SOURCE_STATEMENT = (
    "Teks artikel di atas adalah karya dan milik ",
    ", ditampilkan apa adanya (hanya dinormalkan ke Unicode NFC) beserta catatan latar dari proyek ini. "
    "Catatan latar bukan bagian dari artikel asli.",
)
"""The words before and after the publisher's name."""
SOURCE_FACTS = ("Judul", "Penerbit", "Tanggal terbit", "Alamat asli")
MORE = "Selengkapnya"
SOURCES_PRINTED = "Sumber: "


def author_line(author: str | None) -> str:
    """The byline's author, or that the source names none."""
    return f"Penulis: {author}" if author else "Penulis tidak disebutkan"


def marker_label(number: int | str, title: str) -> str:
    """A marker's accessible name: its number and the note's title."""
    return f"Catatan {number}: {title}"


def more_about(title: str) -> str:
    """What "Selengkapnya" leads to, for screen readers."""
    return f" tentang {title}"


def back_label(number: int, occurrence: int) -> str:
    """A footnote's link back to its marker (the second and later markers of a note say which)."""
    return f"Kembali ke penanda {number} di teks" + (f" (kemunculan {occurrence})" if occurrence > 1 else "")


def accessed(date: str | None) -> str:
    """When an undated source was read."""
    return f"diakses {format_date(date)}"


def surroundings(article: Article) -> tuple[str, ...]:
    """The words around an article's body as its page shows them: headline, byline, publisher's message, source box.

    A phrase found only here is not article text: ``latar check`` says so instead of "matches nothing". Each
    string is the text of one part, its text nodes joined by spaces (a test keeps this and the page in step).
    """
    meta = article.meta
    published = format_date(meta.published)

    def joined(*parts: str) -> str:
        return " ".join(part for part in parts if part)

    byline = joined(author_line(meta.author), " · ", meta.publisher, " · ", published, " · ", ORIGINAL_LINK)
    facts = [item for pair in zip(SOURCE_FACTS, (meta.title, meta.publisher, published, meta.source_url), strict=True) for item in pair]
    if article.preamble:
        facts += [meta.preamble_label or PREAMBLE_LABEL, " / ".join(article.preamble)]
    source = joined(SOURCE_BOX_TITLE, SOURCE_STATEMENT[0], meta.publisher, SOURCE_STATEMENT[1], *facts, *meta.remarks)
    postscript = [joined(meta.postscript_label or POSTSCRIPT_LABEL, *article.postscript)] if article.postscript else []
    return (meta.title, byline, *postscript, source)
