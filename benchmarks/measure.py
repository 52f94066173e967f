"""One ``mkdocs build`` as a process, measured from outside: wall, CPU and memory of its whole process tree.

* wall: from starting the process to reaping it (interpreter start, imports and teardown included);
* CPU: user + system seconds of the process and every child it waited for (``wait4``'s resource usage);
* memory: the Python process's own peak (VmHWM, read by :mod:`benchmarks.probe` at the end), Pagefind's peak
  (its VmHWM, polled), and the simultaneous peak: the largest sum of the resident set sizes of every process
  in the tree, polled every :data:`INTERVAL` seconds from ``/proc`` (``task/*/children``, ``statm``).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERVAL = 0.02
"""Seconds between two samples of the process tree's memory."""
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:  # the process ended between two reads
        return None


def tree(root: int) -> list[tuple[int, int | None]]:
    """``root`` and every descendant alive now, each with its parent (None for ``root``)."""
    found, todo = [], [(root, None)]
    while todo:
        pid, parent = todo.pop()
        found.append((pid, parent))
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for thread in threads:
            children = _read(f"/proc/{pid}/task/{thread}/children")
            todo += [(int(child), pid) for child in (children or "").split()]
    return found


class Sampler(threading.Thread):
    """Poll a process tree's memory until stopped: the largest simultaneous sum, and each program's peak."""

    def __init__(self, root: int, interval: float = INTERVAL) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.tree_peak_kib = 0
        self.program_peak_kib: dict[str, int] = {}
        self.samples = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            total = 0
            statms: dict[int, str] = {}
            for pid, parent in tree(self.root):
                statm, name = _read(f"/proc/{pid}/statm"), _read(f"/proc/{pid}/comm")
                if not statm or not name:
                    continue
                statms[pid] = statm
                if parent is not None and statms.get(parent) == statm:
                    continue  # a child between fork and exec: its pages are its parent's, already counted
                rss = int(statm.split()[1]) * PAGE_KIB
                total += rss
                name = name.strip()
                if name.startswith("pagefind"):  # its own high-water mark: nothing between two samples is missed
                    status = _read(f"/proc/{pid}/status") or ""
                    rss = max([rss] + [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")])
                self.program_peak_kib[name] = max(self.program_peak_kib.get(name, 0), rss)
            self.tree_peak_kib = max(self.tree_peak_kib, total)
            self.samples += 1
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


@dataclass
class Build:
    """What one build cost."""

    wall: float
    cpu: float
    python_peak_mib: float
    pagefind_peak_mib: float
    tree_peak_mib: float
    plugins: dict[str, dict[str, float]] = field(default_factory=dict)
    children: list[dict] = field(default_factory=list)

    def plugin_seconds(self, name: str) -> float:
        """Seconds in one plugin's event handlers (Pagefind included when the plugin runs it)."""
        return sum(self.plugins.get(name, {}).values())

    def child_seconds(self, prefix: str) -> float:
        """Wall seconds of the subprocesses whose program name starts with ``prefix`` (``pagefind``, ``git``)."""
        return sum(child["seconds"] for child in self.children if child["name"].startswith(prefix))


def build(config: Path, site: Path, record: Path) -> Build:
    """``mkdocs build`` of ``config`` into ``site`` (emptied first, outside the timing), measured."""
    shutil.rmtree(site, ignore_errors=True)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.unlink(missing_ok=True)
    log = record.with_suffix(".log")
    command = [sys.executable, "-P", "-m", "benchmarks.probe", str(record), "--", "build", "-q", "-f", str(config), "-d", str(site)]
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=config.parent, env={**ENV, "PYTHONPATH": str(ROOT)}, stdout=output, stderr=output)
        sampler = Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    if process.returncode != 0 or not record.is_file():
        raise SystemExit(f"build of {config} failed:\n{log.read_text('utf-8', errors='replace')[-3000:]}")
    data = json.loads(record.read_text("utf-8"))
    pagefind = max([v for k, v in sampler.program_peak_kib.items() if k.startswith("pagefind")], default=0)
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        python_peak_mib=data["python_peak_kib"] / 1024,
        pagefind_peak_mib=pagefind / 1024,
        tree_peak_mib=max(sampler.tree_peak_kib, data["python_peak_kib"]) / 1024,
        plugins=data["plugins"],
        children=data["children"],
    )


def spread(values: list[float]) -> dict[str, float]:
    """Median, min and max."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def pairs(configs: dict[str, Path], count: int, work: Path, warmup: int = 1) -> dict:
    """``warmup`` + ``count`` alternating pairs (``hand`` then ``latar``); per-pair ratios latar ÷ hand."""
    runs: dict[str, list[Build]] = {"hand": [], "latar": []}
    for index in range(warmup + count):
        for variant in ("hand", "latar"):
            result = build(configs[variant], work / f"site-{variant}", work / f"record-{variant}.json")
            if index >= warmup:
                runs[variant].append(result)
    return summarise(runs["hand"], runs["latar"]) | {"pairs": count, "warmup": warmup}


def summarise(hand: list[Build], latar: list[Build]) -> dict:
    """Per-pair ratios (median, min, max) and each side's medians."""

    def side(builds: list[Build], plugin: str | None) -> dict:
        hooks: dict[str, float] = {}
        if plugin:
            events = {event for b in builds for event in b.plugins.get(plugin, {})}
            hooks = {event: statistics.median(b.plugins.get(plugin, {}).get(event, 0.0) for b in builds) for event in events}
        return {
            "wall": statistics.median(b.wall for b in builds),
            "cpu": statistics.median(b.cpu for b in builds),
            "python_peak_mib": statistics.median(b.python_peak_mib for b in builds),
            "pagefind_peak_mib": statistics.median(b.pagefind_peak_mib for b in builds),
            "tree_peak_mib": statistics.median(b.tree_peak_mib for b in builds),
            "latar_s": statistics.median(b.plugin_seconds("latar") for b in builds),
            "pagefind_s": statistics.median(b.child_seconds("pagefind") for b in builds),
            "git_s": statistics.median(b.child_seconds("git") for b in builds),
            "git_calls": statistics.median(sum(c["name"] == "git" for c in b.children) for b in builds),
            "search_s": statistics.median(b.plugin_seconds("search") + b.plugin_seconds("material/search") for b in builds),
            "hooks": hooks,
            "walls": [b.wall for b in builds],
        }

    return {
        "hand": side(hand, None),
        "latar": side(latar, "latar"),
        "wall_ratio": spread([b.wall / a.wall for a, b in zip(hand, latar, strict=True)]),
        "cpu_ratio": spread([b.cpu / a.cpu for a, b in zip(hand, latar, strict=True)]),
        "memory_ratio": spread([b.tree_peak_mib / a.tree_peak_mib for a, b in zip(hand, latar, strict=True)]),
    }
