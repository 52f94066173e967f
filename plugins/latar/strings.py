"""Every word latar shows readers, in one place: kind labels, months, dates, Material's untranslated strings."""

from __future__ import annotations

from latar.core import dates

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
