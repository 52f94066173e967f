"""Parsed notes kept between builds (``mkdocs build``), next to the cards and the search index.

Parsing and checking every note (YAML, schema, rules) is the largest part of loading a site, and a build usually
reads the notes the last one read. So each note's result (the note, or the problems that keep it out) is kept by a
hash of its id, its file label and its text, in one JSON file under a key of everything else it depends on: the
source of ``latar/core`` and ``latar/schemas``, and the installed packages (their ``*.dist-info`` names).

The file is data, never code: JSON, read without following a link and up to :data:`MAX_BYTES`, each entry rebuilt
into the same dataclasses :func:`~latar.core.notes.parse_note` returns, every field's type checked, and used only if
every field is there, of its type, and nothing else is; anything else is parsed again. Entries the build did not read are dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from latar.core.contributed import read_bytes
from latar.core.notes import Anchor, InvalidNote, Note, Original, ParsedNotes, Source, parse_note
from latar.core.problems import InputError, Problem

FILE = "catatan.json"
MAX_BYTES = 512 * 1024 * 1024
_PACKAGE = Path(__file__).resolve().parent.parent
_CLASSES = {cls.__name__: cls for cls in (Note, Anchor, Source, Original, Problem)}


@functools.cache
def code_key() -> str:
    """A hash of what parsing depends on besides the note: latar's core and schemas, the installed packages."""
    hashed = hashlib.sha256()
    for folder in ("core", "schemas"):
        for path in sorted((_PACKAGE / folder).iterdir()):
            if path.suffix in (".py", ".json"):
                hashed.update(f"{folder}/{path.name}\0".encode() + path.read_bytes() + b"\0")
    import yaml  # noqa: PLC0415 - already imported by the core; only its folder is wanted

    packages = Path(yaml.__file__).resolve().parent.parent  # site-packages: every package's name and version
    hashed.update("\0".join(sorted(name for name in os.listdir(packages) if name.endswith(".dist-info"))).encode())
    return hashed.hexdigest()


def _plain(value: Any) -> Any:
    """A parse result's value as JSON data (what ``dataclasses.asdict`` gives, without its deep copies)."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        cls: Any = type(value)
        return {name: _plain(getattr(value, name)) for name in _decoders(cls)}
    return value


def _encode(result: Note | InputError) -> dict[str, Any]:
    if isinstance(result, Note):
        return {"note": _plain(result)}
    anchors = _plain(result.anchors) if isinstance(result, InvalidNote) else None
    return {"problems": _plain(tuple(result.problems)), "anchors": anchors}


Decode = Callable[[Any], Any]


def _exactly(kind: type) -> Decode:
    def decode(value: Any) -> Any:
        if type(value) is not kind:  # bool is no int here, and an int no bool
            raise TypeError(kind)
        return value

    return decode


@functools.cache
def _decoder(hint: Any) -> Decode:
    """How to turn JSON data into ``hint`` (a field's type), checking every value on the way; TypeError if it is not one."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if len(options) == 2 and type(None) in options:
            inner = _decoder(next(option for option in options if option is not type(None)))
            return lambda value: None if value is None else inner(value)
        raise TypeError(hint)  # no other union in a note
    if origin is tuple:
        item = _decoder(typing.get_args(hint)[0])

        def decode_tuple(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(hint)
            return tuple(map(item, value))

        return decode_tuple
    if dataclasses.is_dataclass(hint):
        cls: Any = hint
        fields = _decoders(cls)
        names = set(fields)

        def decode_class(value: Any) -> Any:
            if type(value) is not dict or value.keys() != names:
                raise TypeError(hint)
            return cls(**{name: decode(value[name]) for name, decode in fields.items()})

        return decode_class
    if hint in (str, int, bool):
        return _exactly(hint)
    raise TypeError(hint)


@functools.cache
def _decoders(cls: Any) -> dict[str, Decode]:
    """Each field of dataclass ``cls`` and how to decode it."""
    hints = typing.get_type_hints(cls, localns=_CLASSES)
    return {field.name: _decoder(hints[field.name]) for field in dataclasses.fields(cls)}


def _decode(entry: Any) -> Note | InputError:
    """A kept result as parse_note gave it, or TypeError when it is not one (every field is there and of its type)."""
    if type(entry) is not dict:
        raise TypeError(entry)
    if entry.keys() == {"note"}:
        note: Note = _decoder(Note)(entry["note"])
        return note
    if entry.keys() == {"problems", "anchors"} and type(entry["problems"]) is list and entry["problems"]:
        problems = list(_decoder(tuple[Problem, ...])(entry["problems"]))
        anchors = entry["anchors"]
        return InputError(problems) if anchors is None else InvalidNote(problems, _decoder(tuple[Anchor, ...])(anchors))
    raise TypeError(entry)


class KeptNotes(ParsedNotes):
    """:class:`~latar.core.notes.ParsedNotes` that also keeps its results in ``folder`` for the next process."""

    def __init__(self, folder: Path | None) -> None:
        super().__init__()
        self.folder = folder
        self._kept: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        self.reused = 0

    def next_build(self) -> None:
        """Read what an earlier build kept (nothing, if it does not check out)."""
        super().next_build()
        self._kept, self._used, self.reused = {}, {}, 0
        path = self._path()
        if path is None:
            return
        try:
            data = json.loads(read_bytes(path, FILE, MAX_BYTES))
        except (InputError, ValueError, RecursionError):
            return
        if isinstance(data, dict) and data.get("code") == code_key() and isinstance(data.get("notes"), dict):
            self._kept = data["notes"]

    def parse(self, note_id: str, text: str, label: str) -> Note:
        """:func:`parse_note`, or what an earlier build kept for the same id, label and text."""
        key = hashlib.sha256(f"{note_id}\0{label}\0{text}".encode()).hexdigest()
        result: Note | InputError | None = None
        if key in self._kept:
            try:
                result = _decode(self._kept[key])
                self.reused += 1
            except TypeError:
                result = None
        if result is None:
            try:
                result = parse_note(note_id, text, label)
            except InputError as err:
                result = err
        self._used[key] = _encode(result)
        if isinstance(result, InputError):
            raise result
        return result

    def save(self) -> None:
        """Keep this build's results (only they), atomically; a cache that cannot be written is skipped."""
        path = self._path()
        if path is None or (self.reused == len(self._used) == len(self._kept)):
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"code": code_key(), "notes": self._used}, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except OSError:
            return

    def _path(self) -> Path | None:
        return None if self.folder is None or self.folder.is_symlink() else self.folder / FILE
