"""Article ingestion: the seed is data, read byte for byte, split by its sidecar."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from conftest import FIXTURE_SEEDS, ROOT, SEED_NAME, SEED_SHA256, SEEDS
from latar.core.articles import PUBLISHER, ArticleMeta, load_article, load_articles, published_lines
from latar.core.pipeline import load_catalog
from latar.core.problems import InputError

META = """\
title: T
source_url: https://www.kabarpesisir.id/a
publisher: P
published: "2021-12-31"
language: id
"""


def test_seed_is_byte_for_byte_the_given_article() -> None:
    assert hashlib.sha256((FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_bytes()).hexdigest() == SEED_SHA256


@pytest.mark.content
def test_the_real_seed_is_byte_for_byte_the_given_article() -> None:
    """Seed text is never rewritten: the published one is still the article as given (the fixture is its copy)."""
    assert hashlib.sha256((SEEDS / f"{SEED_NAME}.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_real_seed_splits_into_preamble_paragraphs_postscript() -> None:
    article = load_article(FIXTURE_SEEDS / f"{SEED_NAME}.txt", ROOT)
    assert article.preamble == ("Penulis",)
    assert len(article.paragraphs) == 29
    assert article.paragraphs[0].startswith("Intisari - Online.com -Presiden Rusia")
    assert article.postscript[0].startswith("Ingin mendapatkan informasi lebih lengkap")
    assert article.meta.published == "2021-12-31"
    assert article.paragraph_lines[0] == 2
    lines = (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_text("utf-8").split("\n")
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


PUBLISHER_META = META + "preamble_lines: 1\npostscript_lines: 1\npublisher_lines:\n  - '^Baca( juga)?:'\n  - '^ADVERTISEMENT$'\n"
LINES = ["Bagikan: Facebook Twitter WhatsApp", "Satu.", "Baca juga: Lain", "ADVERTISEMENT", "Dua.", "Baca: Lagi", "Tiga.", "Promo terakhir"]


def test_publisher_lines_are_blocks_in_place_not_article_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "\n\n".join(LINES).encode(), PUBLISHER_META), tmp_path)
    assert article.paragraphs == ("Satu.", "Dua.", "Tiga.")
    assert [(b.kind, b.text) for b in article.blocks if b.kind == PUBLISHER] == [
        (PUBLISHER, "Baca juga: Lain"),
        (PUBLISHER, "ADVERTISEMENT"),
        (PUBLISHER, "Baca: Lagi"),
    ]
    assert [b.line for b in article.blocks] == [3, 5, 7, 9, 11, 13]
    assert article.paragraph_lines == (3, 9, 13)


def test_nothing_lost_the_published_lines_are_the_seed(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "\n\n".join(LINES).encode(), PUBLISHER_META), tmp_path)
    assert published_lines(article) == LINES
    real = load_article(FIXTURE_SEEDS / f"{SEED_NAME}.txt", ROOT)
    lines = (FIXTURE_SEEDS / f"{SEED_NAME}.txt").read_text("utf-8").split("\n")
    assert published_lines(real) == [line for line in lines if line.strip()]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (META + "publisher_lines:\n  - '^Baca('\n", "a.yml:7: publisher_lines entry '^Baca(' is not a valid regular expression"),
        (META + "publisher_lines:\n  - '.'\n", "a.txt: every line between preamble and postscript matches 'publisher_lines'"),
        (META + "publisher_lines: '^Baca'\n", "a.yml:6: 'publisher_lines' must be"),
        (META + "redirect_from:\n  - Nama Lama\n", "a.yml:7: 'redirect_from[1]' has an invalid value 'Nama Lama'"),
        (META + "rights: ' '\n", "a.yml:6: 'rights' is empty"),
    ],
)
def test_bad_article_keys(tmp_path: Path, meta: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        load_article(write(tmp_path, b"Satu.\nDua.", meta), tmp_path)
    assert expected in str(info.value)


def test_every_sidecar_key_is_documented() -> None:
    schema = json.loads((ROOT / "plugins" / "latar" / "schemas" / "article.schema.json").read_text("utf-8"))
    readme = (ROOT / "README.md").read_text("utf-8")
    for key, spec in schema["properties"].items():
        assert spec.get("description"), f"{key} has no description in the schema"
        assert f"`{key}`" in readme, f"{key} is not in the README"
    assert set(schema["properties"]) == {f.name for f in dataclasses.fields(ArticleMeta)}


def test_a_former_name_claimed_by_two_articles_is_one_problem_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, b"Satu.", META + "redirect_from:\n  - lama\n", name="a")
    write(tmp_path, b"Dua.", META + "redirect_from:\n  - 'lama'  # nama sebelumnya\n", name="b")
    problems = load_catalog(tmp_path, tmp_path, tmp_path / "anotasi").problems
    assert [str(p) for p in problems] == [
        "b.yml:7: redirect_from names 'lama', which already redirects to the article 'a'; keep it in one of them"
    ]
