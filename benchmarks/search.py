"""``make bench`` (reader's side of search, issues #13, #24): bytes a reader fetches for search, index cost, recall.

For the real site and a synthetic 200 articles × 2,000 notes site, each built twice: with latar's search (its own
index behind Material's search box) and with Material's own search (``plugins.latar.search: false``).
Each build is served with gzip under /latar/ (as on GitHub Pages) and opened in Chromium with an empty cache:
search bytes on page load (until the network is idle), then on the first search (focus the box with "/",
type the words at 60 ms a key, wait for the results and an idle network), for a one-word and two three-word
queries. Bytes are compressed response bodies as Chromium reports them (Playwright's ``request.sizes()``).
Index cost: CPU seconds of writing the index (:func:`latar.outputs.searchindex.write_index`, in a fresh process,
median of ``--runs``), and the build's wall and CPU time and Python peak with and without latar's search.
Recall: see :data:`QUERIES` and :func:`recall`. Figures go to benchmarks/results/search.md and search.json.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import statistics
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import yaml

from benchmarks.audit import CHROMIUM, GzipHandler
from benchmarks.generate import Shape, write_sites
from benchmarks.measure import build as measured_build
from benchmarks.run import RESULTS, WORK, real_site_dirs

SEARCH_URLS = {
    "latar": ("/cari/", "/assets/latar/search/"),
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
    """One measured ``mkdocs build`` process: wall and CPU seconds, Python's peak, Material's search plugin's seconds."""
    record = measured_build(config, site, WORK / "search-sites" / "record.json")
    return {
        "material_index_s": record.plugin_seconds("search") + record.plugin_seconds("material/search"),
        "build_s": record.wall,
        "build_cpu_s": record.cpu,
        "python_peak_mib": record.python_peak_mib,
        "post_build_s": record.plugins.get("latar", {}).get("on_post_build", 0.0),
    }


INDEX_AGAIN = """
import json, sys, tempfile, time
from pathlib import Path
from latar.outputs.searchindex import SearchPage, write_index
site = Path(sys.argv[1]); manifest = json.loads((site / "cari" / "index.json").read_text("utf-8"))
data = site / "cari" / manifest["build"]; pages = []
for k in range(0, manifest["pages"], manifest["chunk"]):
    for i, entry in enumerate(json.loads((data / f"p{k // manifest['chunk']}.json").read_text("utf-8"))):
        text = json.loads((data / f"x{k + i}.json").read_text("utf-8"))
        url, title, kind, *article = entry
        pages.append(SearchPage(url, title, kind, text.get("s", ""), text.get("b", ""), tuple(text.get("p", ())), *article))
with tempfile.TemporaryDirectory() as out:
    start = time.process_time(); write_index(Path(out), pages); print(time.process_time() - start)
"""


