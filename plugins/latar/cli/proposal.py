"""A reader's proposal → a note file: the body of a filled "Usulan anotasi" issue form, read as GitHub renders it.

GitHub writes an issue form's answers as Markdown: ``### <label>``, a blank line, the value; ``_No response_``
when a field was left empty. The labels are those of ``.github/ISSUE_TEMPLATE/usulan-anotasi.yml`` (a test keeps
:data:`FIELDS` and the template in step). The note written is complete and valid; what the reader could not know
(sources' titles and publishers, the body) is marked TODO for ``latar check`` to point out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import yaml

from latar.core.anchoring import at_word_boundary, fold
from latar.core.notes import KINDS

FIELDS = {
    "frasa": "Frasa di artikel",
    "prefix": "Teks tepat sebelum frasa (prefix)",
    "suffix": "Teks tepat sesudah frasa (suffix)",
    "artikel": "Artikel",
    "jenis": "Jenis catatan",
    "judul": "Judul catatan",
    "ringkasan": "Ringkasan",
    "alasan": "Mengapa pembaca perlu catatan ini?",
    "sumber": "Sumber",
}
"""Issue form field id → its label (the heading GitHub writes)."""
NO_RESPONSE = "_No response_"
PLACEHOLDER_URLS = ("https://example.org/ganti-dengan-sumber", "https://example.com/ganti-dengan-sumber")
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_URL = re.compile(r"https://[^\s<>\"')\]]+")


@dataclass(frozen=True)
class Proposal:
    """What the reader proposed."""

    phrase: str
    prefix: str = ""
    suffix: str = ""
    article: str = ""
    kind: str = "background"
    title: str = ""
    summary: str = ""
    reason: str = ""
    sources: tuple[str, ...] = ()


class ProposalError(ValueError):
    """The issue body is not a usable proposal; the message says why."""


def parse_issue(body: str) -> Proposal:
    """Read the answers of a filled issue form."""
    by_label = {label.casefold(): key for key, label in FIELDS.items()}
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            key = by_label.get(heading.group(1).casefold())
            current = values.setdefault(key, []) if key else None
        elif current is not None:
            current.append(line)
    answers = {key: _answer(lines) for key, lines in values.items()}
    phrase = answers.get("frasa", "").strip()
    if not phrase:
        found = "no '### Frasa di artikel' heading" if "frasa" not in answers else "it is empty"
        raise ProposalError(f"the issue body has no phrase ({found}); paste the body of an 'Usulan anotasi' issue")
    kind = answers.get("jenis", "").strip()
    return Proposal(
        phrase=phrase,
        prefix=answers.get("prefix", ""),
        suffix=answers.get("suffix", ""),
        article=answers.get("artikel", "").strip(),
        kind=kind if kind in KINDS else "background",
        title=answers.get("judul", "").strip(),
        summary=" ".join(answers.get("ringkasan", "").split()),
        reason=answers.get("alasan", "").strip(),
        sources=tuple(dict.fromkeys(url.rstrip(".,;:") for url in _URL.findall(answers.get("sumber", "")))),
    )


def _answer(lines: list[str]) -> str:
    """One answer: the lines between its heading and the next, without the blank lines around them."""
    text = "\n".join(lines).strip("\n")
    return "" if text.strip() == NO_RESPONSE else text


def restore_context(proposal: Proposal, paragraphs: Iterable[str]) -> tuple[Proposal, int]:
    """Give prefix and suffix back the spaces GitHub trims, from the article text; return it and the places found.

    The prefix ends, and the suffix starts, right at the phrase: when that edge is a space, the rendered issue has
    lost it. Found at exactly one place (latar's case folding and word boundaries), the exact text is taken from
    the article; otherwise the proposal is returned as it is and ``latar check`` will say what does not match.
    """
    prefix, suffix = proposal.prefix.strip(), proposal.suffix.strip()
    pattern = re.compile(
        (f"({re.escape(fold(prefix))}\\s*)" if prefix else "()")
        + f"({re.escape(fold(proposal.phrase))})"
        + (f"(\\s*{re.escape(fold(suffix))})" if suffix else "()")
    )
    found: list[tuple[str, str]] = []
    for text in paragraphs:
        folded = fold(text)
        for match in _overlapping(pattern, folded):
            if at_word_boundary(text, match.start(2), match.end(2)):
                found.append((text[match.start(1) : match.end(1)], text[match.start(3) : match.end(3)]))
    if len(found) != 1:
        return proposal, len(found)
    exact_prefix, exact_suffix = found[0]
    return replace(proposal, prefix=exact_prefix, suffix=exact_suffix), 1


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def note_text(proposal: Proposal, accessed: str) -> str:
    """A complete note: valid front matter, TODO where the reader could not know (the same note as propose.js)."""
    anchor: dict[str, str | list[str]] = {"text": proposal.phrase}
    if proposal.prefix:
        anchor["prefix"] = proposal.prefix
    if proposal.suffix:
        anchor["suffix"] = proposal.suffix
    if proposal.article:
        anchor["articles"] = [proposal.article]  # the article it was proposed in, and no other
    sources = [{"title": "TODO: judul sumber", "url": url, "publisher": "TODO: penerbit", "accessed": accessed} for url in proposal.sources]
    for index, url in enumerate(PLACEHOLDER_URLS[: max(0, 2 - len(sources))]):
        title = "TODO: judul sumber" if not sources and index == 0 else "TODO: sumber kedua dari situs lain"
        sources.append({"title": title, "url": url, "publisher": "TODO: penerbit", "accessed": accessed})
    front = {
        "title": proposal.title or proposal.phrase,
        "kind": proposal.kind,
        "summary": proposal.summary or f"TODO: 1–3 kalimat netral tentang {proposal.phrase} (paling banyak 60 kata).",
        "anchors": [anchor],
        "sources": sources,
    }
    body = "TODO: latar belakang 150–400 kata, netral dan ensiklopedis; setiap fakta dapat dicek di sumber.\n"
    if proposal.reason:
        body += "\nTODO: alasan pengusul (hapus sebelum terbit): " + " ".join(proposal.reason.split()) + "\n"
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body
