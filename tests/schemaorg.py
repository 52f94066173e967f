"""JSON-LD checked against schema.org's own vocabulary (release file cut by ``tools/schemaorg_vocabulary.py``).

``problems(data)`` returns one line per node type that schema.org does not define, per property it does not
define, per property used on a type outside its ``domainIncludes`` and per value outside its ``rangeIncludes``.
Values follow the data model (https://schema.org/docs/datamodel.html): a node's ``@type`` or one of its
superclasses must be in the range; a string must be allowed by a data type in the range (Text, URL, a date in ISO
8601 for Date and DateTime); a number by Number, Integer or, as a bare measure (an image's ``width``), by
QuantitativeValue or Distance. Strings where only a class is expected are refused: stricter than schema.org
needs, so that a property meant to hold a node (``reviewRating``, ``itemReviewed``) cannot silently be text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

VOCABULARY = json.loads((Path(__file__).parent / "fixtures" / "schemaorg" / "vocabulary.json").read_text("utf-8"))
CLASSES: dict[str, list[str]] = VOCABULARY["classes"]
PROPERTIES: dict[str, dict[str, list[str]]] = VOCABULARY["properties"]
CONTEXT = "https://schema.org"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
TEXT_TYPES = {"Text", "URL", "CssSelectorType", "XPathType", "PronounceableText"}
MEASURES = {"QuantitativeValue", "Distance"}


@cache
def ancestors(name: str) -> frozenset[str]:
    """The class and every superclass of it."""
    found = {name}
    for parent in CLASSES.get(name, ()):
        found |= ancestors(parent)
    return frozenset(found)


def _types(node: dict) -> list[str]:
    value = node.get("@type", [])
    return value if isinstance(value, list) else [value]


def _text_allowed(value: str, allowed: set[str]) -> bool:
    if allowed & TEXT_TYPES:
        return not ("URL" in allowed and allowed & TEXT_TYPES == {"URL"}) or bool(re.match(r"^https?://", value))
    if "DateTime" in allowed and DATE_TIME.match(value):
        return True
    return "Date" in allowed and bool(DATE.match(value))


def _value_problems(prop: str, value: Any, where: str) -> list[str]:
    expected = set(PROPERTIES[prop]["range"])
    allowed = {a for name in expected for a in (name, *_descendants(name))}
    if isinstance(value, dict):
        types = _types(value)
        if not any(ancestors(t) & expected for t in types):
            return [f"{where}: '{prop}' expects {sorted(expected)}, not {types}"]
        return problems(value, where)
    if isinstance(value, bool):
        return [] if "Boolean" in allowed else [f"{where}: '{prop}' expects {sorted(expected)}, not a boolean"]
    if isinstance(value, int | float):
        numeric = {"Number", "Integer", "Float"} | MEASURES
        return [] if allowed & numeric else [f"{where}: '{prop}' expects {sorted(expected)}, not a number"]
    if isinstance(value, str):
        return [] if _text_allowed(value, allowed) else [f"{where}: '{prop}' expects {sorted(expected)}, not the text {value[:40]!r}"]
    return [f"{where}: '{prop}' has a value of an unknown kind: {value!r}"]


@cache
def _descendants(name: str) -> frozenset[str]:
    return frozenset(child for child in CLASSES if name in ancestors(child) and child != name)


def problems(node: dict, where: str = "$") -> list[str]:
    """Every way ``node`` (a JSON-LD object using the schema.org context) strays from schema.org's vocabulary."""
    found = []
    if where == "$" and node.get("@context") != CONTEXT:
        found.append(f"$: @context must be {CONTEXT}")
    types = _types(node)
    if not types:
        found.append(f"{where}: a node without @type")
    unknown = [t for t in types if t not in CLASSES]
    found += [f"{where}: schema.org has no type {t!r}" for t in unknown]
    known = frozenset().union(*(ancestors(t) for t in types if t in CLASSES))
    for prop, value in node.items():
        if prop.startswith("@"):
            continue
        here = f"{where}.{prop}"
        if prop not in PROPERTIES:
            found.append(f"{here}: schema.org has no property {prop!r}")
            continue
        if known and not known & set(PROPERTIES[prop]["domain"]):
            found.append(f"{here}: {prop!r} is not a property of {types} (it is of {PROPERTIES[prop]['domain']})")
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            found += _value_problems(prop, item, f"{here}[{index}]" if isinstance(value, list) else here)
    return found