def index_seconds(site: Path, runs: int) -> float:
    """Median CPU seconds of writing the index again from what it holds (what ``on_post_build`` spends on search),
    each run in a fresh process (cold stemmer caches)."""
    seconds = [
        float(subprocess.run([sys.executable, "-c", INDEX_AGAIN, str(site)], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(seconds)


def index_texts(site: Path) -> dict[str, str]:
    """url (site-relative, no slashes around) → the lowercased text latar's index holds for that page."""
    manifest = json.loads((site / "cari" / "index.json").read_text("utf-8"))
    data = site / "cari" / manifest["build"]
    texts = {}
    for k in range(0, manifest["pages"], manifest["chunk"]):
        for i, entry in enumerate(json.loads((data / f"p{k // manifest['chunk']}.json").read_text("utf-8"))):
            text = json.loads((data / f"x{k + i}.json").read_text("utf-8"))
            texts[entry[0].strip("/")] = "\n".join([entry[1], text.get("s", ""), text.get("b", ""), *text.get("p", [])]).lower()
    return texts


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


def synthetic_queries(site: Path) -> list[str]:
    """Words of the synthetic language (deterministic): one that many pages use; three content words one note holds
    together; that word and two of the commonest function words."""
    texts = index_texts(site)
    counts: Counter[str] = Counter()
    for text in texts.values():
        counts.update(set(re.findall(r"\b[a-z]{7,}\b", text)))
    word = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[10][0]
    note = next(text for url, text in sorted(texts.items()) if url.startswith("anotasi/") and re.search(rf"\b{word}\b", text))
    others = sorted({w for w in re.findall(r"\b[a-z]{7,}\b", note) if w != word}, key=lambda w: (-counts[w], w))[:2]
    return [word, " ".join([word, *others]), f"{word} dengan untuk"]


def found_in_box(page, origin: str, query: str) -> list[str]:
    """Every page a reader reaches through the search box: type the query, scroll until Material lists every group."""
    page.goto(origin + "/latar/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        """() => /\\d/.test(document.querySelector('.md-search-result__meta')?.textContent || '')
              || document.querySelector('.md-search-result__meta')?.textContent === 'Tidak ada dokumen yang sesuai'""",
        timeout=30_000,
    )
    page.wait_for_timeout(600)  # the last keystroke's answer, after the worker's debounce
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.sub(r"\D", "", meta) or 0)
    box = page.locator(".md-search__scrollwrap").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    items = page.locator(".md-search-result__list > li")
    for _ in range(100 + 10 * total):  # the wheel, a notch at a time: Material adds four groups each time the end shows
        if items.count() >= total:
            break
        page.mouse.wheel(0, 100)
        page.wait_for_timeout(60)
    hrefs = page.eval_on_selector_all(".md-search-result__list a[href]", "links => links.map(a => a.href)")
    return sorted({href.split("/latar/", 1)[-1].split("?")[0].split("#")[0].strip("/") for href in hrefs})


def recall(browser, latar_origin: str, material_origin: str, latar_site: Path) -> dict:
    """Recall of each search on the real site: relevant pages found / relevant pages.

    Relevant: an article or note whose indexed text (what a reader reads: title, summary, body, paragraphs; the
    same pages both searches index) holds a form of the query's root as a whole word (:data:`QUERIES`). Found by
    latar: every page a reader reaches through the search box, typing the query and scrolling to the end of the
    list. Found by Material: every page in its worker's full answer with its search_index.json (as its box asks).
    """
    texts = index_texts(latar_site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    material, latar = context.new_page(), context.new_page()
    material.goto(material_origin + "/latar/")
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
        by_latar = set(found_in_box(latar, latar_origin, query))
        rows[query] = {
            "relevant": len(relevant),
            "material": len(relevant & by_material),
            "latar": len(relevant & by_latar),
            "material_other": len(by_material - relevant),
            "latar_other": len(by_latar - relevant),
            "latar_missed": sorted(relevant - by_latar),
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
    sites = {"real site": (real_site_dirs()["latar"], ["menyerang", "perundingan keamanan nato", "pernyataan gedung putih"])}
    sites[f"{shape.articles} articles × {shape.notes:,} notes"] = (write_sites(shape, WORK / "search-synthetic")["latar"], None)
    rows: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (config, given) in sites.items():
            rows[name] = {}
            queries = given
            servers = {}
            twins = variants(config)
            build(twins["material"], WORK / "search-sites" / "warm-up")  # untimed: social cards drawn, caches warm for both
            for kind, variant in twins.items():
                parent = WORK / "search-sites" / re.sub(r"\W+", "-", name) / kind
                site = parent / "latar"
                timing = build(variant, site)
                if kind == "latar":
                    queries = given or synthetic_queries(site)
                    timing["index_kib"] = sum(p.stat().st_size for p in (site / "cari").rglob("*") if p.is_file()) / 1024
                    timing["index_files"] = sum(1 for p in (site / "cari").rglob("*") if p.is_file())
                    timing["index_cpu_s"] = index_seconds(site, args.runs)
                else:
                    timing["index_kib"] = (site / "search" / "search_index.json").stat().st_size / 1024
                servers[kind] = serve(parent)
                for number, query in enumerate(queries if kind == "latar" else queries[:1]):
                    # the median of --runs readers by first-search bytes: a loaded machine can delay keystrokes past the debounce
                    readers = sorted(
                        (measure(browser, servers[kind][1], "/latar/", query, kind) for _ in range(args.runs)),
                        key=lambda r: r["search_bytes"],
                    )
                    r = readers[len(readers) // 2] | {"query": query, "readers": len(readers)}
                    if number == 0:
                        rows[name][kind] = timing | r
                    else:
                        rows[name].setdefault("latar_more", []).append(r)
                    print(
                        f"{name:<28} {kind:<8} load {r['load_bytes'] / 1024:8.1f} KiB  first search {r['search_bytes'] / 1024:8.1f} KiB"
                        f"  ({query})  index {timing['index_cpu_s' if kind == 'latar' else 'material_index_s']:.2f} s",
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
        "`python -m benchmarks.search` (part of `make bench`). Each site is built twice: latar's search (its own "
        "index behind Material's search box) and Material's own search (`plugins.latar.search: false`), served with gzip "
        "under `/latar/` and opened in Chromium with an empty cache. *On page load*: search bytes until the network "
        "is idle. *First search*: after pressing `/` and typing the words (60 ms a key) until the results are shown "
        "and the network is idle (the median of the readers). Bytes are compressed response bodies as Chromium reports "
        "them. *Index time*: CPU seconds of writing latar's index (a fresh process, median), against Material's search "
        "plugin inside its build (wall). *Build*: the whole `mkdocs build` process, wall / CPU seconds and Python's peak, "
        "after an untimed build that warmed the card cache (both builds draw no card).",
        "",
        "| site | search | query | on page load | first search | requests (load / search) | index time | index on disk | build (wall / CPU, peak) |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, kinds in rows.items():
        if name == "recall":
            continue
        for kind in ("latar", "material"):
            for r in [kinds[kind], *(kinds.get("latar_more", []) if kind == "latar" else [])]:
                timing = kinds[kind]
                seconds = f"{timing['index_cpu_s']:.2f} s CPU" if kind == "latar" else f"{timing['material_index_s']:.2f} s"
                lines.append(
                    f"| {name} | {'latar' if kind == 'latar' else 'Material'} | {r['query']} | {r['load_bytes'] / 1024:.1f} KiB | "
                    f"{r['search_bytes'] / 1024:.1f} KiB | {len(r['load_requests'])} / {len(r['search_requests'])} | {seconds} | "
                    f"{timing['index_kib']:,.0f} KiB | {timing['build_s']:.1f} / {timing['build_cpu_s']:.1f} s, "
                    f"{timing['python_peak_mib']:.0f} MiB |"
                )
    lines.append("")
    if "recall" in rows:
        recall_rows = rows["recall"]
        relevant = sum(r["relevant"] for r in recall_rows.values())
        lines += [
            "## Recall on the real site",
            "",
            "Method: for each query, the relevant pages are the articles and notes whose indexed text (what a reader "
            "reads: the same pages both searches index) holds, as a whole word, one of the listed forms of the query's "
            "root (me-/di-/pe-/per-/ber-/ke- prefixes, -an/-kan/-i/-nya suffixes; lists in `benchmarks/search.py`). "
            "Found by latar: every page a reader reaches through the search box (type the query, scroll the result list to its "
            "end). Found by Material: every page in its worker's full answer with its `search_index.json`, asked in "
            "Chromium. Recall = relevant pages found / relevant pages. *Other* counts pages found that "
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
