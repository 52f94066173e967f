"""A page as written: its held HTML, head tags, search boot script and Content-Security-Policy, with one copy of the page.

A deferred page (a note's, and under ``mkdocs build`` an article's) reaches ``on_post_page`` as Material's output
with :data:`~latar.mkdocs.pages.DEFERRED` where its HTML goes. The head tags, the boot script and the policy are put
into that small output first (:func:`~latar.mkdocs.theme.inject`, :func:`~latar.html.csp.with_policy`), and the
HTML last, in one join: an article of 10,000 notes (13 MB, 26 MB as a Python string) is copied once, not once per
step (issue #22). The result is the page the steps make in their own order, placeholder filled first, whenever the
HTML cannot change what they find (:func:`separable`); otherwise they run in that order.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

from latar.html import csp
from latar.mkdocs import theme
from latar.mkdocs.pages import DEFERRED
from latar.mkdocs.site import SiteModel

_SCRIPT = re.compile(r"<script", re.IGNORECASE)
_SCRIPT_UTF8 = re.compile(rb"<(?:[sS]|\xc5\xbf)[cC][rR](?:[iI]|\xc4\xb0|\xc4\xb1)[pP][tT]")
"""``_SCRIPT`` in UTF-8: a ``str`` pattern's IGNORECASE also takes "ſ" for "s", "İ" and "ı" for "i"."""
_MARKER_UTF8 = csp.MARKER.encode()


def page_output(output: str, page: Page, site: SiteModel) -> str:
    """The page as written: a deferred page's HTML in place of :data:`DEFERRED`, head tags, boot script and policy;
    with ``mkdocs build``, what only the page's output needed is let go of (:meth:`LatarPage.written`)."""
    latar_page = site.pages.get(page.file.src_uri)
    deferred = latar_page is not None and DEFERRED in output
    html = latar_page.written_html(page, site) if latar_page is not None and deferred else None
    if latar_page is not None and not site.serving:  # after its HTML is taken: an article page's HTML goes
        latar_page.written(page, site)
    head, boot = site.head(page.file.src_uri), site.boot
    return csp.with_policy(theme.inject(output, head, boot)) if html is None else assemble(output, html, head, boot)


def assemble(output: str, html: str | bytes, head: str, boot: str) -> str:
    """``output`` with ``html`` (UTF-8 when bytes) in place of its first :data:`DEFERRED`, ``head`` and ``boot``
    injected and the policy added: the page those steps make in that order, with one copy of ``html`` when they allow."""
    at = output.find(DEFERRED)
    if at < 0:
        return csp.with_policy(theme.inject(output, head, boot))
    if separable(output, at, html, head, boot):
        injected = theme.inject(output, head, boot)
        if csp.settled_before(injected, injected.find(DEFERRED)):
            skeleton = csp.with_policy(injected)
            place = skeleton.find(DEFERRED)
            before, after = skeleton[:place], skeleton[place + len(DEFERRED) :]
            if isinstance(html, str):
                return "".join((before, html, after))
            return b"".join((_utf8(before), html, _utf8(after))).decode("utf-8", "surrogatepass")
    text = html if isinstance(html, str) else html.decode("utf-8", "surrogatepass")
    return csp.with_policy(theme.inject(output[:at] + text + output[at + len(DEFERRED) :], head, boot))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def separable(output: str, at: int, html: str | bytes, head: str, boot: str) -> bool:
    """Whether ``html`` cannot change where :func:`~latar.mkdocs.theme.inject` puts the head tags and boot script.

    It cannot when it is whole elements with no script and no policy, and ``</head>``, Material's bundle and the
    line it starts on lie wholly before or after the placeholder at ``at``: a longer text in its place moves them,
    no more. :func:`~latar.html.csp.settled_before` says the same of the policy, on the page with its head tags.
    """
    end = at + len(DEFERRED)
    if isinstance(html, bytes):
        if not (html.startswith(b"<") and html.endswith(b">")) or _SCRIPT_UTF8.search(html) or _MARKER_UTF8 in html:
            return False
    elif not (html.startswith("<") and html.endswith(">")) or _SCRIPT.search(html) or csp.MARKER in html:
        return False
    if head and not 0 <= output.find("</head>") < at:
        return False
    bundle = theme.BUNDLE.search(output) if boot else None
    if bundle is None:
        return True
    if bundle.start() < end:
        return bundle.end() <= at
    return output.rfind("\n", 0, bundle.start()) >= end
