"""The editors' context above an article (the sidecar's ``context``): the rules of the rule book.

40-90 words, and every note it names exists; each problem names the sidecar, the line and the fix. Called from
the pipeline, so ``latar check``, the build and CI say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from latar.core.articles import Article
from latar.core.notes import Note
from latar.core.problems import Problem
from latar.core.schema import did_you_mean

MIN_WORDS = 40
MAX_WORDS = 90


def words(text: str) -> int:
    """Words as a reader counts them (white-space separated)."""
    return len(text.split())


def context_problems(articles: Sequence[Article], notes: Iterable[Note]) -> list[Problem]:
    """Every article's context: its length, and the notes it names."""
    known = sorted(note.id for note in notes)
    problems = []
    for article in articles:
        context = article.meta.context
        if context is None:
            continue
        count = words(context.text)
        if not MIN_WORDS <= count <= MAX_WORDS:
            fix = "add what a reader should know first" if count < MIN_WORDS else "shorten it to what a reader needs first"
            problems.append(
                Problem(context.label, context.line, f"'context.text' has {count} words; it must have {MIN_WORDS}-{MAX_WORDS}: {fix}")
            )
        for name, line in zip(context.notes, context.note_lines or (None,) * len(context.notes), strict=False):
            if name not in known:
                hint = did_you_mean(name, known)
                problems.append(
                    Problem(
                        context.label,
                        line or context.line,
                        f"'context.notes' names the note '{name}', which does not exist{hint}; "
                        "give the id (file name without .md) of a note in docs/anotasi/, or remove the entry",
                    )
                )
    return problems
