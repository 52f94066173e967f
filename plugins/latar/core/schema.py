"""Validate YAML data against the shipped JSON Schemas, with messages people can act on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

from latar.core.problems import Problem
from latar.core.yamlload import KeyPath, line_of

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``schemas/<name>.schema.json`` shipped with latar."""
    text = resources.files("latar").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> jsonschema_rs.Draft202012Validator:
    """The compiled validator (jsonschema-rs: about 30x faster than the pure-Python jsonschema)."""
    return jsonschema_rs.Draft202012Validator(load_schema(name))


def _schema_at(name: str, schema_path: Sequence[str | int]) -> dict[str, Any]:
    """The schema object a keyword belongs to (``schema_path`` ends with the keyword)."""
    node: Any = load_schema(name)
    for part in schema_path[:-1]:
        node = node[part]
    return node if isinstance(node, dict) else {}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__


def field_name(path: KeyPath) -> str:
    """How messages name a field: ``sources[2].url`` for ``("sources", 1, "url")``."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the front matter"


def did_you_mean(word: str, choices: list[str]) -> str:
    """A ' (did you mean X?)' hint, or nothing."""
    import difflib  # noqa: PLC0415 - only when there is a mistake to explain

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _message(name: str, error: jsonschema_rs.ValidationError) -> tuple[KeyPath, str]:
    path: KeyPath = tuple(error.instance_path)
    field = field_name(path)
    # Typed as Any: jsonschema_rs declares each kind's fields (property, limit…) on its subclass, and the match
    # below dispatches on the kind's name; the instance is whatever JSON the guard of each case accepts.
    kind: Any = error.kind
    instance: Any = error.instance
    match kind.name:
        case "required":
            return path, f"missing required field '{field_name((*path, kind.property))}'; add it"
        case "additionalProperties":
            known = sorted(_schema_at(name, error.schema_path).get("properties", {}))
            extra = sorted(str(key) for key in kind.unexpected)
            unknown = ", ".join(f"'{key}'{did_you_mean(key, known)}" for key in extra)
            allowed = ", ".join(known)
            return (*path, extra[0]) if extra else path, f"unknown field {unknown} in {field}; allowed: {allowed}"
        case "enum":
            choices = [str(c) for c in kind.options]
            return path, (f"'{field}' is '{instance}'{did_you_mean(str(instance), choices)}; use one of: {', '.join(choices)}")
        case "type" if path and path[-1] in ("date", "published", "accessed") and isinstance(instance, int):
            return path, f"'{field}' must be text: write the date in quotes ({path[-1]}: '{instance}'), a bare number is refused"
        case "type":
            names = " or ".join(_TYPE_NAMES.get(t, t) for t in _schema_types(_schema_at(name, error.schema_path)))
            return path, f"'{field}' must be {names}, not {_type_of(instance)}"
        case "minItems":
            return path, f"'{field}' needs at least {kind.limit} item; add one"
        case "minLength" | "pattern" if isinstance(instance, str) and not instance.strip():
            return path, f"'{field}' is empty; write a value"
        case "anyOf" if path and path[-2:-1] == ("sources",):
            return path, f"'{field}' needs 'date' (when it was published) or 'accessed' (the day you consulted it, YYYY-MM-DD); add one"
        case "pattern" if path and path[-1] in ("url", "archive_url"):
            return path, f"'{field}' must be an https:// address, not '{instance[:80]}'"
        case "pattern" if path and path[-1] in ("date", "published"):
            return path, f"'{field}' must be an ISO date (YYYY-MM-DD) or a year, not '{instance}'"
        case "pattern" if path and path[-1] == "accessed":
            return path, f"'{field}' must be the day you consulted the source as YYYY-MM-DD, not '{instance}'"
        case "pattern":
            return path, f"'{field}' has an invalid value '{str(instance)[:80]}'"
        case "maxItems":
            return path, f"'{field}' has {len(instance)} items; at most {kind.limit} are allowed: split the note or drop some"
        case "maxLength":
            return path, f"'{field}' is longer than {kind.limit} characters; shorten it"
        case "minimum":
            return path, f"'{field}' must be at least {kind.limit}"
        case _:
            return path, f"'{field}': {error.message}"


def _schema_types(schema: dict[str, Any]) -> list[str]:
    """The types a schema allows, in the schema's own order."""
    expected = schema.get("type", [])
    return [expected] if isinstance(expected, str) else list(expected)


def validate(name: str, data: Any, label: str, lines: dict[KeyPath, int]) -> list[Problem]:
    """Validate ``data`` against schema ``name``; one problem per error, in file order."""
    if not isinstance(data, dict):
        return [Problem(label, line_of(lines, ()) or 1, f"the front matter must be a mapping of keys to values, not {_type_of(data)}")]
    validator = _validator(name)
    if validator.is_valid(data):
        return []
    errors = list(validator.iter_errors(data))
    misspelt = {(tuple(e.instance_path), _misspelling(name, e)) for e in errors if e.kind.name == "additionalProperties"}
    problems = []
    for error in errors:
        if (
            isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required)
            and (tuple(error.instance_path), error.kind.property) in misspelt
        ):
            continue  # said once, as the misspelt key ("did you mean 'text'?")
        path, message = _message(name, error)
        problems.append(Problem(label, line_of(lines, path), message))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.message))


def _misspelling(name: str, error: jsonschema_rs.ValidationError) -> str | None:
    """The known key an unknown key is a misspelling of, if exactly one unknown key is close to one."""
    known = sorted(_schema_at(name, error.schema_path).get("properties", {}))
    unexpected = error.kind.unexpected if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties) else []
    close = [did_you_mean(str(key), known) for key in unexpected]
    return close[0].split("'")[1] if len(close) == 1 and close[0] else None
