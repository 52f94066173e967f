"""Machine-readable metadata for the ``<head>``: schema.org JSON-LD, Open Graph and Twitter cards.

Article pages describe a ``NewsArticle``; note pages an ``Article`` ``about`` the note's subject.
Both carry their social card (``og:image`` with size and text alternative) and a description of
their own (Material writes ``page.meta.description`` as ``<meta name="description">``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from latar import strings
from latar.core.articles import Article
from latar.core.history import Dates, iso
from latar.core.notes import Note
from latar.core.sanitize import plain_text, render_inline
from latar.html.builder import append, fragment, json_text, tag, to_html
from latar.strings import kind_label

DESCRIPTION_LENGTH = 160
SUBJECT_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "event": "Event"}
"""schema.org type of what a note of each kind is about (others: ``Thing``)."""


@dataclass(frozen=True)
class Picture:
    """A page's social card as published."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class Site:
    """The project publishing the pages."""

    name: str
    url: str | None
    language: str = "id"

    def organization(self) -> dict:
        """The project as a schema.org Organization."""
        return {"@type": "Organization", "name": self.name, **({"url": self.url} if self.url else {})}


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, "…" marking a cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def lead(article: Article) -> str:
    """The first paragraph without its dateline."""
    first = article.paragraphs[0]
    if article.dateline and first.startswith(article.dateline):
        first = first[len(article.dateline) :]
    return first.strip()


def description(article: Article, notes: int) -> str:
    """The article page's description: its lead, then what latar adds."""
    return strings.article_description(shorten(lead(article), 120), notes)


def note_description(note: Note) -> str:
    """A note page's description: its summary as plain text."""
    return shorten(plain_text(render_inline(note.summary)))


def publisher_url(article: Article) -> str:
    """The publisher's home page: the origin of the article's address."""
    parts = urlsplit(article.meta.source_url)
    return f"{parts.scheme}://{parts.netloc}/"


def _image(picture: Picture) -> dict:
    return {"@type": "ImageObject", "url": picture.url, "width": picture.width, "height": picture.height, "caption": picture.alt}


def news_article(article: Article, url: str, notes: int, picture: Picture, dates: Dates, site: Site) -> dict:
    """schema.org NewsArticle describing the republished article.

    ``dateModified`` is the page's last change (the seed or a note in it). The source names no author
    for some articles: ``author`` is then the publisher, under whose name the article appeared
    (Google's Article guidance accepts an Organization as author), and ``creditText`` says so.
    """
    meta = article.meta
    publisher = _publisher(article)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta.title,
        "datePublished": meta.published,
        "dateModified": iso(dates.modified),
        "inLanguage": meta.language,
        "publisher": publisher,
        "isBasedOn": meta.source_url,
        "url": url,
        "mainEntityOfPage": url,
        "image": _image(picture),
        "description": description(article, notes),
        "sourceOrganization": site.organization(),
    }
    if meta.author:
        data["author"] = {"@type": "Person", "name": meta.author}
    else:
        data["author"] = publisher
        data["creditText"] = strings.no_author_credit(meta.publisher)
    return data


WIKIDATA_PAGE = "https://www.wikidata.org/wiki/"
"""Where a Wikidata item is read (schema.org's own ``sameAs`` examples use these addresses)."""


def note_article(note: Note, url: str, picture: Picture, dates: Dates, site: Site) -> dict:
    """schema.org Article for a note page, ``about`` its subject (``sameAs`` its Wikidata item), citing its sources."""
    title = plain_text(note.title)
    subject: dict = {"@type": SUBJECT_TYPES.get(note.kind, "Thing"), "name": title}
    if note.wikidata:
        subject["sameAs"] = WIKIDATA_PAGE + note.wikidata
    citations = []
    for source in note.sources:
        publisher = {"@type": "Organization", "name": plain_text(source.publisher)}
        cited = {"@type": "CreativeWork", "name": plain_text(source.title), "url": source.url, "publisher": publisher}
        if source.date:
            cited["datePublished"] = source.date
        citations.append(cited)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "about": subject,
        "description": note_description(note),
        "inLanguage": site.language,
        "url": url,
        "mainEntityOfPage": url,
        "image": _image(picture),
        "datePublished": iso(dates.created),
        "dateModified": iso(dates.modified),
        "author": site.organization(),
        "publisher": site.organization(),
        "citation": citations,
    }
    return data


