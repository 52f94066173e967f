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
                problem="YAML aliases (*name) are not allowed; write the value out in full",
                problem_mark=event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark or PyYAML's: either has line and column
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


_STR, _MAP, _SEQ, _MERGE, _INT, _BOOL, _NULL, _FLOAT = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq", "merge", "int", "bool", "null", "float")
)
MAX_DEPTH = 20
"""Deepest nesting of lists and mappings a contributed file may have (a note's front matter needs 3)."""
MAX_DIGITS = 15
"""Longest whole number a contributed file may have (checked before Python builds it)."""


def _refuse(problem: str, node: yaml.Node) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=problem, problem_mark=node.start_mark)


def _tag(node: yaml.Node) -> str:
    return node.tag.replace("tag:yaml.org,2002:", "!!")


def _scalar(loader: Any, node: yaml.ScalarNode) -> Any:
    """Text, a bounded whole number, true/false or null; every other scalar (tags, fractions) is refused."""
    if node.tag == _STR:
        return node.value
    if node.tag == _INT:
        digits = sum(ch.isdigit() for ch in node.value)
        if digits > MAX_DIGITS:
            raise _refuse(f"the number has {digits} digits; at most {MAX_DIGITS} are allowed (put it in quotes if it is text)", node)
        return loader.construct_object(node)
    if node.tag in (_BOOL, _NULL):
        return loader.construct_object(node)
    if node.tag == _FLOAT:
        raise _refuse(f"numbers with a fraction or exponent ('{node.value[:20]}') are not allowed; write a whole number, or quote it", node)
    raise _refuse(f"the YAML tag '{_tag(node)}' is not allowed; write plain text, lists and mappings", node)


def _construct(loader: Any, root: yaml.Node, lines: dict[KeyPath, int], first_line: int) -> Any:
    """Build the data and the line map in one walk over the composed nodes, without recursion.

    Only text, whole numbers, true/false, null, lists and mappings with text keys, at most :data:`MAX_DEPTH` deep.
    """
    out: list[Any] = [None]
    stack: list[tuple[yaml.Node, KeyPath, int, Any, Any]] = [(root, (), 0, out, 0)]
    while stack:
        node, path, depth, parent, slot = stack.pop()
        lines.setdefault(path, node.start_mark.line + first_line)
        if depth > MAX_DEPTH:
            raise _refuse(f"the YAML is nested more than {MAX_DEPTH} levels deep; flatten it", node)
        if isinstance(node, yaml.ScalarNode):
            parent[slot] = _scalar(loader, node)
        elif isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            data: dict[str, Any] = {}
            parent[slot] = data
            children = []
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise _refuse("YAML merge keys (<<) are not allowed; write the fields out", key_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _refuse("a key must be plain text, not a list or mapping", key_node)
                if key_node.tag != _STR:
                    raise _refuse(f"a key must be text, not '{key_node.value[:20]}' ({_tag(key_node)}); put it in quotes", key_node)
                key = key_node.value
                if key in data:
                    raise _refuse(f"the key '{key}' appears twice; keep only one", key_node)
                child = (*path, key)
                lines[child] = key_node.start_mark.line + first_line
                data[key] = None
                children.append((value_node, child, depth + 1, data, key))
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            items: list[Any] = [None] * len(node.value)
            parent[slot] = items
            stack.extend(reversed([(item, (*path, index), depth + 1, items, index) for index, item in enumerate(node.value)]))
        else:
            raise _refuse(f"the YAML tag '{_tag(node)}' is not allowed; write plain text, lists and mappings", node)
    return out[0]


def load_yaml(text: str, label: str, first_line: int = 1, max_bytes: int = MAX_YAML_BYTES) -> tuple[Any, dict[KeyPath, int]]:
    """Parse one YAML document; return the data and a map from key path to file line.

    ``first_line`` is the file line on which ``text`` starts (1-based); ``max_bytes``: the largest block accepted.
    """
    if len(text.encode("utf-8")) > max_bytes:
        raise InputError([Problem(label, first_line, f"the YAML block is larger than {max_bytes // 1024} KiB; shorten it")])
    loader = None
    try:
        _refuse_aliases(text)
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[KeyPath, int] = {}
        data = _construct(loader, node, lines, first_line)
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
