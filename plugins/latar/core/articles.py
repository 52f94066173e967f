"""Articles are data: ``seeds/<name>.txt`` (the text, byte for byte) plus ``seeds/<name>.yml``."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from latar.core.contributed import RECORD_SUFFIX, regular_files, unreadable
from latar.core.dates import not_real
from latar.core.files import file_label, read_leniently, read_text, split_lines
from latar.core.invisible import BIDI, bidi_message, describe, in_lines, in_values
from latar.core.patterns import PatternError
from latar.core.problems import InputError, Problem
from latar.core.rules import article_rules, publisher_expressions
from latar.core.schema import validate
from latar.core.yamlload import KeyPath, line_of, load_yaml

SAFE_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")  # \Z, not $: a trailing newline is no name
EMPTY_FIX = "paste the article's text into it, one paragraph a line, exactly as published"
PARAGRAPH = "paragraph"
"""A line of the article's own text."""
PUBLISHER = "publisher"
"""A line the publisher inserted into the text ("Baca juga: …"), matched by ``publisher_lines``."""


@dataclass(frozen=True)
class ArticleMeta:
    """The sidecar's fields."""

    title: str
    source_url: str
    publisher: str
    published: str
    language: str
    preamble_lines: int = 0
    postscript_lines: int = 0
    dateline: str | None = None
    author: str | None = None
    remarks: tuple[str, ...] = ()
    preamble_label: str | None = None
    postscript_label: str | None = None
    publisher_lines: tuple[str, ...] = ()
    redirect_from: tuple[str, ...] = ()
    rights: str | None = None
    context: Context | None = None
    """The editors' context shown above the first paragraph."""


@dataclass(frozen=True)
class Context:
    """The editors' words above an article: a short text and the notes whose sources support it."""

    text: str
    notes: tuple[str, ...]
    label: str = field(default="", compare=False)
    """The sidecar's file label, for problems."""
    line: int | None = field(default=None, compare=False)
    """The line of ``text`` in the sidecar."""
    note_lines: tuple[int | None, ...] = field(default=(), compare=False)
    """The line of each entry of ``notes``."""


@dataclass(frozen=True)
class TextBlock:
    """One line of the text between preamble and postscript: article text or a publisher's line."""

    kind: str
    text: str
    line: int


