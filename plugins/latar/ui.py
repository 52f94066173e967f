"""Interface words Material for MkDocs leaves in English for a language, and latar's translation of them."""

from __future__ import annotations

INTERFACE_STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "header": "Kepala halaman",
        "footer": "Kaki halaman",
        "clipboard.copy": "Salin ke papan klip",
        "clipboard.copied": "Tersalin ke papan klip",
    },
}
"""Per theme language: Material's translation key → the words shown instead."""
