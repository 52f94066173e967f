"""Every word latar shows readers, in one place: kind labels, months, dates, page words, Material's untranslated strings.

Readers read Indonesian; identifiers, CSS classes and messages to contributors stay English. A word that a page
shows is written here once and imported where the page is built, never typed into a module of ``html/``,
``outputs/`` or ``mkdocs/``.
"""

from __future__ import annotations

import functools

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
    return _formatted(value) if isinstance(value, str) else _format(value)


@functools.lru_cache(maxsize=4096)
def _formatted(value: str) -> str:
    """:func:`_format`, once per value: a build formats the same few hundred dates on many pages."""
    return _format(value)


def _format(value: object) -> str:
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
"""What a search result of an article page is (notes show their kind label)."""
PAGE_KIND = "Halaman"
"""What a search result of another page is (a page the project wrote, e.g. "Tentang")."""
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


def marker_label(number: int | str, title: str, verdict: str | None = None) -> str:
    """A marker's accessible name: its number and the note's title (and a clarification's verdict, which its look shows)."""
    return f"Catatan {number}: {title}" + (f" (penilaian: {verdict})" if verdict else "")


def more_about(title: str) -> str:
    """What "Selengkapnya" leads to, for screen readers."""
    return f" tentang {title}"


def back_label(number: int, occurrence: int) -> str:
    """A footnote's link back to its marker (the second and later markers of a note say which)."""
    return f"Kembali ke penanda {number} di teks" + (f" (kemunculan {occurrence})" if occurrence > 1 else "")


def headline_back_label(number: int) -> str:
    """A footnote's link back to its marker on the headline."""
    return f"Kembali ke penanda {number} di judul"


CONTEXT_TITLE = "Konteks dari redaksi latar"
"""The heading of the editors' context above the first paragraph: the editors' words, not the article's."""
CONTEXT_NOTES = "Bersumber pada catatan "


def context_ref_label(number: int | None, title: str) -> str:
    """The accessible name of a note named under the context (its number in the article, if it is placed)."""
    return f"Catatan {number}: {title}" if number else f"Catatan: {title}"


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


def note_count(count: int) -> str:
    """How many notes an article has, as lists and cards say it."""
    return f"{count} catatan latar"


def article_description(lead: str, notes: int) -> str:
    """An article page's description: its lead (already shortened), then what latar adds."""
    return f"{lead} — dengan {note_count(notes)} bersumber."


def no_author_credit(publisher: str) -> str:
    """JSON-LD ``creditText`` when the source names no author."""
    return f"Nama penulis tidak tercantum di sumber; artikel terbit atas nama {publisher}."


def rights_default(publisher: str) -> str:
    """An article's footer line when its sidecar has no ``rights``."""
    return f"Teks artikel © {publisher}."


# A note's page (html/pages.py)

HINDSIGHT = "Peristiwa sesudah artikel terbit"
SOURCES_HEADING = "Sumber"
APPEARS_IN = "Muncul di"
NOT_PLACED = "Catatan ini belum terpasang di artikel mana pun."
EDIT_NOTE = "Sunting catatan ini"
PROPOSE_CORRECTION = "Usulkan koreksi"
ACCESSED_AFTER = ", diakses "
ARCHIVE = "arsip"


BACK_TO = "Kembali ke "
"""Before the back link's place: "← Kembali ke paragraf 9" (the arrow is hidden from screen readers)."""
BACK_NAME = "Kembali ke artikel"
"""The back link's landmark."""
HEADLINE = "judul"
CLAIM_HEADING = "Klaim"
VERDICT_HEADING = "Penilaian"
FINDING_HEADING = "Temuan"
ORIGINAL_HEADING = "Kata-kata sumber"
CLOSEST_WORDS = (
    "Ini kata-kata terdekat yang kami temukan di sumber, bukan teks sumber yang diterjemahkan artikel (teks itu tidak ditemukan)."
)
REVIEW_TITLE = "Penilaian klaim artikel"
"""The clarification box's heading (for screen readers; its parts have visible headings)."""
VERDICT_LABELS = {
    "accurate": "Akurat",
    "incomplete": "Tidak lengkap",
    "unsupported": "Tidak didukung sumber",
    "mistranslated": "Keliru terjemahan",
    "unattributed": "Tanpa atribusi",
    "misattributed": "Salah atribusi",
    "inaccurate": "Keliru",
}
"""A clarification's verdict (``verdict`` in the front matter, :data:`latar.core.rules.VERDICTS`) as readers read it."""
LANGUAGES = {
    "ar": "Arab",
    "de": "Jerman",
    "en": "Inggris",
    "es": "Spanyol",
    "fr": "Prancis",
    "id": "Indonesia",
    "it": "Italia",
    "ja": "Jepang",
    "ms": "Melayu",
    "nl": "Belanda",
    "pl": "Polandia",
    "pt": "Portugis",
    "ru": "Rusia",
    "uk": "Ukraina",
    "zh": "Tionghoa",
}
"""Language names for the BCP 47 codes a note's ``original`` is most likely in (others are shown as their code)."""


def verdict_label(verdict: str) -> str:
    """A verdict, in Indonesian."""
    return VERDICT_LABELS[verdict]


def back_place(paragraph: int | None) -> str:
    """Where a back link or a claim's link leads: "paragraf 9", or the headline."""
    return HEADLINE if paragraph is None else f"paragraf {paragraph}"


def language_name(code: str) -> str:
    """``en`` → "bahasa Inggris"; an unknown code as it is."""
    name = LANGUAGES.get(code.split("-", maxsplit=1)[0].lower())
    return f"bahasa {name}" if name else code


def original_from(language: str) -> str:
    """What the source's words are, before the source's title."""
    return f"Dalam {language_name(language)}, dari "


