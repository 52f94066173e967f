"""``make reader`` (issue #24): the reader's figures, measured from outside on a built site.

Each instrument opens the built site as a reader's browser does (Debian's Chromium under Playwright, the site
served with gzip under its base path, as on GitHub Pages) and reads rectangles, Range rects, computed styles,
layout shifts, the server's request log and Lighthouse. None imports latar: the same instruments measure the
site before and after a change. Content facts (a note's date and summary, the article's annotations) come from
the repository's notes and the site's published ``anotasi.jsonld``. Probes run in the page: ``reader.js``.

    python -m benchmarks.reader [--label before] [--only top,margin,...] [--quick] [--large] [--site DIR]

Figures go to ``benchmarks/results/reader/<label>-<instrument>.json`` and ``<label>.md`` (with screenshots
``<label>-*.png``); every instrument prints its table.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlparse

import yaml
from playwright.sync_api import Error as PlaywrightError

from benchmarks.audit import CHROMIUM, GzipHandler, lighthouse
from benchmarks.audit import build as build_site

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work" / "reader"
OUT = ROOT / "benchmarks" / "results" / "reader"
PROBES = Path(__file__).with_name("reader.js")
QUERIES = Path(__file__).with_name("reader_queries.yml")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTRUMENTS = ("top", "margin", "lines", "notes", "lighthouse", "search", "shots", "large")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WIDE = ((1280, 800), (1600, 900), (1920, 1080))


@dataclass
class Options:
    """Selectors the probes use; defaults fit the site as of 2026-12, overridable from the command line."""

    body: str = ".latar-article-body"
    context: str = ".latar-context"
    headline: str = "main h1"
    marker: str = "a.footnote-ref, [role=doc-noteref]"
    margin_note: str = ".latar-margin-note"
    main: str = "main article"
    header: str = ".md-header"
    nav_links: str = ".md-sidebar--primary .md-nav__link, .md-tabs__link"


# --- the site, served as GitHub Pages serves it -------------------------------------------------------------


class Server:
    """The site under its base path, gzip as GitHub Pages sends it, every request logged with its body bytes."""

    def __init__(self, site: Path, base: str) -> None:
        self.log: list[dict] = []
        root = WORK / "serve" / re.sub(r"\W+", "-", str(site.resolve())).strip("-")[-60:]
        if base.strip("/"):
            shutil.rmtree(root, ignore_errors=True)
            (root / base.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            (root / base.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
        else:
            root = site
        handler = type("Logged", (_Logged,), {"entries": self.log, "directory_root": str(root)})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def idle(self, quiet: float = 0.7, limit: float = 30.0) -> None:
        """Wait until no request has come for ``quiet`` seconds."""
        end = time.monotonic() + limit
        seen, since = len(self.log), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.1)
            if len(self.log) != seen:
                seen, since = len(self.log), time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Logged(GzipHandler):
    """``GzipHandler`` that logs each request and, like GitHub Pages, lets browsers cache every file 10 minutes."""

    entries: ClassVar[list[dict]]
    directory_root: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._entry: dict = {}
        self._cache_header = False
        super().__init__(*args, directory=self.directory_root, **kwargs)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self._entry = {"path": self.path, "status": int(code) if str(code).isdigit() else code, "bytes": 0, "t": time.monotonic()}
        self._cache_header = False
        self.entries.append(self._entry)

    def send_header(self, keyword: str, value: str) -> None:
        self._cache_header = self._cache_header or keyword.lower() == "cache-control"
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        if not self._cache_header:
            super().send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[override]
        data = source.read()
        outputfile.write(data)
        self._entry["bytes"] = self._entry.get("bytes", 0) + len(data)


@dataclass
class Site:
    """A built site's pages, found from its sitemap (paths relative to the base path)."""

    directory: Path
    base: str
    articles: list[str]
    notes: list[str]
    index: str | None
    timeline: str | None
    canonical: str = ""

    @classmethod
    def read(cls, directory: Path) -> Site:
        sitemap = directory / "sitemap.xml"
        if not sitemap.is_file():
            raise SystemExit(f"{directory} has no sitemap.xml: is it a built site? (make build, or --site DIR)")
        locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text("utf-8"))
        prefix = os.path.commonprefix(locations)  # noqa: RUF071 - URLs: cut back to the last "/" below
        prefix = prefix[: prefix.rfind("/") + 1]
        paths = [unquote(loc[len(prefix) :]) for loc in locations]
        return cls(
            directory=directory,
            base=urlparse(prefix).path or "/",
            articles=sorted(p for p in paths if re.fullmatch(r"artikel/[^/]+/", p)),
            notes=sorted(p for p in paths if re.fullmatch(r"anotasi/[^/]+/", p)),
            index="anotasi/" if (directory / "anotasi" / "index.html").is_file() else None,
            timeline="linimasa/" if (directory / "linimasa" / "index.html").is_file() else None,
            canonical=prefix,
        )

    def path(self, page: str) -> str:
        """The page's path on the server (base path included)."""
        return self.base + page

    def page_of(self, href: str) -> str:
        """A link's page, relative to the base path, without query or fragment ("anotasi/krimea/")."""
        path = unquote(urlparse(href).path)
        path = path[len(self.base) :] if path.startswith(self.base) else path.lstrip("/")
        return re.sub(r"index\.html$", "", path)


# --- what the repository says about its notes and articles (content, not code) -----------------------------


def plain(markdown: str) -> str:
    """Markdown as the text a reader sees (links, emphasis and code marks dropped), spaces squashed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def date_label(value: str) -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as an Indonesian reader reads it."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def notes_of(root: Path) -> dict[str, dict]:
    """Each note's date, summary and first words of its body, from ``docs/anotasi/*.md``."""
    notes = {}
    for path in sorted((root / "docs" / "anotasi").glob("*.md")):
        match = re.match(r"---\n(.*?)\n---\n(.*)", path.read_text("utf-8"), re.S)
        if not match or path.stem == "index":
            continue
        meta = yaml.safe_load(match.group(1)) or {}
        date = meta.get("date")
        date = date.isoformat() if isinstance(date, datetime.date) else (str(date) if date is not None else None)
        paragraphs = [p for p in re.split(r"\n\s*\n", match.group(2)) if p.strip() and not p.lstrip().startswith(("#", "<", "!"))]
        notes[path.stem] = {
            "title": meta.get("title"),
            "kind": meta.get("kind"),
            "date": date,
            "date_text": date_label(date) if date else None,
            "summary": plain(str(meta.get("summary", ""))),
            "summary_start": " ".join(plain(str(meta.get("summary", ""))).split()[:6]),
            "fingerprint": " ".join(plain(paragraphs[0]).split()[:8]) if paragraphs else "",
        }
    return notes


