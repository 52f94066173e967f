"""The pages latar adds or fills, as types: each knows its Markdown, its content and meta, and what it is made of.

The registry (:attr:`SiteModel.pages`, source URI → page) is filled once per build by :func:`register`; hooks look a
page up there and never tell page kinds apart by their URI again. A new kind of page is a new class here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from latar import strings
from latar.core.claims import ClaimSpot, claim_spots
from latar.core.notes import Note
from latar.core.redirects import redirects
from latar.core.sanitize import clean, plain, plain_text
from latar.html import pages as page_html
from latar.html.article import headline_id
from latar.html.builder import Markup, escape_attribute, escape_text
from latar.html.head import Site, description, head_tags, note_description, note_head_tags, rights_line
from latar.mkdocs import preview
from latar.mkdocs.site import SiteModel
from latar.outputs.cards import Card


class LatarPage:
    """A page latar adds (a generated file) or fills (a file of the project): one per source URI."""

    generated = True
    """Added by latar (front matter only); False for a note or a notes index written by the project."""
    shows_problems = True
    """While serving, the page starts with the problems that affect it."""
    deferred = False
    """Its HTML is made as the page is written (:func:`fill_deferred`), not held from ``on_page_content`` on."""

    def __init__(self, uri: str, title: str, *, in_nav: bool = False, **meta: Any) -> None:
        self.uri = uri
        self.title = title
        self.in_nav = in_nav
        self.meta = meta

    def file(self, site: SiteModel) -> File:
        """The generated file: front matter only (the title escaped: MkDocs templates do not autoescape, and
        Material writes page titles into the header as HTML)."""
        front = yaml.safe_dump({"title": escape_text(self.title), **self.meta}, allow_unicode=True, sort_keys=True)
        inclusion = InclusionLevel.UNDEFINED if self.in_nav else InclusionLevel.NOT_IN_NAV
        return File.generated(site.config, self.uri, content=f"---\n{front}---\n", inclusion=inclusion)

    def markdown(self, markdown: str, page: Page, site: SiteModel) -> str:
        """What MkDocs renders: latar writes the content itself in :meth:`content`."""
        return markdown

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """The page's HTML (``html``: what MkDocs rendered from the Markdown)."""
        return html

    def made_of(self, page: Page, site: SiteModel) -> list[Path]:
        """The files the page is built from, for its dates."""
        return [] if self.generated or not page.file.abs_src_path else [Path(page.file.abs_src_path)]

    def own_files(self) -> tuple[str, ...] | None:
        """The files whose problems the preview shows on this page (None: every problem)."""
        return None

    def written_html(self, page: Page, site: SiteModel) -> str | bytes | None:
        """A deferred page's HTML, made as the page is written (in place of :data:`DEFERRED`); None: not deferred."""
        return self.content("", page, site) if self.deferred else None

    def written(self, page: Page, site: SiteModel) -> None:
        """The page is written (``mkdocs build``): let go of what only its output needed."""

    def section(self, site: SiteModel) -> str | None:
        """The navigation entry to mark active while this page is shown (a page outside the navigation)."""
        return None


