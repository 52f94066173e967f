"""`make bench` machinery at a tiny size: it runs and writes what it promises (no timing assertions).

Left out of the default run (``addopts``); ``pytest -m bench`` runs these.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from benchmarks.generate import Shape, git, write_sites
from benchmarks.realsite import placements, real_site_dirs

from conftest import ROOT

pytestmark = pytest.mark.bench
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_module(module: str, *args: str) -> None:
    """``python -m <module> <args>`` in the repository; fails with the end of its output."""
    result = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, check=False, env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_tiny_benchmark_writes_tables_and_plots(tmp_path) -> None:
    run_module("benchmarks.run", "--tiny", "--out", str(tmp_path))
    table = (tmp_path / "results.md").read_text("utf-8")
    for heading in ("| goal | measured |", "## Build time", "## Peak memory", "## Cold build", "## Preview"):
        assert heading in table
    assert "load average" in table and "median of the per-pair ratios" in table
    rows = json.loads((tmp_path / "results.json").read_text("utf-8"))
    assert rows["machine"]["cores"] >= 1 and len(rows["load_start"]) == len(rows["load_end"]) == 3
    names = [row["name"] for row in rows["sizes"]]
    assert names[0] == "real" and {"1x6", "2x6", "1x12"} <= set(names)
    for row in rows["sizes"]:
        hand, latar = row["hand"], row["latar"]
        assert row["wall_ratio"]["median"] > 0 and row["cpu_ratio"]["median"] > 0
        assert hand["pagefind_peak_mib"] == 0 and hand["latar_s"] == 0  # the hand-written site runs neither
        assert latar["pagefind_peak_mib"] == latar["pagefind_s"] == 0 and latar["latar_s"] > 0  # search is indexed in Python
        assert latar["tree_peak_mib"] >= latar["python_peak_mib"] > 0
        assert latar["git_calls"] >= 1, "latar read no git history"
    assert rows["cold"][0]["cold"]["wall"]["median"] > 0 and rows["preview"][0]["note_s"] > 0
    for plot in ("notes.svg", "articles.svg"):
        root = ET.fromstring((tmp_path / plot).read_text("utf-8"))
        assert len(root.findall("{http://www.w3.org/2000/svg}polyline")) == 6  # wall and CPU of (a) and (b), latar's hooks, Pagefind


def test_synthetic_site_is_a_repository_of_its_own_with_months_of_history(tmp_path) -> None:
    configs = write_sites(Shape(articles=4, notes=30), tmp_path / "site")
    site = configs["latar"].parent
    assert git(site, "rev-parse", "--show-toplevel").strip() == str(site.resolve())
    assert git(site, "status", "--porcelain") == ""
    dates = [datetime.datetime.fromisoformat(line) for line in git(site, "log", "--format=%aI").split()]
    assert len(dates) >= 30 and (max(dates) - min(dates)).days >= 90
    assert len(set(git(site, "log", "--format=%cI").split())) == len(dates)  # committer dates spread too
    touched = git(site, "log", "--format=", "--name-only", f"HEAD~{len(dates) - 1}..HEAD").split()  # every commit but the first
    assert any(path.startswith("docs/anotasi/") for path in touched) and any(path.startswith("seeds/") for path in touched)
    again = write_sites(Shape(articles=4, notes=30), tmp_path / "again")["latar"].parent
    assert git(again, "rev-parse", "HEAD") == git(site, "rev-parse", "HEAD")  # deterministic, dates included


def test_real_site_twin_marks_every_placement(tmp_path) -> None:
    configs = real_site_dirs(tmp_path)
    landings = placements(configs["latar"])
    assert landings
    for article in {landing.text_file for landing in landings}:
        name = article.rsplit("/", 1)[-1].removesuffix(".txt")
        page = (configs["hand"].parent / "docs" / "artikel" / f"{name}.md").read_text("utf-8")
        text, _, definitions = page.partition("\n\n[^")
        expected = sum(landing.text_file == article for landing in landings)
        assert len(re.findall(r"\[\^[\w-]+\](?!:)", text)) == expected
        assert definitions


def test_bench_reports_search_bytes_and_recall(tmp_path) -> None:
    """`make bench`'s search part at a tiny size: it runs, and the real site fetches no search byte on load."""
    run_module("benchmarks.search", "--tiny", "--runs", "1", "--out", str(tmp_path))
    rows = json.loads((tmp_path / "search.json").read_text("utf-8"))
    for site in ("real site", "2 articles × 20 notes"):
        assert rows[site]["latar"]["load_bytes"] == 0 and rows[site]["latar"]["load_requests"] == []
        assert rows[site]["latar"]["search_bytes"] > 0 and rows[site]["latar"]["results_shown"] > 0
        assert rows[site]["material"]["load_bytes"] > 0  # Material's index, fetched before anyone searches
    assert len(rows["recall"]) >= 15
    table = (tmp_path / "search.md").read_text("utf-8")
    assert "| real site | latar | menyerang | 0.0 KiB |" in table and "## Recall on the real site" in table
