"""``latar article new``: a sidecar from the text, inferring what it can and asking nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import MKDOCS_YML, ROOT
from latar.cli.articles import draft_sidecar
from latar.cli.project import latar_command
from latar.core.articles import PUBLISHER, build_article, parse_meta
from latar.core.layout import infer_layout

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
        "publisher_lines": ["^Baca( juga)?\\s*:", "^ADVERTISEMENT$"],
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


def test_insertions_in_any_capitalisation_are_one_expression_matched_ignoring_case() -> None:
    lines = [
        "JAKARTA - Satu kalimat pembuka yang cukup panjang untuk teks.",
        "BACA JUGA: Judul lain",
        "Kalimat kedua.",
        "Baca Juga:Judul ketiga",
        "Kalimat ketiga.",
    ]
    layout = infer_layout(lines)
    assert layout.publisher_lines == [("^Baca( juga)?\\s*:", [1, 3], "a 'Baca juga:' link")]
    meta = parse_meta(
        "title: T\nsource_url: https://www.kabarpesisir.id/a\npublisher: P\npublished: '2022-01-09'\nlanguage: id\n"
        "publisher_lines: ['^Baca( juga)?\\s*:']\n",
        "a.yml",
    )
    article = build_article("a", "\n".join(lines), meta, "a.txt")
    assert [b.text for b in article.blocks if b.kind == PUBLISHER] == ["BACA JUGA: Judul lain", "Baca Juga:Judul ketiga"]


def test_a_photo_caption_between_paragraphs_is_the_publishers() -> None:
    """Synthetic supplement: no stored page had one whole; the caption is a real one (CNN Indonesia, ANTARA FOTO)."""
    caption = (
        "Harga jual emas Antam naik Rp2.000 menjadi Rp1,037 juta per gram pada Selasa (24/1) pagi. Ilustrasi. (ANTARA FOTO/GALIH PRADIPTA)."
    )
    lines = [
        "Jakarta, CNN Indonesia --",
        "Harga jual emas PT Aneka Tambang (Persero) Tbk atau Antam berada di posisi Rp1,037 juta per gram pada Selasa (24/1) pagi.",
        caption,
        "Kemudian, harga emas berukuran 100 gram senilai Rp97,912 juta, 250 gram Rp244,515 juta, dan 1 kilogram Rp977,6 juta.",
        "(mrh/dzu)",
    ]
    layout = infer_layout(lines)
    assert layout.dateline == "Jakarta, CNN Indonesia --" and layout.tail == 1
    ((pattern, hits, why),) = layout.publisher_lines
    assert hits == [2] and why == "a photo caption"
    meta = parse_meta(
        yaml.safe_dump(
            {
                "title": "T",
                "source_url": "https://www.cnnindonesia.com/x",
                "publisher": "P",
                "published": "2023-01-24",
                "language": "id",
                "postscript_lines": 1,
                "publisher_lines": [pattern],
                "dateline": layout.dateline,
            }
        ),
        "a.yml",
    )
    article = build_article("a", "\n".join(lines), meta, "a.txt")
    assert [b.text for b in article.blocks if b.kind == PUBLISHER] == [caption] and caption not in article.paragraphs


def test_a_paragraph_that_merely_starts_like_a_dateline_is_not_one() -> None:
    """A bare 'Word -' is a dateline only below label lines; a sentence above it means the text started already."""
    lines = [
        "Presiden menyampaikan pidato panjang di depan parlemen pada Senin pagi tentang anggaran negara.",
        "Rusia - yang disebut dalam pidato itu - tidak hadir dalam sidang yang berlangsung lima jam.",
    ]
    layout = infer_layout(lines)
    assert (layout.head, layout.dateline) == (0, None)


def test_an_empty_text_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "kosong-2022-01-09.txt").write_text("\n  \n", encoding="utf-8")
    result = run(tmp_path, "seeds/kosong-2022-01-09.txt")
    assert result.returncode == 2 and "is empty; paste the article's text into it" in result.stderr
    assert not (tmp_path / "seeds" / "kosong-2022-01-09.yml").exists()


def test_the_hint_names_a_latar_that_a_fresh_shell_finds() -> None:
    """README and the scaffold's hint: 'latar check' is not on the PATH after 'make serve'; the hint says what is."""
    command = latar_command(ROOT)
    fresh = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    result = subprocess.run(f"{command} --help", shell=True, cwd=ROOT, env=fresh, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (command, result.stderr)
