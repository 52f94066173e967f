"""Small helpers to build HTML with bs4 (never by string concatenation)."""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning, module=__name__)


def tag(soup: BeautifulSoup, name: str, text: str | None = None, **attrs: str) -> Tag:
    """A new element; ``class_`` → ``class``, ``data_x_y`` → ``data-x-y``."""
    element = soup.new_tag(name, attrs={key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()})
    if text is not None:
        element.string = text
    return element


def fragment(markup: str) -> list:
    """The top-level nodes of an (already sanitised) HTML fragment."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return list(BeautifulSoup(markup, "html.parser").contents)
