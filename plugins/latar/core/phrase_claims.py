"""Who claimed a phrase first: the index behind the anchorer's "already claimed by" messages.

Claims are kept by (selector, article): finding the owner of a phrase costs the same after one earlier claim as after
thousands (notes whose anchors all say 'Putin', each limited to another article, once made anchoring quadratic).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from latar.core.anchoring import Target
    from latar.core.notes import Anchor


class Claims:
    """The first claims of each selector, by article: finding who owns a phrase costs the same after one earlier claim
    as after thousands (notes whose anchors all say 'Putin', each limited to another article)."""

    def __init__(self) -> None:
        self._count = 0
        self._by_key: dict[tuple[object, ...], list[tuple[int, Target]]] = {}
        """(selector, article name or None for every article), or (selector,) for any article → the earliest claim of
        each of the first two notes (one of them is another note than the one asking)."""

    def owner(self, selector: tuple[str, str, str], anchor: Anchor, note_id: str) -> Target | None:
        """The earliest claim of ``selector`` by another note in an article ``anchor`` applies to, or None."""
        keys = [(selector, name) for name in anchor.articles] + [(selector, None)] if anchor.articles else [(selector,)]
        found = [claim for key in keys for claim in self._by_key.get(key, ()) if claim[1].note_id != note_id]
        return min(found, key=lambda claim: claim[0])[1] if found else None

    def add(self, selector: tuple[str, str, str], target: Target) -> None:
        """Record ``target``'s claim."""
        self._count += 1
        claim = (self._count, target)
        for key in [(selector,), *((selector, name) for name in target.anchor.articles or (None,))]:
            kept = self._by_key.setdefault(key, [])
            if len(kept) < 2 and all(other.note_id != target.note_id for _, other in kept):
                kept.append(claim)
