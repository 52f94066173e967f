"""Validate YAML data against the shipped JSON Schemas, with messages people can act on."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .problems import Problem
from .yamlload import Path, line_of

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
    return json.loads(text)


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name))


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


def _field(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the front matter"


def did_you_mean(word: str, choices: list[str]) -> str:
    """A ' (did you mean X?)' hint, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _message(error: ValidationError) -> tuple[Path, str]:
    path: Path = tuple(error.absolute_path)
    field = _field(path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    match error.validator:
        case "required":
            missing = error.message.split("'")[1]
            return path, f"missing required field '{_field((*path, missing))}'; add it"
        case "additionalProperties":
            known = sorted(schema.get("properties", {}))
            extra = sorted(set(error.instance) - set(known))
            unknown = ", ".join(f"'{key}'{did_you_mean(str(key), known)}" for key in extra)
            allowed = ", ".join(known)
            return (*path, extra[0]) if extra else path, f"unknown field {unknown} in {field}; allowed: {allowed}"
        case "enum":
            choices = [str(c) for c in error.validator_value]
            return path, (f"'{field}' is '{error.instance}'{did_you_mean(str(error.instance), choices)}; use one of: {', '.join(choices)}")
        case "type":
            expected = error.validator_value
            names = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
            return path, f"'{field}' must be {names}, not {_type_of(error.instance)}"
        case "minItems":
            return path, f"'{field}' needs at least {error.validator_value} item; add one"
        case "minLength" | "pattern" if isinstance(error.instance, str) and not error.instance.strip():
            return path, f"'{field}' is empty; write a value"
        case "pattern" if path and path[-1] == "url":
            return path, f"'{field}' must be an https:// address, not '{error.instance[:80]}'"
        case "pattern" if path and path[-1] in ("date", "published"):
            return path, f"'{field}' must be an ISO date (YYYY-MM-DD) or a year, not '{error.instance}'"
        case "pattern":
            return path, f"'{field}' has an invalid value '{str(error.instance)[:80]}'"
        case "maxLength":
            return path, f"'{field}' is longer than {error.validator_value} characters; shorten it"
        case "minimum":
            return path, f"'{field}' must be at least {error.validator_value}"
        case _:
            return path, f"'{field}': {error.message}"


def validate(name: str, data: Any, label: str, lines: dict[Path, int]) -> list[Problem]:
    """Validate ``data`` against schema ``name``; one problem per error, in file order."""
    if not isinstance(data, dict):
        return [Problem(label, line_of(lines, ()) or 1, f"the front matter must be a mapping of keys to values, not {_type_of(data)}")]
    problems = []
    for found in _validator(name).iter_errors(data):
        error = min(found.context or [found], key=lambda e: len(e.absolute_path)) if found.validator in ("anyOf", "oneOf") else found
        path, message = _message(error)
        problems.append(Problem(label, line_of(lines, path), message))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.message))
