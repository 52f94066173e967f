"""Machine-readable metadata for article pages: schema.org NewsArticle JSON-LD and Open Graph."""

from __future__ import annotations

import json

from .article import Article
from .htmlbuild import append, fragment, tag, to_html


def news_article(article: Article, url: str, notes: int) -> dict:
    """schema.org NewsArticle describing the republished article."""
    meta = article.meta
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta.title,
        "datePublished": meta.published,
        "inLanguage": meta.language,
        "publisher": {"@type": "Organization", "name": meta.publisher},
        "isBasedOn": meta.source_url,
        "url": url,
        "mainEntityOfPage": url,
        "description": description(article, notes),
    }


def description(article: Article, notes: int) -> str:
    """One sentence for previews."""
    return f"Artikel {article.meta.publisher} ({article.meta.published}) dengan {notes} catatan latar yang bersumber."


def head_tags(article: Article, url: str, notes: int, site_name: str) -> str:
    """Open Graph ``meta`` tags and a NewsArticle JSON-LD ``script`` for the page's ``<head>``."""
    head = fragment()
    properties = {
        "og:type": "article",
        "og:title": article.meta.title,
        "og:description": description(article, notes),
        "og:url": url,
        "og:site_name": site_name,
        "og:locale": "id_ID" if article.meta.language == "id" else article.meta.language,
        "article:published_time": article.meta.published,
        "article:publisher": article.meta.publisher,
    }
    for name, content in properties.items():
        append(head, tag("meta", property=name, content=content))
    data = json.dumps(news_article(article, url, notes), ensure_ascii=False, sort_keys=True)
    # JSON may not close the script element or open a comment inside it: escape the characters that could.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    append(head, tag("script", data, type="application/ld+json"))
    return to_html(head)
