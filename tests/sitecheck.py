"""Content checks of a built latar site that hold for any articles and notes.

Each check returns a list of failures (empty when the site is right), so the same checks run over
the real content (``test_content.py``) and over a copy with an added article (``test_newsroom.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from latar.core.articles import PUBLISHER, Article, load_articles
from latar.core.notes import Note, load_notes
from latar.html.pages import DATED_KINDS

CLITICS = "nya|lah|kah|pun"


@dataclass
class Project:
    """The articles and valid notes of a project, and its built site."""

    root: Path
    site: Path
    articles: list[Article]
    notes: dict[str, Note]

    @classmethod
    def load(cls, root: Path, site: Path) -> Project:
        articles, problems = load_articles(root / "seeds", root)
        notes, note_problems, _ = load_notes(root / "docs" / "anotasi", root)
        assert problems == [] and note_problems == [], problems + note_problems
        return cls(root, site, articles, {note.id: note for note in notes})

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / path).read_text("utf-8"), "html.parser")

    def article_page(self, article: Article) -> BeautifulSoup:
        return self.soup(f"artikel/{article.name}/index.html")


def body_text(body) -> tuple[str, list[tuple[int, int, str]]]:
    """The article text of a page's body (markers and publisher lines left out) and each mark's (start, end, note)."""
    text, marks = "", []
    for block in body.find_all(["p", "aside"], recursive=False):
        if "latar-publisher-line" in (block.get("class") or []):
            continue
        for node in block.descendants:
            if isinstance(node, str) and not node.find_parent("sup"):
                parent = node.parent
                if "latar-anchor" in (parent.get("class") or []):
                    marks.append((len(text), len(text) + len(node), parent["data-latar-note"]))
                text += node
        text += "\n"
    return text, marks


def published_text(project: Project, article: Article) -> list[str]:
    """Failures of "nothing lost": the page shows every non-blank line of the seed, in order, in its place."""
    soup = project.article_page(article)
    raw = (project.root / "seeds" / f"{article.name}.txt").read_bytes().decode("utf-8").removeprefix("\ufeff")
    seed = [unicodedata.normalize("NFC", line) for line in re.split(r"\r\n|\r|\n", raw) if line.strip()]
    body = soup.select_one(".latar-article-body")
    shown = []
    for block in body.find_all(["p", "aside"], recursive=False):
        copy = BeautifulSoup(str(block), "html.parser")
        for sup in copy.select("sup"):
            sup.decompose()
        shown.append(copy.get_text())
    failures = []
    head, tail = len(article.preamble), len(article.postscript)
    if shown != seed[head : len(seed) - tail]:
        failures.append(f"{article.name}: the article body differs from the seed")
    if head and " / ".join(seed[:head]) not in soup.select_one("aside.latar-source").get_text():
        failures.append(f"{article.name}: the preamble lines are not in the source box")
    if tail and [p.get_text() for p in soup.select("aside.latar-postscript blockquote p")] != seed[len(seed) - tail :]:
        failures.append(f"{article.name}: the postscript differs from the seed")
    asides = body.select("aside.latar-publisher-line")
    if [a.get_text() for a in asides] != [b.text for b in article.blocks if b.kind == PUBLISHER]:
        failures.append(f"{article.name}: publisher lines are not shown at their place")
    if any(a.select(".latar-anchor, sup") for a in asides):
        failures.append(f"{article.name}: a publisher line is annotated")
    return failures


def endnotes(project: Project, article: Article) -> list[str]:
    """Every marker has its endnote and every endnote links back to markers that exist."""
    soup = project.article_page(article)
    failures = []
    # the headline's marker too: it is read first (document order)
    refs = soup.select(":is(.latar-headline, .latar-article-body) sup.latar-ref > a.footnote-ref")
    items = {li["id"]: li for li in soup.select("div.footnote.latar-footnotes > ol > li")}
    for ref in refs:
        note_id = ref["data-latar-note"]
        if note_id not in project.notes:
            failures.append(f"{article.name}: marker of unknown note {note_id}")
        if ref["href"][1:] not in items:
            failures.append(f"{article.name}: marker {ref['href']} has no endnote")
    for fn_id, item in items.items():
        backs = item.select("a.footnote-backref")
        if not backs or any(soup.select_one(f"#{b['href'][1:]}") is None for b in backs):
            failures.append(f"{article.name}: endnote {fn_id} does not link back to its markers")
        more = item.select_one("a.latar-more")
        if more is None or not (project.site / "artikel" / article.name / more["href"] / "index.html").resolve().is_file():
            failures.append(f"{article.name}: endnote {fn_id} does not link to its note page")
    numbers = [ref.get("data-latar-number") or ref.get_text() for ref in refs]  # the number may be CSS generated content
    first_seen = list(dict.fromkeys(numbers))
    if first_seen != [str(n) for n in range(1, len(first_seen) + 1)]:
        failures.append(f"{article.name}: notes are not numbered in reading order: {first_seen}")
    return failures


def first_mentions(project: Project, article: Article) -> list[str]:
    """An ``occurrence: first`` anchor without prefix/suffix lands on the first mention not taken by another note."""
    body = project.article_page(article).select_one(".latar-article-body")
    text, marks = body_text(body)
    failures = []
    seen: set[tuple[str, str]] = set()
    for start, end, note_id in marks:
        phrase = text[start:end]
        anchors = [
            a
            for a in project.notes[note_id].anchors
            if a.text.casefold() == phrase.casefold() and a.occurrence == "first" and not (a.prefix or a.suffix)
        ]
        if not anchors or (note_id, phrase.casefold()) in seen:
            continue
        seen.add((note_id, phrase.casefold()))
        flags = 0 if anchors[0].case_sensitive else re.IGNORECASE
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?=(?:{CLITICS})?(?!\w))", flags)
        taken = [(s, e) for s, e, other in marks if other != note_id]
        free = next((m.start() for m in pattern.finditer(text) if not any(s < m.end() and m.start() < e for s, e in taken)), None)
        if free != start:
            failures.append(f"{article.name}: note {note_id} marks '{phrase}' at {start}, but its first free mention is at {free}")
    return failures


def every_note_is_placed(project: Project) -> list[str]:
    """Every valid note appears in at least one article, and its page links back to each spot."""
    placed: dict[str, int] = {}
    failures = []
    for article in project.articles:
        for mark in project.article_page(article).select(".latar-article-body .latar-anchor"):
            placed[mark["data-latar-note"]] = placed.get(mark["data-latar-note"], 0) + 1
    for note_id in project.notes:
        if note_id not in placed:
            failures.append(f"note {note_id} is not placed in any article")
            continue
        page = project.soup(f"anotasi/{note_id}/index.html")
        if len(page.select(".latar-backlinks a")) != placed[note_id]:
            failures.append(
                f"note {note_id}: 'Muncul di' lists {len(page.select('.latar-backlinks a'))} spots, the articles {placed[note_id]}"
            )
    return failures


def lists_and_home(project: Project) -> list[str]:
    """The home page is the newest article; /artikel/ lists every article newest first; the timeline is in order."""
    failures = []
    newest = project.articles[0]
    if project.soup("index.html").select_one("h1").get_text() != newest.meta.title:
        failures.append(f"the home page is not the newest article ({newest.name})")
    listing = project.soup("artikel/index.html")
    links = [a["href"].rstrip("/") for a in listing.select(".latar-articles-list > li > a")]
    if links != [a.name for a in project.articles]:
        failures.append(f"/artikel/ lists {links}, expected newest first {[a.name for a in project.articles]}")
    for item, article in zip(listing.select(".latar-articles-list > li"), project.articles, strict=False):
        notes = len({m["data-latar-note"] for m in project.article_page(article).select(".latar-article-body .latar-anchor")})
        expected = (article.meta.publisher, article.meta.published, f"{notes} catatan latar")
        meta = item.select_one(".latar-articles-meta")
        if not (expected[0] in meta.get_text() and meta.select_one("time")["datetime"] == expected[1] and expected[2] in meta.get_text()):
            failures.append(f"/artikel/: {article.name} should show {expected}")
    timeline = project.soup("linimasa/index.html").select(".latar-timeline > li")
    dates = [(li.select_one("time")["datetime"] + "-00-00")[:10] for li in timeline]
    if dates != sorted(dates):
        failures.append("the timeline is not in date order")
    dated = [note for note in project.notes.values() if note.date and note.kind in DATED_KINDS]
    if len(timeline) != len(dated) + len(project.articles):
        failures.append(f"the timeline has {len(timeline)} entries for {len(dated)} dated notes and {len(project.articles)} articles")
    published = sorted(li.select_one("time")["datetime"] for li in timeline if "latar-timeline-article" in (li.get("class") or []))
    if published != sorted(article.meta.published for article in project.articles):
        failures.append(f"the timeline places articles on {published}")
    for link in project.soup("linimasa/index.html").select(".latar-timeline a"):
        if not (project.site / "linimasa" / link["href"] / "index.html").resolve().is_file():
            failures.append(f"the timeline links to a missing page: {link['href']}")
    return failures


PER_ARTICLE = (published_text, endnotes, first_mentions)
WHOLE_SITE = (every_note_is_placed, lists_and_home)


def all_failures(project: Project) -> list[str]:
    """Every check over every article and the whole site."""
    failures = [f for check in PER_ARTICLE for article in project.articles for f in check(project, article)]
    return failures + [f for check in WHOLE_SITE for f in check(project)]
