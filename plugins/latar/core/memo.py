"""Results kept from one ``mkdocs serve`` rebuild to the next, by a key made of everything they are computed from.

A value is looked up by its key, never by what it belongs to: a changed input is a new key, so a stale value cannot
be found. What a build did not ask for is forgotten at the next one (memory stays one build's worth).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """Values by key, kept for the next build; :meth:`next_build` forgets what the last build did not use."""

    def __init__(self) -> None:
        self._previous: dict[Hashable, V] = {}
        self._current: dict[Hashable, V] = {}
        self.reused = 0

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value of ``key``: kept from this build or the last one, else ``compute()``."""
        if key in self._current:
            return self._current[key]
        if key in self._previous:
            value = self._previous[key]
            self.reused += 1
        else:
            value = compute()
        self._current[key] = value
        return value

    def next_build(self) -> None:
        """A new build: what the last one used stays, the rest is forgotten."""
        self._previous, self._current, self.reused = self._current, {}, 0
