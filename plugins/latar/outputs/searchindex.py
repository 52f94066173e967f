"""latar's search index: static JSON files written in one pass at build time, fetched by the reader's browser in parts.

What is indexed comes from the site model, never from the written HTML: each article's paragraphs (one part each,
linked by their ids) and its title, each note's title, summary and body, each other page's text. Words become keys
(:mod:`latar.outputs.searchterms`: Indonesian stems on both sides). Every key's postings carry a precomputed
BM25 score per page part, with field weights (title > summary > body), so the browser only adds numbers.

Files, under ``cari/`` in the built site (``index.json`` names the folder of this build's data, so a changed site
never mixes with a cached old file):

- ``<build>/t<k>.json``: the keys whose hash falls in shard ``k`` → ``[page delta, part, score, …]``; a query
  fetches only its keys' shards;
- ``<build>/p<k>.json``: ``[url, title, kind]`` (an article's also its paragraphs' id prefix and its name) of pages ``k·PAGE_CHUNK`` onwards, fetched for the results listed;
- ``<build>/x<n>.json``: page ``n``'s text (summary, body, paragraphs), fetched for the results shown with a snippet.

``assets/search/worker.js`` reads them and answers Material's search box.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import shutil
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from latar import strings
from latar.core.articles import PARAGRAPH, Article
from latar.core.memo import Memo
from latar.core.notes import Note
from latar.core.sanitize import plain_text, plain_text_once, render_block, render_inline
from latar.outputs import searchterms
from latar.outputs.indexcache import IndexCache, hashed_form
from latar.outputs.searchterms import keys, tokenize

FOLDER = "cari"
"""The index's folder in the built site; the worker finds it at ``../../../cari/`` from ``assets/latar/search/``."""
PAGE_CHUNK = 128
"""Pages per ``p<k>.json``."""
SHARD_BYTES = 12_000
"""About this many bytes of postings per shard (before gzip): one shard is what a query word costs."""
WEIGHTS = {"title": 4.0, "summary": 2.0, "body": 1.0}
"""A word in a title counts four times, in a summary twice: the page is about it, not only mentioning it."""
K1 = 1.2
B = 0.5
"""BM25's saturation and length normalisation (0.5: a long article's paragraphs are parts of their own anyway)."""
SCALE = 50
"""Scores are stored as integers: BM25 × SCALE."""


@dataclass(frozen=True)
class SearchPage:
    """One page as search sees it. ``paragraphs`` (an article's: id, text) are parts of their own."""

    url: str
    """Site-relative, as MkDocs gives it (``artikel/x/``)."""
    title: str
    kind: str
    """The label a result shows (the note's kind, "Artikel")."""
    summary: str = ""
    body: str = ""
    paragraphs: tuple[str, ...] = field(default=())
    """An article's paragraphs; paragraph ``n`` (from 1) has the id ``anchor + str(n)`` on the page."""
    anchor: str = ""
    name: str = ""
    """An article's name: the home page shows the newest article too, and its results come first there."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run wrote."""

    pages: int
    keys: int
    files: int
    bytes: int
    seconds: float


def article_page(article: Article, url: str, id_prefix: str) -> SearchPage:
    """An article: its title, and its paragraphs (publisher lines are not article text) with the ids the page gives them."""
    texts = [block.text for block in article.blocks if block.kind == PARAGRAPH]
    return SearchPage(url, article.meta.title, strings.ARTICLE_KIND, paragraphs=tuple(texts), anchor=f"{id_prefix}-p-", name=article.name)


def note_page(note: Note, url: str) -> SearchPage:
    """A note: title, summary and body as a reader reads them (a clarification's claim with the body)."""
    body = plain_text_once(render_block(note.body))  # read once: 10,000 bodies' text is 60 MB of cache
    if note.claim:
        body = f"{note.claim}\n{body}"
    summary = plain_text(render_inline(note.summary))
    return SearchPage(url, plain_text(note.title), strings.kind_label(note.kind), summary, body)


