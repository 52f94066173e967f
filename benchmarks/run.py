"""``make bench``: latar against the same notes written by hand, on the real site and on synthetic sites.

Every figure comes from latar run as a user runs it (``mkdocs build``, ``mkdocs serve`` and ``latar check``
as processes; see :mod:`benchmarks.measure`, :mod:`benchmarks.preview`). Builds of (a) the hand-written site
and (b) latar alternate, a b a b, after a warm-up pair; each figure is the median of the per-pair ratios b ÷ a.

``python -m benchmarks.run`` is the full run for the record (benchmarks/results/results.md, .json, plots);
``--quick`` is a short run for development (its output goes to benchmarks/.work/quick unless ``--out``);
``--tiny`` only proves the machinery (tests).
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import signal
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from benchmarks import realsite
from benchmarks.generate import Shape, git, write_sites
from benchmarks.measure import INTERVAL, build, pairs, spread
from benchmarks.plot import line_chart
from benchmarks.preview import POLL, latency
from latar.outputs.cardcache import default_base

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
RESULTS = ROOT / "benchmarks" / "results"
METHOD = (
    "**Method.** (a) is the same articles with the same notes written by hand as Python-Markdown footnotes, plus "
    "the note pages, notes index and timeline, on Material with `plugins: [search]`; (b) is latar. Each build is a whole "
    "`mkdocs build` process (interpreter start, imports, teardown), run in the site's folder into an output folder "
    "emptied beforehand. After {warmup} warm-up pair(s), a and b alternate (a b a b …); each ratio is the **median of the "
    "per-pair ratios b ÷ a** (min–max in brackets); absolute times are medians. *Wall*: start of the process to its exit. "
    "*CPU*: user + system time of the whole process tree (Pagefind and git included). *Python*: the mkdocs process's own "
    "peak resident memory (VmHWM, read at the end of the build). *Pagefind*: the Pagefind process's VmHWM, polled. "
    "*Together*: the largest sum of the resident memory of every process of the build at one moment, polled every "
    "{interval:.0f} ms from /proc (a child between fork and exec is not counted twice); the memory ratio compares these. "
    "*latar's hooks*: seconds inside latar's MkDocs event handlers (Pagefind included: it runs inside `on_post_build`). "
    "The synthetic sites (b) are git repositories of their own with a 60-commit history over nine months, so git dates "
    "are measured; the real site (b) is a fresh clone of this repository (its real history). The latar under test is the "
    "one installed in the virtual environment."
)
GOALS = {"real": 1.10, "time": 1.25, "memory": 2.0, "peak_mib": 400, "preview_real": 1.0, "preview_big": 5.0}


@dataclass(frozen=True)
class Plan:
    """What one mode measures: ``(articles, notes, pairs)`` per synthetic size, and the rest."""

    real_pairs: int
    sizes: tuple[tuple[int, int, int], ...]
    """The table's sizes."""
    growth: tuple[tuple[int, int, int], ...]
    """Extra sizes for the growth plots only."""
    notes_series: int
    """Articles held fixed in the plot against notes."""
    articles_series: int
    """Notes held fixed in the plot against articles."""
    cold: tuple[tuple[str, int], ...]
    """(site, pairs of cold and warm builds); site is "real" or "<articles>x<notes>"."""
    preview: tuple[tuple[str, int], ...]
    """(site, saves)."""
    warmup: int = 1
    big: str = "200x2000"
    peak: str = "1x10000"