class ArticlePage(LatarPage):
    """An article's permanent page, ``artikel/<name>/``."""

    def __init__(self, uri: str, name: str, title: str, **meta: Any) -> None:
        super().__init__(uri, title, **meta)
        self.name = name

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """The article; its description, social card, head tags, copyright line and a table of contents of one."""
        rendered = site.rendered[self.name]
        article = rendered.article
        url = site.absolute(site.url(site.article_uri(self.name)))
        if site.config.site_url:
            page.canonical_url = url
        notes = rendered.placed.note_count
        detail = strings.article_card_detail(article.meta.publisher, article.meta.published, notes)
        picture = site.card(site.article_uri(self.name), Card(strings.ARTICLE_CARD, article.meta.title, detail, site.config.site_name))
        page.meta["description"] = escape_attribute(description(article, notes))  # Material writes it unescaped
        head_site = Site(site.config.site_name, site.config.site_url or None, article.meta.language)
        site.heads[page.file.src_uri] = head_tags(article, url, notes, head_site, picture, site.article_dates(self.name)) + site.island
        # A one-entry table of contents gives the page Material's own skip link ("Lewati ke isi");
        # Material leaves the headline out of the sidebar, so no table of contents is shown.
        headline = {"level": 1, "id": headline_id(site.options.id_prefix), "name": plain(page.title or ""), "children": []}
        page.toc = get_toc([headline])
        page.meta["latar_rights"] = rights_line(article)
        return DEFERRED if site.holds_back else self.html(site)

    def html(self, site: SiteModel) -> str:
        """The rendered article."""
        return site.rendered[self.name].html

    def written_html(self, page: Page, site: SiteModel) -> str | bytes | None:
        """The rendered article, held back in UTF-8 (:attr:`SiteModel.held`) for the page as it is written."""
        return site.held.pop(page.file.src_uri, None)

    def written(self, page: Page, site: SiteModel) -> None:
        """The article's HTML is in the written page: neither MkDocs (``page.content``, held to the end of the build)
        nor the site model keeps it (the markers and texts stay, for the outputs)."""
        page.content = DEFERRED
        site.held.pop(page.file.src_uri, None)
        rendered = site.rendered[self.name]
        site.rendered[self.name] = replace(rendered, html=Markup(""))

    def made_of(self, page: Page, site: SiteModel) -> list[Path]:
        """An article page changes with its seed and with every note placed in it."""
        notes = site.rendered[self.name].placed.numbers
        return [*site.article_files(self.name), *(site.file(site.notes[n].path) for n in sorted(notes))]


class HomePage(ArticlePage):
    """The newest article again at the site's root. Its permanent address stays ``artikel/<name>/`` (canonical link,
    Open Graph, backlinks, Web Annotation ids), so it does not move when a newer article arrives; the copy is left
    out of search to avoid duplicate results."""

    def html(self, site: SiteModel) -> str:
        """The copy rendered with links relative to the home page."""
        return site.home_html

    def written(self, page: Page, site: SiteModel) -> None:
        """The copy is in the written page: let go of it."""
        page.content = DEFERRED
        site.home_html = ""
        site.held.pop(page.file.src_uri, None)


class NotePage(LatarPage):
    """A note's page, ``anotasi/<id>/``: the project's file, rendered and sanitised by latar."""

    generated = False
    deferred = True  # MkDocs holds every page's content until the build ends: 110 MiB at 10,000 notes

    def __init__(self, uri: str, note: Note) -> None:
        super().__init__(uri, note.title)
        self.note = note

    def markdown(self, markdown: str, page: Page, site: SiteModel) -> str:
        """The title becomes escaped plain text (MkDocs templates do not autoescape); MkDocs renders nothing."""
        page.meta["title"] = plain(self.note.title)
        page.meta.setdefault("description", escape_attribute(note_description(self.note)))  # Material writes it unescaped
        return ""

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """The note, where it is placed, its head tags and social card, and the GitHub links."""
        note = self.note
        url = site.absolute(page.url)
        title = plain_text(note.title)
        card = Card(strings.note_card(note.kind, title), title, note_description(note), site.config.site_name)
        picture = site.card(page.file.src_uri, card)
        placements = site.placements.by_note.get(note.id, ()) if site.placements else ()
        spots = claim_spots(note, list(site.articles.values()), {note.id: [p.article for p in placements]} if placements else {})
        head_site = Site(site.config.site_name, site.config.site_url or None)
        appearances = [spot.article for spot in spots]
        site.heads[page.file.src_uri] = note_head_tags(note, url, head_site, picture, site.note_dates(note), appearances)
        backlinks = [page_html.Backlink(p, site.backlink(p, page), site.articles[p.article].meta.title) for p in placements]
        claims = [page_html.ClaimLink(self._claim_href(spot, page, site), spot.article.meta.title, _number(spot)) for spot in spots]
        return page_html.note_page(note, backlinks, *site.edit_links(note), claims)

    @staticmethod
    def _claim_href(spot: ClaimSpot, page: Page, site: SiteModel) -> str:
        """The claim's paragraph in its article (its headline when it is there)."""
        prefix = site.options.id_prefix
        target = headline_id(prefix) if spot.paragraph is None else f"{prefix}-p-{spot.paragraph + 1}"
        return f"{site.href(site.article_uri(spot.article.name), page)}#{target}"

    def made_of(self, page: Page, site: SiteModel) -> list[Path]:
        """The note, and the articles it is placed in (their text is quoted on the page)."""
        placements = site.placements.by_note.get(self.note.id, ()) if site.placements else ()
        articles = sorted({p.article for p in placements})
        return [site.file(self.note.path), *(path for name in articles for path in site.article_files(name))]

    def own_files(self) -> tuple[str, ...] | None:
        """The note's own problems."""
        return (self.note.path,)

    def section(self, site: SiteModel) -> str | None:
        """A note page is not in the navigation: its section, the notes index, is marked active instead."""
        return site.note_uri("index")


