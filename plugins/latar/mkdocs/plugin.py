"""MkDocs glue: read seeds and notes, add the article and note pages, emit footnotes.

All domain logic lives in modules that never import MkDocs; this file only maps
MkDocs events onto them.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from latar.core.articles import SAFE_NAME, Article
from latar.core.files import file_label
from latar.core.history import Dates, History
from latar.core.notes import Note
from latar.core.pipeline import Placement, Placements, load_catalog, place_notes
from latar.core.problems import Problem
from latar.core.redirects import redirects
from latar.core.sanitize import clean, plain, plain_text
from latar.html import pages
from latar.html.article import ArticleRenderer, RenderedArticle, headline_id, ref_id
from latar.html.builder import escape_attribute, escape_text
from latar.html.head import Picture, Site, description, head_tags, note_description, note_head_tags, rights_line
from latar.html.pages import page_problems, problems_banner, redirect_page
from latar.mkdocs.config import LatarConfig
from latar.outputs import search
from latar.outputs.cards import HEIGHT, WIDTH, Card, CardCache
from latar.outputs.sitemap import gzipped, sitemap
from latar.outputs.webannotation import Addresses, annotation_collection
from latar.strings import INTERFACE_STRINGS, format_date, kind_label, surroundings

log = get_plugin_logger(__name__.rsplit(".", 1)[0])
ASSETS = Path(__file__).parent.parent / "assets"


@dataclass
class BuildState:
    """Everything one build learns; rebuilt from scratch on every build."""

    notes: dict[str, Note] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    article_uris: dict[str, str] = field(default_factory=dict)
    article_by_uri: dict[str, str] = field(default_factory=dict)
    home: str | None = None
    home_html: str = ""
    urls: dict[str, str] = field(default_factory=dict)
    rendered: dict[str, RenderedArticle] = field(default_factory=dict)
    placements: dict[str, list[Placement]] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    docs_path: str = "docs"
    search: bool = False
    """latar's search answers Material's search box: on when configured and the box is there."""
    history: History = field(default_factory=lambda: History({}, datetime.min))
    cards: dict[str, Card] = field(default_factory=dict)
    sitemap: list[tuple[str, datetime]] = field(default_factory=list)
    dests: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """While serving: page uri of each note or article that cannot be published → the files it comes from."""


class LatarPlugin(BasePlugin[LatarConfig]):
    """``plugins: [latar]``: the annotated article site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = BuildState()
        self.root = Path.cwd()
        self._activated: Page | None = None
        self.card_cache = CardCache(None)
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``: a preview shows problems on the pages instead of going dark."""
        self.serving = command == "serve"

    @property
    def seeds_dir(self) -> Path:
        """The articles folder."""
        return self.root / self.config.seeds_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Reset per-build state (``mkdocs serve`` keeps this instance) and register our assets."""
        self.state = BuildState(search=self.config.search and "material/search" in config.plugins)
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        docs = Path(config.docs_dir).resolve()
        self.state.docs_path = docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else docs.name
        if not self.seeds_dir.is_dir():
            raise PluginError(
                f"latar: the articles folder '{self.config.seeds_dir}' does not exist next to mkdocs.yml; create it or set plugins.latar.seeds_dir"
            )
        cache = self.root / self.config.cache_dir / "kartu"
        # Kept in memory across ``mkdocs serve`` rebuilds (only changed cards are drawn); every other build
        # starts from the disk cache, even when MkDocs reuses this instance in one process (it does: on_startup).
        if self.card_cache.folder != cache or not self.serving:
            self.card_cache = CardCache(cache)
        if "assets/latar/latar.css" not in config.extra_css:
            config.extra_css.append("assets/latar/latar.css")
        if "assets/latar/latar.js" not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append("assets/latar/latar.js")
        if self.config.repository:  # "Usulkan catatan" needs a repository to send the proposal to
            if "assets/latar/propose.css" not in config.extra_css:
                config.extra_css.append("assets/latar/propose.css")
            if "assets/latar/propose.js" not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append("assets/latar/propose.js")
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load seeds and notes and anchor every article now, early (priority 50).

        Note pages need to know where they are anchored before any page renders, and
        other plugins (search, social) should see the pages we add.
        """
        notes_dir = Path(config.docs_dir) / self.config.notes_dir
        result = load_catalog(self.root, self.seeds_dir, notes_dir, branch=self.config.branch)
        self.state.history = History.load(self.root, [Path(config.docs_dir), self.seeds_dir])
        valid = {note.id for note in result.notes}
        prefix = f"{self.config.notes_dir}/"
        for file in list(files):  # notes that cannot be published, and Markdown in sub-folders of the notes, are left out
            if file.src_uri.startswith(prefix) and file.src_uri.endswith(".md"):
                stem = file.src_uri[len(prefix) : -3]
                if stem == "index":
                    continue
                if stem not in valid:
                    files.remove(file)
                    if self.serving and "/" not in stem:  # the preview keeps the address and shows what is wrong there
                        self.state.broken[file.src_uri] = (f"{self.state.docs_path}/{file.src_uri}",)
                        self._generate(files, config, file.src_uri, stem, inclusion=InclusionLevel.NOT_IN_NAV)
                elif file.inclusion.is_in_nav():
                    file.inclusion = InclusionLevel.NOT_IN_NAV  # notes are reached from articles and /anotasi/
        self.state.notes = {note.id: note for note in result.notes}
        self.state.articles = {article.name: article for article in result.articles}
        self._add_generated(files, config, result.articles)
        for uri in [*self.state.article_by_uri, *(self._note_uri(note_id) for note_id in valid)]:
            self.state.urls[uri] = files.get_file_from_path(uri).url
        self.state.dests = {file.src_uri: file.dest_uri for file in files.documentation_pages()}

        def note_hrefs(page_uri: str) -> Any:
            page_url = self.state.urls[page_uri]
            return lambda note_id: get_relative_url(self.state.urls[self._note_uri(note_id)], page_url)

        data = self._propose_data()
        result = place_notes(result, surroundings)
        for placed in result.placed:
            renderer = ArticleRenderer(
                self.state.notes, note_hrefs(self.state.article_uris[placed.article.name]), self.config.id_prefix, data
            )
            self.state.rendered[placed.article.name] = renderer.render(placed)
            for placement in placed.placements:
                self.state.placements.setdefault(placement.note_id, []).append(placement)
        if self.state.home is not None:  # the same article again, with links relative to the home page
            renderer = ArticleRenderer(self.state.notes, note_hrefs("index.md"), self.config.id_prefix, data, searchable=False)
            self.state.home_html = renderer.render(self.state.rendered[self.state.home].placed).html
        self._add_redirects(files, config, result)
        self.state.problems = list(result.problems)
        _report(result.problems)
        return files

    def _add_redirects(self, files: Files, config: MkDocsConfig, result: Placements) -> None:
        """A static page at each former address of a renamed article or note (never over an existing file)."""
        for redirect in redirects(result.articles, result.notes):
            folder = self.config.articles_dir if redirect.kind == "article" else self.config.notes_dir
            new_uri = f"{folder}/{redirect.new}.md"
            if new_uri not in self.state.urls:
                continue
            old = File(f"{folder}/{redirect.old}.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
            if files.get_file_from_path(old.src_uri) is not None or files.get_file_from_path(old.dest_uri) is not None:
                continue
            new_url = self.state.urls[new_uri]
            href = get_relative_url(new_url, old.url)
            canonical = _absolute(config.site_url or "", new_url) if config.site_url else href
            page = redirect_page(plain_text(redirect.title), href, canonical)
            files.append(File.generated(config, old.dest_uri, content=page))

    def _add_generated(self, files: Files, config: MkDocsConfig, articles: list[Article]) -> None:
        for article in articles:
            uri = f"{self.config.articles_dir}/{article.name}.md"
            self.state.article_uris[article.name] = uri
            self.state.article_by_uri[uri] = article.name
            self._generate(files, config, uri, article.meta.title, inclusion=InclusionLevel.NOT_IN_NAV)
        list_uri = f"{self.config.articles_dir}/index.md"
        if files.get_file_from_path(list_uri) is None:
            self._generate(files, config, list_uri, "Artikel")
        if self.serving:  # an article that cannot be published keeps its address in the preview, saying why
            for text in sorted(self.seeds_dir.glob("*.txt")):
                uri = f"{self.config.articles_dir}/{text.stem}.md"
                if SAFE_NAME.match(text.stem) and uri not in self.state.article_by_uri and files.get_file_from_path(uri) is None:
                    self.state.broken[uri] = (file_label(text, self.root), file_label(text.with_suffix(".yml"), self.root))
                    self._generate(files, config, uri, text.stem, inclusion=InclusionLevel.NOT_IN_NAV)
        if self.serving and not articles and files.get_file_from_path("index.md") is None:
            self._generate(files, config, "index.md", config.site_name, inclusion=InclusionLevel.NOT_IN_NAV)
        if articles and files.get_file_from_path("index.md") is None:
            # The newest article is also the home page. Its permanent address stays /artikel/<name>/
            # (canonical link, Open Graph, backlinks, Web Annotation ids), so it does not move when
            # a newer article arrives; the copy is left out of search to avoid duplicate results.
            self.state.home = articles[0].name
            self.state.article_by_uri["index.md"] = articles[0].name
            self._generate(files, config, "index.md", articles[0].meta.title, inclusion=InclusionLevel.NOT_IN_NAV, search={"exclude": True})
        index_uri = f"{self.config.notes_dir}/index.md"
        if files.get_file_from_path(index_uri) is None:
            self._generate(files, config, index_uri, "Anotasi")
        if self.config.timeline and files.get_file_from_path("linimasa.md") is None:
            self._generate(files, config, "linimasa.md", "Linimasa")
        for asset in sorted(ASSETS.iterdir()):
            uri = f"assets/latar/{asset.name}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(asset)))

    def _generate(
        self, files: Files, config: MkDocsConfig, uri: str, title: str, inclusion: InclusionLevel = InclusionLevel.UNDEFINED, **meta: Any
    ) -> None:
        self.state.generated[uri] = title
        # Escaped: MkDocs templates do not autoescape, and Material writes page titles into the header as HTML.
        front = yaml.safe_dump({"title": escape_text(title), **meta}, allow_unicode=True, sort_keys=True)
        files.append(File.generated(config, uri, content=f"---\n{front}---\n", inclusion=inclusion))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Note pages: the title becomes escaped plain text (MkDocs templates do not autoescape).

        The body is rendered and sanitised by latar in ``on_page_content``; MkDocs gets nothing to render.
        """
        note = self._note_of(page)
        if note is None:
            return "" if page.file.src_uri in self.state.broken else markdown
        page.meta["title"] = plain(note.title)
        page.meta.setdefault("description", escape_attribute(note_description(note)))  # Material writes it unescaped
        return ""

    @event_priority(-50)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill our pages late (priority -50), after other plugins have had the Markdown HTML.

        While serving, our pages start with the problems that affect them (file, line, message).
        """
        content = self._content(html, page, config, files)
        uri, note = page.file.src_uri, self._note_of(page)
        if not self.serving or not (uri in self.state.generated or note):
            return content
        own = self.state.broken.get(uri) or ((note.path,) if note else None)
        return problems_banner(page_problems(self.state.problems, own)) + content

    def _content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if uri in self.state.broken:
            return pages.unpublished(uri.startswith(f"{self.config.articles_dir}/"))
        if uri in self.state.article_by_uri:
            name = self.state.article_by_uri[uri]
            rendered = self.state.rendered[name]
            permanent = self.state.urls[self.state.article_uris[name]]
            url = _absolute(config.site_url or "", permanent)
            if config.site_url:
                page.canonical_url = url
            article = rendered.article
            notes = rendered.placed.note_count
            detail = f"{article.meta.publisher} · {format_date(article.meta.published)} · {notes} catatan latar"
            card = Card("Artikel beranotasi", article.meta.title, detail, config.site_name)
            picture = self._card(self.state.article_uris[name], card, config)
            page.meta["description"] = escape_attribute(description(article, notes))  # Material writes it unescaped
            site = Site(config.site_name, config.site_url or None, article.meta.language)
            page.meta["latar_head"] = head_tags(article, url, notes, site, picture, self._article_dates(name))
            # A one-entry table of contents gives the page Material's own skip link ("Lewati ke isi");
            # Material leaves the headline out of the sidebar, so no table of contents is shown.
            headline = {
                "level": 1,
                "id": headline_id(self.config.id_prefix),
                "name": plain(page.title or ""),
                "children": [],
            }
            page.toc = get_toc([headline])
            page.meta["latar_rights"] = rights_line(rendered.article)
            return self.state.home_html if uri == "index.md" else rendered.html
        note = self._note_of(page)
        if note is not None:
            url = _absolute(config.site_url or "", page.url)
            card = Card(f"Catatan latar · {kind_label(note.kind)}", plain_text(note.title), note_description(note), config.site_name)
            picture = self._card(page.file.src_uri, card, config)
            site = Site(config.site_name, config.site_url or None)
            page.meta["latar_head"] = note_head_tags(note, url, site, picture, self._note_dates(note))
            return self._note_page(note, page, config, files)
        if uri == self._note_uri("index"):
            home = self.state.rendered.get(self.state.home or "")
            numbers = home.placed.numbers if home else {}
            title = home.article.meta.title if home else ""
            listing = pages.notes_index(list(self.state.notes.values()), self._note_hrefs(page, files), numbers, title)
            page.meta.setdefault("description", f"{len(self.state.notes)} catatan latar bersumber, dikelompokkan menurut jenisnya.")
            return (clean(html) if uri not in self.state.generated else "") + listing
        if uri == f"{self.config.articles_dir}/index.md" and uri in self.state.generated:
            entries = [
                pages.ArticleEntry(
                    a.meta.title,
                    self._href(self.state.article_uris[a.name], page, files),
                    a.meta.publisher,
                    a.meta.published,
                    self.state.rendered[a.name].placed.note_count,
                )
                for a in self.state.articles.values()
            ]
            return pages.articles_index(entries)
        if uri == "linimasa.md" and uri in self.state.generated:
            arts = [
                (a.meta.published, a.meta.title, self._href(self.state.article_uris[a.name], page, files))
                for a in self.state.articles.values()
            ]
            page.meta["description"] = "Peristiwa yang diterangkan catatan latar, berurutan waktu, bersama tanggal terbit tiap artikel."
            return pages.timeline(list(self.state.notes.values()), self._note_hrefs(page, files), arts)
        return html

    @event_priority(50)
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        """A note page is not in the navigation: mark its section (the notes index) active instead.

        Early (priority 50): with latar's search, Material's search plugin (priority 0, after) is told to skip
        every page; its index would be written but never fetched, the search box asks latar's Pagefind index.
        Also note each page's canonical address and last change for the sitemap (the home page's canonical is its article).
        """
        if self.state.search:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if self._note_of(page) is not None:
            for item in nav.pages:
                if item.file.src_uri == self._note_uri("index"):
                    item.active = True
                    self._activated = item
        address = page.canonical_url or page.abs_url
        if address:
            self.state.sitemap.append((address, self._page_dates(page).modified))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Undo :meth:`on_page_context`: the next page starts with a clean navigation."""
        if self._activated is not None:
            self._activated.active = False
            self._activated = None
        return output

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Three template touches, read from the theme so they follow Material's version.

        The search dialog gets an accessible name (axe: aria-dialog-name), pages get
        ``page.meta.latar_head`` (NewsArticle JSON-LD, Open Graph) in Material's ``extrahead``
        block, instead of re-parsing every built page, and an article page's footer starts with
        its own copyright line (``rights``). If the markup changes, the tests fail.
        """
        from jinja2 import ChoiceLoader, DictLoader  # noqa: PLC0415 - only needed here

        overrides = {}
        name = "partials/search.html"
        source = _theme_source(env, name)
        marker = 'data-md-component="search" role="dialog"'
        if marker in source:
            overrides[name] = source.replace(marker, marker + " aria-label=\"{{ lang.t('search') }}\"", 1)
        main = _theme_source(env, "main.html")
        name = "partials/copyright.html"
        source = _theme_source(env, name)
        rights = "page and page.meta and page.meta.latar_rights"
        if "{{ config.copyright }}" in source and "{% if config.copyright %}" in source:
            # An article's own copyright line (``rights``) stands before the site-wide one.
            source = source.replace("{% if config.copyright %}", f"{{% if config.copyright or ({rights}) %}}", 1)
            overrides[name] = source.replace(
                "{{ config.copyright }}",
                f"{{% if {rights} %}}{{{{ page.meta.latar_rights }}}} {{% endif %}}{{{{ config.copyright or '' }}}}",
                1,
            )
        if main.strip().endswith('{% extends "base.html" %}'):
            boot = (
                f"{{% block scripts %}}<script>{{% raw %}}{search.boot_script()}{{% endraw %}}</script>{{{{ super() }}}}{{% endblock %}}\n"
            )
            overrides["main.html"] = (
                '{% extends "base.html" %}\n'
                "{% block extrahead %}{{ super() }}{% if page and page.meta and page.meta.latar_head %}"
                "{{ page.meta.latar_head }}{% endif %}{% endblock %}\n"
            ) + (boot if self.state.search else "")
        language = config.theme.get("language")
        try:
            strings, _, _ = env.loader.get_source(env, "partials/language.html")
        except Exception:
            strings = ""
        call = "{{ lang.t(key)"
        if language in INTERFACE_STRINGS and call in strings:  # Material's own words still in English for this language
            table = "{{ " + repr(INTERFACE_STRINGS[language]) + "[key] or lang.t(key)"
            overrides["partials/language.html"] = strings.replace(call, table, 1)
        if overrides:
            env.loader = ChoiceLoader([DictLoader(overrides), env.loader])
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write what is not a page (the Web Annotation collection, each article's plain text, the cards, the
        sitemap), then index the built site for search.

        The sitemap replaces the one MkDocs wrote: each canonical address once, with its real last change.
        Pagefind reads the pages as written, so it runs here, in every ``build``, ``serve`` and CI run alike.
        """
        site_url = config.site_url or ""
        site = Path(config.site_dir)
        texts = {name: self._beside(self.state.article_uris[name], "teks.txt") for name in self.state.rendered}
        for name, rendered in self.state.rendered.items():
            _write(site / texts[name], rendered.plain_text.encode("utf-8"))
        where = Addresses(
            collection=_absolute(site_url, self.config.annotations_file),
            article=lambda name: _absolute(site_url, self.state.urls[self.state.article_uris[name]]),
            plain_text=lambda name: _absolute(site_url, texts[name]),
            note=lambda note_id: _absolute(site_url, self.state.urls[self._note_uri(note_id)]),
        )
        collection = annotation_collection(
            self.state.rendered.values(), self.state.notes, where, self._note_dates, (config.site_name, config.site_url or None)
        )
        (site / self.config.annotations_file).write_text(collection, encoding="utf-8")
        for path, card in sorted(self.state.cards.items()):
            _write(site / path, self.card_cache.png(card))
        self.card_cache.prune({card.key() for card in self.state.cards.values()})
        if site_url:
            xml = sitemap(self.state.sitemap)
            (site / "sitemap.xml").write_text(xml, encoding="utf-8")
            (site / "sitemap.xml.gz").write_bytes(gzipped(xml))
        if self.state.search:
            try:
                report = search.build_index(Path(config.site_dir), config.theme.get("language") or "en")
            except search.SearchError as error:
                raise PluginError(f"latar: {error}") from None
            log.info(f"search: {report.pages} pages indexed in {report.seconds:.2f} s ({report.bytes / 1024:.0f} KiB)")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when an article changes, not only when ``docs/`` does."""
        server.watch(str(self.seeds_dir))
        return server

    # helpers

    def _beside(self, uri: str, name: str) -> str:
        """A file published next to page ``uri``: ``artikel/x/index.html`` → ``artikel/x/<name>``."""
        dest = self.state.dests[uri]
        if posixpath.basename(dest) == "index.html":
            return posixpath.join(posixpath.dirname(dest), name)
        return f"{dest.removesuffix('.html')}-{name}"

    def _card(self, uri: str, card: Card, config: MkDocsConfig) -> Picture:
        """Register page ``uri``'s card (written in ``on_post_build``) and return how pages refer to it."""
        path = self._beside(uri, "kartu.png")
        self.state.cards[path] = card
        return Picture(_absolute(config.site_url or "", path), WIDTH, HEIGHT, card.alt)

    def _file(self, relative: str) -> Path:
        return self.root / relative

    def _note_dates(self, note: Note) -> Dates:
        return self.state.history.of(self._file(note.path))

    def _article_files(self, name: str) -> list[Path]:
        return [self.seeds_dir / f"{name}.txt", self.seeds_dir / f"{name}.yml"]

    def _article_dates(self, name: str) -> Dates:
        """An article page changes with its seed and with every note placed in it."""
        notes = set(self.state.rendered[name].placed.numbers)
        return self.state.history.of(*self._article_files(name), *(self._file(self.state.notes[n].path) for n in sorted(notes)))

    def _page_dates(self, page: Page) -> Dates:
        """What a page is made of, dated: the files latar builds it from, or its own Markdown."""
        uri = page.file.src_uri
        history = self.state.history
        if uri in self.state.article_by_uri:
            return self._article_dates(self.state.article_by_uri[uri])
        note = self._note_of(page)
        if note is not None:
            articles = sorted({p.article for p in self.state.placements.get(note.id, [])})
            return history.of(self._file(note.path), *(f for name in articles for f in self._article_files(name)))
        own = [] if uri in self.state.generated or not page.file.abs_src_path else [Path(page.file.abs_src_path)]
        if uri == self._note_uri("index"):
            return history.of(*own, *(self._file(n.path) for n in self.state.notes.values()))
        if uri == "linimasa.md" and uri in self.state.generated:
            seeds = [f for name in self.state.articles for f in self._article_files(name)]
            return history.of(*(self._file(n.path) for n in self.state.notes.values()), *seeds)
        return history.of(*own)

    def _note_of(self, page: Page) -> Note | None:
        prefix = f"{self.config.notes_dir}/"
        uri = page.file.src_uri
        if uri.startswith(prefix) and uri.endswith(".md") and "/" not in uri[len(prefix) :]:
            return self.state.notes.get(uri[len(prefix) : -3])
        return None

    def _href(self, uri: str, page: Page, files: Files) -> str:
        url = self.state.urls.get(uri)
        if url is None:
            url = self.state.urls[uri] = files.get_file_from_path(uri).url
        return get_relative_url(url, page.url)

    def _propose_data(self) -> dict[str, str]:
        """Where propose.js sends a proposal: repository, branch and notes folder, as data attributes."""
        repo = (self.config.repository or "").rstrip("/")
        if not repo:
            return {}
        return {"repository": repo, "branch": self.config.branch, "notes": f"{self.state.docs_path}/{self.config.notes_dir}"}

    def _note_uri(self, note_id: str) -> str:
        return f"{self.config.notes_dir}/{note_id}.md"

    def _note_hrefs(self, page: Page, files: Files) -> dict[str, str]:
        return {note_id: self._href(self._note_uri(note_id), page, files) for note_id in self.state.notes}

    def _note_page(self, note: Note, page: Page, config: MkDocsConfig, files: Files) -> str:
        backlinks = []
        for placement in self.state.placements.get(note.id, []):
            article_uri = self.state.article_uris[placement.article]
            href = f"{self._href(article_uri, page, files)}#{ref_id(self.config.id_prefix, placement)}"
            backlinks.append(pages.Backlink(placement, href, self.state.articles[placement.article].meta.title))
        edit, correction = self._edit_links(note, config)
        return pages.note_page(note, backlinks, edit, correction)

    def _edit_links(self, note: Note, config: MkDocsConfig) -> tuple[str | None, str | None]:
        repo = (self.config.repository or "").rstrip("/")
        if not repo:
            return None, None
        edit = f"{repo}/edit/{self.config.branch}/{self.state.docs_path}/{self.config.notes_dir}/{note.id}.md"
        query = urlencode({"template": "koreksi-fakta.yml", "title": f"Koreksi: {plain_text(note.title)}", "catatan": note.path})
        return edit, f"{repo}/issues/new?{query}"


def _theme_source(env: Any, name: str) -> str:
    """A template's source from the theme, or nothing when the theme has no such template."""
    try:
        source, _, _ = env.loader.get_source(env, name)
    except Exception:
        return ""
    return source


@functools.lru_cache(maxsize=65536)
def _absolute(site_url: str, path: str) -> str:
    """``path`` (a site path) as an absolute URL under ``site_url``; cached: urljoin is slow and pages repeat addresses."""
    return urljoin(site_url.rstrip("/") + "/", path) if site_url else path


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        log.warning(str(problem))
