"""The package's layers import downwards only, modules stay short, MkDocs event handlers stay glue (ARCHITECTURE.md).

Imports are read from the source with ``ast`` (lazy imports inside functions included), so the rule holds for
code that has not run.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import mkdocs.plugins
import pytest

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "latar"
MAX_LINES = 400
MAX_HANDLER_LINES = 15
LAYERS = ("core", "strings", "html", "outputs", "mkdocs", "cli", "extension")
ALLOWED = {
    "core": {"core"},
    "strings": {"core", "strings"},
    "html": {"core", "strings", "html"},
    "outputs": {"core", "strings", "html", "outputs"},
    "extension": {"core", "strings", "html", "extension"},
    "cli": {"core", "strings", "html", "outputs", "cli"},
    "mkdocs": set(LAYERS),
}
"""Which of latar's layers each layer may import (``latar`` itself: the version, anyone)."""
THIRD_PARTY = {
    "mkdocs": {"mkdocs"},
    "material": {"mkdocs"},
    "jinja2": {"mkdocs"},
    "markdown": {"extension"},
    "xml": {"html", "outputs", "extension"},
}
"""Libraries only some layers may import: MkDocs, Material and Jinja only the adapter; Python-Markdown only the
extension; ElementTree (HTML building) only html, outputs and the extension (Python-Markdown's tree)."""


def layer(path: Path) -> str | None:
    """The layer of a module of the package (None: the package's own ``__init__``/``__main__``)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[0] in LAYERS:
        return parts[0]
    return None


def imports(source: str) -> list[tuple[int, str]]:
    """Every module a source imports, with its line (``from a import b`` counts as ``a``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.lineno, node.module)]
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names if node.module == "latar"]
    return found


def violations(own: str, source: str, label: str) -> list[str]:
    """What a module of layer ``own`` imports that its layer may not."""
    found = []
    for line, name in imports(source):
        top, _, rest = name.partition(".")
        if top == "latar":
            target = rest.split(".")[0]
            if target in LAYERS and target not in ALLOWED[own]:
                found.append(f"{label}:{line}: {own} imports {name}")
        elif top in THIRD_PARTY and own not in THIRD_PARTY[top]:
            found.append(f"{label}:{line}: {own} imports {name} (only {', '.join(sorted(THIRD_PARTY[top]))} may)")
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_package_has_every_layer() -> None:
    assert {layer(path) for path in modules()} >= set(LAYERS)


def test_layers_import_downwards_only() -> None:
    found = []
    for path in modules():
        own = layer(path)
        if own is not None:
            found += violations(own, path.read_text("utf-8"), path.relative_to(ROOT).as_posix())
    assert found == []


@pytest.mark.parametrize(
    ("own", "source"),
    [
        ("core", "from latar.html.builder import tag"),
        ("core", "def f():\n    import mkdocs.plugins"),
        ("core", "from xml.etree.ElementTree import Element"),
        ("strings", "from latar import html"),
        ("html", "from latar.outputs import search"),
        ("outputs", "from jinja2 import Environment"),
        ("cli", "from latar.mkdocs.config import LatarConfig"),
        ("extension", "import mkdocs"),
        ("html", "import markdown"),
    ],
)
def test_the_rule_catches_an_upward_import(own: str, source: str) -> None:
    assert violations(own, source, "x.py") != []


def too_long(sources: dict[str, str]) -> dict[str, int]:
    """The modules (label → source) over :data:`MAX_LINES` lines, with their length."""
    return {label: n for label, source in sources.items() if (n := len(source.splitlines())) > MAX_LINES}


def test_no_module_is_longer_than_400_lines() -> None:
    assert too_long({path.relative_to(ROOT).as_posix(): path.read_text("utf-8") for path in modules()}) == {}


def test_the_length_rule_sees_a_long_module() -> None:
    assert too_long({"short.py": "x = 1\n" * MAX_LINES, "long.py": "x = 1\n" * (MAX_LINES + 1)}) == {"long.py": MAX_LINES + 1}


EVENTS = {f"on_{event}" for event in mkdocs.plugins.EVENTS}
"""Every MkDocs event a plugin (or a hooks module) can handle."""


def event(name: str) -> str | None:
    """The event a function handles: ``on_<event>``, or ``_on_<event>[_part]``, one part of a ``CombinedEvent``."""
    if name in EVENTS:
        return name
    parts = [known for known in EVENTS if name[:1] == "_" and (name[1:] == known or name[1:].startswith(f"{known}_"))]
    return max(parts, key=len) if parts else None


def event_handlers(source: str, label: str) -> dict[str, int]:
    """Every MkDocs event handler in ``source`` (a method of any class, a part of a ``CombinedEvent``, or a
    module-level hook) and its length in lines, decorators left out; named by the event it handles."""
    return {
        f"{label}:{node.lineno} {event(node.name)}": node.end_lineno - node.lineno + 1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and event(node.name) and node.end_lineno is not None
    }


def handlers() -> dict[str, int]:
    """Every MkDocs event handler anywhere in the package."""
    found: dict[str, int] = {}
    for path in modules():
        found |= event_handlers(path.read_text("utf-8"), path.relative_to(ROOT).as_posix())
    return found


def test_every_event_handler_is_at_most_15_lines() -> None:
    lengths = handlers()
    names = {where.split(" ")[1] for where in lengths}
    assert {"on_config", "on_files", "on_page_content", "on_post_page", "on_post_build"} <= names
    assert {where for where in lengths if not where.startswith("plugins/latar/mkdocs/")} == set(), "MkDocs events belong to the adapter"
    assert {where: n for where, n in lengths.items() if n > MAX_HANDLER_LINES} == {}


def test_the_handler_rule_sees_a_long_handler_anywhere() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_HANDLER_LINES))  # with the def line: one line too many
    method = "class P:\n    @event_priority(50)\n" + textwrap.indent(f"def on_post_page(self, output, **kw):\n{body}", "    ")
    hook = f"def on_page_markdown(markdown, **kw):\n{body}"
    assert event_handlers(method, "m.py") == {"m.py:3 on_post_page": MAX_HANDLER_LINES + 1}
    assert event_handlers(hook, "h.py") == {"h.py:1 on_page_markdown": MAX_HANDLER_LINES + 1}
    assert event_handlers("def on_something_else():\n    pass\n", "x.py") == {}
    part = f"def _on_config_theme(self, config):\n{body}"
    assert event_handlers(part, "c.py") == {"c.py:1 on_config": MAX_HANDLER_LINES + 1}
    assert event_handlers("def _on_configure():\n    pass\n", "x.py") == {}


def test_the_readme_and_architecture_name_every_part_of_the_package() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    architecture = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    for part in sorted({path.relative_to(PACKAGE).parts[0] for path in modules()} - {"__init__.py"}):
        name = part if part.endswith(".py") else f"{part}/"
        assert f"plugins/latar/{name}" in readme, f"README's Layout does not name plugins/latar/{name}"
        assert f"`{name}`" in architecture, f"ARCHITECTURE.md does not name {name}"
    for module in sorted((PACKAGE / "mkdocs").glob("*.py")):
        assert module.name == "__init__.py" or f"`{module.name}`" in architecture, module.name
