"""A reader's proposal → a note file: the body of a filled "Usulan anotasi" issue form, read as GitHub renders it.

GitHub writes an issue form's answers as Markdown: ``### <label>``, a blank line, the value; ``_No response_``
when a field was left empty. The labels are those of ``.github/ISSUE_TEMPLATE/usulan-anotasi.yml`` (a test keeps
:data:`FIELDS` and the template in step). The note written is complete and valid; what the reader could not know
(sources' titles and publishers, the body) is marked TODO for ``latar check`` to point out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from latar.core.anchoring import at_word_boundary, fold
from latar.core.notes import KINDS
from latar.core.template import PROPOSAL_FIELDS, NoteFields
from latar.core.template import note_text as template_note_text

_LABELS = {
    "phrase": "Frasa di artikel",
    "prefix": "Teks tepat sebelum frasa (prefix)",
    "suffix": "Teks tepat sesudah frasa (suffix)",
    "article": "Artikel",
    "kind": "Jenis catatan",
    "title": "Judul catatan",
    "summary": "Ringkasan",
    "reason": "Mengapa pembaca perlu catatan ini?",
    "sources": "Sumber",
}
FIELDS = {PROPOSAL_FIELDS[part]: label for part, label in _LABELS.items()}
"""Issue form field id → its label (the heading GitHub writes)."""
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_URL = re.compile(r"https://[^\s<>\"')\]]+")


Proposal = NoteFields
"""What the reader proposed: a new note's fields, without the day its sources are consulted."""


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

    def answer(part: str) -> str:
        return answers.get(PROPOSAL_FIELDS[part], "")

    phrase = answer("phrase").strip()
    if not phrase:
        found = "no '### Frasa di artikel' heading" if PROPOSAL_FIELDS["phrase"] not in answers else "it is empty"
        raise ProposalError(f"the issue body has no phrase ({found}); paste the body of an 'Usulan anotasi' issue")
    kind = answer("kind").strip()
    return Proposal(
        phrase=phrase,
        prefix=answer("prefix"),
        suffix=answer("suffix"),
        article=answer("article").strip(),
        kind=kind if kind in KINDS else "background",
        title=answer("title").strip(),
        summary=" ".join(answer("summary").split()),
        reason=answer("reason").strip(),
        sources=tuple(dict.fromkeys(url.rstrip(".,;:") for url in _URL.findall(answer("sources")))),
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
    """The proposed note, from the one note template (the page's form writes the same)."""
    return template_note_text(replace(proposal, accessed=accessed))
