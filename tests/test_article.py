"""Article ingestion: the seed is data, read byte for byte, split by its sidecar."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import ROOT, SEED_NAME, SEED_SHA256, SEEDS
from latar.article import load_article, load_articles
from latar.problems import InputError

META = """\
title: T
source_url: https://example.org/a
publisher: P
published: "2021-12-31"
language: id
"""


def test_seed_is_byte_for_byte_the_given_article() -> None:
    assert hashlib.sha256((SEEDS / f"{SEED_NAME}.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_real_seed_splits_into_preamble_paragraphs_postscript() -> None:
    article = load_article(SEEDS / f"{SEED_NAME}.txt", ROOT)
    assert article.preamble == ("Penulis",)
    assert len(article.paragraphs) == 29
    assert article.paragraphs[0].startswith("Intisari - Online.com -Presiden Rusia")
    assert article.postscript[0].startswith("Ingin mendapatkan informasi lebih lengkap")
    assert article.meta.published == "2021-12-31"
    assert article.paragraph_lines[0] == 2
    lines = (SEEDS / f"{SEED_NAME}.txt").read_text("utf-8").split("\n")
    assert list(article.paragraphs) == lines[1:30]


def write(tmp_path: Path, text: bytes, meta: str, name: str = "a") -> Path:
    (tmp_path / f"{name}.txt").write_bytes(text)
    (tmp_path / f"{name}.yml").write_text(meta, encoding="utf-8")
    return tmp_path / f"{name}.txt"


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_line_endings(tmp_path: Path, newline: bytes) -> None:
    article = load_article(write(tmp_path, newline.join([b"satu", b"", b"dua"]), META), tmp_path)
    assert article.paragraphs == ("satu", "dua")


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "Kre\u0301mlin".encode(), META), tmp_path)
    assert article.paragraphs == ("Krémlin",)


@pytest.mark.parametrize(
    ("text", "meta", "expected"),
    [
        (b"\xff\xfe teks", META, "a.txt:1: the file is not UTF-8"),
        (b"a\x00b", META, "a.txt: the file is binary"),
        (b"teks", META.replace("publisher: P\n", ""), "a.yml:1: missing required field 'publisher'"),
        (b"teks", META.replace('"2021-12-31"', "kemarin"), "a.yml:4: 'published' must be an ISO date"),
        (b"teks", META + "dateline: 'Jakarta -'\n", "a.txt:1: the first paragraph does not start with the dateline"),
        (b"teks", META + "preamble_lines: 1\n", "leave no article text"),
        (b"teks", META + "extra: 1\n", "unknown field 'extra'"),
    ],
)
def test_bad_articles(tmp_path: Path, text: bytes, meta: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        load_article(write(tmp_path, text, meta), tmp_path)
    assert expected in str(info.value)


def test_missing_sidecar_and_orphan_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("teks", encoding="utf-8")
    (tmp_path / "b.yml").write_text(META, encoding="utf-8")
    articles, problems = load_articles(tmp_path, tmp_path)
    assert articles == []
    assert [p.path for p in problems] == ["a.txt", "b.yml"]