def _number(spot: ClaimSpot) -> int | None:
    return None if spot.paragraph is None else spot.paragraph + 1


class NotesIndex(LatarPage):
    """``anotasi/``: every note by kind (after the project's own text, if it wrote ``anotasi/index.md``)."""

    def __init__(self, uri: str, *, generated: bool = True) -> None:
        super().__init__(uri, strings.NAV_NOTES, in_nav=True)
        self.generated = generated
        self.shows_problems = generated

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """The listing, numbered as in the newest article."""
        home = site.rendered.get(site.home or "")
        numbers = home.placed.numbers if home else {}
        title = home.article.meta.title if home else ""
        listing = page_html.notes_index(list(site.notes.values()), site.note_hrefs(page), numbers, title)
        page.meta.setdefault("description", strings.notes_index_description(len(site.notes)))
        return listing if self.generated else clean(html) + listing

    def made_of(self, page: Page, site: SiteModel) -> list[Path]:
        """Its own text and every note."""
        return [*super().made_of(page, site), *(site.file(n.path) for n in site.notes.values())]


class ArticlesIndex(LatarPage):
    """``artikel/``: every article, newest first."""

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """One line per article: title, publisher, date, number of notes."""
        entries = [
            page_html.ArticleEntry(
                a.meta.title,
                site.href(site.article_uri(a.name), page),
                a.meta.publisher,
                a.meta.published,
                site.rendered[a.name].placed.note_count,
            )
            for a in site.articles.values()
        ]
        return page_html.articles_index(entries)


class Timeline(LatarPage):
    """``linimasa/``: dated events in order, with each article's publication among them."""

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """The timeline and its description."""
        articles = [(a.meta.published, a.meta.title, site.href(site.article_uri(a.name), page), a.name) for a in site.articles.values()]
        page.meta["description"] = strings.TIMELINE_DESCRIPTION
        home = site.rendered.get(site.home or "")
        numbers, title = (home.placed.numbers, home.article.meta.title) if home else ({}, "")
        return page_html.timeline(list(site.notes.values()), site.note_hrefs(page), articles, numbers, title)

    def made_of(self, page: Page, site: SiteModel) -> list[Path]:
        """Every note and every article."""
        return [*(site.file(n.path) for n in site.notes.values()), *(f for name in site.articles for f in site.article_files(name))]


class UnpublishedPage(LatarPage):
    """While serving: a note or an article that cannot be published keeps its address and says why."""

    def __init__(self, uri: str, title: str, files: tuple[str, ...], *, article: bool) -> None:
        super().__init__(uri, title)
        self.files = files
        self.article = article

    def markdown(self, markdown: str, page: Page, site: SiteModel) -> str:
        """Nothing of the broken file is rendered."""
        return ""

    def content(self, html: str, page: Page, site: SiteModel) -> str:
        """That it cannot be published yet (its problems stand above)."""
        return preview.unpublished(self.article)

    def own_files(self) -> tuple[str, ...] | None:
        """The problems of its own files."""
        return self.files


