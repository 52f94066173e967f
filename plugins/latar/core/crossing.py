"""Anchors that run across paragraphs: said as such ("anchors stay inside one paragraph"), not "copy it exactly"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from latar.core.notes import Anchor


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def across(anchor: Anchor, articles: Mapping[str, Sequence[str]]) -> tuple[str, int] | None:
    """The article and the first of two neighbouring paragraphs (0-based) the anchor's phrase runs across, or None.

    Only the articles the anchor's ``articles`` names (all when it names none) are searched.
    """
    phrase = _flat(anchor.text)
    if " " not in phrase:
        return None
    size = len(phrase)
    for name, paragraphs in sorted(articles.items()):
        if anchor.articles and name not in anchor.articles:
            continue
        flat = [_flat(paragraph) for paragraph in paragraphs]
        for number, (first, second) in enumerate(pairwise(flat)):
            head = first[-size:]
            window = f"{head} {second[:size]}"
            at = window.find(phrase)
            while at != -1:  # a match that starts in the first paragraph, at a word's start, and ends in the second
                begins = len(first) - len(head) + at  # where it starts in the first paragraph
                if at < len(head) < at + size - 1 and (begins == 0 or first[begins - 1] == " "):
                    return name, number
                at = window.find(phrase, at + 1)
    return None


def message(anchor: Anchor, name: str, first: int) -> str:
    """The problem's text: the article and both paragraphs (1-based), and the fix."""
    return (
        f"anchor '{anchor.text}' runs across two paragraphs of the article '{name}' (the end of paragraph {first + 1} "
        f"and the start of paragraph {first + 2}); anchors stay inside one paragraph: anchor words of one of them"
    )
