"""Deterministic synthetic sites: N articles × M notes, Indonesian-like text, built two ways.

(a) ``hand``: the same articles as Markdown with the same notes written by hand as Python-Markdown
footnotes, plus the same note pages, on Material. (b) ``latar``: seeds + notes, ``plugins: [search, latar]``,
in a git repository of its own with a history of edits (see :func:`commit_history`).
"""

from __future__ import annotations

import datetime
import math
import os
import random
import shutil
import subprocess
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
HISTORY_COMMITS = 60
"""Commits in a synthetic site's history (the real site had 140 in December 2026)."""
FILLER = 40
"""Words of generic text per paragraph, around its mentions."""
MAX_ARTICLE_BYTES = 448 * 1024
"""An article's text stays under latar's 512 KiB file limit (fewer filler words when 10,000 notes land in one)."""
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
        review = {"claim": note_name(index), "verdict": "accurate"} if KINDS[index % len(KINDS)] == "clarification" else {}
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
                **review,  # a clarification reviews the article's words: the phrase it is anchored on
            }
        )
    articles, mentions = [], []
    for article in range(shape.articles):
        chosen = [(article * shape.mentions + k) % shape.notes for k in range(shape.mentions)]
        paragraphs_count = max(5, math.ceil(len(chosen) / 3))
        per_paragraph: list[list[int]] = [[] for _ in range(paragraphs_count)]
        for position, note in enumerate(chosen):
            per_paragraph[position % paragraphs_count].append(note)
        filler = min(FILLER, (MAX_ARTICLE_BYTES - 20 * len(chosen)) // (8 * paragraphs_count))  # 1 × 10,000: under the limit
        paragraphs = []
        for names in per_paragraph:
            words = [_word(rng) for _ in range(filler)]
            for note in names:
                words.insert(rng.randrange(1, len(words)), note_name(note))
            text = " ".join(words)  # not str.capitalize(): it would lowercase the names, and a clarification's claim is verbatim
            paragraphs.append(text[0].upper() + text[1:] + ".")
        articles.append(paragraphs)
        mentions.append([sorted(names) for names in per_paragraph])
    return articles, mentions, notes


def _body(rng: random.Random) -> str:
    """Four paragraphs of four 12-word sentences: 192 words, inside the validator's 150–400."""
    return "\n\n".join(" ".join(_sentence(rng, 12) for _ in range(4)) for _ in range(4)) + "\n"


def site_files(shape: Shape) -> dict[str, dict[str, str]]:
    """Both variants' files (path relative to the site → text), by variant name (``hand``, ``latar``)."""
    articles, mentions, notes = build_content(shape)
    rng = random.Random(shape.seed + 1)
    bodies = [_body(rng) for _ in notes]
    sites: dict[str, dict[str, str]] = {"hand": {}, "latar": {}}
    for variant, files in sites.items():
        for index, (front, body) in enumerate(zip(notes, bodies, strict=True)):
            meta = front if variant == "latar" else {"title": front["title"]}
            files[f"docs/anotasi/n{index:05d}.md"] = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body
        config = dict(BASE_CONFIG)
        config["nav"] = ["index.md"]
        if variant == "latar":
            config["plugins"] = ["search", "latar"]
            for number, paragraphs in enumerate(articles):
                files[f"seeds/a{number:04d}.txt"] = "\n".join(paragraphs)
                files[f"seeds/a{number:04d}.yml"] = yaml.safe_dump(article_meta(number))
            files[".gitignore"] = ".cache/\nsite/\n"
        else:
            config["plugins"] = ["search"]
            index = ["# Anotasi", ""] + [f"- [{n['title']}](n{i:05d}.md) — {n['summary']}" for i, n in enumerate(notes)]
            files["docs/anotasi/index.md"] = "\n".join(index) + "\n"
            for number, paragraphs in enumerate(articles):
                files[f"docs/artikel/a{number:04d}.md"] = hand_written(number, paragraphs, mentions[number], notes)
            # latar shows its newest article on the home page as well: so does the hand-written twin.
            newest = len(articles) - 1
            files["docs/index.md"] = hand_written(newest, articles[newest], mentions[newest], notes).replace("](../anotasi/", "](anotasi/")
        files["mkdocs.yml"] = yaml.safe_dump(config, sort_keys=False)
    return sites


def article_meta(number: int) -> dict[str, str]:
    """An article's sidecar."""
    return {
        "title": f"Artikel {number}",
        "source_url": f"https://www.kabarpesisir.id/a/{number}",
        "publisher": "Contoh",
        "published": "2021-12-31",
        "language": "id",
    }


def write_sites(shape: Shape, root: Path) -> dict[str, Path]:
    """Write both variants under ``root``; return their mkdocs.yml paths.

    (b) ``latar`` is a git repository of its own whose history built the files (:func:`commit_history`),
    so latar's dates come from git as on a real site; (a) ``hand`` does not read git and is plain files.
    """
    if root.exists():
        shutil.rmtree(root)
    sites = site_files(shape)
    for path, text in sites["hand"].items():
        target = root / "hand" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    commit_history(root / "latar", sites["latar"], shape)
    return {variant: root / variant / "mkdocs.yml" for variant in sites}


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> str:
    """Run one git command in ``cwd`` (no user or system configuration); its output, or SystemExit with git's message."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"}
    done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} in {cwd} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode()


def commit_history(site: Path, files: dict[str, str], shape: Shape, commits: int = HISTORY_COMMITS) -> None:
    """Make ``site`` a git repository whose ``commits`` commits, over nine months, end in ``files``.

    The first commit holds the configuration and half of the articles and notes; each later one adds its
    share of the rest, edits a few notes already there (an earlier version lacked the last sentence) and,
    every sixth commit, an article's sidecar (its title was a draft). Dates and choices are deterministic
    (author and committer dates written into the history, as ``GIT_AUTHOR_DATE``/``GIT_COMMITTER_DATE`` would),
    and the work tree is checked out from the last commit, so ``git status`` is clean.
    """
    rng = random.Random(shape.seed + 2)
    later = commits - 1
    notes = sorted(p for p in files if p.startswith("docs/anotasi/"))
    seeds = sorted({p.rsplit(".", 1)[0] for p in files if p.startswith("seeds/")})
    created: dict[int, list[str]] = {c: [] for c in range(commits)}
    created[0] = [p for p in files if not p.startswith(("docs/anotasi/", "seeds/"))]
    for group in (notes, [f"{s}.{ext}" for s in seeds for ext in ("txt", "yml")]):
        first = math.ceil(len(group) / 2) if len(group) > 1 else len(group)
        created[0] += group[:first]
        rest = group[first:]
        for index, path in enumerate(rest):
            created[1 + index * later // max(1, len(rest))].append(path)
    edits: dict[int, list[str]] = {c: [] for c in range(commits)}
    edit_counts: dict[str, int] = dict.fromkeys(files, 0)
    existing: list[str] = list(created[0])
    present = set(existing)
    per_commit = max(1, len(notes) // 100)
    for commit in range(1, commits):
        candidates = [p for p in existing if p.startswith("docs/anotasi/") and edit_counts[p] < 3]
        for path in rng.sample(candidates, min(per_commit, len(candidates))):
            edits[commit].append(path)
            edit_counts[path] += 1
        sidecars = [f"{name}.yml" for name in seeds if f"{name}.yml" in present]
        if commit % 6 == 0 and sidecars:
            path = rng.choice(sidecars)
            edits[commit].append(path)
            edit_counts[path] += 1
        existing += created[commit]
        present.update(created[commit])
    start = datetime.datetime(2022, 1, 3, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    version = dict.fromkeys(files, 0)  # edits already applied to each file, in commit order
    stream = bytearray()
    for commit in range(commits):
        when = start + datetime.timedelta(days=270 * commit / max(1, later), minutes=rng.randrange(0, 600))
        stamp = f"{int(when.timestamp())} +0700"
        message = b"Initial site" if commit == 0 else f"Notes and articles, round {commit}".encode()
        stream += f"commit refs/heads/main\nmark :{commit + 1}\n".encode()
        stream += f"author Redaksi <redaksi@example.org> {stamp}\ncommitter Redaksi <redaksi@example.org> {stamp}\n".encode()
        stream += f"data {len(message)}\n".encode() + message + b"\n"
        if commit:
            stream += f"from :{commit}\n".encode()
        for path in sorted(created[commit] + edits[commit]):
            if path in edits[commit]:
                version[path] += 1
            data = _version(path, files[path], edit_counts[path] - version[path]).encode()
            stream += f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"
    site.mkdir(parents=True)
    git(site, "init", "-q", "-b", "main")
    git(site, "fast-import", "--quiet", stdin=bytes(stream))
    git(site, "reset", "-q", "--hard", "main")


def _version(path: str, text: str, edits_to_come: int) -> str:
    """``text`` as it was before its last ``edits_to_come`` edits."""
    if edits_to_come <= 0:
        return text
    if path.endswith(".yml"):
        return text.replace("title: Artikel", "title: (draf) Artikel", 1)
    head, _, last = text.rstrip("\n").rpartition("\n")
    sentences = last.split(". ")
    return head + "\n" + ". ".join(sentences[: max(1, len(sentences) - edits_to_come)]).rstrip(".") + ".\n"


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
