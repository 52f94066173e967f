"""Checks written from the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/).

``problems(collection)`` returns one line per unmet MUST; ``missing_shoulds(collection)`` one per
SHOULD the output leaves out. Section numbers are the Recommendation's (23 February 2017).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = frozenset(
    [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ]
)
SELECTOR_TYPES = frozenset(
    [
        "FragmentSelector",
        "CssSelector",
        "XPathSelector",
        "TextQuoteSelector",
        "TextPositionSelector",
        "DataPositionSelector",
        "SvgSelector",
        "RangeSelector",
    ]
)
AGENT_TYPES = frozenset({"Person", "Organization", "Software"})
UTC_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def is_iri(value: Any) -> bool:
    """An absolute IRI (a scheme and something after it)."""
    return isinstance(value, str) and bool(urlsplit(value).scheme) and " " not in value


def _types(node: dict) -> list[str]:
    value = node.get("type", [])
    return value if isinstance(value, list) else [value]


def _many(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def problems(collection: dict) -> list[str]:
    """Every MUST of sections 3 and 5 that ``collection`` (with its embedded page) does not meet."""
    found: list[str] = []
    context = collection.get("@context")
    if not (context == CONTEXT or (isinstance(context, list) and CONTEXT in context)):
        found.append(f"5.1 @context must be or include {CONTEXT}")
    if not is_iri(collection.get("id")):
        found.append("5.1 the Collection must have exactly one IRI id")
    if "AnnotationCollection" not in _types(collection):
        found.append("5.1 the Collection must have the type AnnotationCollection")
    total = collection.get("total")
    if total is not None and not (isinstance(total, int) and total >= 0):
        found.append("5.1 total must be a non-negative integer")
    for key in ("last",):
        if key in collection and not is_iri(collection[key]):
            found.append(f"5.1 {key} must be one IRI")
    page = collection.get("first")
    if total and page is None:
        found.append("5.1 a Collection with annotations must have a first page")
    if isinstance(page, dict):
        found.extend(page_problems(page))
    elif page is not None and not is_iri(page):
        found.append("5.1 first must be an IRI or an embedded AnnotationPage")
    return found


def page_problems(page: dict) -> list[str]:
    """The MUSTs of 5.2 for a page, and of 3 for each annotation in it."""
    found = []
    if not is_iri(page.get("id")):
        found.append("5.2 the Page must have exactly one IRI id")
    if "AnnotationPage" not in _types(page):
        found.append("5.2 the Page must have the type AnnotationPage")
    for key in ("partOf", "next", "prev"):
        if key in page and not is_iri(page[key]):
            found.append(f"5.2 {key} must be one IRI")
    start = page.get("startIndex")
    if start is not None and not (isinstance(start, int) and start >= 0):
        found.append("5.2 startIndex must be a non-negative integer")
    items = page.get("items")
    if not isinstance(items, list):
        found.append("5.2 the Page must have an items list")
        return found
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    if len(ids) != len(set(ids)):
        found.append("3.1 annotation ids must identify one annotation each")
    for index, item in enumerate(items):
        found.extend(f"items[{index}]: {problem}" for problem in annotation_problems(item))
    return found


def annotation_problems(item: dict) -> list[str]:
    """The MUSTs of section 3 for one annotation (its @context is the collection's)."""
    found = []
    if not is_iri(item.get("id")):
        found.append("3.1 an Annotation must have exactly one IRI id")
    if "Annotation" not in _types(item):
        found.append("3.1 an Annotation must have the type Annotation")
    if not item.get("target"):
        found.append("3.1 an Annotation must have one or more targets")
    for motivation in _many(item.get("motivation", [])):
        if motivation not in MOTIVATIONS:
            found.append(f"3.3.5 unknown motivation {motivation!r}")
    for key in ("created", "modified", "generated"):
        if key in item and not (isinstance(item[key], str) and UTC_DATETIME.match(item[key])):
            found.append(f"3.3.1 {key} must be one xsd:dateTime in UTC with 'Z'")
    for key in ("creator", "generator"):
        for agent in _many(item.get(key, [])):
            if isinstance(agent, dict) and agent.get("type") is not None and not set(_types(agent)) & AGENT_TYPES:
                found.append(f"3.3.2 {key} should be a Person, Organization or Software")
            if isinstance(agent, dict) and "id" in agent and not is_iri(agent["id"]):
                found.append(f"3.3.2 {key} id must be an IRI")
    for body in _many(item.get("body", [])):
        found.extend(f"body: {problem}" for problem in resource_problems(body, body=True))
    for target in _many(item.get("target", [])):
        found.extend(f"target: {problem}" for problem in resource_problems(target, body=False))
    return found


def resource_problems(resource: Any, body: bool) -> list[str]:
    """A body or target: an IRI, a TextualBody (3.2.4) or a SpecificResource (4) with valid selectors (4.2)."""
    if is_iri(resource):
        return []
    if not isinstance(resource, dict):
        return ["must be an IRI or an object"]
    found = []
    types = _types(resource)
    if "TextualBody" in types or "value" in resource:
        if not body:
            found.append("3.2.4 a TextualBody is a body")
        if not isinstance(resource.get("value"), str):
            found.append("3.2.4 a TextualBody must have exactly one string value")
        if "format" in resource and not re.match(r"^[a-z]+/[a-z0-9.+-]+$", resource["format"]):
            found.append("3.2.1 format must be a media type")
        return found
    if "source" in resource:
        if not is_iri(resource["source"]) and not (isinstance(resource["source"], dict) and is_iri(resource["source"].get("id"))):
            found.append("4 a SpecificResource must have exactly one source IRI")
        for selector in _many(resource.get("selector", [])):
            found.extend(selector_problems(selector))
        return found
    if not is_iri(resource.get("id")):
        found.append("3.2.1 an external resource must have an IRI id")
    return found


def selector_problems(selector: Any) -> list[str]:
    """4.2: each selector's type and required keys."""
    if is_iri(selector):
        return []
    kind = selector.get("type") if isinstance(selector, dict) else None
    if kind not in SELECTOR_TYPES:
        return [f"4.2 unknown selector type {kind!r}"]
    if kind == "TextQuoteSelector":
        if not isinstance(selector.get("exact"), str):
            return ["4.2.4 a TextQuoteSelector must have exactly one exact string"]
        for key in ("prefix", "suffix"):
            if key in selector and not isinstance(selector[key], str):
                return [f"4.2.4 {key} must be one string"]
    if kind == "TextPositionSelector":
        start, end = selector.get("start"), selector.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            return ["4.2.5 a TextPositionSelector must have non-negative integer start <= end"]
    return []


def missing_shoulds(collection: dict) -> list[str]:
    """The SHOULDs the issue asks for, where they are left out: label/total/last, partOf, and per
    annotation created, creator, generator, a body, TextualBody format and language."""
    found = [f"5.1 {key}" for key in ("label", "total", "last") if key not in collection]
    page = collection.get("first", {})
    if "partOf" not in page:
        found.append("5.2 partOf")
    elif page["partOf"] != collection.get("id"):
        found.append("5.2 partOf names another collection")
    if collection.get("last") != page.get("id"):
        found.append("5.1 last is the only page")
    if collection.get("total") != len(page.get("items", [])):
        found.append("5.1 total counts the annotations")
    for index, item in enumerate(page.get("items", [])):
        for key in ("created", "creator", "generator", "body"):
            if key not in item:
                found.append(f"items[{index}] 3.3.1 {key}")
        for agent_key in ("creator", "generator"):
            agent = item.get(agent_key)
            if isinstance(agent, dict) and not agent.get("name"):
                found.append(f"items[{index}] 3.3.2 {agent_key} name")
        for body in _many(item.get("body", [])):
            if isinstance(body, dict) and "value" in body:
                found.extend(f"items[{index}] 3.2.4 body {key}" for key in ("type", "format", "language") if key not in body)
    return found
