"""Sources that do not rot: every source address for the link checker, and the weekly report of what it found.

The report lists dead addresses (the checker's errors), addresses whose state is unknown (403 and 429 are how
many sites answer robots, not proof that a page is gone; timeouts likewise), and sources without an
``archive_url``, each with the note that cites it. The link checker is lychee; its JSON output is read
defensively (``error_map`` in current versions, ``fail_map`` in older ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from latar.cli.mdtext import code, link
from latar.core.notes import Note, Source

UNKNOWN_CODES = frozenset({403, 429})
"""Answers that say "not for robots" or "too many requests", not "gone"."""
_CODE = re.compile(r"\b([1-5][0-9]{2})\b")


@dataclass(frozen=True)
class Cited:
    """One source of one note."""

    note: Note
    source: Source


def cited(notes: Iterable[Note]) -> list[Cited]:
    """Every source of every note, in note order."""
    return [Cited(note, source) for note in sorted(notes, key=lambda n: n.id) for source in note.sources]


def addresses(notes: Iterable[Note]) -> list[str]:
    """Every distinct address to check: sources and their archive copies."""
    urls = [url for c in cited(notes) for url in (c.source.url, c.source.archive_url) if url]
    return list(dict.fromkeys(urls))


def failures(lychee: Mapping[str, Any]) -> dict[str, tuple[int | None, str]]:
    """Address → (status code or None, the checker's text), for every address lychee did not accept."""
    found: dict[str, tuple[int | None, str]] = {}
    for key in ("error_map", "fail_map", "timeout_map"):
        for entries in (lychee.get(key) or {}).values():
            for entry in entries or []:
                url = (entry.get("url") or entry.get("uri")) if isinstance(entry, dict) else None
                if not isinstance(url, str):
                    continue
                status = entry.get("status")
                text = str(status.get("text", "")) if isinstance(status, dict) else str(status or "")
                code = status.get("code") if isinstance(status, dict) else None
                if not isinstance(code, int):
                    match = _CODE.search(text)
                    code = int(match.group(1)) if match else None
                if key == "timeout_map" and "timeout" not in text.lower():
                    text = f"Timeout {text}".strip()
                found[url] = (code, text)
    return found


def is_unknown(code: int | None, text: str) -> bool:
    """403, 429 and timeouts: the page may well be there."""
    return code in UNKNOWN_CODES or "timeout" in text.lower() or "timed out" in text.lower()


def report(notes: Iterable[Note], lychee: Mapping[str, Any] | None = None) -> str:
    """The weekly Markdown report (also the body of the ``tautan-mati`` issue)."""
    sources = cited(notes)
    failed = failures(lychee or {})
    dead = [(c, failed[c.source.url]) for c in sources if c.source.url in failed and not is_unknown(*failed[c.source.url])]
    unknown = [(c, failed[c.source.url]) for c in sources if c.source.url in failed and is_unknown(*failed[c.source.url])]
    archives = [(c, failed[c.source.archive_url]) for c in sources if c.source.archive_url in failed]
    unarchived = [c for c in sources if not c.source.archive_url]
    lines = [
        "## Tautan sumber",
        "",
        f"{len(addresses(c.note for c in sources))} alamat diperiksa: **{len(dead)} mati**, {len(unknown)} tidak pasti "
        f"(403, 429 atau batas waktu: situs menolak robot, halaman mungkin masih ada), "
        f"{len(unarchived)} sumber tanpa `archive_url`.",
        "",
    ]
    if lychee is None:
        lines += ["_Pemeriksa tautan tidak dijalankan: hanya daftar sumber tanpa arsip._", ""]
    if dead:
        lines += ["### Mati", "", "Ganti alamatnya, atau tambahkan `archive_url` dari salinan arsip.", ""]
        lines += [_item(c, status) for c, status in dead] + [""]
    if unknown:
        lines += ["### Tidak pasti", "", "Buka sendiri di peramban; bila halaman hilang, perlakukan sebagai mati.", ""]
        lines += [_item(c, status) for c, status in unknown] + [""]
    if archives:
        lines += ["### Salinan arsip yang tidak dapat dibuka", ""]
        lines += [_item(c, status, c.source.archive_url or "") for c, status in archives] + [""]
    if unarchived:
        lines += [
            "### Tanpa arsip",
            "",
            "Simpan halamannya di Wayback Machine (tautan **simpan**), lalu tambahkan `archive_url` ke sumber itu.",
            "",
        ]
        lines += [
            f"- {code(c.note.path)}: {link(c.source.title, c.source.url)} — "
            f"{link('simpan', 'https://web.archive.org/save/' + quote(c.source.url, safe=':/?&=%#'))}"
            for c in unarchived
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


STATUS_WORDS = {400: "permintaan ditolak", 401: "perlu masuk", 403: "ditolak untuk robot", 404: "tidak ditemukan", 410: "dihapus"}
STATUS_WORDS |= {429: "terlalu banyak permintaan", 451: "diblokir secara hukum"}
CAUSES = (
    (("timeout", "timed out"), "batas waktu habis"),
    (("dns", "resolve", "name or service"), "nama domain tidak ditemukan"),
    (("certificate", "ssl", "tls"), "sertifikat TLS bermasalah"),
    (("redirect",), "terlalu banyak pengalihan"),
    (("connect", "refused", "reset"), "tidak tersambung"),
)
"""The link checker's own words are never printed (they can carry a page's text): a status and one of these."""


def status_text(code: int | None, said: str) -> str:
    """What the report says about a failed address: its status code and a fixed phrase, nothing the checker wrote."""
    lowered = said.lower()
    if code is not None and 500 <= code <= 599:
        return f"{code} (galat server)"
    if code is not None:
        return f"{code} ({STATUS_WORDS.get(code, 'gagal')})"
    return next((phrase for needles, phrase in CAUSES if any(needle in lowered for needle in needles)), "gagal")


def _item(c: Cited, status: tuple[int | None, str], url: str = "") -> str:
    return f"- {code(c.note.path)}: {link(c.source.title, url or c.source.url)} — {status_text(*status)}"
