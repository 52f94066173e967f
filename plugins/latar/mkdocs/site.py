"""The site model: what one build knows about the site, made anew for every build (``mkdocs serve`` keeps the plugin).

It holds the catalog and the placements, the rendered articles, the page registry (source URI → typed page, see
:mod:`latar.mkdocs.pages`), every page's address, which files each page is made of (for its dates), the GitHub
links, and what ``on_post_build`` writes. Loading goes through :func:`latar.core.pipeline.load_catalog`, file by
file, so a later step can cache per-file parse results across ``mkdocs serve`` rebuilds without touching this model.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from latar import strings
from latar.core import memory
from latar.core.articles import Article
from latar.core.history import Dates, History
from latar.core.memo import Memo
from latar.core.notecache import KeptNotes
from latar.core.notes import Note, ParsedNotes
from latar.core.pipeline import Catalog, Placement, Placements, load_catalog, place_notes
from latar.core.problems import Problem
from latar.core.sanitize import plain_text
from latar.html import clientdata
from latar.html.article import ArticleRenderer, RenderedArticle, footnote_body, ref_id
from latar.html.builder import Markup
from latar.html.head import Picture
from latar.mkdocs.config import LatarConfig
from latar.mkdocs.contributed import publishable_only
from latar.outputs import search, searchindex
from latar.outputs.cardcache import CardCache
from latar.outputs.cards import HEIGHT, WIDTH, Card
from latar.outputs.indexcache import IndexCache
from latar.outputs.sitemap import gzipped, sitemap
from latar.outputs.webannotation import Addresses, collection_chunks

if TYPE_CHECKING:
    from latar.mkdocs.pages import LatarPage

PLAIN_TEXT = "teks.txt"
"""Each article's plain text, published next to its page."""
CARD = "kartu.png"
"""Each article's and note's social card, published next to its page."""
CORRECTION_TEMPLATE = "koreksi-fakta.yml"
"""The issue form behind "Usulkan koreksi" (``.github/ISSUE_TEMPLATE/``)."""


