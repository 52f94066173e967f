"""The real site, twice: a fresh clone of this repository (latar, with its git history) and its hand-written twin.

The twin is what an editor would write without latar: each article as Markdown with the same notes as
Python-Markdown footnotes (``[^id]`` after the phrase latar anchors the note to), the note pages, the notes
index and the timeline, on Material with ``plugins: [search]``. Where each note lands comes from
``latar check --placements``, run as a user runs it; the notes' titles, summaries and dates from their
front matter. Nothing of latar is imported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.generate import git

ROOT = Path(__file__).resolve().parent.parent
LATAR = Path(sys.executable).with_name("latar")
PLACEMENT = re.compile(
    r"^(?P<note>.+?): (?P<article>\S+) paragraph \d+ \((?P<text_file>.+):(?P<line>\d+)\): (?P<context>.*?)"
    r"(?: \(the first of \d+ occurrences\))?$"
)


@dataclass(frozen=True, order=True)
class Landing:
    """One note's marker: after ``phrase`` in line ``line`` (1-based) of ``text_file``."""

    note: str
    text_file: str
    line: int
    end: int
    """Character offset in the line just after the phrase."""


def clone(target: Path) -> Path:
    """A fresh clone of this repository's committed state (with its history) at ``target``; its mkdocs.yml."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    git(target.parent, "clone", "-q", str(ROOT), str(target))
    return target / "mkdocs.yml"


def placements(config: Path) -> list[Landing]:
    """Every marker of every note, from ``latar check --placements`` in the project of ``config``."""
    done = subprocess.run(
        [str(LATAR), "check", "--placements", "--config", str(config)], cwd=config.parent, capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"latar check --placements failed in {config.parent}: {done.stderr.strip()}")
    landings = []
    for row in filter(None, done.stdout.splitlines()):
        if row.startswith("rejected: "):  # a spot an editor kept the note out of (seeds/<name>.placements.yml): no marker
            continue
        match = PLACEMENT.match(row)
        if not match:
            raise SystemExit(f"latar check --placements printed a line the benchmark cannot read: {row!r}")
        line_number = int(match["line"])
        line = (config.parent / match["text_file"]).read_text("utf-8").splitlines()[line_number - 1]
        landings.append(Landing(match["note"], match["text_file"], line_number, _phrase_end(match["context"], line, row)))
    return landings


def _phrase_end(context: str, line: str, row: str) -> int:
    """Offset in ``line`` just after the bracketed phrase of ``context`` (``…before[phrase]after…``)."""
    for opening in (i for i, char in enumerate(context) if char == "["):
        for closing in (i for i, char in enumerate(context) if char == "]" and i > opening):
            before, phrase, after = context[:opening], context[opening + 1 : closing], context[closing + 1 :]
            for b in dict.fromkeys((before, before.removeprefix("…"))):
                for a in dict.fromkeys((after, after.removesuffix("…"))):
                    found = line.find(b + phrase + a)
                    if found >= 0:
                        return found + len(b) + len(phrase)
    raise SystemExit(f"cannot find the phrase of this placement in its line: {row!r}")


def front_matter(path: Path) -> dict:
    """A note's YAML front matter."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}


def latar_options(config: Path) -> dict:
    """The ``plugins.latar`` options of ``config`` (empty when it takes the defaults)."""
    settings = yaml.safe_load(config.read_text("utf-8"))
    return next((p["latar"] for p in settings.get("plugins", []) if isinstance(p, dict) and "latar" in p), None) or {}


def write_twin(config: Path, target: Path) -> Path:
    """Write the hand-written twin of the project of ``config`` at ``target``; its mkdocs.yml."""
    project = config.parent
    settings = yaml.safe_load(config.read_text("utf-8"))
    options = latar_options(config)
    docs = settings.get("docs_dir", "docs")
    notes_dir = options.get("notes_dir", "anotasi")
    seeds_dir = project / options.get("seeds_dir", "seeds")
    if target.exists():
        shutil.rmtree(target)
    (target / "docs" / notes_dir).mkdir(parents=True)
    notes = {}
    for path in sorted((project / docs / notes_dir).glob("*.md")):
        if path.name != "index.md":
            notes[path.stem] = front_matter(path)
            shutil.copyfile(path, target / "docs" / notes_dir / path.name)
    by_line: dict[tuple[str, int], list[Landing]] = {}
    for landing in placements(config):
        by_line.setdefault((landing.text_file, landing.line), []).append(landing)
    articles = []
    for text_file in sorted(seeds_dir.glob("*.txt")):
        meta = yaml.safe_load(text_file.with_suffix(".yml").read_text("utf-8")) or {}
        label = text_file.relative_to(project).as_posix()
        paragraphs, used = [], []
        for number, line in enumerate(text_file.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            marked = line
            for landing in sorted(by_line.get((label, number), []), key=lambda item: -item.end):
                marked = marked[: landing.end] + f"[^{Path(landing.note).stem}]" + marked[landing.end :]
            paragraphs.append(marked)
            used += [Path(landing.note).stem for landing in sorted(by_line.get((label, number), []), key=lambda item: item.end)]
        definitions = [
            f"[^{note}]: **{notes[note].get('title', note)}** — {' '.join(str(notes[note].get('summary', '')).split())} "
            f"[Selengkapnya]({notes_dir}/{note}.md)"
            for note in dict.fromkeys(used)
        ]
        page = f"# {meta.get('title', text_file.stem)}\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n\n".join(definitions) + "\n"
        articles.append((str(meta.get("published", "")), text_file.stem, meta.get("title", text_file.stem), page))
    # latar shows the newest article on the home page and every article at its permanent address: so does the twin.
    (target / "docs" / "artikel").mkdir()
    for _, name, _, page in articles:
        (target / "docs" / "artikel" / f"{name}.md").write_text(page.replace(f"]({notes_dir}/", f"](../{notes_dir}/"), encoding="utf-8")
    listing = ["# Artikel", ""] + [f"- [{title}]({name}.md)" for _, name, title, _ in sorted(articles, reverse=True)]
    (target / "docs" / "artikel" / "index.md").write_text("\n".join(listing) + "\n", encoding="utf-8")
    (target / "docs" / "index.md").write_text(max(articles)[3], encoding="utf-8")
    index = ["# Anotasi", ""] + [
        f"- [{meta.get('title', note)}]({note}.md) — {' '.join(str(meta.get('summary', '')).split())}" for note, meta in notes.items()
    ]
    (target / "docs" / notes_dir / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    dated = sorted((str(meta["date"]), meta.get("title", note), note) for note, meta in notes.items() if meta.get("date"))
    timeline = ["# Linimasa", ""] + [f"1. {date} [{title}]({notes_dir}/{note}.md)" for date, title, note in dated]
    (target / "docs" / "linimasa.md").write_text("\n".join(timeline) + "\n", encoding="utf-8")
    settings["plugins"] = [p for p in settings.get("plugins", []) if p != "latar" and not (isinstance(p, dict) and "latar" in p)]
    settings["docs_dir"] = "docs"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target / "mkdocs.yml"


def real_site_dirs(root: Path) -> dict[str, Path]:
    """The real site under ``root``: ``latar`` (a fresh clone) and ``hand`` (its twin); their mkdocs.yml paths."""
    latar = clone(root / "latar")
    return {"hand": write_twin(latar, root / "hand"), "latar": latar}
