"""`make bench` machinery at a tiny size: it runs and writes its table and plots (no timing assertions)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

from conftest import ROOT


def test_tiny_benchmark_writes_table_and_plots(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--tiny", "--runs", "1", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    table = (tmp_path / "results.md").read_text("utf-8")
    assert "| site | hand-written (a) | latar (b) | b/a |" in table
    assert "| target | measured | |" in table and "latar's own share ≤ 15 %" in table
    assert "search indexing (a) → (b)" in table
    assert table.count("\n| 1 article") + table.count("\n| 2 articles") >= 2
    for plot in ("notes.svg", "articles.svg"):
        root = ET.fromstring((tmp_path / plot).read_text("utf-8"))
        assert root.tag.endswith("svg")
        assert len(root.findall("{http://www.w3.org/2000/svg}polyline")) == 3