def project_root(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``: the project's root."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


@dataclass
class SiteModel:
    """Everything one build learns; rebuilt from scratch on every build."""

    options: LatarConfig
    config: MkDocsConfig
    root: Path
    serving: bool = False
    """``mkdocs serve``: a page that cannot be published keeps its address and says why."""
    search: bool = False
    """latar's search answers Material's search box: on when configured and the box is there."""
    boot: str = ""
    """With latar's search, the script every page runs before Material's bundle (see ``search-boot.js``)."""
    island: str = ""
    """The data an article page's scripts read: their words, the proposal form's rules (html/clientdata.py)."""
    catalog: Catalog = field(default_factory=lambda: Catalog((), ()))
    placements: Placements | None = None
    notes: dict[str, Note] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    rendered: dict[str, RenderedArticle] = field(default_factory=dict)
    home: str | None = None
    """The article also shown as the home page (the newest), unless the project has its own ``index.md``."""
    home_html: str = ""
    """The newest article again, with links relative to the home page."""
    held: dict[str, bytes] = field(default_factory=dict)
    """Under :attr:`holds_back`, article pages' HTML (the home page's copy as ``index.md``) by source URI, in UTF-8 until
    the page is written: half the memory of a string of an article's characters ("↩︎", "—")."""
    pages: dict[str, LatarPage] = field(default_factory=dict)
    """The page registry: source URI → latar's page there (generated pages, notes, placeholders)."""
    urls: dict[str, str] = field(default_factory=dict)
    dests: dict[str, str] = field(default_factory=dict)
    files: Files | None = None
    history: History = field(default_factory=lambda: History({}, datetime.min))
    heads: dict[str, str] = field(default_factory=dict)
    """Source URI → the Open Graph and JSON-LD tags its page gets before ``</head>``."""
    cards: dict[str, Card] = field(default_factory=dict)
    sitemap: list[tuple[str, datetime]] = field(default_factory=list)
    other_pages: list[searchindex.SearchPage] = field(default_factory=list)
    """Pages the project wrote (not latar's), for search."""
    problems: tuple[Problem, ...] = ()
    _paths: dict[str, Path] = field(default_factory=dict)
    _article_files: dict[str, tuple[Path, Path]] = field(default_factory=dict)

    @classmethod
    def start(cls, options: LatarConfig, config: MkDocsConfig, serving: bool) -> SiteModel:
        """A new build: the project's folders checked, latar's search on when Material's search box is there."""
        site = cls(options, config, project_root(config), serving, search=options.search and "material/search" in config.plugins)
        site.boot = f"<script>{search.boot_script()}</script>" if site.search else ""
        site.island = clientdata.island(clientdata.article_data(proposals=bool(options.repository)))
        if not serving:
            memory.map_big_blocks()  # an article page of 10,000 notes is made of several 13-26 MB strings
        if not site.seeds_dir.is_dir():
            raise PluginError(
                f"latar: the articles folder '{options.seeds_dir}' does not exist next to mkdocs.yml; create it or set plugins.latar.seeds_dir"
            )
        return site

    @property
    def seeds_dir(self) -> Path:
        """The articles folder."""
        return self.root / self.options.seeds_dir

    @functools.cached_property
    def docs_path(self) -> str:
        """The docs folder as the repository names it (for GitHub links and messages)."""
        docs = Path(self.config.docs_dir).resolve()
        return docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else docs.name

    def load(self, files: Files, parsed: ParsedNotes | None = None) -> None:
        """Read every article and note (``parsed``: the notes an earlier build parsed), and the history of their files."""
        self.files = files
        docs = Path(self.config.docs_dir)
        allowed = tuple(self.options.allowed_files)
        self.catalog = load_catalog(
            self.root,
            self.seeds_dir,
            docs / self.options.notes_dir,
            branch=self.options.branch,
            docs_dir=docs,
            allowed=allowed,
            review=self.options.review_placements,
            parsed=parsed,
        )
        if isinstance(parsed, KeptNotes):
            parsed.save()  # for the next build
        publishable_only(files, docs, self.catalog.publishable)  # nothing but notes and allowed_files from the docs folder
        if not self.serving:
            memory.forget_raw_markdown()
        self.history = History.load(self.root, [Path(self.config.docs_dir), self.seeds_dir])
        self.notes = {note.id: note for note in self.catalog.notes}
        self.articles = {article.name: article for article in self.catalog.articles}

    def place_and_render(self) -> None:
        """Place every note and render every article, links relative to its page (and the home page's copy)."""
        files = self.files
        for uri in [
            *(self.article_uri(name) for name in self.articles),
            *(["index.md"] if self.home else []),
            *map(self.note_uri, self.notes),
        ]:
            self.urls[uri] = files.get_file_from_path(uri).url
        self.dests = {file.src_uri: file.dest_uri for file in files.documentation_pages()}
        self.placements = place_notes(self.catalog, strings.surroundings)
        data = self.propose_data()
        for placed in self.placements.placed:
            hrefs = self.note_hrefs_from(self.article_uri(placed.article.name))
            self.rendered[placed.article.name] = ArticleRenderer(self.notes, hrefs, self.options.id_prefix, data).render(placed)
            self._hold(self.article_uri(placed.article.name), placed.article.name)
        if self.home is not None:
            renderer = ArticleRenderer(self.notes, self.note_hrefs_from("index.md"), self.options.id_prefix, data)
            self.home_html = renderer.render(self.rendered[self.home].placed).html
            self._hold("index.md", None)
        footnote_body.cache_clear()  # every article is rendered: its notes' footnotes need not stay in memory
        self.problems = self.placements.problems
        memory.give_back()  # the parses' and renders' scratch: the pages are built in that memory, not above it

    @property
    def holds_back(self) -> bool:
        """Whether article pages' HTML waits for the page to be written (``mkdocs build``), put into it once
        (:mod:`~latar.mkdocs.written`) instead of through Material's template too; not when Material's search indexes it."""
        return not self.serving and (self.search or "material/search" not in self.config.plugins)

    def _hold(self, uri: str, name: str | None) -> None:
        """Under :attr:`holds_back`, an article page's HTML (``name``'s, or the home page's copy) kept as UTF-8."""
        if not self.holds_back:
            return
        if name is None:
            self.held[uri], self.home_html = self.home_html.encode("utf-8", "surrogatepass"), ""
        else:
            rendered = self.rendered[name]
            self.held[uri], self.rendered[name] = rendered.html.encode("utf-8", "surrogatepass"), replace(rendered, html=Markup(""))

    # addresses

    def note_uri(self, note_id: str) -> str:
        """A note page's source URI."""
        return f"{self.options.notes_dir}/{note_id}.md"

    def article_uri(self, name: str) -> str:
        """An article's permanent page's source URI."""
        return f"{self.options.articles_dir}/{name}.md"

    def url(self, uri: str) -> str:
        """The page's URL (site-relative)."""
        url = self.urls.get(uri)
        if url is None:
            url = self.urls[uri] = self.files.get_file_from_path(uri).url
        return url

    def href(self, uri: str, page: Page) -> str:
        """A link from ``page`` to the page at ``uri``."""
        return get_relative_url(self.url(uri), page.url)

    def note_hrefs_from(self, page_uri: str) -> Any:
        """Note id → the link from the page at ``page_uri`` to the note's page."""
        page_url = self.urls[page_uri]
        return lambda note_id: get_relative_url(self.urls[self.note_uri(note_id)], page_url)

    def note_hrefs(self, page: Page) -> dict[str, str]:
        """Every note's link from ``page``."""
        return {note_id: self.href(self.note_uri(note_id), page) for note_id in self.notes}

    def backlink(self, placement: Placement, page: Page) -> str:
        """A link from ``page`` to a placement's marker in its article."""
        return f"{self.href(self.article_uri(placement.article), page)}#{ref_id(self.options.id_prefix, placement)}"

    def absolute(self, path: str) -> str:
        """A site path as an absolute URL (unchanged without ``site_url``)."""
        return _absolute(self.config.site_url or "", path)

    def beside(self, uri: str, name: str) -> str:
        """A file published next to page ``uri``: ``artikel/x/index.html`` → ``artikel/x/<name>``."""
        dest = self.dests[uri]
        if posixpath.basename(dest) == "index.html":
            return posixpath.join(posixpath.dirname(dest), name)
        return f"{dest.removesuffix('.html')}-{name}"

    def card(self, uri: str, card: Card) -> Picture:
        """Register page ``uri``'s card (written after the build) and return how pages refer to it."""
        path = self.beside(uri, CARD)
        self.cards[path] = card
        return Picture(self.absolute(path), WIDTH, HEIGHT, card.alt)

    # what a page is made of, dated

    def file(self, relative: str) -> Path:
        """A project file by its label (memoised: pages ask for the same files thousands of times)."""
        path = self._paths.get(relative)
        if path is None:
            path = self._paths[relative] = self.root / relative
        return path

    def article_files(self, name: str) -> tuple[Path, Path]:
        """An article's text and sidecar (memoised, as :meth:`file`)."""
        found = self._article_files.get(name)
        if found is None:
            found = self._article_files[name] = (self.seeds_dir / f"{name}.txt", self.seeds_dir / f"{name}.yml")
        return found

    def dates(self, page: Page) -> Dates:
        """What a page is made of, dated: the files latar builds it from, or its own Markdown."""
        latar_page = self.pages.get(page.file.src_uri)
        if latar_page is not None:
            return self.history.of(*latar_page.made_of(page, self))
        return self.history.of(*([Path(page.file.abs_src_path)] if page.file.abs_src_path else []))

    def head(self, uri: str) -> str:
        """The head tags of page ``uri``, as it is written; ``mkdocs build`` lets go of them then (``serve`` keys its
        render cache with them)."""
        return self.heads.get(uri, "") if self.serving else self.heads.pop(uri, "")

    def note_in_sitemap(self, page: Page) -> None:
        """The page's canonical address and last change, for the sitemap."""
        address = page.canonical_url or page.abs_url
        if address:
            self.sitemap.append((address, self.dates(page).modified))

    def note_dates(self, note: Note) -> Dates:
        """A note file's first and last change."""
        return self.history.of(self.file(note.path))

    def article_dates(self, name: str) -> Dates:
        """An article page changes with its seed and with every note placed in it."""
        notes = self.rendered[name].placed.numbers
        return self.history.of(*self.article_files(name), *(self.file(self.notes[n].path) for n in sorted(notes)))

    # GitHub

    def propose_data(self) -> dict[str, str]:
        """Where assets/propose/form.js sends a proposal: repository, branch and notes folder, as data attributes."""
        repo = (self.options.repository or "").rstrip("/")
        if not repo:
            return {}
        return {"repository": repo, "branch": self.options.branch, "notes": f"{self.docs_path}/{self.options.notes_dir}"}

    def edit_links(self, note: Note) -> tuple[str | None, str | None]:
        """ "Edit this note" on GitHub, and a "suggest a correction" issue naming it."""
        repo = (self.options.repository or "").rstrip("/")
        if not repo:
            return None, None
        edit = f"{repo}/edit/{self.options.branch}/{self.docs_path}/{self.options.notes_dir}/{note.id}.md"
        title = strings.correction_title(plain_text(note.title))
        query = urlencode({"template": CORRECTION_TEMPLATE, "title": title, "catatan": note.path})
        return edit, f"{repo}/issues/new?{query}"

    # after the build

    def write_outputs(self, card_cache: CardCache, memo: Memo | None = None, index_cache: IndexCache | None = None) -> str | None:
        """Write what is not a page: each article's plain text, the Web Annotation collection, the cards, the
        sitemap (replacing MkDocs' own: each canonical address once, with its real last change); then the search
        index (from the model, not the written pages). Returns what the indexing did, to log. ``memo``
        (``mkdocs serve``): the pieces of the last build's outputs, reused where their inputs are unchanged;
        ``index_cache``: the search index of an earlier build with the same inputs.
        """
        memory.give_back()  # what writing the pages freed: the outputs are made in that memory, not above it
        site_url = self.config.site_url or ""
        site = Path(self.config.site_dir)
        texts = {name: self.beside(self.article_uri(name), PLAIN_TEXT) for name in self.rendered}
        for name, rendered in self.rendered.items():
            _write(site / texts[name], rendered.plain_text.encode("utf-8"))
        where = Addresses(
            collection=self.absolute(self.options.annotations_file),
            article=lambda name: self.absolute(self.urls[self.article_uri(name)]),
            plain_text=lambda name: self.absolute(texts[name]),
            note=lambda note_id: self.absolute(self.urls[self.note_uri(note_id)]),
        )
        project = (self.config.site_name, self.config.site_url or None)
        with (site / self.options.annotations_file).open("w", encoding="utf-8") as out:  # written as made, never whole in memory
            out.writelines(collection_chunks(self.rendered.values(), self.notes, where, self.note_dates, project, memo))
        card_cache.prune(card_cache.place({site / path: card for path, card in sorted(self.cards.items())}))
        if site_url:
            xml = sitemap(self.sitemap)
            (site / "sitemap.xml").write_text(xml, encoding="utf-8")
            (site / "sitemap.xml.gz").write_bytes(gzipped(xml))
        if not self.search:
            return None
        report = searchindex.write_index(site, self.search_pages(), memo, index_cache)
        return f"search: {report.pages} pages, {report.keys} keys indexed in {report.seconds:.2f} s CPU ({report.bytes / 1024:.0f} KiB)"

    def note_other_page(self, page: Page, html: str) -> None:
        """Search indexes a page the project wrote, unless its front matter says ``search: {exclude: true}``."""
        if self.search and not (page.meta.get("search") or {}).get("exclude"):
            self.other_pages.append(searchindex.other_page(page.url, page.title or page.url, html))

    def search_pages(self) -> list[searchindex.SearchPage]:
        """What search indexes: every published article at its permanent address, then every note, then the other pages."""
        prefix = self.options.id_prefix
        found = [searchindex.article_page(r.article, self.urls[self.article_uri(name)], prefix) for name, r in self.rendered.items()]
        found += [searchindex.note_page(note, self.urls[self.note_uri(note.id)]) for note in self.notes.values()]
        return found + self.other_pages


@functools.lru_cache(maxsize=65536)
def _absolute(site_url: str, path: str) -> str:
    """``path`` (a site path) as an absolute URL under ``site_url``; cached: urljoin is slow and pages repeat addresses."""
    return urljoin(site_url.rstrip("/") + "/", path) if site_url else path


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
