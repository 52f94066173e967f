"""``make audit``: Lighthouse (mobile) on the article page served with gzip, latar vs stock Material.

Stock Material = the same article with the same notes written by hand as Python-Markdown footnotes
(the benchmark's hand-written real site). Figures go to benchmarks/results/audit.md and audit.json.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from benchmarks.run import RESULTS, ROOT, WORK, real_site_dirs

CHROMIUM = os.environ.get("LATAR_CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it (as GitHub Pages does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        from io import BytesIO  # noqa: PLC0415

        return BytesIO(body)


def build(config: Path, site: Path) -> None:
    """A strict build of ``config`` into ``site``."""
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def lighthouse(url: str, out: Path) -> dict:
    """Run Lighthouse (mobile preset) and return scores and transfer size."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run 'npm ci --prefix benchmarks' (make audit does)")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    report = json.loads(out.read_text("utf-8"))
    failed = {
        category: [
            ref["id"]
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        ]
        for category in CATEGORIES
    }
    return {
        "scores": {category: report["categories"][category]["score"] for category in CATEGORIES},
        "transfer_kib": report["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(report["audits"]["network-requests"]["details"]["items"]),
        "below_1": failed,
    }


def main() -> None:
    """Audit latar's article page and stock Material's, and write the comparison."""
    WORK.mkdir(parents=True, exist_ok=True)
    configs = real_site_dirs()
    results = {}
    for name, config in (("stock Material", configs["hand"]), ("latar", configs["latar"])):
        site = WORK / f"audit-{name.split()[0].lower()}"
        build(config, site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            results[name] = lighthouse(f"http://127.0.0.1:{server.server_address[1]}/", WORK / f"lighthouse-{name.split()[0].lower()}.json")
        finally:
            server.shutdown()
        print(name, json.dumps(results[name]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "audit.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "# Lighthouse (mobile preset), article page served with gzip",
        "",
        "| site | performance | accessibility | best practices | SEO | transfer | requests |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in results.items():
        s = result["scores"]
        lines.append(
            f"| {name} | {s['performance']:.2f} | {s['accessibility']:.2f} | {s['best-practices']:.2f} | {s['seo']:.2f} | "
            f"{result['transfer_kib']:.0f} KiB | {result['requests']} |"
        )
    (RESULTS / "audit.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
