"""The words search indexes and looks up: tokens (NFKC, lowercase, runs of letters and digits) and their keys.

A key is a Snowball Indonesian stem (``snowballstemmer``), plus the roots Snowball misses: the stem of the stem
(memperluas → perluas → luas), the consonant a nasal or r-dropping prefix hides (menarik → arik and tarik,
mengerahkan → erah and kerah, berunding → unding and runding, menyatakan → sata and nyata), and a word Snowball
only cut a -ku/-mu from, without its prefix (bertemu → berte and temu). A word and the words it should find share
a key. ``assets/search/stem.js`` does the same in the reader's browser; a test keeps the two equal word for word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

_TOKEN = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiou")
_RESTORED = ((("meng", "peng"), "k"), (("men", "pen"), "t"), (("ber", "per"), "r"))
_NASAL_OR_R = frozenset({"men", "pen", "ber", "per"})
_PLAIN = ("ber", "per", "ter", "di", "ke", "se")


def tokenize(text: str) -> list[str]:
    """``text``'s words as the index holds them."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


@functools.cache
def _stemmer() -> Any:
    """Snowball's Indonesian stemmer, made on first use: the package imports every language's stemmer (~30 ms),
    and a build whose search index is kept (:mod:`latar.outputs.indexcache`) stems nothing."""
    import snowballstemmer  # noqa: PLC0415

    return snowballstemmer.stemmer("indonesian")


@functools.lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """Snowball's Indonesian stem of a lowercase word."""
    return str(_stemmer().stemWord(word))


def _vowel_at(word: str, at: int) -> bool:
    return at < len(word) and word[at] in _VOWELS


@functools.lru_cache(maxsize=262144)
def keys(word: str) -> tuple[str, ...]:
    """The index keys of a lowercase word, its stem first (see the module's docstring)."""
    s = stem(word)
    out = [s]

    def add(key: str) -> None:
        if key and key not in out:
            out.append(key)

    add(stem(s))
    if word[:3] in _NASAL_OR_R:
        for prefixes, lead in _RESTORED:
            for p in prefixes:
                if word.startswith(p) and _vowel_at(word, len(p)) and word.startswith(s, len(p)):
                    add(lead + s)
                    break
        if word.startswith(("meny", "peny")) and _vowel_at(word, 4) and s[:1] == "s" and word.startswith(s[1:], 4):
            add("ny" + s[1:])
    if word.endswith(("ku", "mu")) and s == word[:-2]:
        prefix = next((p for p in _PLAIN if word.startswith(p) and len(word) > len(p) + 2), None)
        if prefix:
            add(word[len(prefix) :])
    return tuple(out)
