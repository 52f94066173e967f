"""Strict YAML for contributed files: safe, alias-free, duplicate-free, with line numbers."""

from __future__ import annotations

from typing import Any

import yaml

from latar.core.problems import InputError, Problem

MAX_YAML_BYTES = 64 * 1024
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

KeyPath = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that refuses duplicate keys and keeps dates as text (aliases are refused before)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"the key '{key}' appears twice; keep only one",
                    problem_mark=key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _refuse_aliases(text: str) -> None:
    """Aliases (``*name``) are refused outright: no alias bombs, no shared values."""
    if "*" not in text:  # an alias needs its indicator; most files have none and skip this second parse
        return
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not allowed; write the value out in full", problem_mark=event.start_mark
            )


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP] for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _hint(problem: str, text: str = "", mark: Any = None) -> str:
    line = text.split("\n")[mark.line] if mark is not None and mark.line < text.count("\n") + 1 else ""
    if "'\\t'" in problem or "tab" in problem or "\t" in line[: mark.column + 1 if mark is not None else 0]:
        return "tabs are not allowed in YAML indentation; indent with spaces"
    if "mapping values are not allowed" in problem:
        return f"{problem} (a value containing ': ' must be quoted)"
    return problem


_STR, _MAP, _SEQ, _MERGE = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq", "merge"))


def _construct(loader: Any, node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], first_line: int) -> Any:
    """Build the data and the line map in one walk over the composed nodes.

    Plain mappings, sequences and strings (almost all of a front matter) are built here; other
    scalars (numbers, booleans, null) and explicitly tagged nodes go to PyYAML's safe constructor.
    """
    lines.setdefault(path, node.start_mark.line + first_line)
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise yaml.MarkedYAMLError(
                    problem="YAML merge keys (<<) are not allowed; write the fields out", problem_mark=key_node.start_mark
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.MarkedYAMLError(problem="a key must be plain text, not a list or mapping", problem_mark=key_node.start_mark)
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node)
            if key in data:
                raise yaml.MarkedYAMLError(problem=f"the key '{key}' appears twice; keep only one", problem_mark=key_node.start_mark)
            child = (*path, str(key_node.value))
            lines[child] = key_node.start_mark.line + first_line
            data[key] = _construct(loader, value_node, child, lines, first_line)
        return data
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_construct(loader, item, (*path, index), lines, first_line) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_yaml(text: str, label: str, first_line: int = 1) -> tuple[Any, dict[KeyPath, int]]:
    """Parse one YAML document; return the data and a map from key path to file line.

    ``first_line`` is the file line on which ``text`` starts (1-based).
    """
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise InputError([Problem(label, first_line, f"the YAML block is larger than {MAX_YAML_BYTES // 1024} KiB; shorten it")])
    loader = None
    try:
        _refuse_aliases(text)
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[KeyPath, int] = {}
        data = _construct(loader, node, (), lines, first_line)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else first_line
        message = _hint(str(err.problem or err.context), text, err.problem_mark)
        if err.context and err.context_mark and err.problem_mark and err.context_mark.line != err.problem_mark.line:
            message += f" ({err.context} that starts on line {err.context_mark.line + first_line})"
        raise InputError([Problem(label, line, f"invalid YAML: {message}")]) from None
    except yaml.reader.ReaderError as err:  # a raw control character (libyaml and PyYAML refuse them)
        line = text.count("\n", 0, err.position) + first_line
        char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        message = f"the front matter contains the invisible control character {char}; delete it (retype the text around it if needed)"
        raise InputError([Problem(label, line, message)]) from None
    except yaml.YAMLError as err:  # pragma: no cover - PyYAML raises marked errors for text input
        raise InputError([Problem(label, first_line, f"invalid YAML: {err}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path`` or of its nearest ancestor."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