def other_page(url: str, title: str, html: str) -> SearchPage:
    """A page the project wrote (an allowed Markdown file): its title and its text."""
    return SearchPage(url, title, strings.PAGE_KIND, body=plain_text(html))


def shard_of(key: str, shards: int) -> int:
    """FNV-1a (32 bits) over the key's code points, modulo ``shards``: the worker computes the same."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


Counts = tuple[tuple[str, ...], "array[float]"]
"""A part's weighted key counts, compact: its keys and, in the same order, their weights (a Counter per part held
every part of every page at ~80 bytes a key until the scores were known; these hold 16)."""


def _counts(weighted: Iterable[tuple[str, float]]) -> tuple[Counts, int]:
    """Weighted key counts of some texts, and their length in words (each word counts every key once)."""
    counts: Counter[str] = Counter()
    length = 0
    for text, weight in weighted:
        tokens = tokenize(text)
        length += len(tokens)
        for token, times in Counter(tokens).items():
            for key in keys(token):
                counts[key] += weight * times
    return (tuple(counts), array("d", counts.values())), length


def _page_parts(page: SearchPage) -> list[tuple[int, Counts, int]]:
    """A page's parts: (part, weighted key counts, length); part 0 is the page, i its i-th paragraph."""
    fields = [(page.title, WEIGHTS["title"]), (page.summary, WEIGHTS["summary"]), (page.body, WEIGHTS["body"])]
    mine = [(0, *_counts(fields))]
    return mine + [(index, *_counts([(text, WEIGHTS["body"])])) for index, text in enumerate(page.paragraphs, start=1)]


def postings(pages: Sequence[SearchPage], memo: Memo | None = None) -> dict[str, array[int]]:
    """Key → flat ``[page delta, part, score, …]`` (pages ascending; part 0 is the page, i the i-th paragraph).

    Every part's counts wait for the document frequencies in a few flat arrays (tens of thousands of parts: objects
    per part would cost more than the counts). ``memo`` (``mkdocs serve``): each page's parts kept from the last
    build, by the page itself.
    """
    names: list[str] = []
    weights: array[float] = array("d")
    ends, numbers, part_numbers, lengths = array("l"), array("l"), array("l"), array("l")
    frequency: Counter[str] = Counter()
    for number, page in enumerate(pages):
        counted = memo.get(("parts", page), lambda page=page: _page_parts(page)) if memo is not None else _page_parts(page)
        frequency.update(set().union(*(counts[0] for _, counts, _ in counted)) if len(counted) > 1 else counted[0][1][0])
        for part, (keys_, tfs), length in counted:
            names += keys_
            weights += tfs
            ends.append(len(names))
            numbers.append(number)
            part_numbers.append(part)
            lengths.append(length)
    average = sum(lengths) / max(len(lengths), 1) or 1.0
    total = len(pages)
    factor = {key: SCALE * (K1 + 1) * math.log(1 + (total - df + 0.5) / (df + 0.5)) for key, df in frequency.items()}
    found: dict[str, array[int]] = {}
    last: dict[str, int] = {}
    begin = 0
    for end, number, part, length in zip(ends, numbers, part_numbers, lengths, strict=True):
        norm = K1 * (1 - B + B * length / average)
        for at in range(begin, end):
            key, tf = names[at], weights[at]
            flat = found.get(key)
            if flat is None:
                flat = found[key] = array("i")
            flat.extend((number - last.get(key, 0), part, round(factor[key] * tf / (tf + norm)) or 1))
            last[key] = number
        begin = end
    return found


def _text(page: SearchPage) -> dict[str, object]:
    data: dict[str, object] = {}
    if page.summary:
        data["s"] = page.summary
    if page.body:
        data["b"] = page.body
    if page.paragraphs:
        data["p"] = list(page.paragraphs)
    return data


