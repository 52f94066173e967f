"""``latar article new``: a sidecar from the text, inferring what it can and asking nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import MKDOCS_YML
from latar.cli.articles import draft_sidecar
from latar.core.articles import PUBLISHER, build_article, parse_meta

TEXT = """\
Penulis: Ni Luh Ayu
Bagikan: Facebook Twitter WhatsApp

SANUR, KABARPESISIR.id - Festival layang-layang tahunan kembali digelar di Pantai Sanur dan ribuan warga datang untuk melihatnya.

Baca juga: Hujan Deras, Festival Sempat Ditunda

Panitia menyebut festival ini yang terbesar dalam sepuluh tahun, dengan peserta dari tiga provinsi.

ADVERTISEMENT

Hadiah dibagikan pada sore hari di depan panggung utama.

Dapatkan berita pilihan setiap pagi: ikuti saluran WhatsApp Kabar Pesisir.
"""
NAME = "kabarpesisir-2022-01-09-festival"


def test_draft_infers_structure_and_leaves_what_only_a_person_knows() -> None:
    draft = draft_sidecar(NAME, TEXT)
    data = yaml.safe_load(draft.yaml)
    assert data == {
        "title": "",
        "source_url": "",
        "publisher": "",
        "published": "2022-01-09",
        "language": "id",
        "author": "Ni Luh Ayu",
        "preamble_lines": 2,
        "postscript_lines": 1,
        "publisher_lines": ["^Baca( juga)?:", "^ADVERTISEMENT$"],
        "dateline": "SANUR, KABARPESISIR.id -",
    }
    assert draft.missing == ["title", "source_url", "publisher"]
    assert [number for number, _ in draft.first] == [1, 2, 4] and draft.last[-1][0] == 14
    filled = {**data, "title": "Festival", "source_url": "https://www.kabarpesisir.id/festival", "publisher": "Kabar Pesisir"}
    article = build_article(NAME, TEXT, parse_meta(yaml.safe_dump(filled, allow_unicode=True), "a.yml"), "a.txt")
    assert [b.text for b in article.blocks if b.kind == PUBLISHER] == ["Baca juga: Hujan Deras, Festival Sempat Ditunda", "ADVERTISEMENT"]
    assert len(article.paragraphs) == 3 and article.postscript[0].startswith("Dapatkan")


def test_a_plain_text_gets_no_invented_structure() -> None:
    data = yaml.safe_load(draft_sidecar("artikel-tanpa-tanggal", "Satu kalimat yang cukup.\nDan kalimat kedua di sini.\n").yaml)
    assert data["published"] == "" and "preamble_lines" not in data and "postscript_lines" not in data and "dateline" not in data
    assert yaml.safe_load(draft_sidecar("x-2022-02-30-y", "teks").yaml)["published"] == ""  # not a real date


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "latar.cli", "article", "new", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_command_writes_the_sidecar_shows_first_and_last_lines_and_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")  # latar runs inside a project
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / f"{NAME}.txt").write_text(TEXT, encoding="utf-8")
    result = run(tmp_path, f"seeds/{NAME}.txt")
    assert result.returncode == 0, result.stderr
    assert "Penulis: Ni Luh Ayu" in result.stdout and "ikuti saluran WhatsApp" in result.stdout
    assert "fill in title, source_url, publisher" in result.stdout
    assert yaml.safe_load((tmp_path / "seeds" / f"{NAME}.yml").read_text("utf-8"))["preamble_lines"] == 2
    again = run(tmp_path, f"seeds/{NAME}.txt")
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr
    (tmp_path / "seeds" / "Nama Salah.txt").write_text(TEXT, encoding="utf-8")
    bad = run(tmp_path, "seeds/Nama Salah.txt")
    assert bad.returncode == 2 and "'nama-salah.txt'" in bad.stderr
    missing = run(tmp_path, "seeds/tidak-ada.txt")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
