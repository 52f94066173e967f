"""What "safe" means for HTML built from contributed notes, and the payloads we try."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

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


def problems(markup: str) -> list[str]:
    """Every way ``markup`` could run script or clobber the page; empty when safe."""
    found = []
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in FORBIDDEN_TAGS:
            found.append(f"<{tag.name}>")
        if tag.name == "meta" and "refresh" in str(tag.get("http-equiv", "")).lower():
            found.append("meta refresh")
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{tag.name}[{name}]")
            if name.lower() in URL_ATTRIBUTES:
                decoded = _INVISIBLE.sub("", html.unescape(str(value)))
                if BAD_SCHEMES.match(decoded):
                    found.append(f"{tag.name}[{name}={value!r}]")
            if name.lower() == "style":
                found.append(f"{tag.name}[style]")
    return found