PLANS = {
    "full": Plan(
        real_pairs=15,
        sizes=((1, 10, 10), (10, 100, 10), (50, 500, 10), (500, 500, 10), (200, 2_000, 10), (1, 10_000, 1)),
        growth=((1, 100, 3), (1, 1_000, 3), (1, 500, 3), (10, 500, 3)),
        notes_series=1,
        articles_series=500,
        cold=(("real", 5), ("200x2000", 1)),
        preview=(("real", 5), ("200x2000", 3)),
    ),
    "quick": Plan(
        real_pairs=3,
        sizes=((1, 10, 3), (10, 100, 3)),
        growth=(),
        notes_series=1,
        articles_series=500,
        cold=(("real", 1),),
        preview=(("real", 3),),
    ),
    "reduced": Plan(
        real_pairs=5,
        sizes=((200, 2_000, 2), (1, 10_000, 1)),
        growth=(),
        notes_series=1,
        articles_series=500,
        cold=(("real", 2), ("200x2000", 1)),
        preview=(("real", 3), ("200x2000", 2)),
    ),
    "tiny": Plan(
        real_pairs=1,
        sizes=((1, 6, 1), (2, 6, 1)),
        growth=((1, 12, 1),),
        notes_series=1,
        articles_series=6,
        cold=(("1x6", 1),),
        preview=(("1x6", 1),),
        warmup=0,
        big="2x6",
        peak="1x12",
    ),
}


def compile_bytecode() -> None:
    """Compile latar's modules and the probe as ``pip install`` does for MkDocs and Material.

    An editable install never compiles them, and with ``PYTHONDONTWRITEBYTECODE`` set every build would
    compile latar from source (~20 ms) while the other packages load their bytecode: a cost real installs do not have.
    """
    compileall.compile_dir(ROOT / "plugins" / "latar", quiet=1)
    compileall.compile_dir(ROOT / "benchmarks", quiet=1, maxlevels=0)


def machine() -> dict:
    """The machine and the software measured."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?"
    )
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:")), 0)

    def version(*names: str) -> str:
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "?"

    dirty = git(ROOT, "status", "--porcelain", "--", "plugins").strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory / 1024 / 1024,
        "kernel": platform.release(),
        "nice": os.getpriority(os.PRIO_PROCESS, 0),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "pagefind": version("pagefind_bin", "pagefind"),
        "git": git(ROOT, "--version").strip().removeprefix("git version "),
        "latar": git(ROOT, "rev-parse", "--short", "HEAD").strip()
        + f" (plugins/ last changed in {git(ROOT, 'log', '-1', '--format=%h', '--', 'plugins').strip()})"
        + (" + uncommitted changes to plugins/" if dirty else ""),
    }


def load() -> list[float]:
    """Load average over 1, 5 and 15 minutes."""
    return [round(value, 2) for value in os.getloadavg()]


def site_name(articles: int, notes: int) -> str:
    return f"{articles}x{notes}"


def label(name: str) -> str:
    """``200x2000`` → ``200 × 2,000``; ``real`` → ``real site``."""
    if name == "real":
        return "real site"
    articles, notes = name.split("x")
    return f"{int(articles):,} × {int(notes):,}"


def first_landing(config: Path) -> tuple[Path, str, str]:
    """A note that lands in an article (the first by file name): its file, its page and the article's page."""
    landing = min(realsite.placements(config))
    note = config.parent / landing.note
    options = realsite.latar_options(config)
    article = Path(landing.text_file).stem
    return note, f"{options.get('notes_dir', 'anotasi')}/{note.stem}/", f"{options.get('articles_dir', 'artikel')}/{article}/"


def cold_pairs(config: Path, count: int, work: Path) -> dict:
    """``count`` pairs of a cold build (as a fresh clone: every ignored or untracked file removed, and latar's cache
    folders outside the work tree, so no card, no kept index, notes or compiled templates, no Pagefind cache) then a warm
    one (what the cold build left); ratio cold ÷ warm."""
    cold, warm = [], []
    caches = default_base(config.parent.resolve())  # latar's cache folders live outside the work tree: a fresh clone has none
    for _ in range(count):
        git(config.parent, "clean", "-q", "-f", "-d", "-x")
        shutil.rmtree(caches, ignore_errors=True)
        cold.append(build(config, work / "site-cold", work / "record-cold.json"))
        warm.append(build(config, work / "site-warm", work / "record-warm.json"))

    def side(builds: list) -> dict:
        return {
            "wall": spread([b.wall for b in builds]),
            "cpu": spread([b.cpu for b in builds]),
            "tree_peak_mib": spread([b.tree_peak_mib for b in builds]),
        }

    return {
        "pairs": count,
        "cold": side(cold),
        "warm": side(warm),
        "wall_ratio": spread([c.wall / w.wall for c, w in zip(cold, warm, strict=True)]),
        "cpu_ratio": spread([c.cpu / w.cpu for c, w in zip(cold, warm, strict=True)]),
    }


