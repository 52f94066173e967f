"""Preview latency: ``mkdocs serve`` running, an editor saves a note, how long until the reader's page shows it.

Each save appends one new word to the note's body. Two readers poll every :data:`POLL` seconds from the
moment of the save: one the note's page until the word is served, one the page of an article where the
note lands until it is served from the new build (the epoch MkDocs writes into every page it serves
grows with each build). MkDocs' own rebuild time is its "Documentation built in" line for that save; the server's
CPU time from the save until both pages are served (user + system, from ``/proc``) is steadier on a loaded machine.
The server runs as ``make serve`` runs it (``--dirty``: a save rebuilds only the pages it touches); ``dirty=False``
measures MkDocs' full rebuild on every save, for comparison. Each save starts from a settled server (with ``--dirty``,
the files written after the pages are written).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from benchmarks.measure import ENV

POLL = 0.05
"""Seconds between two requests of a polling reader."""
EPOCH = re.compile(rb"livereload\((\d+),")
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
WRITTEN = "search index, annotations and cards written"
"""latar's line once ``make serve`` has written what no page waits for (after the pages, see mkdocs/background.py)."""
MKDOCS = Path(sys.executable).with_name("mkdocs")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _get(url: str) -> bytes | None:
    try:
        with OPENER.open(url, timeout=600) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``mkdocs serve`` of one project, as ``make serve`` runs it; its log lines with the time each arrived."""

    def __init__(self, config: Path, dirty: bool = True) -> None:
        self.port = _free_port()
        mount = urlsplit(yaml.safe_load(config.read_text("utf-8")).get("site_url") or "/").path or "/"
        self.base = f"http://127.0.0.1:{self.port}{mount.rstrip('/')}/"
        self.lines: list[tuple[float, str]] = []
        self.dirty = dirty
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", *(["--dirty"] if dirty else []), "-a", f"127.0.0.1:{self.port}", "-f", str(config)],
            cwd=config.parent,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def wait_ready(self, path: str, timeout: float) -> None:
        """Until the first build is served (``path`` answers)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("mkdocs serve stopped:\n" + "\n".join(line for _, line in self.lines[-30:]))
            if any("Serving on" in line for _, line in self.lines) and _get(self.base + path) is not None:
                return
            time.sleep(0.2)
        raise SystemExit(f"mkdocs serve did not serve {path} within {timeout:.0f} s")

    def built_after(self, moment: float, timeout: float = 5.0) -> float | None:
        """MkDocs' reported build time of the first build that finished after ``moment``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for when, line in list(self.lines):
                found = BUILT.search(line)
                if when > moment and found:
                    return float(found.group(1))
            time.sleep(0.05)
        return None

    def settle(self, timeout: float) -> None:
        """Until every build's files are written (``--dirty`` writes them after the pages): each save starts from a quiet server."""
        deadline = time.perf_counter() + timeout
        while self.dirty and time.perf_counter() < deadline:
            lines = [line for _, line in list(self.lines)]
            if sum(WRITTEN in line for line in lines) >= sum(bool(BUILT.search(line)) for line in lines):
                return
            time.sleep(0.1)

    def cpu(self) -> float | None:
        """The server's CPU seconds so far (user + system; None where ``/proc`` is not there)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """End the server this object started (its own process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _until(url: str, served, start: float, timeout: float, result: dict, key: str) -> None:
    """Poll ``url`` every :data:`POLL` s until ``served(body)``; seconds since ``start`` into ``result[key]``."""
    deadline = start + timeout
    while time.perf_counter() < deadline:
        body = _get(url)
        if body is not None and served(body):
            result[key] = time.perf_counter() - start
            return
        time.sleep(POLL)
    result[key] = None


def latency(config: Path, note: Path, note_page: str, article_page: str, saves: int, timeout: float = 600.0, dirty: bool = True) -> dict:
    """Median over ``saves`` saves of: save → note page shows the word, → article page from the new build; MkDocs' time;
    the server's CPU time."""
    original = note.read_text("utf-8")
    server = Server(config, dirty)
    rows = []
    try:
        server.wait_ready(note_page, timeout)
        server.settle(timeout)
        text = original
        for number in range(saves):
            word = f"pratinjau{number}x{os.getpid()}"
            before = _get(server.base + article_page) or b""
            epoch = int(EPOCH.search(before).group(1)) if EPOCH.search(before) else -1
            text = text.rstrip("\n") + f" {word}\n"
            result: dict = {}
            cpu = server.cpu()
            start = time.perf_counter()
            note.write_text(text, encoding="utf-8")
            readers = [
                threading.Thread(
                    target=_until, args=(server.base + note_page, lambda b, w=word: w.encode() in b, start, timeout, result, "note")
                ),
                threading.Thread(
                    target=_until,
                    args=(
                        server.base + article_page,
                        lambda b, e=epoch: bool(EPOCH.search(b)) and int(EPOCH.search(b).group(1)) > e,
                        start,
                        timeout,
                        result,
                        "article",
                    ),
                ),
            ]
            for reader in readers:
                reader.start()
            for reader in readers:
                reader.join()
            if result["note"] is None or result["article"] is None:
                raise SystemExit(f"mkdocs serve did not show the saved note within {timeout:.0f} s")
            result["mkdocs_build"] = server.built_after(start)
            after = server.cpu()
            result["cpu"] = after - cpu if after is not None and cpu is not None else None
            rows.append(result)
            print(
                f"  save {number + 1}: note page {result['note']:.2f} s, article page {result['article']:.2f} s, "
                f"MkDocs built in {result['mkdocs_build'] or float('nan'):.2f} s, server CPU {result['cpu'] or float('nan'):.2f} s",
                flush=True,
            )
            server.settle(timeout)
            time.sleep(1.5)  # let the watcher settle before the next save
    finally:
        note.write_text(original, encoding="utf-8")
        server.stop()

    def median(key: str) -> float | None:
        values = [row[key] for row in rows if row[key] is not None]
        return statistics.median(values) if values else None

    return {
        "saves": saves,
        "note_s": median("note"),
        "article_s": median("article"),
        "mkdocs_build_s": median("mkdocs_build"),
        "cpu_s": median("cpu"),
        "note_max_s": max(row["note"] for row in rows),
        "rows": rows,
    }
