"""``make bench`` (reader's side of search, issue #13): bytes a reader fetches for search, index build time, recall.

For the real site and a synthetic 200 articles × 2,000 notes site, each built twice: with latar's search
(Pagefind behind Material's search box) and with Material's own search (``plugins.latar.search: false``).
Each build is served with gzip under /latar/ (as on GitHub Pages) and opened in Chromium with an empty cache:
search bytes on page load (until the network is idle), then on the first search (focus the box with "/",
type a word at 60 ms a key, wait for the results and an idle network). Bytes are compressed response bodies
as Chromium reports them (Playwright's ``request.sizes()``). Recall: see :data:`QUERIES` and :func:`recall`.
Figures go to benchmarks/results/search.md and search.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import threading
import time
from pathlib import Path

import yaml

from benchmarks.audit import CHROMIUM, GzipHandler
from benchmarks.generate import Shape, write_sites
from benchmarks.measure import build as measured_build
from benchmarks.run import RESULTS, WORK, real_site_dirs

SEARCH_URLS = {
    "latar": ("/pagefind/", "search-worker.js", "search-highlight.js"),
    "material": ("search_index.json", "/workers/search", "/lunr/"),
}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

QUERIES: dict[str, tuple[str, ...]] = {
    # query: the word forms that count as relevant (same root, Indonesian affixes); a page is relevant when its
    # indexed text (what a reader reads) holds one of them as a whole word
    "menyerang": ("serang", "menyerang", "serangan", "diserang", "penyerangan", "penyerang", "menyerangnya"),
    "pengerahan": ("mengerahkan", "pengerahan", "dikerahkan", "dikerahkannya", "mengerahkannya"),
    "perundingan": ("runding", "berunding", "perundingan", "merundingkan", "dirundingkan"),
    "penarikan": ("menarik", "ditarik", "penarikan", "menariknya", "tarik", "menarikan"),
    "ancaman": ("ancam", "mengancam", "diancam", "ancaman", "terancam"),
    "peringatan": ("memperingatkan", "diperingatkan", "peringatan"),
    "pertemuan": ("bertemu", "pertemuan", "menemui", "ditemui"),
    "kesepakatan": ("sepakat", "menyepakati", "disepakati", "kesepakatan", "bersepakat"),
    "penempatan": ("menempatkan", "ditempatkan", "penempatan", "menempati"),
    "pembicaraan": ("bicara", "berbicara", "membicarakan", "dibicarakan", "pembicaraan"),
    "perluasan": ("memperluas", "diperluas", "perluasan", "meluas"),
    "keamanan": ("aman", "keamanan", "mengamankan", "pengamanan"),
    "pernyataan": ("menyatakan", "dinyatakan", "pernyataan"),
    "berjanji": ("janji", "berjanji", "menjanjikan", "perjanjian", "dijanjikan", "janjinya"),
    "tuntutan": ("tuntut", "menuntut", "dituntut", "tuntutan", "tuntutannya"),
    "pengakuan": ("mengakui", "diakui", "pengakuan"),
    "menjawab": ("jawab", "menjawab", "dijawab", "jawaban"),
    "penolakan": ("tolak", "menolak", "ditolak", "penolakan"),
}


def variants(config: Path) -> dict[str, Path]:
    """The site as is (latar's search) and a twin config with Material's own search."""
    data = yaml.safe_load(config.read_text("utf-8"))
    plugins = []
    for plugin in data["plugins"]:
        if plugin == "latar" or (isinstance(plugin, dict) and "latar" in plugin):
            options = plugin["latar"] if isinstance(plugin, dict) else {}
            plugins.append({"latar": {**(options or {}), "search": False}})
        else:
            plugins.append(plugin)
    twin = config.with_name("mkdocs-material-search.yml")
    twin.write_text(yaml.safe_dump({**data, "plugins": plugins}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {"latar": config, "material": twin}


def build(config: Path, site: Path) -> dict:
    """One ``mkdocs build`` process; seconds spent by Material's search plugin and by Pagefind, and Pagefind's command."""
    record = measured_build(config, site, WORK / "search-sites" / "record.json")
    runs = [child for child in record.children if child["name"].startswith("pagefind")]
    return {
        "material_index_s": record.plugin_seconds("search") + record.plugin_seconds("material/search"),
        "pagefind_s": record.child_seconds("pagefind"),
        "build_s": record.wall,
        "pagefind_command": runs[-1]["argv"] if runs else None,
    }


def index_seconds(site: Path, command: list[str], runs: int) -> float:
    """Median time of Pagefind indexing ``site`` again with the command latar ran (what ``on_post_build`` spends).

    The index latar left (without the files it removes) is put back afterwards.
    """
    output = site / "pagefind"
    kept = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    seconds = []
    for _ in range(runs):
        shutil.rmtree(output)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        seconds.append(time.perf_counter() - start)
    shutil.rmtree(output)
    for path, data in kept.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return statistics.median(seconds)


def measure(browser, origin: str, path: str, query: str, kind: str) -> dict:
    """Search bytes on page load and on the first search, in a fresh context (empty cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    finished: list = []

    def collect(request) -> None:  # Playwright wraps handlers: a bound builtin like list.append will not do
        finished.append(request)

    page.on("requestfinished", collect)
    page.goto(origin + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    loaded = list(finished)
    page.keyboard.press("/")
    page.keyboard.type(query, delay=60)
    page.wait_for_selector(".md-search-result__list a", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    searched = finished[len(loaded) :]
    shown = page.locator(".md-search-result__list > li").count()

    def size(requests: list) -> tuple[int, list[str]]:
        mine = [r for r in requests if any(part in r.url for part in SEARCH_URLS[kind])]
        return sum(max(r.sizes()["responseBodySize"], 0) for r in mine), [r.url.split("/latar/", 1)[-1] for r in mine]

    load_bytes, load_urls = size(loaded)
    search_bytes, search_urls = size(searched)
    page_bytes = sum(max(r.sizes()["responseBodySize"], 0) for r in loaded)
    context.close()
    return {
        "load_bytes": load_bytes,
        "load_requests": load_urls,
        "search_bytes": search_bytes,
        "search_requests": search_urls,
        "page_bytes": page_bytes,
        "results_shown": shown,
    }


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def synthetic_query(site: Path) -> str:
    """A word of the synthetic language that the first article and some notes use (deterministic)."""
    from collections import Counter  # noqa: PLC0415

    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    counts: Counter[str] = Counter()
    for path in fragments[:200]:
        content = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
        counts.update(set(re.findall(r"\b[a-z]{7,}\b", content)))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[10][0]


def recall(browser, latar_origin: str, material_origin: str, latar_site: Path) -> dict:
    """Recall of each search on the real site: relevant pages found / relevant pages.

    Relevant: an article or note whose indexed text (Pagefind's fragments: what a reader reads, the same
    pages both searches index) holds a form of the query's root as a whole word (:data:`QUERIES`). Found:
    every page in the search's full answer, asked in Chromium of each search engine as the site ships it:
    Material's worker with its search_index.json (as its search box asks), Pagefind's full result list
    (latar's box shows the first 10 pages of that list).
    """
    texts = {}
    for path in (latar_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        texts[data["url"].strip("/")] = data["content"].lower()
    context = browser.new_context()
    material, latar = context.new_page(), context.new_page()
    material.goto(material_origin + "/latar/")
    latar.goto(latar_origin + "/latar/")
    material.evaluate(
        """async () => {
        const config = JSON.parse(document.getElementById("__config").textContent);
        const index = await (await fetch(new URL("search/search_index.json", new URL(config.base + "/", location.href)))).json();
        window.__worker = new Worker(config.search);
        await new Promise(resolve => {
          window.__worker.onmessage = resolve;
          window.__worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
        });
        window.__ask = q => new Promise(resolve => {
          window.__worker.onmessage = e => resolve(e.data.data.items.map(group => group[0].location.split("#")[0]));
          window.__worker.postMessage({type: 2, data: q});
        });
    }"""
    )
    rows = {}
    for query, forms in QUERIES.items():
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
        relevant = {url for url, text in texts.items() if pattern.search(text)}
        by_material = {url.strip("/") for url in material.evaluate("q => window.__ask(q)", query)}
        by_latar = set(
            latar.evaluate(
                """async q => {
                const pagefind = await import(new URL("pagefind/pagefind.js", location.href).href);
                const search = await pagefind.search(q);
                return Promise.all(search.results.map(async r => (await r.data()).url));
            }""",
                query,
            )
        )
        by_latar = {url.split("/latar/", 1)[-1].strip("/") for url in by_latar}
        rows[query] = {
            "relevant": len(relevant),
            "material": len(relevant & by_material),
            "latar": len(relevant & by_latar),
            "material_other": len(by_material - relevant),
            "latar_other": len(by_latar - relevant),
        }
        print(
            f"recall {query:<14} relevant {len(relevant):>2}  Material {rows[query]['material']:>2}  latar {rows[query]['latar']:>2}",
            flush=True,
        )
    context.close()
    return rows


def main() -> None:
    """Build, serve and measure; write benchmarks/results/search.md and search.json."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    parser = argparse.ArgumentParser()
    parser.add_argument("--tiny", action="store_true", help="a small synthetic site instead of 200 × 2,000 (proves the machinery)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    shape = Shape(articles=2, notes=20) if args.tiny else Shape(articles=200, notes=2_000)
    sites = {"real site": (real_site_dirs()["latar"], "menyerang")}
    sites[f"{shape.articles} articles × {shape.notes:,} notes"] = (write_sites(shape, WORK / "search-synthetic")["latar"], None)
    rows: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (config, given) in sites.items():
            rows[name] = {}
            query = given
            servers = {}
            for kind, variant in variants(config).items():
                parent = WORK / "search-sites" / re.sub(r"\W+", "-", name) / kind
                site = parent / "latar"
                timing = build(variant, site)
                if kind == "latar":
                    query = given or synthetic_query(site)
                    timing["index_kib"] = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1024
                    timing["pagefind_s"] = index_seconds(site, timing.pop("pagefind_command"), args.runs)
                else:
                    timing.pop("pagefind_command")
                    timing["index_kib"] = (site / "search" / "search_index.json").stat().st_size / 1024
                servers[kind] = serve(parent)
                # the median of --runs readers by first-search bytes: a loaded machine can delay keystrokes past the debounce
                readers = sorted(
                    (measure(browser, servers[kind][1], "/latar/", query, kind) for _ in range(args.runs)), key=lambda r: r["search_bytes"]
                )
                rows[name][kind] = timing | readers[len(readers) // 2] | {"query": query, "readers": len(readers)}
                r = rows[name][kind]
                print(
                    f"{name:<28} {kind:<8} load {r['load_bytes'] / 1024:8.1f} KiB  first search {r['search_bytes'] / 1024:8.1f} KiB"
                    f"  ({query})  index {timing['pagefind_s' if kind == 'latar' else 'material_index_s']:.2f} s",
                    flush=True,
                )
            if name == "real site":
                rows["recall"] = recall(
                    browser, servers["latar"][1], servers["material"][1], WORK / "search-sites" / "real-site" / "latar" / "latar"
                )
            for server, _ in servers.values():
                server.shutdown()
        browser.close()
    write(rows, args.out)


def write(rows: dict, out: Path) -> None:
    """search.json and search.md."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "# Search: what a reader fetches, and what it finds",
        "",
        "`python -m benchmarks.search` (part of `make bench`). Each site is built twice: latar's search (Pagefind "
        "behind Material's search box) and Material's own search (`plugins.latar.search: false`), served with gzip "
        "under `/latar/` and opened in Chromium with an empty cache. *On page load*: search bytes until the network "
        "is idle. *First search*: after pressing `/` and typing the word (60 ms a key) until the results are shown "
        "and the network is idle (the median of 3 readers). Bytes are compressed response bodies as Chromium reports them. *Index time*: "
        "Pagefind indexing the built site (median of 3) against Material's search plugin inside its build.",
        "",
        "| site | search | on page load | first search | requests (load / search) | index time | index on disk |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, kinds in rows.items():
        if name == "recall":
            continue
        for kind in ("latar", "material"):
            r = kinds[kind]
            seconds = r["pagefind_s"] if kind == "latar" else r["material_index_s"]
            lines.append(
                f"| {name} | {'latar (Pagefind)' if kind == 'latar' else 'Material'} | {r['load_bytes'] / 1024:.1f} KiB | "
                f"{r['search_bytes'] / 1024:.1f} KiB | {len(r['load_requests'])} / {len(r['search_requests'])} | {seconds:.2f} s | "
                f"{r['index_kib']:,.0f} KiB |"
            )
    queries = {name: kinds["latar"]["query"] for name, kinds in rows.items() if name != "recall"}
    lines += ["", "Query typed: " + "; ".join(f"{name}: “{query}”" for name, query in queries.items()) + ".", ""]
    if "recall" in rows:
        recall_rows = rows["recall"]
        relevant = sum(r["relevant"] for r in recall_rows.values())
        lines += [
            "## Recall on the real site",
            "",
            "Method: for each query, the relevant pages are the articles and notes whose indexed text (what a reader "
            "reads: the same pages both searches index) holds, as a whole word, one of the listed forms of the query's "
            "root (me-/di-/pe-/per-/ber-/ke- prefixes, -an/-kan/-i/-nya suffixes; lists in `benchmarks/search.py`). "
            "Found: every page in each engine's full answer, asked in Chromium of the site as it ships "
            "(Material's search worker with its `search_index.json`; Pagefind's full result list — latar's box shows "
            "the first 10 pages of it). Recall = relevant pages found / relevant pages. *Other* counts pages found that "
            "hold none of the forms (e.g. a shared stem such as *aman* in *keamanan*, or a prefix match).",
            "",
            "| query | relevant | Material found | latar found | Material recall | latar recall | other (Material / latar) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for query, r in recall_rows.items():
            n = r["relevant"] or 1
            lines.append(
                f"| {query} | {r['relevant']} | {r['material']} | {r['latar']} | {r['material'] / n:.0%} | {r['latar'] / n:.0%} | "
                f"{r['material_other']} / {r['latar_other']} |"
            )
        found_m = sum(r["material"] for r in recall_rows.values())
        found_l = sum(r["latar"] for r in recall_rows.values())
        lines += [
            f"| **all {len(recall_rows)} queries** | {relevant} | {found_m} | {found_l} | **{found_m / relevant:.0%}** | "
            f"**{found_l / relevant:.0%}** | |",
            "",
        ]
    (out / "search.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out / 'search.md'}")


if __name__ == "__main__":
    main()