def backlink(article_title: str, number: int) -> str:
    """A link from a note's page to its marker in an article."""
    return f"{article_title}, catatan {number}"


def correction_title(note_title: str) -> str:
    """The title of a "suggest a correction" issue."""
    return f"Koreksi: {note_title}"


# Lists: the notes index, the articles list, the timeline (html/pages.py)

NAV_ARTICLES = "Artikel"
NAV_NOTES = "Anotasi"
NAV_TIMELINE = "Linimasa"
ARTICLE_PUBLISHED = "Artikel terbit: "
TIMELINE_INTRO = (
    "Linimasa ini menyusun peristiwa yang dijelaskan catatan latar menurut tanggal, "
    "bersama tanggal terbit setiap artikel, agar terlihat apa yang terjadi sebelum dan sesudahnya."
)
TIMELINE_DESCRIPTION = "Peristiwa yang diterangkan catatan latar, berurutan waktu, bersama tanggal terbit tiap artikel."


def numbers_note(article_title: str) -> str:
    """What the numbers before the titles of a list are."""
    return f"Angka di depan judul: nomor catatan di artikel “{article_title}”."


def notes_index_intro(count: int, article_title: str | None) -> str:
    """The notes index's first line; with the newest article's title, what the numbers before the titles are."""
    intro = f"{note_count(count)}, dikelompokkan menurut jenisnya; peristiwa berurutan menurut tanggal."
    return intro + (" " + numbers_note(article_title) if article_title else "")


def notes_index_description(count: int) -> str:
    """The notes index's description (``<meta name="description">``)."""
    return f"{note_count(count)} bersumber, dikelompokkan menurut jenisnya."


def articles_intro(count: int) -> str:
    """The articles list's first line."""
    return f"{count} artikel, yang terbaru di atas."


def kind_aside(kind: str) -> str:
    """A timeline entry's kind, after its title."""
    return f" ({kind_label(kind)})"


# Social cards (mkdocs/pages.py → outputs/cards.py)

ARTICLE_CARD = "Artikel beranotasi"


def note_card(kind: str, title: str = "") -> str:
    """What a note's card says it is (not the kind again when the title starts with it: "Klarifikasi: …")."""
    label = kind_label(kind)
    return NOTES_TITLE if title.startswith(label) else f"{NOTES_TITLE} · {label}"


def article_card_detail(publisher: str, published: str, notes: int) -> str:
    """An article card's line under the title."""
    return f"{publisher} · {format_date(published)} · {note_count(notes)}"


# A former address (html/pages.py)


def moved_title(title: str) -> str:
    """The ``<title>`` of a redirect page."""
    return f"Dipindahkan: {title}"


MOVED_TO = ("Halaman ini sudah pindah ke ", ".")
"""The words before and after the link to the new address."""


# The preview (mkdocs serve; mkdocs/preview.py)


def preview_title(problems: int) -> str:
    """The heading of the problems box on a preview page."""
    return f"Pratinjau: {problems} masalah — build ketat (mkdocs build --strict) akan gagal"


UNREVIEWED = "penempatan belum ditinjau"
"""Beside a marker the preview shows where the article's record of placements does not hold it yet (core/review.py)."""


def unpublished(article: bool) -> str:
    """The preview's page of a note or an article that cannot be published yet."""
    return f"{'Artikel' if article else 'Catatan'} ini belum dapat diterbitkan: perbaiki masalah di atas, lalu simpan berkasnya."


# --- Browser side: every word the scripts show (assets/*.js), given to the page as JSON (html/clientdata.py) ---
# ``{name}`` is filled in by the script (assets/data.js fill()).

READING_STRINGS = {
    "close": "Tutup catatan",
    "close_symbol": "×",
    "title": "Catatan {number}",
    "see": "lihat catatan {number}",
}
"""The touch sheet (assets/reading/sheet.js): its close button's name and symbol, its title when a note has none; a
repeated note in the margin (assets/reading/margin.js): a back-reference to its first one."""
PROPOSE_STRINGS = {
    "control": "Usulkan catatan",
    "heading": "Usulkan catatan latar",
    "title_label": "Judul catatan (boleh dikosongkan)",
    "kind_label": "Jenis catatan",
    "summary_label": "Ringkasan (boleh dikosongkan)",
    "summary_hint": "1–3 kalimat netral, paling banyak 60 kata.",
    "url_label": "Alamat satu sumber (boleh dikosongkan)",
    "url_placeholder": "https://…",
    "to_issue": "Lanjut ke GitHub: formulir usulan",
    "to_file": "Tulis berkas catatan di GitHub",
    "cancel": "Tutup",
    "hint": "Formulir usulan cukup dengan akun GitHub. Berkas catatan memerlukan fork; `latar check` menunjukkan setiap TODO yang perlu diisi.",
    "issue_title": "Usulan: {title}",
    "error_paragraphs": "Pilih frasa di dalam satu paragraf saja: catatan menempel pada satu frasa, tidak melintasi paragraf.",
    "error_overlap": "Frasa ini bertumpang tindih dengan “{phrase}”, yang sudah punya catatan. "
    "Pilih frasa lain, atau usulkan perbaikan di halaman catatan itu.",
    "error_too_long": "Frasa terlalu panjang: pilih paling banyak {max} karakter.",
    "error_ambiguous": "Frasa ini tidak dapat dibedakan dari kemunculan lain di artikel; pilih frasa yang lebih panjang.",
}
"""The "Usulkan catatan" control and form (assets/propose/)."""
SEARCH_STRINGS = {
    "paragraph": "Paragraf {number}",
}
"""Search (templates/search-boot.js sends it to assets/search/worker.js): the title of a paragraph result."""