@dataclass(frozen=True)
class Article:
    """One article: its metadata and its lines, split into preamble, paragraphs and postscript.

    ``blocks`` holds every line between preamble and postscript in order, each marked as
    article text (:data:`PARAGRAPH`) or a publisher's line (:data:`PUBLISHER`); ``paragraphs``
    is the article text alone, what notes attach to and Web Annotation selectors point into.
    """

    name: str
    meta: ArticleMeta
    paragraphs: tuple[str, ...]
    preamble: tuple[str, ...] = ()
    postscript: tuple[str, ...] = ()
    text_label: str = ""
    paragraph_lines: tuple[int, ...] = field(default=())
    blocks: tuple[TextBlock, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.blocks:  # built from paragraphs alone: every line is article text
            lines = self.paragraph_lines or tuple(range(1, len(self.paragraphs) + 1))
            object.__setattr__(
                self, "blocks", tuple(TextBlock(PARAGRAPH, text, line) for text, line in zip(self.paragraphs, lines, strict=False))
            )

    @property
    def dateline(self) -> str | None:
        """The dateline prefix of the first paragraph, if the sidecar names one."""
        return self.meta.dateline


def dateline_length(article: Article) -> int:
    """How many characters of the first paragraph are its dateline (0: none)."""
    return len(nfc(article.dateline)) if article.dateline else 0


def nfc(text: str) -> str:
    """Unicode NFC: the only change latar makes to article text."""
    return unicodedata.normalize("NFC", text)


def parse_meta(text: str, label: str) -> ArticleMeta:
    """Parse and validate a sidecar ``.yml``."""
    return _parse_meta(text, label)[0]


def _parse_meta(text: str, label: str) -> tuple[ArticleMeta, dict[KeyPath, int]]:
    """The sidecar's fields, and the file line of each key (for problems found later)."""
    data, lines = load_yaml(text, label)
    problems = validate("article", data, label, lines)
    wrong = not_real("published", data.get("published")) if isinstance(data, dict) else None
    if wrong:
        problems.append(Problem(label, line_of(lines, ("published",)), wrong))
    problems += in_values(_texts(data, lines), label, BIDI, bidi_message)
    if problems:
        raise InputError(problems)
    problems = [
        problem
        for index, pattern in enumerate(data.get("publisher_lines", ()))
        if (problem := _regex_problem(pattern, index, label, lines))
    ]
    if problems:
        raise InputError(problems)
    for key in ("remarks", "publisher_lines", "redirect_from"):
        if key in data:
            data[key] = tuple(data[key])
    if "context" in data:
        names = tuple(data["context"]["notes"])
        data["context"] = Context(
            nfc(data["context"]["text"].strip()),
            names,
            label,
            line_of(lines, ("context", "text")) or line_of(lines, ("context",)),
            tuple(line_of(lines, ("context", "notes", index)) for index in range(len(names))),
        )
    return ArticleMeta(**data), lines


def _texts(data: object, lines: dict[KeyPath, int]) -> list[tuple[str, int | None, str]]:
    """Every text value of a sidecar (top-level fields and their lists), named and with its line."""
    found = []
    for key, value in data.items() if isinstance(data, dict) else ():
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            path = (key, index) if isinstance(value, list) else (key,)
            if isinstance(item, str):
                found.append((f"'{key}'", line_of(lines, path), item))
    return found


def _regex_problem(pattern: str, index: int, label: str, lines: dict[KeyPath, int]) -> Problem | None:
    try:
        publisher_expressions((pattern,))
    except PatternError as err:
        return Problem(label, line_of(lines, ("publisher_lines", index)), f"publisher_lines entry {pattern[:60]!r} {err}")
    return None


def is_publisher_line(line: str, patterns: tuple[str, ...]) -> bool:
    """True when one of the sidecar's ``publisher_lines`` expressions matches anywhere in ``line``, ignoring case.

    Ignoring case, because publishers print the same insertion as "Baca juga:", "Baca Juga:" and "BACA JUGA:".
    RE2 runs them, in time linear in the line (:mod:`latar.core.patterns`).
    """
    return any(regex.search(line) for regex in publisher_expressions(patterns))


def build_article(name: str, text: str, meta: ArticleMeta, label: str = "") -> Article:
    """Split the article text into preamble, paragraphs and postscript (blank lines are not paragraphs)."""
    numbered = [(number, nfc(line)) for number, line in enumerate(split_lines(text), start=1) if line.strip()]
    head, tail = meta.preamble_lines, meta.postscript_lines
    if not numbered:
        raise InputError([Problem(label, None, f"the file is empty; {EMPTY_FIX}")])
    if head + tail >= len(numbered):
        raise InputError(
            [
                Problem(
                    label,
                    None,
                    f"preamble_lines ({head}) + postscript_lines ({tail}) leave no article text in {len(numbered)} lines; lower them",
                )
            ]
        )
    blocks = tuple(
        TextBlock(PUBLISHER if is_publisher_line(line, meta.publisher_lines) else PARAGRAPH, line, number)
        for number, line in numbered[head : len(numbered) - tail]
    )
    body = [(block.line, block.text) for block in blocks if block.kind == PARAGRAPH]
    if not body:
        raise InputError(
            [Problem(label, None, "every line between preamble and postscript matches 'publisher_lines'; narrow the expressions")]
        )
    if meta.dateline and not body[0][1].startswith(nfc(meta.dateline)):
        raise InputError(
            [
                Problem(
                    label, body[0][0], f"the first paragraph does not start with the dateline '{meta.dateline}'; fix 'dateline' in the .yml"
                )
            ]
        )
    return Article(
        name=name,
        meta=meta,
        preamble=tuple(line for _, line in numbered[:head]),
        paragraphs=tuple(line for _, line in body),
        postscript=tuple(line for _, line in numbered[len(numbered) - tail :]),
        text_label=label,
        paragraph_lines=tuple(number for number, _ in body),
        blocks=blocks,
    )


def published_lines(article: Article) -> list[str]:
    """Every non-blank line of the seed as published: preamble, text and publisher lines in place, postscript."""
    return [*article.preamble, *(block.text for block in article.blocks), *article.postscript]


def load_article(text_path: Path, root: Path) -> Article:
    """Load ``<name>.txt`` and its ``<name>.yml`` sidecar; raise InputError naming the file."""
    return _load(text_path, root)[0]


def _load(text_path: Path, root: Path) -> tuple[Article, list[Problem]]:
    """An article and the problems that do not keep it from the page (a strict build still fails on them)."""
    name = text_path.stem
    text_label = file_label(text_path, root)
    meta_path = text_path.with_suffix(".yml")
    meta_label = file_label(meta_path, root)
    if not SAFE_NAME.match(name):
        raise InputError(
            [Problem(text_label, None, f"the article name '{name}' is not a safe slug; rename to lower-case letters, digits and hyphens")]
        )
    if not os.path.lexists(meta_path):
        raise InputError(
            [Problem(text_label, None, f"no sidecar {meta_label}; add it with title, source_url, publisher, published and language")]
        )
    meta, lines = _parse_meta(read_text(meta_path, meta_label), meta_label)
    text = read_text(text_path, text_label)
    hidden = in_lines(text, 1, text_label, BIDI, _bidi_in_seed)
    if hidden:
        raise InputError(hidden)
    article = build_article(name, text, meta, text_label)
    return article, article_rules(article, lines, meta_label)


def _bidi_in_seed(char: str) -> str:
    return (
        f"the line contains the bidirectional control character {describe(char)}, which makes text display in another order "
        "than it is written; latar publishes a seed byte for byte and never rewrites it: check the original and correct the file"
    )


def load_articles(seeds_dir: Path, root: Path) -> tuple[list[Article], list[Problem]]:
    """Every article in ``seeds_dir``, sorted newest first, and the problems: of those that failed, and of the others."""
    articles, problems = [], []
    for text_path in regular_files(seeds_dir, root, ".txt"):  # links and folders: see latar.core.contributed
        try:
            article, found = _load(text_path, root)
        except InputError as err:
            problems.extend(err.problems)
            continue
        except Exception as err:  # one hostile file never stops the others: it gets a problem line
            problems.append(unreadable(file_label(text_path, root), err))
            continue
        articles.append(article)
        problems.extend(found)
    for meta_path in regular_files(seeds_dir, root, ".yml"):
        if not meta_path.name.endswith(RECORD_SUFFIX) and not os.path.lexists(meta_path.with_suffix(".txt")):
            problems.append(Problem(file_label(meta_path, root), None, "sidecar without an article; add the matching .txt or remove it"))
    articles.sort(key=lambda a: (a.meta.published, a.name), reverse=True)
    return articles, problems


@dataclass(frozen=True)
class Unreadable:
    """An article that could not be loaded: notes meant for it are told so, not "copy the phrase exactly"."""

    name: str
    label: str
    """The file whose problem keeps it out (its text, or its sidecar)."""
    lines: tuple[str, ...] | None
    """Its text as far as it can be read (bad bytes replaced); None when there is none to search (empty, binary, too large)."""
    files: tuple[str, ...] = ()
    """Its text file and sidecar: their problems are listed before all others."""

    @property
    def why(self) -> str:
        return "could not be read" if self.label.endswith(".txt") else "could not be loaded"


def unreadable_articles(seeds_dir: Path, root: Path, loaded: Iterable[str], problems: Iterable[Problem]) -> list[Unreadable]:
    """The articles in ``seeds_dir`` that are not in ``loaded``, each with the file its first problem names."""
    done = set(loaded)
    failed = {problem.path: problem for problem in problems}
    found = []
    for text_path in regular_files(seeds_dir, root, ".txt"):
        if text_path.stem in done:
            continue
        text_label, meta_label = file_label(text_path, root), file_label(text_path.with_suffix(".yml"), root)
        label = text_label if text_label in failed or meta_label not in failed else meta_label
        text = read_leniently(text_path)
        lines = tuple(nfc(line) for line in split_lines(text) if line.strip()) if text else ()
        found.append(Unreadable(text_path.stem, label, lines or None, (text_label, meta_label)))
    return found
