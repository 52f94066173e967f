"""Deterministic synthetic sites: N articles × M notes, Indonesian-like text, built two ways.

(a) ``hand``: the same articles as Markdown with the same notes written by hand as Python-Markdown
footnotes, plus the same note pages, on Material. (b) ``latar``: seeds + notes, ``plugins: [search, latar]``.
"""

from __future__ import annotations

import math
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

SYLLABLES = [
    "ba",
    "ka",
    "la",
    "ma",
    "na",
    "pa",
    "ra",
    "sa",
    "ta",
    "da",
    "ga",
    "ja",
    "ri",
    "lu",
    "mu",
    "se",
    "te",
    "ko",
    "no",
    "ngan",
    "kan",
    "tan",
]
FUNCTION_WORDS = [
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "itu",
    "ini",
    "akan",
    "tidak",
    "telah",
    "juga",
    "oleh",
    "dalam",
    "bahwa",
]
NAME_SYLLABLES = ["jo", "wo", "yu", "he", "ho", "fa", "fi", "vo", "zu", "xi"]
KINDS = ["background", "person", "organization", "place", "event", "clarification"]
BASE_CONFIG = {
    "site_name": "bench",
    "site_url": "https://example.org/",
    "theme": {"name": "material", "language": "id", "font": False, "features": ["content.footnote.tooltips"]},
    "markdown_extensions": ["footnotes"],
    "validation": {"nav": {"omitted_files": "info"}},
}


@dataclass(frozen=True)
class Shape:
    """A synthetic site's size."""

    articles: int
    notes: int
    paragraphs_per_mentions: int = 10
    seed: int = 2021

    @property
    def mentions(self) -> int:
        """Notes each article mentions: enough for every note to be anchored somewhere."""
        return max(min(30, self.notes), math.ceil(self.notes / self.articles))


def note_name(index: int) -> str:
    """A unique proper noun that never occurs in the generic text."""
    return "Sri" + "".join(NAME_SYLLABLES[int(d)] for d in str(index))


def _word(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(FUNCTION_WORDS)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(_word(rng) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def build_content(shape: Shape) -> tuple[list[list[str]], list[list[int]], list[dict]]:
    """Paragraphs per article, note mentions per paragraph, and the notes' front matter."""
    rng = random.Random(shape.seed)
    notes = []
    for index in range(shape.notes):
        notes.append(
            {
                "title": f"Catatan {note_name(index)}",
                "kind": KINDS[index % len(KINDS)],
                "summary": _sentence(rng, 24),
                "anchors": [{"text": note_name(index)}],
                "sources": [
                    {
                        "title": "Sumber pertama",
                        "url": f"https://www.antaranews.com/berita/{index}",
                        "publisher": "Antara",
                        "date": "2021-12-30",
                    },
                    {"title": "Sumber kedua", "url": f"https://press.un.org/en/{index}", "publisher": "PBB", "date": "2022-01-05"},
                ],
            }
        )
    articles, mentions = [], []
    for article in range(shape.articles):
        chosen = [(article * shape.mentions + k) % shape.notes for k in range(shape.mentions)]
        paragraphs_count = max(5, math.ceil(len(chosen) / 3))
        per_paragraph: list[list[int]] = [[] for _ in range(paragraphs_count)]
        for position, note in enumerate(chosen):
            per_paragraph[position % paragraphs_count].append(note)
        paragraphs = []
        for names in per_paragraph:
            words = [_word(rng) for _ in range(40)]
            for note in names:
                words.insert(rng.randrange(1, len(words)), note_name(note))
            paragraphs.append(" ".join(words).capitalize() + ".")
        articles.append(paragraphs)
        mentions.append([sorted(names) for names in per_paragraph])
    return articles, mentions, notes


def _body(rng: random.Random) -> str:
    """Four paragraphs of four 12-word sentences: 192 words, inside the validator's 150–400."""
    return "\n\n".join(" ".join(_sentence(rng, 12) for _ in range(4)) for _ in range(4)) + "\n"


def write_sites(shape: Shape, root: Path) -> dict[str, Path]:
    """Write both variants under ``root``; return their mkdocs.yml paths."""
    if root.exists():
        shutil.rmtree(root)
    articles, mentions, notes = build_content(shape)
    rng = random.Random(shape.seed + 1)
    bodies = [_body(rng) for _ in notes]
    paths = {}
    for variant in ("hand", "latar"):
        site = root / variant
        (site / "docs" / "anotasi").mkdir(parents=True)
        (site / "seeds").mkdir()
        for index, (front, body) in enumerate(zip(notes, bodies, strict=True)):
            meta = front if variant == "latar" else {"title": front["title"]}
            text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body
            (site / "docs" / "anotasi" / f"n{index:05d}.md").write_text(text, encoding="utf-8")
        config = dict(BASE_CONFIG)
        if variant == "latar":
            config["plugins"] = ["search", "latar"]
            config["nav"] = ["index.md"]
            for number, paragraphs in enumerate(articles):
                (site / "seeds" / f"a{number:04d}.txt").write_text("\n".join(paragraphs), encoding="utf-8")
                meta = {
                    "title": f"Artikel {number}",
                    "source_url": f"https://www.kabarpesisir.id/a/{number}",
                    "publisher": "Contoh",
                    "published": "2021-12-31",
                    "language": "id",
                }
                (site / "seeds" / f"a{number:04d}.yml").write_text(yaml.safe_dump(meta), encoding="utf-8")
        else:
            config["plugins"] = ["search"]
            config["nav"] = ["index.md"]
            index = ["# Anotasi", ""] + [f"- [{n['title']}](n{i:05d}.md) — {n['summary']}" for i, n in enumerate(notes)]
            (site / "docs" / "anotasi" / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
            (site / "docs" / "artikel").mkdir()
            for number, paragraphs in enumerate(articles):
                (site / "docs" / "artikel" / f"a{number:04d}.md").write_text(
                    hand_written(number, paragraphs, mentions[number], notes), encoding="utf-8"
                )
            # latar shows its newest article on the home page as well: so does the hand-written twin.
            newest = len(articles) - 1
            home = hand_written(newest, articles[newest], mentions[newest], notes).replace("](../anotasi/", "](anotasi/")
            (site / "docs" / "index.md").write_text(home, encoding="utf-8")
        (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        paths[variant] = site / "mkdocs.yml"
    return paths


def hand_written(number: int, paragraphs: list[str], mentions: list[list[int]], notes: list[dict]) -> str:
    """The article as Markdown with hand-written Python-Markdown footnotes (what latar replaces)."""
    lines = [f"# Artikel {number}", ""]
    used: list[int] = []
    for paragraph, names in zip(paragraphs, mentions, strict=True):
        marked = paragraph
        for note in names:
            name = note_name(note)
            marked = marked.replace(name, f"{name}[^n{note}]", 1)
            used.append(note)
        lines += [marked, ""]
    for note in used:
        front = notes[note]
        lines.append(f"[^n{note}]: **{front['title']}**: {front['summary']} [Selengkapnya](../anotasi/n{note:05d}.md)")
    return "\n".join(lines) + "\n"