def claim_review(note: Note, url: str, picture: Picture, dates: Dates, site: Site, appearances: Sequence[Article]) -> dict:
    """schema.org ClaimReview for a clarification's page: the claim, the verdict as a Rating's ``alternateName`` (no
    numeric scale: the verdicts are not ordered), the Claim as it appears in the articles (``appearances``, by their
    publishers), reviewed by the project. The rest is the note page's Article, whose properties a Review has too.
    """
    data = note_article(note, url, picture, dates, site)
    del data["about"]
    publishers = {article.meta.publisher: _publisher(article) for article in appearances}
    appearance = [
        {
            "@type": "NewsArticle",
            "url": article.meta.source_url,
            "headline": article.meta.title,
            "datePublished": article.meta.published,
            "publisher": publishers[article.meta.publisher],
        }
        for article in appearances
    ]
    claim: dict = {"@type": "Claim", "appearance": _one_or_list(appearance), "author": _one_or_list(list(publishers.values()))}
    rating = {
        "@type": "Rating",
        "alternateName": strings.verdict_label(note.verdict or ""),
        "ratingExplanation": " ".join(plain_text(render_inline(note.summary)).split()),
    }
    return {
        **data,
        "@type": "ClaimReview",
        "claimReviewed": note.claim,
        "reviewRating": rating,
        "itemReviewed": claim,
    }


def _publisher(article: Article) -> dict:
    return {"@type": "Organization", "name": article.meta.publisher, "url": publisher_url(article)}


def _one_or_list(items: list[dict]) -> dict | list[dict]:
    return items[0] if len(items) == 1 else items


def _head(properties: dict[str, str], data: dict) -> str:
    head = fragment()
    for name, content in properties.items():
        if name.startswith("twitter:"):
            append(head, tag("meta", name=name, content=content))
        else:
            append(head, tag("meta", property=name, content=content))
    append(head, tag("script", json_text(data), type="application/ld+json"))
    return to_html(head)


def _picture_properties(picture: Picture) -> dict[str, str]:
    return {
        "og:image": picture.url,
        "og:image:type": "image/png",
        "og:image:width": str(picture.width),
        "og:image:height": str(picture.height),
        "og:image:alt": picture.alt,
        "twitter:card": "summary_large_image",
        "twitter:image:alt": picture.alt,
    }


def head_tags(article: Article, url: str, notes: int, site: Site, picture: Picture, dates: Dates) -> str:
    """Open Graph and Twitter ``meta`` tags and a NewsArticle JSON-LD ``script`` for an article page."""
    properties = {
        "og:type": "article",
        "og:title": article.meta.title,
        "og:description": description(article, notes),
        "og:url": url,
        "og:site_name": site.name,
        "og:locale": "id_ID" if article.meta.language == "id" else article.meta.language,
        "article:published_time": article.meta.published,
        "article:modified_time": iso(dates.modified),
        "article:publisher": article.meta.publisher,
        **_picture_properties(picture),
    }
    return _head(properties, news_article(article, url, notes, picture, dates, site))


def note_head_tags(note: Note, url: str, site: Site, picture: Picture, dates: Dates, appearances: Sequence[Article] = ()) -> str:
    """Open Graph and Twitter ``meta`` tags and a JSON-LD ``script`` for a note page: a ClaimReview for a clarification
    whose claim appears in ``appearances``, an Article otherwise."""
    properties = {
        "og:type": "article",
        "og:title": plain_text(note.title),
        "og:description": note_description(note),
        "og:url": url,
        "og:site_name": site.name,
        "og:locale": "id_ID",
        "article:published_time": iso(dates.created),
        "article:modified_time": iso(dates.modified),
        "article:section": kind_label(note.kind),
        **_picture_properties(picture),
    }
    if note.claim and note.verdict and appearances:
        return _head(properties, claim_review(note, url, picture, dates, site, appearances))
    return _head(properties, note_article(note, url, picture, dates, site))


def rights_line(article: Article) -> str:
    """The article's copyright line for its page's footer (escaped HTML)."""
    return to_html(tag("span", article.meta.rights or strings.rights_default(article.meta.publisher), class_="latar-rights"))
