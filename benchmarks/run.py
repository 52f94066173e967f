"""``make bench``: latar against hand-written footnotes, on the real site and on synthetic sites.

Each build runs in its own process: wall time and peak memory (ru_maxrss) of that process, median of
``--runs`` runs; latar's own time is the sum of its hooks inside the build.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.generate import Shape, build_content, note_name, write_sites
from benchmarks.plot import line_chart

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
RESULTS = ROOT / "benchmarks" / "results"


def compile_bytecode() -> None:
    """Compile latar's modules as ``pip install`` does for MkDocs and Material.

    An editable install never compiles them, and with ``PYTHONDONTWRITEBYTECODE`` set (as on this
    machine) every build would compile latar from source (~20 ms) while the other packages load
    their bytecode: a cost real installs do not have.
    """
    compileall.compile_dir(ROOT / "plugins" / "latar", quiet=1)
    compileall.compile_dir(ROOT / "benchmarks", quiet=1, maxlevels=0)


def build(config: Path, runs: int, latar: bool) -> dict:
    """Median wall time, peak memory, latar's time and search-indexing time of ``runs`` builds of ``config``."""
    walls, peaks, inner, hooks_runs, searches, indexing = [], [], [], [], [], []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    for _ in range(runs):
        site = WORK / "site"
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.build_once", str(config), str(site), *(["--latar"] if latar else [])],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            raise SystemExit(f"build of {config} failed")
        peaks.append(usage.ru_maxrss / 1024)
        data = json.loads(output)
        inner.append(data["build"])
        hooks_runs.append(data["hooks"])
        searches.append(data["search"] + data.get("pagefind", 0.0))
        indexing.append(data.get("pagefind", 0.0))
    hooks = {name: statistics.median(run.get(name, 0.0) for run in hooks_runs) for name in hooks_runs[0]} if hooks_runs[0] else {}
    pagefind = statistics.median(indexing)
    if "on_post_build" in hooks:  # Pagefind runs inside on_post_build: search indexing, not latar's own time
        hooks["on_post_build"] = max(0.0, hooks["on_post_build"] - pagefind)
    return {
        "wall": statistics.median(walls),
        "build": statistics.median(inner),
        "peak_mib": statistics.median(peaks),
        "pagefind": pagefind,
        "latar": sum(hooks.values()),
        "hooks": hooks,
        "search": statistics.median(searches),
        "runs": runs,
    }


def compare(name: str, configs: dict[str, Path], runs: int) -> dict:
    """Build (a) hand-written and (b) latar; ratio b/a and latar's share of (b)."""
    hand, latar = build(configs["hand"], runs, latar=False), build(configs["latar"], runs, latar=True)
    row = {
        "name": name,
        "hand": hand,
        "latar": latar,
        "ratio": latar["wall"] / hand["wall"],
        "share": latar["latar"] / latar["build"],
    }
    print(
        f"{name:<28} hand {hand['wall']:7.2f} s  latar {latar['wall']:7.2f} s  b/a {row['ratio']:.3f}  latar share {row['share']:.1%}  peak {latar['peak_mib']:.0f} MiB",
        flush=True,
    )
    return row


def real_site(runs: int) -> dict:
    """The real site: latar vs the same article with the same notes written by hand.

    A build takes 0.4 s, so run-to-run noise is a large share of it: three times the runs.
    """
    return compare("real site", real_site_dirs(), runs * 3)


