"""Read one untrusted partnership file: bytes → text → YAML 1.2 data + source map.

PyYAML's own constructors implement YAML 1.1 (``NO`` and ``on`` become booleans) and follow
anchors, aliases and merge keys. Here the libyaml event stream is turned into plain data by
hand, so the file can only ever produce mappings, lists, strings, numbers, booleans and nulls,
each with its line and column. Every problem found is collected, not only the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.problems import Problem
from generator.load.source_map import DataPath, SourceMap, dotted

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), plain scalars only.
NULLS = {"", "~", "null", "Null", "NULL"}
BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INTEGER = re.compile(r"[-+]?[0-9]+\Z")
OCTAL = re.compile(r"0o[0-7]+\Z")
HEXADECIMAL = re.compile(r"0x[0-9a-fA-F]+\Z")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
STRING_TAG = "tag:yaml.org,2002:str"


@dataclass
class LoadedFile:
    path: Path
    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)
    problems: list[Problem] = field(default_factory=list)


class _Abort(Exception):
    """The event stream cannot be read further."""


def resolve_plain(value: str) -> Any:  # noqa: PLR0911 - one return per YAML 1.2 core type
    if value[:1].isalpha() and value[0] not in "nNtTfF":
        return value  # most scalars are words: no core-schema type starts with these letters
    if value in NULLS:
        return None
    if value in BOOLEANS:
        return BOOLEANS[value]
    if INTEGER.match(value):
        return int(value)
    if OCTAL.match(value):
        return int(value[2:], 8)
    if HEXADECIMAL.match(value):
        return int(value[2:], 16)
    if FLOAT.match(value):
        return float(value)
    return SPECIAL_FLOATS.get(value.lower(), value)


class _Builder:
    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.source_map = loaded.source_map

    def problem(self, mark: Any, path: DataPath, message: str) -> None:  # a libyaml Mark
        self.loaded.problems.append(Problem(mark.line + 1, mark.column + 1, dotted(path), message))

    def document(self, events: Iterator[yaml.Event]) -> Any:
        next(events)  # StreamStartEvent
        start = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            self.problem(start.start_mark, (), "the file is empty; expected a partnership mapping")
            return None
        data = self.node(next(events), events, (), 0)
        next(events)  # DocumentEndEvent
        extra = next(events)
        if isinstance(extra, yaml.DocumentStartEvent):
            self.problem(
                extra.start_mark,
                (),
                "the file holds several YAML documents (a second '---'); expected exactly one",
            )
        return data

    def node(self, event: Any, events: Iterator[yaml.Event], path: DataPath, depth: int) -> Any:
        """``event`` starts a node: an alias, a scalar or a collection (libyaml's events are untyped)."""
        self.source_map.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            self.problem(event.start_mark, path, f"aliases (*{event.anchor}) are not allowed; write the value out")
            return None
        if event.anchor is not None:
            self.problem(event.start_mark, path, f"anchors (&{event.anchor}) are not allowed; write values out")
        if depth > MAX_DEPTH:
            self.problem(event.start_mark, path, f"nesting deeper than {MAX_DEPTH} levels")
            raise _Abort
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if event.tag is not None:
            self.problem(event.start_mark, path, f"the tag {event.tag} is not allowed")
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(events, path, depth)
        return self.mapping(events, path, depth)

    def scalar(self, event: yaml.ScalarEvent, path: DataPath) -> Any:
        if event.tag not in (None, "!", STRING_TAG):
            self.problem(event.start_mark, path, f"the tag {event.tag} is not allowed")
            return event.value
        if event.tag is None and event.implicit[0]:  # a plain scalar
            return resolve_plain(event.value)
        return event.value

    def sequence(self, events: Iterator[yaml.Event], path: DataPath, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self.node(event, events, (*path, len(items)), depth + 1))
        raise _Abort

    def mapping(self, events: Iterator[yaml.Event], path: DataPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key = self.key(event, events, path, depth)
            value_event = next(events)
            if key is None:
                self.node(value_event, events, (*path, "?"), depth + 1)
                continue
            key_path = (*path, key)
            if key in result:
                first_line, _ = self.source_map.keys[key_path]
                self.problem(event.start_mark, key_path, f"duplicate key '{key}' (first set on line {first_line})")
                self.node(value_event, events, (*path, f"{key}#duplicate"), depth + 1)
                continue
            mark: Any = event.start_mark
            self.source_map.keys[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.node(value_event, events, key_path, depth + 1)
        raise _Abort

    def key(self, event: yaml.Event, events: Iterator[yaml.Event], path: DataPath, depth: int) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.node(event, events, (*path, "?"), depth + 1)
            self.problem(event.start_mark, path, "keys must be plain words, not lists, mappings or aliases")
            return None
        if event.value == "<<" and event.implicit[0]:
            self.problem(event.start_mark, path, "merge keys (<<) are not allowed; write the fields out")
            return None
        if event.anchor is not None:
            self.problem(event.start_mark, path, f"anchors (&{event.anchor}) are not allowed; write values out")
        return event.value


def _decode(raw: bytes, loaded: LoadedFile) -> str | None:
    if len(raw) > MAX_FILE_BYTES:
        loaded.problems.append(
            Problem(1, 1, "", f"the file is {len(raw):,} bytes; at most {MAX_FILE_BYTES:,} bytes are accepted")
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        loaded.problems.append(
            Problem(line, column, "", f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8")
        )
        return None


def parse_text(text: str, loaded: LoadedFile) -> None:
    builder = _Builder(loaded)
    loader = Loader(text)
    try:
        # iter(get_event, None) rather than yaml.parse(): no Python generator frame per event
        loaded.data = builder.document(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as error:
        mark: Any = error.problem_mark or error.context_mark  # libyaml always sets one of them
        reason = error.problem or error.context or "unreadable YAML"
        if error.context and error.context_mark and error.problem:
            reason += f" ({error.context} started on line {error.context_mark.line + 1})"
        loaded.problems.append(Problem(mark.line + 1, mark.column + 1, "", f"YAML syntax error: {reason}"))
    except yaml.YAMLError as error:  # e.g. libyaml reader errors without a mark
        loaded.problems.append(Problem(1, 1, "", f"YAML error: {error}"))
    except _Abort:
        pass
    finally:
        loader.dispose()
    if loaded.data is not None and not isinstance(loaded.data, dict):
        loaded.problems.append(
            Problem(1, 1, "", f"the file holds a {type(loaded.data).__name__}; expected a mapping of fields")
        )
        loaded.data = None


def read_partnership_file(path: Path) -> LoadedFile:
    loaded = LoadedFile(path)
    text = _decode(path.read_bytes(), loaded)
    if text is not None:
        parse_text(text, loaded)
    return loaded