def annotations_of(site: Site, article: str) -> list[dict]:
    """The article's annotations, in order, from the published Web Annotation file (fragment, note, summary)."""
    path = site.directory / "anotasi.jsonld"
    if not path.is_file():
        return []
    data = json.loads(path.read_text("utf-8"))
    items = data.get("first", {}).get("items", [])
    out = []
    for item in items:
        target, _, fragment = item["id"].partition("#")
        if not target.endswith("/" + article):
            continue  # another article's
        bodies = item.get("body", [])
        summary = next((b.get("value", "") for b in bodies if b.get("type") == "TextualBody"), "")
        note = next((b.get("source", "") for b in bodies if b.get("purpose") == "identifying"), "")
        # the headline's marker is not measured (the probes measure the body's), but its note is then said once
        headline = item["target"][0]["selector"][0].get("type") == "CssSelector"
        row = {"fragment": fragment, "note": note.rstrip("/").rsplit("/", 1)[-1], "summary": summary, "title": item.get("label")}
        out.append(row | ({"headline": True} if headline else {}))
    return out


def numbers_of(site: Site) -> dict[str, str]:
    """Each note's number in the newest article (its markers' numbers)."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    newest: tuple[str, dict[str, str]] = ("", {})
    for article in site.articles:
        soup = BeautifulSoup((site.directory / article / "index.html").read_text("utf-8"), "html.parser")
        stamp = soup.select_one("main time[datetime]")
        numbers: dict[str, str] = {}
        for link in soup.select("a.footnote-ref, a[role=doc-noteref]"):
            note = link.get("data-latar-note") or link.get("href", "").removeprefix("#latar-fn-")
            number = link.get("data-latar-number") or (re.findall(r"\d+", link.get("aria-label", "")) or [None])[0]
            if note and number:
                numbers.setdefault(note, number)
        date = stamp["datetime"] if stamp else ""
        if date >= newest[0] and numbers:
            newest = (date, numbers)
    return newest[1]


# --- the browser -------------------------------------------------------------------------------------------


class Browser:
    """Debian's Chromium with the probes installed in every page."""

    def __init__(self, playwright) -> None:
        if not Path(CHROMIUM).is_file():
            raise SystemExit(f"Chromium not found at {CHROMIUM}: run 'make browser' or set LATAR_CHROMIUM=/path/to/chromium")
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)

    def page(self, width: int, height: int, *, phone: bool = False, scale: float = 1):
        context = self.browser.new_context(
            **(PHONE if phone else {"viewport": {"width": width, "height": height}}), device_scale_factor=scale, locale="id-ID"
        )
        if phone:
            context.set_default_timeout(60_000)
        context.add_init_script(path=str(PROBES))
        return context.new_page()

    def close(self) -> None:
        self.browser.close()