def main() -> None:
    """Run the plan; write results.md, results.json and the plots."""
    parser = argparse.ArgumentParser()
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--quick", action="store_true", help="development run: real site, 1 × 10 and 10 × 100, 3 pairs")
    modes.add_argument("--tiny", action="store_true", help="a tiny run that only proves the machinery works (tests)")
    modes.add_argument(
        "--reduced",
        action="store_true",
        help="the issue's figures in about half an hour: real site, 200 × 2,000, 1 × 10,000, cold, preview",
    )
    parser.add_argument("--out", type=Path, help="folder for the results (default: benchmarks/results for the full run)")
    parser.add_argument("--resume", action="store_true", help="keep the sites a stopped run of the same mode finished, measure the rest")
    parser.add_argument("--render", type=Path, metavar="JSON", help="only write the table and plots again from a results.json")
    args = parser.parse_args()
    if args.render:
        rows = json.loads(args.render.read_text("utf-8"))
        write_results(rows, PLANS[rows["mode"]], args.out or args.render.parent)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped: still stop the mkdocs serve it started (finally)
    mode = "tiny" if args.tiny else "quick" if args.quick else "reduced" if args.reduced else "full"
    plan = PLANS[mode]
    out = args.out or (RESULTS if mode == "full" else WORK / mode)
    work = WORK / f"run-{mode}"  # a tiny or quick run never touches a full run's sites or partial results
    work.mkdir(parents=True, exist_ok=True)
    partial = work / "partial.json"
    compile_bytecode()
    clock = time.perf_counter()
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    if args.resume and partial.is_file() and json.loads(partial.read_text("utf-8"))["mode"] == mode:
        rows = json.loads(partial.read_text("utf-8"))
        rows.setdefault("resumed", []).append({"at": now, "load": load()})
    else:
        rows = {"mode": mode, "machine": machine(), "load_start": load(), "started": now, "minutes": 0.0, "sizes": []}
    done = {row["name"] for row in rows["sizes"]}
    before = rows["minutes"]
    print(f"latar benchmark ({mode}); load average {load()}" + (f"; resumed, done: {', '.join(sorted(done))}" if done else ""), flush=True)

    def save(row: dict) -> None:
        """Keep what is done so far, should a later size fail (``--resume``)."""
        rows["sizes"].append(row)
        rows["minutes"] = before + (time.perf_counter() - clock) / 60
        partial.write_text(json.dumps(rows, indent=1), encoding="utf-8")

    configs: dict[str, dict[str, Path]] = {"real": realsite.real_site_dirs(work / "real")}
    if "real" not in done:
        save(measure_size("real", configs["real"], plan.real_pairs, plan.warmup, work))
    wanted = [(site_name(a, n), a, n, count, "table") for a, n, count in plan.sizes]
    wanted += [(site_name(a, n), a, n, count, "growth") for a, n, count in plan.growth]
    wanted.sort(key=lambda size: size[1] + size[2])  # smallest first: the slowest sizes come last
    keep = {name for name, _ in plan.cold + plan.preview}
    for name, articles, notes, count, role in wanted:
        if name in done and name not in keep:
            continue
        folder = work / "sites" / name
        configs[name] = write_sites(Shape(articles, notes), folder)
        if name not in done:
            save(measure_size(name, configs[name], count, plan.warmup, work) | {"articles": articles, "notes": notes, "role": role})
        if name not in keep:
            configs.pop(name)
            shutil.rmtree(folder)
    rows["cold"] = []
    for name, count in plan.cold:
        print(f"{label(name)}: cold builds", flush=True)
        row = cold_pairs(configs[name]["latar"], count, work) | {"name": name}
        print(f"  cold {row['cold']['wall']['median']:.2f} s, warm {row['warm']['wall']['median']:.2f} s", flush=True)
        rows["cold"].append(row)
    rows["preview"] = []
    for name, saves in plan.preview:
        print(f"{label(name)}: preview latency", flush=True)
        note, note_page, article_page = first_landing(configs[name]["latar"])
        row = latency(configs[name]["latar"], note, note_page, article_page, saves)
        rows["preview"].append(row | {"name": name, "note": note.name, "pages": [note_page, article_page]})
    rows["load_end"] = load()
    rows["minutes"] = before + (time.perf_counter() - clock) / 60
    write_results(rows, plan, out)
    partial.unlink()


