"""The Python-Markdown route: ``::: latar <name>`` under plain ``markdown.Markdown`` renders the plugin's article.

This is what a move to a generator that runs Python-Markdown extensions but no MkDocs plugins (Zensical) keeps.
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from latar.core.articles import load_articles
from latar.extension import LatarExtension

pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    """The real project built by the MkDocs plugin."""
    return real_site


def repository() -> str:
    """The real project's ``plugins.latar.repository`` (empty when it has none)."""
    plugins = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["plugins"]
    options = next((item["latar"] for item in plugins if isinstance(item, dict) and "latar" in item), {}) or {}
    return options.get("repository", "")


def names() -> list[str]:
    articles, problems = load_articles(ROOT / "seeds", ROOT)
    assert articles and problems == []
    return [article.name for article in articles]


def test_each_article_renders_as_the_plugin_renders_it(site: Path) -> None:
    extension = LatarExtension(root=str(ROOT), repository=repository())
    for name in names():
        converted = markdown.Markdown(extensions=[extension]).convert(f"::: latar {name}\n")
        ours = BeautifulSoup(converted, "html.parser")
        plugin = BeautifulSoup((site / "artikel" / name / "index.html").read_text("utf-8"), "html.parser").select_one(".latar-article")
        assert [child.name for child in ours.contents] == ["div"], "the directive becomes the article and nothing else"
        assert str(ours.select_one(".latar-article")) == str(plugin), name


def test_the_extension_loads_by_name_and_leaves_other_markdown_alone() -> None:
    name = names()[0]
    converted = markdown.markdown(
        f"Pengantar.\n\n::: latar {name}\n\nPenutup.\n",
        extensions=["latar.extension"],
        extension_configs={"latar.extension": {"root": str(ROOT)}},
    )
    soup = BeautifulSoup(converted, "html.parser")
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["Pengantar.", "Penutup."]
    assert soup.select_one(f'.latar-article[data-latar-article="{name}"] .latar-article-body') is not None


@pytest.mark.parametrize("name", ["tidak-ada", "../rahasia", "<script>"])
def test_a_wrong_name_is_a_warning_not_a_page(name: str, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="latar"):
        converted = markdown.Markdown(extensions=[LatarExtension(root=str(ROOT))]).convert(f"::: latar {name}\n")
    assert converted == ""
    assert any(name in record.getMessage() for record in caplog.records)
