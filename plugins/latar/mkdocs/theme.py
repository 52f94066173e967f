"""Where latar meets Material's templates: its assets, the tags and scripts it adds to every page, three patches.

The head tags (Open Graph, JSON-LD) and the search boot script are inserted into the written page in
``on_post_page``, before ``</head>`` and before Material's bundle script, as Material's own social plugin does: a
project's ``custom_dir`` ``main.html`` cannot drop them. Three touches remain template patches, read from the theme
(the project's overrides included) so they follow Material's version; each one warns when its marker is missing, so
``mkdocs build --strict`` fails instead of a page silently losing it:

- ``partials/search.html``: the search dialog gets an accessible name (axe: aria-dialog-name);
- ``partials/copyright.html``: an article page's footer starts with its own copyright line (``rights``);
- ``partials/language.html``: Material's words it leaves in English for the site's language (:data:`INTERFACE_STRINGS`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import BytecodeCache
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from latar.strings import INTERFACE_STRINGS

log = get_plugin_logger("latar")
ASSETS = Path(__file__).parent.parent / "assets"
CSS = "assets/latar/latar.css"
JS = "assets/latar/reading/main.js"
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')
"""Material's bundle: the search boot script must run before it."""


def environments(site_theme: Any, compiled: BytecodeCache) -> None:
    """Every Jinja environment ``site_theme`` makes from now on (MkDocs', Material's search plugin's): templates
    compiled once (``compiled``, see :mod:`~latar.mkdocs.templatecache`), and the theme's folders listed without
    their hidden files (:class:`VisibleTemplates`)."""
    make = getattr(site_theme, "get_env", None)
    if not callable(make):
        log.warning(
            "MkDocs' theme has no get_env (MkDocs changed): the theme's templates are compiled every build; update latar/mkdocs/theme.py"
        )
        return

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make()
        env.bytecode_cache = compiled
        if type(env.loader) is jinja2.FileSystemLoader:
            env.loader = VisibleTemplates(env.loader.searchpath, env.loader.encoding, env.loader.followlinks)
        return env

    site_theme.get_env = get_env


class VisibleTemplates(jinja2.FileSystemLoader):
    """The theme's folders, as Jinja's loader, but listing no hidden file or folder (a name part starting with ".").

    MkDocs lists every file of the theme to publish its static files, and drops hidden ones (``.*``, ``*/.*``) only
    then: Material's ``.icons/`` alone is about 14,000 files, some 0.08 s of every build. Loading a template, hidden
    or not, is Jinja's own; the files MkDocs publishes are the same (``tests/test_template_cache.py``).
    """

    def list_templates(self) -> list[str]:
        """Every file under the search path, as Jinja lists them, hidden folders not walked."""
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, folders, names in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == os.curdir else relative.replace(os.path.sep, "/") + "/"
                found.update(prefix + name for name in names if not name.startswith("."))
        return sorted(found)


def register_assets(config: MkDocsConfig) -> None:
    """latar's stylesheet and script on every page.

    The scripts are ES modules (``<script type="module">``, MkDocs ≥ 1.5); they import the rest of ``assets/``. The
    proposal form and its stylesheet are not among them: an article that takes proposals (its element names the
    repository) loads them on the reader's first selection (assets/reading/proposal.js).
    """
    for css, js in [(CSS, JS)]:
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(script) for script in config.extra_javascript]:
            script = ExtraScriptValue(js)
            script.type = "module"
            config.extra_javascript.append(script)


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Publish ``plugins/latar/assets/`` under ``assets/latar/`` (a project's own file of that name wins)."""
    for asset in sorted(path for path in ASSETS.rglob("*") if path.is_file()):
        uri = f"assets/latar/{asset.relative_to(ASSETS).as_posix()}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(asset)))


def inject(output: str, head: str, boot: str) -> str:
    """``head`` before ``</head>`` and ``boot`` before Material's bundle script, each on the line it closes."""
    if head:
        output = _before(output, output.find("</head>"), head)
    if boot:
        bundle = BUNDLE.search(output)
        if bundle is None:
            log.warning("the page has no Material bundle script; latar's search cannot start (is theme.name material?)")
            return output
        output = _before(output, bundle.start(), boot)
    return output


def _before(output: str, at: int, text: str) -> str:
    """Insert ``text`` right before the line break that leads to position ``at`` (or right before ``at``)."""
    if at < 0:
        return output
    line = output.rfind("\n", 0, at)
    if line >= 0 and output[line:at].strip() == "":
        at = line
    return output[:at] + text + output[at:]


def patch_templates(env: Any, language: str | None) -> Any:
    """The three template patches (see the module docstring), each warning when Material's markup has changed."""
    overrides = {}
    name, source = "partials/search.html", _source(env, "partials/search.html")
    marker = 'data-md-component="search" role="dialog"'
    if _found(marker, source, name, "the search dialog has no accessible name"):
        overrides[name] = source.replace(marker, marker + " aria-label=\"{{ lang.t('search') }}\"", 1)
    name, source = "partials/copyright.html", _source(env, "partials/copyright.html")
    rights = "page and page.meta and page.meta.latar_rights"
    if _found("{{ config.copyright }}", source, name, "article pages lose their copyright line") and _found(
        "{% if config.copyright %}", source, name, "article pages lose their copyright line"
    ):
        source = source.replace("{% if config.copyright %}", f"{{% if config.copyright or ({rights}) %}}", 1)
        overrides[name] = source.replace(
            "{{ config.copyright }}",
            f"{{% if {rights} %}}{{{{ page.meta.latar_rights }}}} {{% endif %}}{{{{ config.copyright or '' }}}}",
            1,
        )
    name, source = "partials/language.html", _source(env, "partials/language.html")
    call = "{{ lang.t(key)"
    if language in INTERFACE_STRINGS and _found(call, source, name, "some of Material's words stay in English"):
        table = "{{ " + repr(INTERFACE_STRINGS[language]) + "[key] or lang.t(key)"
        overrides[name] = source.replace(call, table, 1)
    if overrides:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(overrides), env.loader])
    return env


def _found(marker: str, source: str, name: str, loss: str) -> bool:
    """Whether the theme's template still has ``marker``; a warning (which fails ``--strict``) when not."""
    if marker in source:
        return True
    log.warning(f"{name} has no '{marker}' (Material changed, or a custom_dir override replaces it): {loss}; update latar/mkdocs/theme.py")
    return False


def _source(env: Any, name: str) -> str:
    """A template's source from the theme, or nothing when the theme has no such template."""
    try:
        source, _, _ = env.loader.get_source(env, name)
    except Exception:
        return ""
    return source