def measure_size(name: str, configs: dict[str, Path], count: int, warmup: int, work: Path) -> dict:
    """Alternating pairs of one site; prints one line."""
    row = pairs(configs, count, work, warmup=warmup) | {"name": name, "load": round(os.getloadavg()[0], 2)}
    hand, latar = row["hand"], row["latar"]
    print(
        f"{label(name):<16} hand {hand['wall']:7.2f} s  latar {latar['wall']:7.2f} s  ratio {row['wall_ratio']['median']:.3f} "
        f"({row['wall_ratio']['min']:.2f}–{row['wall_ratio']['max']:.2f})  cpu {row['cpu_ratio']['median']:.3f}  "
        f"peaks: python {latar['python_peak_mib']:.0f}, pagefind {latar['pagefind_peak_mib']:.0f}, together {latar['tree_peak_mib']:.0f} "
        f"vs {hand['tree_peak_mib']:.0f} MiB  [load {os.getloadavg()[0]:.1f}]",
        flush=True,
    )
    return row


def _ratio(value: dict) -> str:
    return f"**{value['median']:.2f}** ({value['min']:.2f}–{value['max']:.2f})"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def table(head: list[str], body: list[list[str]], left: int = 1) -> list[str]:
    """A Markdown table; the first ``left`` columns aligned left, the others right."""
    rule = ["---"] * left + ["---:"] * (len(head) - left)
    return ["| " + " | ".join(cells) + " |" for cells in [head, rule, *body]]


def goals(rows: dict, plan: Plan) -> list[str]:
    """The issue's goals against what was measured."""
    sizes = {row["name"]: row for row in rows["sizes"]}
    real = sizes["real"]
    body = [
        [
            f"real site: latar ÷ hand-written ≤ {GOALS['real']:.2f} (wall)",
            f"{_ratio(real['wall_ratio'])}; CPU {_ratio(real['cpu_ratio'])}",
            verdict(real["wall_ratio"]["median"] <= GOALS["real"]),
        ]
    ]
    for row in (r for r in rows["sizes"] if r.get("role") == "table" and r["name"] != plan.peak):
        body.append(
            [
                f"{label(row['name'])}: time ≤ {GOALS['time']:.2f}×",
                f"{_ratio(row['wall_ratio'])}; CPU {_ratio(row['cpu_ratio'])}",
                verdict(row["wall_ratio"]["median"] <= GOALS["time"]),
            ]
        )
        body.append(
            [
                f"{label(row['name'])}: peak memory ≤ {GOALS['memory']:.0f}×",
                f"{_ratio(row['memory_ratio'])} ({row['latar']['tree_peak_mib']:,.0f} vs {row['hand']['tree_peak_mib']:,.0f} MiB)",
                verdict(row["memory_ratio"]["median"] <= GOALS["memory"]),
            ]
        )
    if plan.peak in sizes:
        peak = sizes[plan.peak]["latar"]["tree_peak_mib"]
        body.append(
            [f"{label(plan.peak)}: simultaneous peak ≤ {GOALS['peak_mib']} MiB", f"{peak:,.0f} MiB", verdict(peak <= GOALS["peak_mib"])]
        )
    for row in rows["preview"]:
        goal = GOALS["preview_real"] if row["name"] == "real" else GOALS["preview_big"]
        body.append(
            [
                f"{label(row['name'])}: preview, save → note page served ≤ {goal:.0f} s",
                f"{row['note_s']:.2f} s (median of {row['saves']})",
                verdict(row["note_s"] <= goal),
            ]
        )
    return table(["goal", "measured", ""], body, left=3)