def real_site_dirs() -> dict[str, Path]:
    """Write the real site twice: as is (latar) and with the same notes as hand-written footnotes."""
    from latar.core.pipeline import check  # noqa: PLC0415

    result = check(ROOT, ROOT / "seeds", ROOT / "docs" / "anotasi")
    root = WORK / "real"
    shutil.rmtree(root, ignore_errors=True)
    latar = root / "latar"
    shutil.copytree(ROOT, latar, ignore=shutil.ignore_patterns(".venv", ".git", "site", "benchmarks", "tests", "node_modules"))
    hand = root / "hand"
    (hand / "docs" / "anotasi").mkdir(parents=True)
    for note in result.notes:
        shutil.copyfile(ROOT / note.path, hand / "docs" / "anotasi" / f"{note.id}.md")
    placed = result.placed[0]
    article = placed.article
    notes = {n.id: n for n in result.notes}
    paragraphs = list(article.paragraphs)
    used = []
    for placement in sorted(placed.placements, key=lambda p: (p.paragraph, -p.start)):
        text = paragraphs[placement.paragraph]
        paragraphs[placement.paragraph] = text[: placement.end] + f"[^{placement.note_id}]" + text[placement.end :]
        used.append(placement.note_id)
    definitions = [f"[^{i}]: **{notes[i].title}** — {notes[i].summary} [Selengkapnya](anotasi/{i}.md)" for i in dict.fromkeys(used)]
    page = f"# {article.meta.title}\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n\n".join(definitions) + "\n"
    (hand / "docs" / "index.md").write_text(page, encoding="utf-8")
    # latar also publishes the home article at its permanent address: so does the hand-written twin.
    (hand / "docs" / "artikel").mkdir()
    (hand / "docs" / "artikel" / f"{article.name}.md").write_text(page.replace("](anotasi/", "](../anotasi/"), encoding="utf-8")
    index = ["# Anotasi", ""] + [f"- [{n.title}]({n.id}.md) — {n.summary}" for n in result.notes]
    (hand / "docs" / "anotasi" / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    dated = sorted((n.date, n.title, n.id) for n in result.notes if n.date)
    timeline = ["# Linimasa", ""] + [f"1. {date} [{title}](anotasi/{note_id}.md)" for date, title, note_id in dated]
    (hand / "docs" / "linimasa.md").write_text("\n".join(timeline) + "\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8").replace("  - latar:\n      repository: https://github.com/latar-id/latar\n", "")
    (hand / "mkdocs.yml").write_text(config, encoding="utf-8")
    return {"hand": hand / "mkdocs.yml", "latar": latar / "mkdocs.yml"}


def anchoring_growth(repeats: int = 25) -> dict:
    """Time to anchor one article (30 mentions) with 1,000 and with 10,000 notes loaded."""
    from latar.core.anchoring import Anchorer, select  # noqa: PLC0415
    from latar.core.articles import ArticleMeta, build_article  # noqa: PLC0415
    from latar.core.notes import Anchor, Note, Source  # noqa: PLC0415
    from latar.core.pipeline import text_blocks  # noqa: PLC0415

    articles, _, _ = build_content(Shape(articles=400, notes=10_000))
    text = "\n".join(articles[0])
    article = build_article("a", text, ArticleMeta("A", "https://example.org", "P", "2021-12-31", "id"))
    times = {}
    for count in (1_000, 10_000):
        notes = [
            Note(f"n{i}", f"n{i}.md", "t", "background", "s", (Anchor(note_name(i)),), (Source("s", "https://e.org", "p", "2021"),))
            for i in range(count)
        ]
        anchorer = Anchorer(notes)

        def anchor(anchorer: Anchorer = anchorer) -> None:
            select([hit for index, block in enumerate(text_blocks(article)) for hit in anchorer.hits(index, block, None, article.name)])

        samples = []
        for _ in range(3):  # warm up caches and the allocator before timing
            anchor()
        for _ in range(repeats):
            start = time.perf_counter()
            anchor()
            samples.append(time.perf_counter() - start)
        times[count] = statistics.median(samples)
    growth = times[10_000] / times[1_000]
    print(
        f"anchoring one article: 1,000 notes {times[1_000] * 1000:.2f} ms, 10,000 notes {times[10_000] * 1000:.2f} ms, growth {growth:.2f}×",
        flush=True,
    )
    return {"ms_1000": times[1_000] * 1000, "ms_10000": times[10_000] * 1000, "growth": growth}


def main() -> None:
    """Run the benchmark suite and write the table and plots."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="a tiny run that only proves the machinery works")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    if args.tiny:
        notes_points, article_points, target = [3, 6], [1, 2], Shape(articles=2, notes=6)
    else:
        notes_points, article_points, target = [10, 100, 1_000, 10_000], [1, 10, 100, 500], Shape(articles=200, notes=2_000)
    rows = {"real": None if args.tiny else real_site(args.runs), "notes": [], "articles": []}
    for notes in notes_points:
        rows["notes"].append(compare(f"1 article × {notes} notes", write_sites(Shape(1, notes), WORK / "sweep"), args.runs) | {"x": notes})
    for articles in article_points:
        notes = 6 if args.tiny else 500
        rows["articles"].append(
            compare(
                f"{articles} article{'s' if articles > 1 else ''} × {notes} notes",
                write_sites(Shape(articles, notes), WORK / "sweep"),
                args.runs,
            )
            | {"x": articles}
        )
    rows["target"] = compare(f"{target.articles} articles × {target.notes} notes", write_sites(target, WORK / "sweep"), args.runs)
    rows["anchoring"] = None if args.tiny else anchoring_growth()
    write_results(rows, args.out)


def targets(rows: dict) -> list[str]:
    """The issue's three targets against what was measured."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    lines = ["| target | measured | |", "| --- | --- | --- |"]
    if rows["real"]:
        real = rows["real"]
        lines.append(
            f"| real site: b/a ≤ 1.10 | {real['latar']['wall']:.2f} s / {real['hand']['wall']:.2f} s = {real['ratio']:.3f} | "
            f"{verdict(real['ratio'] <= 1.10)} |"
        )
    target = rows["target"]
    lines.append(
        f"| {target['name']}: latar's own share ≤ 15 % | {target['latar']['latar']:.2f} s of {target['latar']['build']:.2f} s = "
        f"{target['share']:.1%} | {verdict(target['share'] <= 0.15)} |"
    )
    if rows["anchoring"]:
        a = rows["anchoring"]
        lines.append(
            f"| anchoring one article, 1,000 → 10,000 notes ≤ 1.2× | {a['ms_1000']:.2f} ms → {a['ms_10000']:.2f} ms = "
            f"{a['growth']:.2f}× | {verdict(a['growth'] <= 1.2)} |"
        )
    return lines


def write_results(rows: dict, out: Path) -> None:
    """results.json, results.md and two SVG plots."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "# latar benchmark",
        "",
        f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}. Median of {rows['target']['hand']['runs']} runs per build; "
        "wall time of the whole `mkdocs build` process. (a) is the same articles with the same notes written by hand as "
        "Python-Markdown footnotes plus the note pages, on Material; (b) is latar; latar's own time is the sum of its hooks "
        "inside (b), less Pagefind. Search indexing is Material's search plugin in (a), and in (b) latar's Pagefind index "
        "(run from latar's on_post_build; Material's plugin is told to skip every page); reader-side search figures are "
        "in [search.md](search.md).",
        "",
        *targets(rows),
        "",
        "| site | hand-written (a) | latar (b) | b/a | latar's own time | share of (b)'s build | search indexing (a) → (b) | peak memory (b) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in [r for r in [rows["real"], *rows["notes"], *rows["articles"], rows["target"]] if r]:
        lines.append(
            f"| {row['name']} | {row['hand']['wall']:.2f} s | {row['latar']['wall']:.2f} s | {row['ratio']:.3f} | "
            f"{row['latar']['latar']:.3f} s | {row['share']:.1%} | {row['hand']['search']:.2f} s → {row['latar']['search']:.2f} s | "
            f"{row['latar']['peak_mib']:.0f} MiB |"
        )
    target = rows["target"]
    hooks = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in sorted(target["latar"]["hooks"].items(), key=lambda kv: -kv[1]))
    lines += [
        "",
        f"latar's time per hook at {target['name']}: {hooks}.",
        "",
        "![time against notes](notes.svg)",
        "",
        "![time against articles](articles.svg)",
        "",
    ]
    (out / "results.md").write_text("\n".join(lines), encoding="utf-8")
    for key, label in (("notes", "notes (one article)"), ("articles", "articles (500 notes)")):
        series = {
            "hand-written (a)": [(r["x"], r["hand"]["wall"]) for r in rows[key]],
            "latar (b)": [(r["x"], r["latar"]["wall"]) for r in rows[key]],
            "latar's own time (c)": [(r["x"], r["latar"]["latar"]) for r in rows[key]],
        }
        (out / f"{key}.svg").write_text(line_chart(f"Build time against {label}", label, "seconds", series), encoding="utf-8")
    print(f"wrote {out / 'results.md'}")


if __name__ == "__main__":
    main()
