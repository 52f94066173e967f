"""Small helpers to build HTML with bs4 (never by string concatenation)."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag


def tag(soup: BeautifulSoup, name: str, text: str | None = None, **attrs: str) -> Tag:
    """A new element; ``class_`` → ``class``, ``data_x_y`` → ``data-x-y``."""
    element = soup.new_tag(name, attrs={key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()})
    if text is not None:
        element.string = text
    return element


class Markup(NavigableString):
    """HTML already serialised by a parser (nh3's sanitiser, or bs4 itself): output as is.

    Only two things may be wrapped in it: :mod:`latar.sanitize` output (see :func:`sanitized`)
    and ``str()`` of a tree latar built with bs4 (see :func:`serialised`). Re-parsing them with
    html.parser only to serialise them again would cost time and add nothing. Annotation never
    looks inside it (``annotate.collect`` takes plain ``NavigableString`` only).
    """

    def output_ready(self, formatter: object = "minimal") -> str:
        """The sanitised markup, verbatim."""
        return str(self)


def sanitized(markup: str) -> Markup:
    """Wrap the output of ``latar.sanitize`` for insertion into a bs4 tree."""
    return Markup(markup)


def serialised(element: Tag | BeautifulSoup) -> Markup:
    """A bs4 tree latar built, serialised once for reuse in many pages."""
    return Markup(str(element))