def loaded_note(rows: dict) -> list[str]:
    """A warning when other jobs kept the machine busier than its cores."""
    loads = [rows["load_start"][0], rows["load_end"][0], *(r["load"][0] for r in rows.get("resumed", []))]
    busiest = max(loads + [row["load"] for row in rows["sizes"] if "load" in row])
    if busiest <= rows["machine"]["cores"]:
        return []
    return [
        f"**Loaded machine** (1-minute load average up to {busiest:.1f} on {rows['machine']['cores']} cores, taken after each "
        "site): absolute wall times are "
        "inflated several times and vary from one build to the next (see the min–max of each ratio); the CPU ratios and the "
        "memory figures are the steadier ones.",
        "",
    ]


def write_results(rows: dict, plan: Plan, out: Path) -> None:
    """results.json, results.md and the growth plots."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    m = rows["machine"]
    lines = [
        "# latar benchmark",
        "",
        f"`make bench` ({rows['mode']} run), started {rows['started']}, took {rows['minutes']:.0f} min"
        + "".join(f"; stopped and resumed at {r['at']} (load {', '.join(map(str, r['load']))})" for r in rows.get("resumed", []))
        + ". "
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']:.0f} GiB, Linux {m['kernel']}, shared with other jobs: "
        f"load average (1, 5, 15 min) {', '.join(map(str, rows['load_start']))} at the start and "
        f"{', '.join(map(str, rows['load_end']))} at the end; niceness {m['nice']}. "
        f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}, Pagefind {m['pagefind']}, git {m['git']}; latar {m['latar']}.",
        "",
        METHOD.format(warmup=plan.warmup, interval=INTERVAL * 1000),
        "",
        *loaded_note(rows),
        *goals(rows, plan),
        "",
        "## Build time",
        "",
    ]
    lines += table(
        [
            "site",
            "pairs",
            "hand-written (a)",
            "latar (b)",
            "wall b ÷ a",
            "CPU b ÷ a",
            "latar's hooks",
            "share of (b)",
            "of which Pagefind",
            "git (calls)",
            "load",
        ],
        [
            [
                label(row["name"]) + (" (plot)" if row.get("role") == "growth" else ""),
                str(row["pairs"]),
                f"{row['hand']['wall']:.2f} s",
                f"{row['latar']['wall']:.2f} s",
                _ratio(row["wall_ratio"]),
                _ratio(row["cpu_ratio"]),
                f"{row['latar']['latar_s']:.2f} s",
                f"{row['latar']['latar_s'] / row['latar']['wall']:.0%}",
                f"{row['latar']['pagefind_s']:.2f} s",
                f"{row['latar']['git_s']:.2f} s ({row['latar']['git_calls']:.0f})",
                f"{row['load']:.1f}" if "load" in row else "–",
            ]
            for row in rows["sizes"]
        ],
    )
    lines += ["", "## Peak memory", ""]
    lines += table(
        ["site", "hand-written (a)", "latar (b): Python", "Pagefind", "together", "together b ÷ a"],
        [
            [
                label(row["name"]),
                f"{row['hand']['tree_peak_mib']:,.0f} MiB",
                f"{row['latar']['python_peak_mib']:,.0f} MiB",
                f"{row['latar']['pagefind_peak_mib']:,.0f} MiB",
                f"{row['latar']['tree_peak_mib']:,.0f} MiB",
                _ratio(row["memory_ratio"]),
            ]
            for row in rows["sizes"]
        ],
    )
    lines += cold_section(rows) + preview_section(rows)
    big = next((row for row in rows["sizes"] if row["name"] == plan.big), None)
    if big:
        hooks = ", ".join(
            f"{name} {seconds:.2f} s" for name, seconds in sorted(big["latar"]["hooks"].items(), key=lambda kv: -kv[1]) if seconds >= 0.005
        )
        lines += [
            "",
            f"latar's time per hook at {label(plan.big)} (median): {hooks}; Pagefind {big['latar']['pagefind_s']:.2f} s of post_build.",
        ]
    lines += growth_plots(rows, plan, out)
    (out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out / 'results.md'}")


def cold_section(rows: dict) -> list[str]:
    """Cold builds (fresh clone) against warm ones."""
    if not rows["cold"]:
        return []
    intro = (
        "Each pair: `git clean -fdx` in the site (every cache gone, as in a fresh clone), a build, then a warm build "
        "(with what the cold one cached)."
    )
    return [
        "",
        "## Cold build (fresh clone, CI)",
        "",
        intro,
        "",
        *table(
            ["site", "pairs", "cold", "warm", "cold ÷ warm (wall)", "cold ÷ warm (CPU)"],
            [
                [
                    label(row["name"]),
                    str(row["pairs"]),
                    f"{row['cold']['wall']['median']:.2f} s",
                    f"{row['warm']['wall']['median']:.2f} s",
                    _ratio(row["wall_ratio"]),
                    _ratio(row["cpu_ratio"]),
                ]
                for row in rows["cold"]
            ],
        ),
    ]


def preview_section(rows: dict) -> list[str]:
    """``mkdocs serve``: save → served."""
    if not rows["preview"]:
        return []
    intro = (
        f"`mkdocs serve` as `make serve` runs it; each save appends one new word to the note's body; two readers poll every "
        f"{POLL * 1000:.0f} ms: the note's page until the word is served, an article page where the note lands until it "
        "comes from the new build. MkDocs' own time is its “Documentation built in” line for that save."
    )
    return [
        "",
        "## Preview: save a note → page served (`mkdocs serve`)",
        "",
        intro,
        "",
        *table(
            ["site", "note", "saves", "note page (median, max)", "article page", "MkDocs' rebuild"],
            [
                [
                    label(row["name"]),
                    row["note"],
                    str(row["saves"]),
                    f"{row['note_s']:.2f} s ({row['note_max_s']:.2f} s)",
                    f"{row['article_s']:.2f} s",
                    f"{row['mkdocs_build_s']:.2f} s" if row["mkdocs_build_s"] is not None else "–",
                ]
                for row in rows["preview"]
            ],
            left=2,
        ),
    ]


def growth_plots(rows: dict, plan: Plan, out: Path) -> list[str]:
    """Build time by notes (articles fixed) and by articles (notes fixed): SVG plots and a table of latar's share."""
    lines: list[str] = []
    synthetic = [row for row in rows["sizes"] if row["name"] != "real"]
    for key, fixed, axis, title in (
        ("notes", ("articles", plan.notes_series), "notes", f"notes ({plan.notes_series} article)"),
        ("articles", ("notes", plan.articles_series), "articles", f"articles ({plan.articles_series:,} notes)"),
    ):
        points = sorted((row for row in synthetic if row[fixed[0]] == fixed[1]), key=lambda row: row[axis])
        if len(points) < 2:
            continue
        series = {
            "hand-written (a)": [(row[axis], row["hand"]["wall"]) for row in points],
            "latar (b)": [(row[axis], row["latar"]["wall"]) for row in points],
            "latar's hooks": [(row[axis], row["latar"]["latar_s"]) for row in points],
            "Pagefind": [(row[axis], row["latar"]["pagefind_s"]) for row in points],
            "(a), CPU": [(row[axis], row["hand"]["cpu"]) for row in points],
            "(b), CPU": [(row[axis], row["latar"]["cpu"]) for row in points],
        }
        chart = line_chart(
            f"Build time against {title}",
            title,
            "seconds (wall; dashed: CPU)",
            series,
            {"(a), CPU": "hand-written (a)", "(b), CPU": "latar (b)"},
        )
        (out / f"{key}.svg").write_text(chart, encoding="utf-8")
        shares = ", ".join(f"{row[axis]:,}: {row['latar']['latar_s'] / row['latar']['wall']:.0%}" for row in points)
        lines += ["", f"![build time against {title}]({key}.svg)", "", f"latar's hooks, share of (b)'s wall, by {title}: {shares}."]
    return lines


def real_site_dirs() -> dict[str, Path]:
    """The real site (a fresh clone) and its hand-written twin, for the search and audit benchmarks."""
    return realsite.real_site_dirs(WORK / "real")


if __name__ == "__main__":
    sys.exit(main())
