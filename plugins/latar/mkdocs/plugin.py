"""The MkDocs plugin: each event handed to the module that does the job (a few lines each, never more than 15)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from latar.core.memo import Memo
from latar.core.notecache import KeptNotes
from latar.core.notes import ParsedNotes
from latar.html.csp import with_policy
from latar.mkdocs import background, pages, preview, rendercache, templatecache, theme, written
from latar.mkdocs import dirty as dirty_preview
from latar.mkdocs.config import LatarConfig
from latar.mkdocs.contributed import refuse_linked_folders
from latar.mkdocs.rendercache import RenderCache
from latar.mkdocs.site import SiteModel, project_root
from latar.outputs.cardcache import CardCache, cache_folders
from latar.outputs.indexcache import IndexCache

log = get_plugin_logger("latar")


class LatarPlugin(BasePlugin[LatarConfig]):
    """``plugins: [latar]``: the annotated article site.

    Where the work is: :mod:`~latar.mkdocs.site` (the site model, one per build), :mod:`~latar.mkdocs.pages`
    (latar's pages as types), :mod:`~latar.mkdocs.theme` (assets, head tags, template patches),
    :mod:`~latar.mkdocs.preview` (``mkdocs serve``). Event priorities (MkDocs runs higher first; default 0):

    ==================  ========  ============================================================================
    event               priority  why
    ==================  ========  ============================================================================
    on_config           100, 0    first (100): the theme's Jinja environments get the compiled templates cache
                                  before Material's search plugin makes its own; the rest at 0
    on_files            50        early: other plugins (search, social) see latar's pages, and note pages
                                  know their placements before any page renders
    on_page_content     -50       late: latar fills its pages after other plugins had the Markdown's HTML
    on_page_context     50        before Material's search plugin (0), which it tells to skip every page
                                  when latar's search answers the search box
    others              0         no ordering needed
    ==================  ========  ============================================================================
    """

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteModel | None = None
        self.card_cache = CardCache(None)
        self.index_cache = IndexCache(None)
        self.kept_notes = KeptNotes(None)
        self.parsed = ParsedNotes()
        """Kept across ``mkdocs serve`` rebuilds: a save parses only the notes that changed."""
        self.render_cache = RenderCache()
        """Kept across ``mkdocs serve`` rebuilds: a page whose inputs did not change is not rendered again."""
        self.outputs_memo: Memo = Memo()
        """Kept across ``mkdocs serve`` rebuilds: ``on_post_build``'s pieces (annotations, search counts) by their inputs."""
        self.dirty = dirty_preview.DirtyPreview(enabled=False)
        """``mkdocs serve --dirty`` (``make serve``): which pages a rebuild skips, and what they left in the last build."""
        self.background = background.Background()
        """``make serve``: ``on_post_build``'s files written after the pages (the saved page is served first)."""
        self.folders: dict[str, Path | None] = {}
        self.refused: list[str] = []
        self.serving = False
        self._activated: Page | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve`` (a preview shows problems on the pages instead of going dark) and
        whether it is dirty (a save rebuilds only the pages it touches)."""
        self.serving = command == "serve"
        self.dirty = dirty_preview.DirtyPreview(enabled=self.serving and dirty)  # a new server: its first build is a full one
        if self.dirty.enabled:
            dirty_preview.quiet_dirty_warning()

    @event_priority(100)
    def _on_config_theme(self, config: MkDocsConfig) -> MkDocsConfig:
        """Before any other plugin makes a Jinja environment (Material's search does, for its words): latar's cache
        folders, and the theme's compiled templates kept in one of them (see :func:`~latar.mkdocs.theme.environments`)."""
        self.folders, self.refused = cache_folders(project_root(config), self.config.cache_dir)  # outside the work tree, never a link
        theme.environments(config.theme, templatecache.cache(self.folders["templat"]))
        return config

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """A new site model (``mkdocs serve`` keeps this instance, and the last rebuild's files are written first);
        latar's assets on every page."""
        self.background.wait()
        self.site = SiteModel.start(self.config, config, self.serving)
        self.outputs_memo.next_build()
        refuse_linked_folders(Path(config.docs_dir), self.site.root)  # before MkDocs walks into them
        for warning in self.refused:
            log.warning(warning)
        self.card_cache = CardCache(self.folders["kartu"])
        self.index_cache = IndexCache(None if self.serving else self.folders["cari"])  # serve keeps its own memos
        self.kept_notes = KeptNotes(None if self.serving else self.folders["catatan"])
        theme.register_assets(config)
        return config

    on_config = CombinedEvent(_on_config_theme, _on_config)

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load articles and notes, add latar's pages, place every note and render every article."""
        self.site.load(files, self.parsed if self.serving else self.kept_notes)
        if self.site.history.warning:  # git failed: said once, loudly
            log.warning(self.site.history.warning)
        pages.register(self.site, files)
        theme.add_asset_files(files, config)
        self.site.place_and_render()
        pages.add_redirects(self.site, files)
        for problem in self.site.problems:
            log.warning(str(problem))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """latar's pages give MkDocs nothing to render (a note's title becomes escaped plain text)."""
        self.dirty.rendering(page)
        latar_page = self.site.pages.get(page.file.src_uri)
        return latar_page.markdown(markdown, page, self.site) if latar_page else markdown

    @event_priority(-50)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill latar's pages (others go to search); while serving, add problem banners and key the render cache."""
        latar_page = self.site.pages.get(page.file.src_uri)
        if latar_page is None:
            self.site.note_other_page(page, html)
        elif latar_page.deferred and not self.serving:
            return pages.DEFERRED  # written in on_post_page: 10,000 note pages' HTML is never held at once
        else:
            html = latar_page.content(html, page, self.site)
        if not self.serving:
            return html
        if latar_page is not None and latar_page.shows_problems:
            html = preview.problems_banner(preview.page_problems(self.site.problems, latar_page.own_files())) + html
        self.render_cache.look_up(page, html, self.site.heads.get(page.file.src_uri, ""))
        return html

    @event_priority(50)
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        """Material's search skips every page when latar's search answers; a note's section is marked active; the
        sitemap notes the page's canonical address and last change (the home page's canonical is its article)."""
        if self.site.search:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        latar_page = self.site.pages.get(page.file.src_uri)
        self._activated = pages.activate_section(nav, latar_page.section(self.site) if latar_page else None)
        self.site.note_in_sitemap(page)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A note page's HTML, head tags and the search boot script go into the page as written, then its
        Content-Security-Policy (last, -100: it hashes the inline scripts as they end up); the navigation is reset."""
        if self._activated is not None:
            self._activated.active = False
            self._activated = None
        self.dirty.keep(page, self.site)
        earlier = self.render_cache.reuse(page) if self.serving else None
        if earlier is not None:
            return earlier
        output = written.page_output(output, page, self.site)
        return self.render_cache.keep(page, output) if self.serving else output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Theme pages that are not documentation pages (``404.html``) get the search boot script and the CSP too."""
        return with_policy(theme.inject(output_content, "", self.site.boot)) if template_name.endswith(".html") else output_content

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """The remaining template patches (see :mod:`latar.mkdocs.theme`); while serving, the empty template of unchanged pages."""
        env = theme.patch_templates(env, config.theme.get("language"))
        if self.dirty.enabled:
            self.dirty.restore(files, self.site, self.render_cache)
        return rendercache.register(env) if self.serving else env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """While serving: what every page's output shares (navigation, configuration), for the render cache; with
        ``--dirty``, which pages this rebuild skips (before any page is read)."""
        if self.serving:
            self.render_cache.start(config, nav)
        if self.dirty.enabled:
            self.dirty.plan(self.site, files, nav, config)
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the plain texts, the Web Annotation collection, the cards and the sitemap; index for search (with
        ``make serve``, after the pages: see :mod:`~latar.mkdocs.background`)."""
        memo = self.outputs_memo if self.serving else None
        job = background.write_outputs(self.site, self.card_cache, memo, self.index_cache)
        self.background.run(job, log, later=self.dirty.enabled)
        for level, line in dirty_preview.said(self.dirty, self.render_cache) if self.serving else ():
            log.log(level, line)
        if config.strict and self.site.problems and not log.isEnabledFor(logging.WARNING):
            # ``-q`` drops warnings before MkDocs' strict mode counts them: the rule book must still stop the build.
            raise Abort(
                "\n".join([f"Aborted: latar found {len(self.site.problems)} problems in strict mode:", *map(str, self.site.problems)])
            )

    def on_shutdown(self) -> None:
        """The server stops (and deletes its folder) only once the last rebuild's files are written."""
        self.background.wait()

    def on_build_error(self, *, error: Exception) -> None:
        """A rebuild that failed half way leaves a site folder nothing was kept for: the next one is a full one."""
        self.dirty.forget()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when an article changes, not only when ``docs/`` does."""
        server.watch(str(self.site.seeds_dir))
        return server