def index_key(pages: Sequence[SearchPage]) -> str:
    """A hash of everything :func:`index_files` makes the index from: the pages, this code, the stemmer's version."""
    hashed = hashlib.sha256()
    for module in (__file__, searchterms.__file__):
        hashed.update(Path(module).read_bytes())
    hashed.update(f"\0{_stemmer_version()}\0".encode())
    for page in pages:
        hashed.update(_json([page.url, page.title, page.kind, page.summary, page.body, page.paragraphs, page.anchor, page.name]).encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def index_files(pages: Sequence[SearchPage], memo: Memo | None = None) -> tuple[Iterator[tuple[str, str]], int]:
    """The index's data files (name and text, made one at a time in the order :func:`write_index` names the build by)
    and the key count: only one shard's postings exist as JSON at a time."""
    found = postings(pages, memo)
    size = sum(len(key) + 4 + 4 * len(values) for key, values in found.items())
    shards = max(1, math.ceil(size / SHARD_BYTES))
    grouped: list[list[str]] = [[] for _ in range(shards)]
    for key in sorted(found):
        grouped[shard_of(key, shards)].append(key)

    def made() -> Iterator[tuple[str, str]]:
        for k, shard in enumerate(grouped):
            yield f"t{k}.json", _json({key: found[key].tolist() for key in shard})
        for k in range(0, len(pages), PAGE_CHUNK):
            chunk = [
                [page.url, page.title, page.kind, *([page.anchor, page.name] if page.anchor else [])] for page in pages[k : k + PAGE_CHUNK]
            ]
            yield f"p{k // PAGE_CHUNK}.json", _json(chunk)
        for number, page in enumerate(pages):
            yield (
                f"x{number}.json",
                (memo.get(("text", page), lambda page=page: _json(_text(page))) if memo is not None else _json(_text(page))),
            )

    return made(), len(found)


def _complete(names: Sequence[str], pages: int) -> bool:
    """Exactly the files :func:`index_files` writes for ``pages`` pages, in its order (a kept entry is checked so)."""
    shards = sum(name.startswith("t") for name in names)
    expected = [f"t{k}.json" for k in range(shards)] + [f"p{k}.json" for k in range(-(-pages // PAGE_CHUNK))]
    return shards > 0 and list(names) == expected + [f"x{n}.json" for n in range(pages)]


def write_index(site_dir: Path, pages: Sequence[SearchPage], memo: Memo | None = None, cache: IndexCache | None = None) -> IndexReport:
    """Write ``site_dir/cari/`` for ``pages`` (in this order: a page's number is its place here); no network.

    Each file is written as it is made (into a folder named once every file is hashed). ``memo`` (``mkdocs serve``):
    what each unchanged page gave the last build (its counts, its text file). ``cache``: the files of an earlier build
    (any process) with the same :func:`index_key`, hard-linked as they were; a new index is kept there.
    """
    start = time.process_time()
    key = index_key(pages) if cache is not None else ""
    output = site_dir / FOLDER
    shutil.rmtree(output, ignore_errors=True)
    making = output / ".making"
    making.mkdir(parents=True)
    kept = cache.get(key) if cache is not None else None
    placed = None
    names: list[str] = []
    if cache is not None and kept is not None and _complete(kept.names, len(pages)):
        placed = cache.place(kept, making)
    if placed is not None:
        build, keys_count, files, written, shards = placed.build, placed.keys, placed.files, placed.bytes, placed.shards
    else:
        made, keys_count = index_files(pages, memo)
        hashed = hashlib.sha256()
        written = shards = 0
        for name, text in made:
            data = text.encode("utf-8")
            hashed.update(hashed_form(name, data))
            (making / name).write_bytes(data)
            names.append(name)
            written, shards = written + len(data), shards + name.startswith("t")
        build, files = hashed.hexdigest(), len(names)
    folder = output / build[:12]
    making.rename(folder)
    if cache is not None and placed is None:
        cache.put(key, folder, names, keys_count, build)
    manifest = {"build": build[:12], "shards": shards, "chunk": PAGE_CHUNK, "pages": len(pages)}
    index = _json(manifest).encode("utf-8")
    (output / "index.json").write_bytes(index)
    return IndexReport(len(pages), keys_count, files + 1, written + len(index), time.process_time() - start)


@functools.cache
def _stemmer_version() -> str:
    try:
        return metadata.version("snowballstemmer")
    except metadata.PackageNotFoundError:
        return "?"


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
