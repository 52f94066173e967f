"""What "safe" means for HTML built from contributed notes, and the payloads we try."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from conftest import ROOT

FORBIDDEN_TAGS = ("script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "frame", "frameset", "applet", "template")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background")
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
SHARED_XSS = ROOT.parent / "shared" / "corpora" / "xss"


def payloads() -> list[str]:
    """The project's own list, always; the shared public lists where they exist."""
    lines = (ROOT / "tests" / "xss_payloads.txt").read_text("utf-8").splitlines()
    if SHARED_XSS.is_dir():
        for path in sorted(SHARED_XSS.glob("*.txt")):
            lines += path.read_text("utf-8", errors="replace").splitlines()
    return sorted({line for line in lines if line.strip()})


class _Tags(HTMLParser):
    """Every start tag of a document with its attributes, as the browser's tokenizer reads them (no tree: faster
    than bs4 on the thousands of pages the payload tests render)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def problems(markup: str) -> list[str]:
    """Every way ``markup`` could run script or clobber the page; empty when safe."""
    found = []
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    for name, attrs in parser.tags:
        if name in FORBIDDEN_TAGS:
            found.append(f"<{name}>")
        for attribute, raw in attrs:
            value = raw or ""
            if name == "meta" and attribute == "http-equiv" and "refresh" in value.lower():
                found.append("meta refresh")
            if attribute.startswith("on"):
                found.append(f"{name}[{attribute}]")
            if attribute in URL_ATTRIBUTES:
                decoded = _INVISIBLE.sub("", html.unescape(value))
                if BAD_SCHEMES.match(decoded):
                    found.append(f"{name}[{attribute}={value!r}]")
            if attribute == "style":
                found.append(f"{name}[style]")
    return found
