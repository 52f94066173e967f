"""latar's search index (issue #24): what the writer puts in which file, how it scores, and the browser's stemmer
kept equal to the build's (node runs ``assets/search/stem.js`` over every word of the seeds and notes)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from latar.outputs.searchindex import FOLDER, PAGE_CHUNK, SearchPage, postings, shard_of, write_index
from latar.outputs.searchterms import keys, stem, tokenize

STEM_JS = ROOT / "plugins" / "latar" / "assets" / "search" / "stem.js"
RUN_STEM_JS = f"""
import {{ stem, keys, tokenize }} from {json.dumps(STEM_JS.as_uri())};
import {{ readFileSync }} from "node:fs";
const input = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({{
  words: input.words.map((word) => [stem(word), keys(word)]),
  tokens: input.texts.map(tokenize),
}}));
"""


def words_of_the_project() -> tuple[list[str], list[str]]:
    """Every text of the seeds and notes, and every word in them (with a few forms the texts may lack)."""
    texts = [path.read_text("utf-8") for path in sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "docs").rglob("*.md")])]
    words = {token for text in texts for token in tokenize(text)}
    words |= {"bertemu", "memperluas", "mempelajari", "belajar", "bekerja", "memukul", "pemukul", "menyanyi", "penyanyi", "kekuatanmu"}
    return texts, sorted(words)


@pytest.mark.tools
@pytest.mark.content
def test_the_browser_stems_every_word_as_the_build_does() -> None:
    node = shutil.which("node")
    assert node, "node is needed to run assets/search/stem.js (it is on every developer's machine and CI)"
    texts, words = words_of_the_project()
    assert len(words) > 1000
    run = subprocess.run(
        [node, "--input-type=module", "-e", RUN_STEM_JS],
        input=json.dumps({"words": words, "texts": texts}),
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(run.stdout)
    differ = [(word, js) for word, js in zip(words, out["words"], strict=True) if js != [stem(word), list(keys(word))]]
    assert differ == []
    assert out["tokens"] == [tokenize(text) for text in texts]


@pytest.mark.parametrize(
    ("query", "forms"),
    [
        ("menyerang", ("serangan", "diserang", "penyerangan", "menyerangnya")),
        ("pengerahan", ("mengerahkan", "dikerahkan")),
        ("perundingan", ("runding", "berunding", "merundingkan")),
        ("penarikan", ("menarik", "ditarik", "tarik")),
        ("pertemuan", ("bertemu", "menemui", "ditemui")),
        ("perluasan", ("memperluas", "diperluas", "meluas")),
        ("pernyataan", ("menyatakan", "dinyatakan")),
        ("penolakan", ("tolak", "menolak", "ditolak")),
    ],
)
def test_a_word_shares_a_key_with_its_other_forms(query: str, forms: tuple[str, ...]) -> None:
    for form in forms:
        assert set(keys(query)) & set(keys(form)), (query, form, keys(query), keys(form))


def test_tokens_are_nfkc_lowercase_letters_and_digits() -> None:
    assert tokenize("NATO-lah, ﬁnal 2014!  Ｐutin’s") == ["nato", "lah", "final", "2014", "putin", "s"]


def decode(flat: list[int]) -> list[tuple[int, int, int]]:
    """``[page delta, part, score, …]`` → (page, part, score)."""
    page, out = 0, []
    for i in range(0, len(flat), 3):
        page += flat[i]
        out.append((page, flat[i + 1], flat[i + 2]))
    return out


PAGES = [
    SearchPage(
        "artikel/a/", "Berita hari ini", "Artikel", paragraphs=("Pasukan menyerang kota.", "Warga mengungsi."), anchor="x-p-", name="a"
    ),
    SearchPage("anotasi/serangan/", "Serangan ke kota", "Peristiwa", "Ringkasan.", "Isi catatan tentang hal lain."),
    SearchPage("anotasi/lain/", "Hal lain", "Tempat", "Ringkasan lain.", "Pernah diserang sekali, " + "kata lain " * 40),
]


def test_postings_score_a_title_above_a_mention_and_name_each_paragraph() -> None:
    found = {key: decode(flat) for key, flat in postings(PAGES).items()}
    serang = {(page, part): score for page, part, score in found["serang"]}
    assert set(serang) == {(0, 1), (1, 0), (2, 0)}  # the article's first paragraph; each note as a whole
    assert serang[1, 0] > serang[2, 0]  # in the title (and short) above a mention in a long body
    assert {(page, part) for page, part, _ in found["ungsi"]} == {(0, 2)}
    assert all(score >= 1 for entries in found.values() for *_, score in entries)


def test_write_index_shards_by_key_and_names_the_build(tmp_path: Path) -> None:
    pages = [
        *PAGES,
        *(
            SearchPage(f"anotasi/n{i}/", f"Catatan {i}", "Tempat", body=" ".join(f"kata{i}x{j}" for j in range(30)))
            for i in range(PAGE_CHUNK + 3)
        ),
    ]
    report = write_index(tmp_path, pages)
    manifest = json.loads((tmp_path / FOLDER / "index.json").read_text("utf-8"))
    data = tmp_path / FOLDER / manifest["build"]
    assert manifest == {"build": manifest["build"], "shards": manifest["shards"], "chunk": PAGE_CHUNK, "pages": len(pages)}
    assert manifest["shards"] > 1 and report.pages == len(pages)
    for k in range(manifest["shards"]):
        shard = json.loads((data / f"t{k}.json").read_text("utf-8"))
        assert all(shard_of(key, manifest["shards"]) == k for key in shard)
    assert json.loads((data / "p0.json").read_text("utf-8"))[0] == ["artikel/a/", "Berita hari ini", "Artikel", "x-p-", "a"]
    assert json.loads((data / "p1.json").read_text("utf-8"))[-1][0] == f"anotasi/n{PAGE_CHUNK + 2}/"
    assert json.loads((data / "x0.json").read_text("utf-8")) == {"p": ["Pasukan menyerang kota.", "Warga mengungsi."]}
    assert json.loads((data / "x1.json").read_text("utf-8")) == {"s": "Ringkasan.", "b": "Isi catatan tentang hal lain."}
    before = manifest["build"]
    write_index(tmp_path, pages[:-1])  # another site: another folder, the old one gone
    after = json.loads((tmp_path / FOLDER / "index.json").read_text("utf-8"))["build"]
    assert after != before and not (tmp_path / FOLDER / before).exists()


def test_shard_of_is_fnv1a() -> None:
    assert shard_of("", 1 << 32) == 0x811C9DC5
    assert shard_of("a", 1 << 32) == 0xE40C292C  # the published FNV-1a test vector