@dataclass(frozen=True)
class Redirect:
    """A static page at a former address of a renamed article or note (never over an existing file)."""

    old_uri: str
    new_uri: str
    title: str

    def file(self, site: SiteModel, files: Files) -> File | None:
        """The redirect page, or None when something is published at the old address or the new one is unknown."""
        config = site.config
        if self.new_uri not in site.urls:
            return None
        old = File(self.old_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        if files.get_file_from_path(old.src_uri) is not None or files.get_file_from_path(old.dest_uri) is not None:
            return None
        new_url = site.urls[self.new_uri]
        href = get_relative_url(new_url, old.url)
        canonical = site.absolute(new_url) if config.site_url else href
        return File.generated(config, old.dest_uri, content=page_html.redirect_page(plain_text(self.title), href, canonical))


TIMELINE = "linimasa.md"
DEFERRED = "<!-- latar: this page's HTML, <h1> included, is written in on_post_page -->"
"""What MkDocs holds as a deferred page's content (Material's template looks for ``<h1`` in it, and finds it)."""


def register(site: SiteModel, files: Files) -> None:
    """Fill the registry and add latar's pages to ``files``, in a fixed order (note which article is the home page)."""

    def add(page: LatarPage) -> None:
        site.pages[page.uri] = page
        if page.generated:
            files.append(page.file(site))

    def missing(uri: str) -> bool:
        return files.get_file_from_path(uri) is None

    _notes(site, files, add)
    for article in site.articles.values():
        add(ArticlePage(site.article_uri(article.name), article.name, article.meta.title))
    if missing(f"{site.options.articles_dir}/index.md"):
        add(ArticlesIndex(f"{site.options.articles_dir}/index.md", strings.NAV_ARTICLES, in_nav=True))
    if site.serving:  # an article that cannot be published keeps its address, saying why
        for name, broken in preview.broken_articles(site.seeds_dir, site.root, lambda name: not missing(site.article_uri(name))):
            add(UnpublishedPage(site.article_uri(name), name, broken, article=True))
    if missing("index.md"):
        if site.articles:
            home = next(iter(site.articles.values()))  # the newest
            site.home = home.name
            add(HomePage("index.md", home.name, home.meta.title, search={"exclude": True}))
        elif site.serving:  # nothing to show yet but the problems
            add(LatarPage("index.md", site.config.site_name))
    if missing(site.note_uri("index")):
        add(NotesIndex(site.note_uri("index")))
    if site.options.timeline and missing(TIMELINE):
        add(Timeline(TIMELINE, strings.NAV_TIMELINE, in_nav=True))


def _notes(site: SiteModel, files: Files, add: Callable[[LatarPage], None]) -> None:
    """The project's note files: valid ones become note pages, the rest leave the site.

    Notes that cannot be published, and Markdown in sub-folders of the notes, are left out (while serving, a
    broken note keeps its address and says why). Valid notes leave the navigation (they are reached from articles
    and ``anotasi/``), and MkDocs does not read their front matter again: latar has parsed it.
    """
    prefix = f"{site.options.notes_dir}/"
    for file in list(files):
        if not (file.src_uri.startswith(prefix) and file.src_uri.endswith(".md")):
            continue
        stem = file.src_uri[len(prefix) : -3]
        if stem == "index":
            site.pages[file.src_uri] = NotesIndex(file.src_uri, generated=False)
        elif stem in site.notes:
            file.content_string = ""
            if file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV
            site.pages[file.src_uri] = NotePage(file.src_uri, site.notes[stem])
        else:
            files.remove(file)
            if site.serving and "/" not in stem:
                add(UnpublishedPage(file.src_uri, stem, (f"{site.docs_path}/{file.src_uri}",), article=False))


def add_redirects(site: SiteModel, files: Files) -> None:
    """A static page at each former address of a renamed article or note."""
    for redirect in redirects(site.catalog.articles, site.catalog.notes):
        folder = site.options.articles_dir if redirect.kind == "article" else site.options.notes_dir
        file = Redirect(f"{folder}/{redirect.old}.md", f"{folder}/{redirect.new}.md", redirect.title).file(site, files)
        if file is not None:
            files.append(file)


def activate_section(nav: Navigation, uri: str | None) -> Page | None:
    """Mark the navigation entry of ``uri`` active; return it, to be reset once the page is written."""
    if uri is None:
        return None
    activated = None
    for item in nav.pages:
        if item.file.src_uri == uri:
            item.active = True
            activated = item
    return activated
