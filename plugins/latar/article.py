"""Articles are data: ``seeds/<name>.txt`` (the text, byte for byte) plus ``seeds/<name>.yml``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .dates import not_real
from .problems import InputError, Problem
from .schema import validate
from .text import file_label, read_text, split_lines
from .yamlload import line_of, load_yaml

SAFE_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


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


@dataclass(frozen=True)
class Article:
    """One article: its metadata and its lines, split into preamble, paragraphs and postscript."""

    name: str
    meta: ArticleMeta
    paragraphs: tuple[str, ...]
    preamble: tuple[str, ...] = ()
    postscript: tuple[str, ...] = ()
    text_label: str = ""
    paragraph_lines: tuple[int, ...] = field(default=())

    @property
    def dateline(self) -> str | None:
        """The dateline prefix of the first paragraph, if the sidecar names one."""
        return self.meta.dateline


def nfc(text: str) -> str:
    """Unicode NFC: the only change latar makes to article text."""
    return unicodedata.normalize("NFC", text)


def parse_meta(text: str, label: str) -> ArticleMeta:
    """Parse and validate a sidecar ``.yml``."""
    data, lines = load_yaml(text, label)
    problems = validate("article", data, label, lines)
    wrong = not_real("published", data.get("published")) if isinstance(data, dict) else None
    if wrong:
        problems.append(Problem(label, line_of(lines, ("published",)), wrong))
    if problems:
        raise InputError(problems)
    if "remarks" in data:
        data["remarks"] = tuple(data["remarks"])
    return ArticleMeta(**data)


def build_article(name: str, text: str, meta: ArticleMeta, label: str = "") -> Article:
    """Split the article text into preamble, paragraphs and postscript (blank lines are not paragraphs)."""
    numbered = [(number, nfc(line)) for number, line in enumerate(split_lines(text), start=1) if line.strip()]
    head, tail = meta.preamble_lines, meta.postscript_lines
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
    body = numbered[head : len(numbered) - tail]
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
    )


def load_article(text_path: Path, root: Path) -> Article:
    """Load ``<name>.txt`` and its ``<name>.yml`` sidecar; raise InputError naming the file."""
    name = text_path.stem
    text_label = file_label(text_path, root)
    meta_path = text_path.with_suffix(".yml")
    meta_label = file_label(meta_path, root)
    if not SAFE_NAME.match(name):
        raise InputError(
            [Problem(text_label, None, f"the article name '{name}' is not a safe slug; rename to lower-case letters, digits and hyphens")]
        )
    if not meta_path.is_file():
        raise InputError(
            [Problem(text_label, None, f"no sidecar {meta_label}; add it with title, source_url, publisher, published and language")]
        )
    meta = parse_meta(read_text(meta_path, meta_label), meta_label)
    return build_article(name, read_text(text_path, text_label), meta, text_label)


def load_articles(seeds_dir: Path, root: Path) -> tuple[list[Article], list[Problem]]:
    """Every article in ``seeds_dir``, sorted newest first, and the problems of those that failed."""
    articles, problems = [], []
    for text_path in sorted(seeds_dir.glob("*.txt")):
        try:
            articles.append(load_article(text_path, root))
        except InputError as err:
            problems.extend(err.problems)
    for meta_path in sorted(seeds_dir.glob("*.yml")):
        if not meta_path.with_suffix(".txt").is_file():
            problems.append(Problem(file_label(meta_path, root), None, "sidecar without an article; add the matching .txt or remove it"))
    articles.sort(key=lambda a: (a.meta.published, a.name), reverse=True)
    return articles, problems