def open_page(page, url: str, settle: int = 300) -> None:
    page.goto(url, wait_until="networkidle", timeout=120_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(settle)


def probe(page, name: str, argument: Any = None) -> Any:
    return page.evaluate(f"a => window.__readerProbes.{name}(a)", argument)


def clock() -> Callable[[], float]:
    start = time.perf_counter()
    return lambda: round(time.perf_counter() - start, 1)


# --- 1. top of the article at 390 × 844 ---------------------------------------------------------------------


def measure_top(browser: Browser, server: Server, site: Site, options: Options) -> dict:
    """Where the headline and the first paragraph stand on a phone's first screen; marker and context box."""
    rows = {}
    for article in site.articles:
        page = browser.page(390, 844, phone=True, scale=3)
        open_page(page, server.origin + site.path(article), settle=800)
        rows[article] = probe(
            page,
            "top",
            {
                "body": options.body,
                "headline": options.headline,
                "context": options.context,
                "marker": options.marker,
                "header": options.header,
            },
        )
        page.context.close()
    return {"viewport": "390×844, touch, DPR 3", "context_selector": options.context, "articles": rows}


def table_top(data: dict) -> list[str]:
    lines = [
        f"Viewport {data['viewport']}; y in CSS px from the top of the screen at load; context box selector `{data['context_selector']}`.",
        "",
        "| article | headline y (top–bottom) | headline size, lines | headline marker | context box before ¶1 | ¶1 first line y | ¶1 as a fraction of the screen | between headline and ¶1 |",
        "| --- | ---: | ---: | --- | --- | ---: | ---: | --- |",
    ]
    for article, r in data["articles"].items():
        between = "; ".join(f"{b['element']} {b['height']} px" for b in r["between"]) or "nothing"
        context = "yes" if r["context_before_paragraph"] else ("present, not before ¶1" if r["context_shown"] else "no")
        lines.append(
            f"| {article.split('/')[1]} | {r['headline_top']:.0f}–{r['headline_bottom']:.0f} | {r['headline_font_px']:.0f} px, {r['headline_lines']} lines | "
            f"{'yes' if r['headline_marker'] else 'no'} | {context} | {r['paragraph_top']:.0f} | **{r['paragraph_fraction']:.1%}** | {between} |"
        )
    return lines


# --- 2. margin notes at 1280, 1600, 1920 px ----------------------------------------------------------------


def layout_shift(browser: Browser, url: str, width: int, height: int, rate: int) -> dict:
    """CLS after load (+2 s) and after scrolling through the page in 0.8-screen steps, CPU slowed ``rate``×."""
    page = browser.page(width, height)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_timeout(2000)
    loaded = probe(page, "layoutShift")
    page.evaluate(
        """async () => {
        const step = innerHeight * 0.8;
        while (scrollY + innerHeight < document.documentElement.scrollHeight - 2) {
          const before = scrollY;
          scrollBy(0, step);
          await new Promise(r => setTimeout(r, 150));
          if (scrollY === before) break;
        }
        await new Promise(r => setTimeout(r, 500));
    }"""
    )
    scrolled = probe(page, "layoutShift")
    page.context.close()
    return {"load": loaded, "scrolled": scrolled}


def measure_margin(browser: Browser, server: Server, site: Site, options: Options, runs: int) -> dict:
    """For each marker in the first two screens: its full summary readable beside its line? Overlaps, CLS."""
    out: dict = {"selector": options.margin_note, "articles": {}}
    for article in site.articles:
        annotations = annotations_of(site, article)
        url = server.origin + site.path(article)
        widths = {}
        for width, height in WIDE:
            page = browser.page(width, height)
            open_page(page, url, settle=1200)
            result = probe(page, "margin", {"body": options.body, "annotations": annotations, "marginNote": options.margin_note})
            page.context.close()
            shifts = {}
            for rate in (1, 4):
                measured = [layout_shift(browser, url, width, height, rate) for _ in range(runs)]
                shifts[f"{rate}x"] = {
                    "load": max(m["load"]["cls"] for m in measured),
                    "scrolled": max(m["scrolled"]["cls"] for m in measured),
                    "runs": [round(m["scrolled"]["cls"], 4) for m in measured],
                    "sources": {k: round(v, 4) for m in measured for k, v in m["scrolled"]["sources"].items()},
                }
            result["cls"] = shifts
            widths[str(width)] = result
        out["articles"][article] = {"annotations": len(annotations), "widths": widths}
    return out


def margin_summary(result: dict) -> dict:
    """The figures of one width: markers in the first two screens, readable ones, distances, repeats."""
    every = [r for r in result["rows"] if not r.get("missing") and not r["repeat"]]
    rows = [r for r in result["rows"] if not r.get("missing") and r["in_first_two_viewports"]]
    first = [r for r in rows if not r["repeat"]]
    repeats = [r for r in rows if r["repeat"]]
    readable = [r for r in first if r["readable"]]
    distances = [abs(r["distance"]) for r in rows if r["beside"]]
    reasons: dict[str, int] = {}
    for r in every:
        if not r["readable"]:
            key = re.sub(r"\d+(\.\d+)? px", "N px", r["reason"] or "more than 3 lines from its line")
            key = re.sub(r"\(.*\)", "", key).strip()
            reasons[key] = reasons.get(key, 0) + 1
    return {
        "markers": len(rows),
        "first": len(first),
        "readable": len(readable),
        "every": len(every),
        "every_readable": sum(1 for r in every if r["readable"]),
        "repeats": len(repeats),
        "repeat_copies": sum(1 for r in repeats if r["beside"]),
        "median_distance": statistics.median(distances) if distances else None,
        "max_distance": max(distances) if distances else None,
        "reasons": reasons,
        "summaries_in_page": sum(1 for r in result["rows"] if r.get("summary_in_page")),
        "annotations": len(result["rows"]),
    }


def table_margin(data: dict) -> list[str]:
    lines = [
        "A marker's summary is *readable* when a visible element beside the text column (not over it) holds the "
        "summary's whole text (from `anotasi.jsonld`), is not clipped (no line-clamp, `scrollHeight ≤ clientHeight + 1`, "
        "not cut by an ancestor's overflow), lies within the viewport's width, and its top is within 3 lines of the "
        "marker's line, without any hover or click. Markers: those whose line is in the first two screens at load; "
        "*every marker*: all of the article's. A note marked on the headline is said beside it: its markers in the body "
        "are repeats. "
        f"Overlaps: pairs of visible `{data['selector']}` boxes that intersect. CLS: the largest session window after load "
        "(+2 s), then after scrolling the whole page; worst of the runs.",
        "",
        "| article | width | markers (first / repeats) | full summary readable beside its line | every marker | why not (every marker) | "
        "repeats shown again in full | note top − line top (median / max) | margin notes | overlaps | CLS load / scrolled, CPU 1× | CPU 4× |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for article, a in data["articles"].items():
        for width, result in a["widths"].items():
            s = margin_summary(result)
            why = "; ".join(f"{n} × {k}" for k, n in s["reasons"].items()) or "—"
            dist = f"{s['median_distance']:.0f} / {s['max_distance']:.0f} px" if s["median_distance"] is not None else "—"
            c1, c4 = result["cls"]["1x"], result["cls"]["4x"]
            lines.append(
                f"| {article.split('/')[1]} | {width} | {s['markers']} ({s['first']} / {s['repeats']}) | **{s['readable']} of {s['first']}** | "
                f"{s['every_readable']} of {s['every']} | {why} | "
                f"{s['repeat_copies']} of {s['repeats']} | {dist} | {result['margin_notes']} | {result['overlaps']} | "
                f"{c1['load']:.4f} / {c1['scrolled']:.4f} | {c4['load']:.4f} / {c4['scrolled']:.4f} |"
            )
        bad = [s for s in (margin_summary(r) for r in a["widths"].values()) if s["summaries_in_page"] < s["annotations"]]
        if bad:
            lines += [
                "",
                f"Check: only {bad[0]['summaries_in_page']} of {bad[0]['annotations']} summaries were found anywhere in the page's text.",
            ]
    return lines


# --- 3. line starts at every width from 320 to 1920 px ------------------------------------------------------


def measure_lines(browser: Browser, server: Server, site: Site, options: Options, step: int) -> dict:
    """Lines beginning with closing punctuation at every width: one page, resized in place, one probe a width."""
    out: dict = {"selector": f"{options.body}, {options.context}", "step": step, "articles": {}}
    for article in site.articles:
        page = browser.page(1280, 900)
        open_page(page, server.origin + site.path(article))
        cdp = page.context.new_cdp_session(page)  # resizing through DevTools directly: ~25 ms a width less than Playwright's
        started = time.perf_counter()
        bad: dict[int, list] = {}
        lines: dict[int, int] = {}
        for width in range(320, 1921, step):
            cdp.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            result = probe(page, "lineStarts", out["selector"])
            if result["width"] != width:
                raise SystemExit(f"the page is {result['width']} px wide, not {width}: the viewport did not resize")
            lines[width] = result["lines"]
            if result["bad"]:
                bad[width] = result["bad"]
        seconds = time.perf_counter() - started
        page.context.close()
        out["articles"][article] = {
            "widths": len(lines),
            "seconds": round(seconds, 1),
            "ms_per_width": round(1000 * seconds / len(lines), 1),
            "lines": {"min": min(lines.values()), "max": max(lines.values())},
            "bad": {str(w): b for w, b in bad.items()},
        }
    return out


def spans(widths: list[int]) -> list[tuple[int, int]]:
    """Consecutive integers grouped into (first, last) runs."""
    out: list[tuple[int, int]] = []
    for w in sorted(widths):
        if out and w == out[-1][1] + 1:
            out[-1] = (out[-1][0], w)
        else:
            out.append((w, w))
    return out


def table_lines(data: dict) -> list[str]:
    lines = [
        f"Every width from 320 to 1920 px{'' if data['step'] == 1 else ' in steps of ' + str(data['step']) + ' px'}, one page resized in place; "
        f"line starts from `Range.getClientRects()` over the text of `{data['selector']}`. Closing punctuation: `. , ; : ! ? ) ] }} » ” ’ … %`.",
        "",
        "| article | widths | lines per width | widths with a line starting with closing punctuation | where (line start marked with \\|) | time |",
        "| --- | ---: | ---: | --- | --- | ---: |",
    ]
    for article, a in data["articles"].items():
        bad = sorted(int(w) for w in a["bad"])
        runs = ", ".join(f"{x}–{y}" if x != y else f"{x}" for x, y in spans(bad)) or "none"
        samples = sorted({f"`{b['text']}` ({b['in']})" for w in a["bad"].values() for b in w})
        lines.append(
            f"| {article.split('/')[1]} | {a['widths']} | {a['lines']['min']}–{a['lines']['max']} | **{len(bad)}**: {runs} | "
            f"{'; '.join(samples[:4]) or '—'} | {a['seconds']} s ({a['ms_per_width']} ms a width) |"
        )
    return lines


# --- 4. note pages, timeline, index -------------------------------------------------------------------------


def measure_notes(browser: Browser, server: Server, site: Site, options: Options, root: Path, quick: bool) -> dict:
    """Note pages: a link back into the article before the body, "Muncul di"; timeline rows; index dates."""
    notes = notes_of(root)
    numbers = numbers_of(site)
    articles = [site.path(a) for a in site.articles] + ([site.base] if site.base else [])
    pages = site.notes[:4] if quick else site.notes
    result: dict = {"viewport": "390×844, touch", "pages": {}, "timeline": {}, "index": {}, "nav": None}
    page = browser.page(390, 844, phone=True)
    for note_page in pages:
        note = note_page.split("/")[1]
        open_page(page, server.origin + site.path(note_page), settle=100)
        result["pages"][note] = probe(
            page, "notePage", {"main": options.main, "fingerprint": notes.get(note, {}).get("fingerprint", ""), "articlePaths": articles}
        )
    page.context.close()
    facts = {
        note: {"date": n["date"], "date_text": n["date_text"], "number": numbers.get(note), "summary_start": n["summary_start"]}
        for note, n in notes.items()
    }
    for key, target in (("timeline", site.timeline), ("index", site.index)):
        if not target:
            continue
        for width, height in ((390, 844), (1280, 800)):
            page = browser.page(width, height, phone=width < 500)
            open_page(page, server.origin + site.path(target))
            result[key][str(width)] = probe(page, "rows", {"main": options.main, "notesPath": site.base + "anotasi/", "notes": facts})
            page.context.close()
    if site.notes:
        page = browser.page(1280, 800)
        open_page(page, server.origin + site.path(site.notes[0]))
        result["nav"] = {"page": site.notes[0], "links": probe(page, "nav", {"navLinks": options.nav_links})}
        page.context.close()
    result["dated_notes"] = sorted(n for n, v in notes.items() if v["date"])
    result["kinds"] = {n: v["kind"] for n, v in notes.items()}
    return result


def table_notes(data: dict) -> list[str]:
    pages = data["pages"]
    back = [p for p in pages.values() if p["back_link"]]
    muncul = [p for p in pages.values() if p["muncul_di_before_body"]]
    fractions = [p["muncul_di_y"] / p["page_height"] for p in pages.values() if p["muncul_di_y"] is not None]
    body_found = sum(1 for p in pages.values() if p["body_method"] == "fingerprint")
    lines = [
        f"Note pages at {data['viewport']} (the body is found by its first words in `docs/anotasi/<id>.md`: {body_found} of {len(pages)}; "
        "otherwise the first long paragraph). A link *into the article* points at an article page with a fragment (a paragraph or a marker).",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| note pages | {len(pages)} |",
        f"| a link into the article before the note's body | **{len(back)} of {len(pages)}** |",
    ]
    if back:
        ys = sorted(p["back_link"]["y"] for p in back)
        lines.append(f"| its y (median, max) | {statistics.median(ys):.0f} px, {ys[-1]} px |")
    anywhere = sum(1 for p in pages.values() if p["links_into_article"])
    example = next((h for p in pages.values() for h in p["links_into_article"]), "—")
    lines += [
        f"| pages with any link into the article (anywhere) | {anywhere} of {len(pages)} (e.g. `{example}`) |",
        f"| “Muncul di” before the body | {len(muncul)} of {len(pages)} |",
        "| “Muncul di” y as a share of the page height (median, min) | "
        + (f"{statistics.median(fractions):.0%}, {min(fractions):.0%} |" if fractions else "not found |"),
    ]
    if data.get("nav"):
        links = data["nav"]["links"]
        current = next((n for n in links if n["text"] == "Anotasi"), None)
        others = [n for n in links if n["text"] in ("Artikel", "Linimasa")]
        marked = bool(current) and all(
            (n["color"], n["weight"], n["decoration"]) != (current["color"], current["weight"], current["decoration"]) for n in others
        )
        style = f"{current['color']}, weight {current['weight']}" if current else "not found"
        lines.append(
            f"| nav at 1280 px on a note page: “Anotasi” marked | {'yes' if marked else '**no**'} ({style}; others {', '.join(n['color'] for n in others)}) |"
        )
    lines += [
        "",
        "Timeline and index rows (one row per link to a note page):",
        "",
        "| page | width | rows | date shown whole | number | summary |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key in ("timeline", "index"):
        for width, rows in data[key].items():
            dated = [r for r in rows if "date" in r]
            numbered = [r for r in rows if "number" in r]
            summed = [r for r in rows if "summary" in r]
            date_ok = sum(1 for r in dated if r["date"] == "")
            lines.append(
                f"| {key} | {width} | {len(rows)} | **{date_ok} of {len(dated)}** | {sum(1 for r in numbered if r['number'])} of {len(numbered)} | "
                f"{sum(1 for r in summed if r['summary'] == '')} of {len(summed)} |"
            )
    timeline = data["timeline"].get("390", [])
    listed = {r["note"] for r in timeline}
    missing = [n for n in data.get("dated_notes", []) if n not in listed]
    if timeline:
        kinds: dict[str, int] = {}
        for n in missing:
            kinds[data["kinds"].get(n) or "?"] = kinds.get(data["kinds"].get(n) or "?", 0) + 1
        lines += ["", f"Dated notes not on the timeline: {len(missing)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})."]
    for key in ("timeline", "index"):
        for what in ("date", "summary"):
            reasons: dict[str, int] = {}
            for r in data[key].get("390", []):
                if r.get(what):
                    reasons[r[what]] = reasons.get(r[what], 0) + 1
            if reasons:
                lines.append(
                    f"{key.capitalize()} at 390 px, {what} not shown whole: " + "; ".join(f"{n} × {k}" for k, n in reasons.items()) + "."
                )
    return lines


# --- 5. Lighthouse ------------------------------------------------------------------------------------------


def measure_lighthouse(server: Server, site: Site, runs: int, quick: bool, root: Path = ROOT) -> dict:
    """Lighthouse (mobile preset) on the article, a note page, a clarification's page (the first note of kind
    ``clarification`` in the repository), the index and the timeline: median of ``runs``."""
    note = "anotasi/krimea/" if "anotasi/krimea/" in site.notes else (site.notes[0] if site.notes else None)
    clarifications = sorted(f"anotasi/{n}/" for n, v in notes_of(root).items() if v["kind"] == "clarification")
    pages = {
        "article": site.articles[0] if site.articles else None,
        "note page": note,
        "clarification page": next((p for p in clarifications if p in site.notes), None),
        "notes index": site.index,
        "timeline": site.timeline,
    }
    if quick:
        pages = {"article": pages["article"]}
    out: dict = {"runs": runs, "pages": {}}
    WORK.mkdir(parents=True, exist_ok=True)
    for name, path in pages.items():
        if not path:
            continue
        reports = []
        for run in range(runs):
            report_path = WORK / f"lighthouse-{name.replace(' ', '-')}-{run}.json"
            summary = lighthouse(server.origin + site.path(path), report_path)
            audits = json.loads(report_path.read_text("utf-8"))["audits"]
            summary["metrics"] = {
                key: audits[key]["numericValue"]
                for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
            }
            reports.append(summary)
            print(f"lighthouse {name} run {run + 1}: {json.dumps(summary['scores'])}", flush=True)
        median = statistics.median
        out["pages"][name] = {
            "path": path,
            "scores": {k: median([r["scores"][k] for r in reports]) for k in reports[0]["scores"]},
            "score_runs": {k: [r["scores"][k] for r in reports] for k in reports[0]["scores"]},
            "transfer_kib": median([r["transfer_kib"] for r in reports]),
            "requests": median([r["requests"] for r in reports]),
            "metrics": {k: median([r["metrics"][k] for r in reports]) for k in reports[0]["metrics"]},
            "below_1": {k: sorted({a for r in reports for a in r["below_1"][k]}) for k in reports[0]["below_1"]},
        }
    return out


def table_lighthouse(data: dict) -> list[str]:
    lines = [
        f"Lighthouse 12.8 (mobile preset, simulated throttling), gzip server, median of {data['runs']} runs (performance of each run in brackets).",
        "",
        "| page | performance | accessibility | best practices | SEO | transfer | requests | FCP | LCP | TBT | CLS | below 1 (not performance) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, p in data["pages"].items():
        s, m = p["scores"], p["metrics"]
        failing = "; ".join(f"{k}: {', '.join(v)}" for k, v in p["below_1"].items() if v and k != "performance") or "—"
        runs = ", ".join(f"{x:.2f}" for x in p["score_runs"]["performance"])
        lines.append(
            f"| {name} | {s['performance']:.2f} ({runs}) | {s['accessibility']:.2f} | {s['best-practices']:.2f} | {s['seo']:.2f} | "
            f"{p['transfer_kib']:.1f} KiB | {p['requests']:.0f} | {m['first-contentful-paint'] / 1000:.1f} s | "
            f"{m['largest-contentful-paint'] / 1000:.1f} s | {m['total-blocking-time']:.0f} ms | {m['cumulative-layout-shift']:.3f} | {failing} |"
        )
    return lines


# --- 6. search through the search box ----------------------------------------------------------------------

SEARCH_FILES = (
    ("worker", re.compile(r"search/worker\.js")),
    ("stemmer", re.compile(r"search/stem\.js")),
    ("manifest", re.compile(r"cari/index\.json")),
    ("index shards", re.compile(r"cari/\w+/t\d+\.json")),
    ("page titles", re.compile(r"cari/\w+/p\d+\.json")),
    ("page texts (shown)", re.compile(r"cari/\w+/x\d+\.json")),
    ("Material index", re.compile(r"search_index\.json")),
)
FIXED = {"worker", "stemmer", "manifest"}


def classify(entries: list[dict]) -> dict[str, dict]:
    """Requests by kind of file: count and body bytes."""
    out: dict[str, dict] = {}
    for e in entries:
        kind = next((name for name, pattern in SEARCH_FILES if pattern.search(e["path"])), "other: " + e["path"].rsplit("/", 1)[-1][:40])
        row = out.setdefault(kind, {"requests": 0, "bytes": 0, "statuses": []})
        row["requests"] += 1
        row["bytes"] += e["bytes"]
        row["statuses"].append(e["status"])
    return out


REVEAL = """async () => {
  const root = document.querySelector('.md-search-result');
  if (!root) return 0;
  const wrap = document.querySelector('.md-search__scrollwrap');
  const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  if (wrap) {
    // as a reader's wheel does: off the end, then to it (Material adds more each time the end comes into view)
    wrap.scrollTop = Math.max(0, wrap.scrollHeight - wrap.clientHeight - 100);
    await frame();
    wrap.scrollTop = wrap.scrollHeight;
    await frame();
  }
  return root.querySelectorAll('a[href]').length;
}"""
RESULTS = """() => {
  const root = document.querySelector('.md-search-result');
  const meta = document.querySelector('.md-search-result__meta');
  const items = root ? [...root.querySelectorAll('.md-search-result__list > li, .md-search-result__list > *')] : [];
  return {
    meta: meta ? meta.textContent.trim() : null,
    items: items.map(item => [...item.querySelectorAll('a[href]')].map(a => ({
      href: a.href, shown: a.checkVisibility() && a.getBoundingClientRect().height > 0,
      title: (a.querySelector('h1, h2, .md-search-result__title') || a).textContent.trim().slice(0, 60)}))),
  };
}"""


def search_box(page, server: Server, query: str) -> dict:
    """Type ``query`` into Material's search box; reveal every result the UI offers; the pages listed, the bytes."""
    mark = len(server.log)
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(query, delay=60)
    with contextlib.suppress(PlaywrightError):  # no result at all is a figure, not an error
        page.wait_for_selector(".md-search-result__list > *", timeout=30_000)
    server.idle()
    first_entries = list(server.log[mark:])
    clicks = 0
    stable = 0
    count = page.evaluate(REVEAL)
    for _ in range(40):
        # whatever the UI offers to show more: folded results, "more" buttons, then scroll to the end
        for control in page.locator(
            ".md-search-result details:not([open]) > summary, .md-search-result button, .md-search-result [role=button]"
        ).all():
            if control.is_visible():
                with contextlib.suppress(PlaywrightError):  # a control that went away meanwhile
                    control.click(timeout=2000)
                    clicks += 1
        page.wait_for_timeout(150)
        server.idle(quiet=0.3)
        now = page.evaluate(REVEAL)
        stable = stable + 1 if now == count else 0
        count = now
        if stable >= 2:
            break
    shown = page.evaluate(RESULTS)
    return {"first": first_entries, "all": list(server.log[mark:]), "results": shown, "clicks": clicks}


def engine_answer(page, site: Site, query: str) -> list[str] | None:
    """Diagnosis, not a reader's figure: the search box lists every page latar's worker finds, so there is no fuller
    answer to ask for (Pagefind's, which listed only ten, had one)."""
    return None


def ranked_pages(site: Site, results: dict) -> list[str]:
    """The distinct pages of the result list, in the order listed."""
    pages: list[str] = []
    for item in results["items"]:
        for link in item:
            page = site.page_of(link["href"])
            if page not in pages:
                pages.append(page)
    return pages


def first_search(browser: Browser, server: Server, site: Site, start: str, query: str, readers: int) -> dict:
    """Bytes of the first search in a fresh browser (empty cache): median of ``readers`` readers."""
    measured = []
    for _ in range(readers):
        page = browser.page(1280, 900)
        open_page(page, server.origin + site.path(start), settle=500)
        measured.append(classify(search_box(page, server, query)["first"]))
        page.context.close()
    measured.sort(key=lambda c: sum(r["bytes"] for r in c.values()))
    return measured[len(measured) // 2]


def large_queries(site: Site) -> tuple[str, str]:
    """A one-word and a three-word query for a synthetic site: frequent long words of the first article page."""
    from collections import Counter  # noqa: PLC0415

    from benchmarks.search import index_texts  # noqa: PLC0415 - what latar's index holds, page by page

    counts: Counter[str] = Counter()
    texts = []
    for url, text in sorted(index_texts(site.directory).items())[:300]:
        words = set(re.findall(r"\b[a-z]{7,}\b", text))
        counts.update(words)
        texts.append((url, words))
    article = next(words for url, words in texts if "artikel/" in url)
    ranked = sorted(article, key=lambda w: (-counts[w], w))
    return ranked[10], " ".join(ranked[10:13])


def material_index(root: Path) -> dict:
    """Material's own search index for the same site (``plugins.latar.search: false``): raw and gzip bytes."""
    from benchmarks.search import variants  # noqa: PLC0415 - the twin config, as make bench writes it

    source = WORK / "material-src"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(
        root, source, ignore=shutil.ignore_patterns(".venv", ".git", "site", "benchmarks", "tests", "node_modules", ".cache", "__pycache__")
    )
    site = WORK / "material-site"
    build_site(variants(source / "mkdocs.yml")["material"], site)
    data = (site / "search" / "search_index.json").read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, mtime=0))}


def measure_search(browser: Browser, server: Server, site: Site, root: Path, quick: bool) -> dict:
    """18 queries typed into the search box on the article page: reachable relevant pages, article rank, bytes."""
    queries = yaml.safe_load(QUERIES.read_text("utf-8"))
    if quick:
        queries = queries[:3]
    article = site.articles[0]
    out: dict = {"start": article, "queries": {}}
    for entry in queries:
        page = browser.page(1280, 900)
        open_page(page, server.origin + site.path(article), settle=500)
        found = search_box(page, server, entry["query"])
        engine = engine_answer(page, site, entry["query"])
        page.context.close()
        listed = ranked_pages(site, found["results"])
        relevant = list(entry["relevant"])
        unknown = [p for p in relevant if p not in site.notes + site.articles]
        reachable = [p for p in relevant if p in listed]
        out["queries"][entry["query"]] = {
            "kind": entry.get("kind"),
            "relevant": relevant,
            "unknown": unknown,
            "reachable": reachable,
            "missed": [p for p in relevant if p not in listed],
            "engine": engine,
            "listed": listed,
            "article_rank": listed.index(article) + 1 if article in listed else None,
            "meta": found["results"]["meta"],
            "clicks": found["clicks"],
            "first_bytes": sum(e["bytes"] for e in found["first"]),
            "all_bytes": sum(e["bytes"] for e in found["all"]),
            "files": classify(found["first"]),
        }
        q = out["queries"][entry["query"]]
        print(
            f"search {entry['query']:<26} reachable {len(reachable):>2}/{len(relevant):<2} article rank {q['article_rank']}  {q['meta']}",
            flush=True,
        )
    # the first search's bytes: every query above ran in a fresh browser (empty cache)
    one, three = "Krimea", "pernyataan Gedung Putih"
    out["bytes"] = {"real site": {q: out["queries"][q]["files"] for q in (one, three) if q in out["queries"]}}
    # the second page a reader opens: which search files come again (GitHub Pages lets browsers cache 10 minutes)
    page = browser.page(1280, 900)
    open_page(page, server.origin + site.path(article), settle=500)
    search_box(page, server, one)
    second = next((p for p in site.notes if p != "anotasi/krimea/"), site.index or article)
    mark = len(server.log)
    open_page(page, server.origin + site.path(second), settle=500)
    page_load = classify(server.log[mark:])
    again = search_box(page, server, three)
    page.context.close()
    out["second_page"] = {"page": second, "query": three, "load": page_load, "search": classify(again["first"])}
    out["material_index"] = material_index(root)
    return out


def measure_large(browser: Browser, quick: bool) -> dict:
    """First-search bytes on a synthetic 200 articles × 2,000 notes site (benchmarks.generate), median of 3 readers."""
    from benchmarks.generate import Shape, write_sites  # noqa: PLC0415

    shape = Shape(articles=20, notes=200) if quick else Shape(articles=200, notes=2_000)
    readers = 1 if quick else 3
    config = write_sites(shape, WORK / "large-src")["latar"]
    directory = WORK / "large-site"
    started = time.perf_counter()
    build_site(config, directory)
    built = time.perf_counter() - started
    print(f"built {shape.articles} × {shape.notes:,} in {built:.0f} s", flush=True)
    site = Site.read(directory)
    one, three = large_queries(site)
    server = Server(directory, site.base)
    try:
        start = site.articles[0]
        return {
            "site": f"{shape.articles} × {shape.notes:,}",
            "build_s": round(built, 1),
            "readers": readers,
            "bytes": {
                one: first_search(browser, server, site, start, one, readers),
                three: first_search(browser, server, site, start, three, readers),
            },
        }
    finally:
        server.close()


BYTES_HEADER = [
    "| site | query | total | query-independent (worker, stemmer, manifest) | index shards | titles and texts shown | requests |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
]


def bytes_rows(site_name: str, by_query: dict) -> list[str]:
    """One table row per query: the first search's bytes by kind of file."""
    rows = []
    for query, files in by_query.items():
        total = sum(r["bytes"] for r in files.values())
        fixed = sum(r["bytes"] for k, r in files.items() if k in FIXED)
        chunks = files.get("index shards", {}).get("bytes", 0)
        frags = files.get("page titles", {}).get("bytes", 0) + files.get("page texts (shown)", {}).get("bytes", 0)
        rows.append(
            f"| {site_name} | {query} | **{total / 1024:.1f} KiB** | {fixed / 1024:.1f} KiB | {chunks / 1024:.1f} KiB | {frags / 1024:.1f} KiB | "
            f"{sum(r['requests'] for r in files.values())} |"
        )
    return rows


def table_large(data: dict) -> list[str]:
    return [
        f"A synthetic site (`benchmarks.generate`, built in {data['build_s']} s), served with gzip; each query typed into the "
        f"search box on the first article page in a fresh browser ({data['readers']} reader(s), the median).",
        "",
        *BYTES_HEADER,
        *bytes_rows(data["site"], data["bytes"]),
    ]


def names(pages: list[str]) -> str:
    """Pages by their last path segment ("krimea, nato"), or a dash."""
    return ", ".join(p.rstrip("/").rsplit("/", 1)[-1] for p in pages) or "—"


def table_search(data: dict) -> list[str]:
    queries = data["queries"]
    relevant = sum(len(q["relevant"]) for q in queries.values())
    reachable = sum(len(q["reachable"]) for q in queries.values())
    lines = [
        "Typed into Material's search box (60 ms a key) on the article page at 1280 px, fresh browser each; then every "
        "control the result list offers was pressed (folded results, buttons) and the list scrolled to its end until "
        "nothing new appeared. *Reachable*: a relevant page (judged by hand, `benchmarks/reader_queries.yml`) has a link "
        "in the list. Article rank: its place among the pages listed.",
        "",
        "| query | kind | relevant | reachable | article rank | shown (Material's count line) | missed: matched but not listed | missed: not matched |",
        "| --- | --- | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for query, q in queries.items():
        engine = q.get("engine")
        cut = [p for p in q["missed"] if engine is not None and p in engine]
        unmatched = [p for p in q["missed"] if p not in cut]
        lines.append(
            f"| {query} | {q['kind']} | {len(q['relevant'])} | {len(q['reachable'])} | {q['article_rank'] or '—'} | {q['meta']} | "
            f"{names(cut)} | {names(unmatched)} |"
        )
    complete = sum(1 for q in queries.values() if not q["missed"])
    lines += [
        f"| **all {len(queries)}** | | {relevant} | **{reachable} ({reachable / relevant:.0%})** | | | "
        f"{complete} of {len(queries)} queries reach every relevant page | |",
        "",
        "*Matched but not listed* would be a page the engine found but the list left out: latar's worker lists every page "
        "it finds, so every miss is *not matched*.",
        "",
        "First search, bytes as served (gzip, empty cache), from focusing the box until the network is quiet "
        "(real site: the reader of that query above; other sites: the median of 3 readers):",
        "",
        *BYTES_HEADER,
    ]
    for site_name, by_query in data["bytes"].items():
        lines += bytes_rows(site_name, by_query)
    totals = sorted(q["first_bytes"] for q in queries.values())
    lines.append(
        f"| real site | all {len(totals)} queries | median {statistics.median(totals) / 1024:.1f} KiB "
        f"({totals[0] / 1024:.1f}–{totals[-1] / 1024:.1f}) | | | | |"
    )
    m = data["material_index"]
    lines += [
        "",
        f"Material's whole index on the real site (`search_index.json`, what its search fetches): {m['gzip'] / 1024:.1f} KiB gzip ({m['raw'] / 1024:.0f} KiB raw).",
        "",
    ]
    any_query = next(iter(data["bytes"]["real site"].values()))
    lines += ["Query-independent files of the first search (real site):", "", "| file | bytes |", "| --- | ---: |"]
    lines += [f"| {k} | {r['bytes'] / 1024:.1f} KiB |" for k, r in any_query.items() if k in FIXED]
    second = data["second_page"]
    fetched = {k: r for k, r in second["search"].items() if any(s == 200 for s in r["statuses"])}
    lines += [
        "",
        f"Second page view (same browser, `{second['page']}`, then a search for “{second['query']}”): "
        f"{sum(r['requests'] for r in second['search'].values())} search requests, {sum(r['bytes'] for r in second['search'].values()) / 1024:.1f} KiB; "
        "fetched again: "
        + (", ".join(f"{k} ({r['bytes'] / 1024:.1f} KiB)" for k, r in fetched.items() if k in FIXED) or "no query-independent file")
        + ".",
    ]
    return lines


# --- 7. screenshots ------------------------------------------------------------------------------------------


def take_screenshots(browser: Browser, server: Server, site: Site, options: Options, out: Path, label: str) -> dict:
    """Viewport screenshots for the record: article top, margin, note page, timeline, index."""
    note = "anotasi/krimea/" if "anotasi/krimea/" in site.notes else (site.notes[0] if site.notes else None)
    shots = {}
    for width, height in ((390, 844), (1280, 800), (1600, 900)):
        targets = {"article-top": site.articles[0] if site.articles else None, "note": note, "timeline": site.timeline, "index": site.index}
        for name, path in targets.items():
            if not path:
                continue
            page = browser.page(width, height, phone=width < 500)
            open_page(page, server.origin + site.path(path), settle=1000)
            file = out / f"{label}-{name}-{width}.png"
            page.screenshot(path=str(file))
            shots[file.name] = path
            if name == "article-top" and width >= 1280:
                page.evaluate(
                    "s => { const p = document.querySelector(s + ' p:nth-of-type(6)'); if (p) scrollTo(0, p.getBoundingClientRect().top + scrollY - 120); }",
                    options.body,
                )
                page.wait_for_timeout(500)
                file = out / f"{label}-margin-{width}.png"
                page.screenshot(path=str(file))
                shots[file.name] = path + " (scrolled to ¶6)"
            page.context.close()
    return shots


def table_shots(data: dict) -> list[str]:
    return ["| file | page |", "| --- | --- |"] + [f"| `{name}` | {path} |" for name, path in data.items()]


# --- the run ------------------------------------------------------------------------------------------------

TABLES = {
    "top": ("1. Top of the article at 390 × 844", table_top),
    "margin": ("2. Margin notes at 1280, 1600 and 1920 px", table_margin),
    "lines": ("3. Lines that begin with closing punctuation, 320–1920 px", table_lines),
    "notes": ("4. Note pages, timeline, index", table_notes),
    "lighthouse": ("5. Lighthouse", table_lighthouse),
    "search": ("6. Search through the search box", table_search),
    "large": ("6b. First search on a synthetic newsroom site", table_large),
    "shots": ("7. Screenshots", table_shots),
}


@dataclass
class Run:
    """One run of the instruments on one built site."""

    site: Site
    server: Server
    options: Options
    root: Path
    out: Path
    label: str
    quick: bool
    runs: int
    origin: str
    """What was measured: the commit the site was built from, or the built site's folder."""
    seconds: dict[str, float] = field(default_factory=dict)

    def save(self, name: str, data: Any, seconds: float) -> None:
        self.seconds[name] = seconds
        payload = {"seconds": seconds, "quick": self.quick, "site": self.origin, "load": round(os.getloadavg()[0], 1), "data": data}
        (self.out / f"{self.label}-{name}.json").write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        title, render = TABLES[name]
        print(f"\n## {title} ({seconds} s)\n\n" + "\n".join(render(data)), flush=True)


def origin(root: Path, site: Path | None) -> str:
    """The commit a site is built from (and whether the checkout had changes), or the folder given."""
    if site is not None:
        return f"the built site in {site.name}/"
    git = ["git", "-C", str(root)]
    inputs = ["--", "docs", "seeds", "plugins", "mkdocs.yml"]
    commit = subprocess.run([*git, "log", "-1", "--format=%h “%s”", *inputs], capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", *inputs], capture_output=True, text=True, check=False).stdout.strip()
    changes = " with uncommitted changes" if dirty else ""
    return f"built from {commit or 'a checkout outside git'}{changes} (the last commit to its inputs)"


def load(out: Path, label: str, name: str) -> dict | None:
    path = out / f"{label}-{name}.json"
    return json.loads(path.read_text("utf-8"))["data"] if path.is_file() else None


def summary(out: Path, label: str) -> list[str]:
    """The issue's "Done means", one line each, from whichever instruments ran."""
    rows = []
    if top := load(out, label, "top"):
        for article, r in top["articles"].items():
            rows.append(
                (
                    "headline marker; context box above ¶1; ¶1 starts in the upper 55 % at 390×844",
                    f"{'yes' if r['headline_marker'] else 'no'}; {'yes' if r['context_before_paragraph'] else 'no'}; "
                    f"{r['paragraph_fraction']:.1%} ({r['paragraph_top']:.0f} px) — {article.split('/')[1]}",
                )
            )
    if margin := load(out, label, "margin"):
        for a in margin["articles"].values():
            for width in ("1280", "1600"):
                if width in a["widths"]:
                    r = a["widths"][width]
                    m = margin_summary(r)
                    cls = max(r["cls"][rate][k] for rate in ("1x", "4x") for k in ("load", "scrolled"))
                    rows.append(
                        (
                            f"{width} px: full summaries readable beside their line (first two screens; every marker); overlaps; CLS (worst)",
                            f"{m['readable']} of {m['first']}; {m['every_readable']} of {m['every']}; {r['overlaps']}; {cls:.4f}",
                        )
                    )
    if lines := load(out, label, "lines"):
        for a in lines["articles"].values():
            bad = sorted(int(w) for w in a["bad"])
            runs = ", ".join(f"{x}–{y}" if x != y else f"{x}" for x, y in spans(bad)) or "none"
            rows.append((f"widths (of {a['widths']}) with a line starting with closing punctuation", f"{len(bad)} ({runs})"))
    if notes := load(out, label, "notes"):
        pages = notes["pages"]
        rows.append(
            ("note pages linking into the article before their body", f"{sum(1 for p in pages.values() if p['back_link'])} of {len(pages)}")
        )
        rows.append(("“Muncul di” before the body", f"{sum(1 for p in pages.values() if p['muncul_di_before_body'])} of {len(pages)}"))
        for key in ("timeline", "index"):
            for width in ("390",):
                r = notes[key].get(width, [])
                dated = [x for x in r if "date" in x]
                rows.append((f"{key} at {width} px: dates shown whole", f"{sum(1 for x in dated if x['date'] == '')} of {len(dated)}"))
    if lh := load(out, label, "lighthouse"):
        for name, p in lh["pages"].items():
            s = p["scores"]
            rows.append(
                (
                    f"Lighthouse {name}: accessibility / best practices / SEO; performance; transfer",
                    f"{s['accessibility']:.2f} / {s['best-practices']:.2f} / {s['seo']:.2f}; {s['performance']:.2f}; {p['transfer_kib']:.0f} KiB",
                )
            )
    if search := load(out, label, "search"):
        q = search["queries"]
        relevant = sum(len(x["relevant"]) for x in q.values())
        reachable = sum(len(x["reachable"]) for x in q.values())
        complete = sum(1 for x in q.values() if not x["missed"])
        rows.append(
            (
                "search: relevant pages reachable (recall); queries reaching all",
                f"{reachable} of {relevant} ({reachable / relevant:.0%}); {complete} of {len(q)}",
            )
        )
        for site_name, by_query in search["bytes"].items():
            for query, files in by_query.items():
                rows.append((f"first search, {site_name}, “{query}”", f"{sum(r['bytes'] for r in files.values()) / 1024:.1f} KiB"))
        rows.append(("Material's whole index, real site (gzip)", f"{search['material_index']['gzip'] / 1024:.1f} KiB"))
    if large := load(out, label, "large"):
        for query, files in large["bytes"].items():
            rows.append((f"first search, {large['site']}, “{query}”", f"{sum(r['bytes'] for r in files.values()) / 1024:.1f} KiB"))
    if not rows:
        return []
    return ["## Summary (issue #24, “Done means”)", "", "| figure | measured |", "| --- | --- |", *[f"| {a} | {b} |" for a, b in rows], ""]


def report(out: Path, label: str) -> Path:
    """``<label>.md`` from every ``<label>-<instrument>.json`` there is."""
    lines = [
        f"# Reader figures: {label}",
        "",
        "`make reader` (`python -m benchmarks.reader`): the built site served with gzip under its base path, opened in "
        "Debian's Chromium; instruments and method in `benchmarks/reader.py` and `benchmarks/reader.js`.",
        "",
    ]
    total = 0.0
    sites, loads = set(), []
    for name, (title, render) in TABLES.items():
        path = out / f"{label}-{name}.json"
        if not path.is_file():
            continue
        payload = json.loads(path.read_text("utf-8"))
        total += payload["seconds"]
        sites.add(payload.get("site", "?"))
        loads.append(payload.get("load", 0))
        quick = " — **quick run**" if payload.get("quick") else ""
        lines += [f"## {title}", "", f"Run time {payload['seconds']} s{quick}.", "", *render(payload["data"]), ""]
    lines[4:4] = [
        f"Site: {'; '.join(sorted(sites))}. Run time of the instruments: {total / 60:.1f} min on a shared 2-core machine "
        f"(load average {min(loads, default=0)}–{max(loads, default=0)} as each instrument finished).",
        "",
        *summary(out, label),
    ]
    target = out / f"{label}.md"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def main() -> None:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="latest", help="name of the result files (before, after, …)")
    parser.add_argument(
        "--only", default=",".join(INSTRUMENTS[:-1]), help=f"comma-separated, of {', '.join(INSTRUMENTS)} (default: all but large)"
    )
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the repository at --root)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository whose notes (docs/anotasi) the site was built from")
    parser.add_argument("--quick", action="store_true", help="smoke run: fewer widths, pages, queries and runs")
    parser.add_argument("--large", action="store_true", help="also first-search bytes at 200 articles × 2,000 notes (builds it)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs a page (median)")
    parser.add_argument("--out", type=Path, default=OUT)
    for name, default in vars(Options()).items():
        parser.add_argument(f"--{name.replace('_', '-')}", default=default, help=f"selector (default {default!r})")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()] + (
        ["large"] if args.large and "large" not in args.only else []
    )
    if unknown := [n for n in chosen if n not in INSTRUMENTS]:
        raise SystemExit(f"unknown instrument(s) {', '.join(unknown)}; choose from {', '.join(INSTRUMENTS)}")
    options = Options(**{name: getattr(args, name) for name in vars(Options())})
    args.out.mkdir(parents=True, exist_ok=True)
    elapsed = clock()
    directory = args.site
    if directory is None:
        directory = WORK / "site"
        build_site(args.root / "mkdocs.yml", directory)
        print(f"built {args.root} into {directory} in {elapsed()} s", flush=True)
    site = Site.read(directory)
    server = Server(directory, site.base)
    run = Run(
        site, server, options, args.root, args.out, args.label, args.quick, 1 if args.quick else args.runs, origin(args.root, args.site)
    )
    try:
        with sync_playwright() as playwright:
            browser = Browser(playwright)
            try:
                steps: dict[str, Callable[[], Any]] = {
                    "top": lambda: measure_top(browser, server, site, options),
                    "margin": lambda: measure_margin(browser, server, site, options, 1 if args.quick else 2),
                    "lines": lambda: measure_lines(browser, server, site, options, 40 if args.quick else 1),
                    "notes": lambda: measure_notes(browser, server, site, options, args.root, args.quick),
                    "lighthouse": lambda: measure_lighthouse(server, site, run.runs, args.quick, args.root),
                    "search": lambda: measure_search(browser, server, site, args.root, args.quick),
                    "large": lambda: measure_large(browser, args.quick),
                    "shots": lambda: take_screenshots(browser, server, site, options, args.out, args.label),
                }
                for name in chosen:
                    timer = clock()
                    run.save(name, steps[name](), timer())
            finally:
                browser.close()
    finally:
        server.close()
    print(f"\nwrote {report(args.out, args.label)} ({elapsed() / 60:.1f} min in all)")


if __name__ == "__main__":
    main()
