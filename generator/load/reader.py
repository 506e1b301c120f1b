"""Read one untrusted partnership file: bytes → text → YAML 1.2 data + source map.

PyYAML's own constructors implement YAML 1.1 (``NO`` and ``on`` become booleans) and follow
anchors, aliases and merge keys. Here the libyaml event stream is turned into plain data by
hand, so the file can only ever produce mappings, lists, strings, numbers, booleans and nulls,
each with its line and column. Every problem found is collected, not only the first.

libyaml also accepts a few inputs that YAML 1.2 forbids, and reads a few others differently;
the builder checks the source text where the events alone cannot tell (see ``_Conformance``).
The official YAML test suite (tests/load/yaml-test-suite/) holds the reader to the standard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.conformance import SourceChecks
from generator.load.problems import Problem
from generator.load.source_map import DataPath, SourceMap, dotted
from generator.load.text import (
    BIDI_CONTROLS,
    LINE_BREAKS_OF_YAML_11,
    MAX_FILE_BYTES,
    REFUSED,
    decode,
    describe,
    inside,
    refused_characters,
    why_refused,
)

__all__ = ["MAX_FILE_BYTES", "LoadedFile", "NumberTooLong", "parse_text", "read_partnership_file", "resolve_plain"]

MAX_DEPTH = 32
MAX_INTEGER_DIGITS = 100  # far beyond any field; Python refuses to print integers over 4,300 digits
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), plain scalars only.
NULLS = {"", "~", "null", "Null", "NULL"}
BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INTEGER = re.compile(r"[-+]?[0-9]+\Z")
OCTAL = re.compile(r"0o[0-7]+\Z")
HEXADECIMAL = re.compile(r"0x[0-9a-fA-F]+\Z")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
INFINITY, NAN = float("inf"), float("nan")
SPECIAL_FLOATS = {
    **{
        f"{sign}{spelling}": -INFINITY if sign == "-" else INFINITY
        for sign in ("", "+", "-")
        for spelling in (".inf", ".Inf", ".INF")
    },
    **dict.fromkeys((".nan", ".NaN", ".NAN"), NAN),
}
STRING_TAG = "tag:yaml.org,2002:str"
CORE_STARTS = frozenset(["", *"~nNtTfF+-.0123456789"])  # how every null, boolean and number starts
NOT_SEEN_BY_LIBYAML = LINE_BREAKS_OF_YAML_11 + BIDI_CONTROLS  # it refuses the other characters itself


@dataclass
class LoadedFile:
    path: Path
    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)
    problems: list[Problem] = field(default_factory=list)


class _Abort(Exception):
    """The event stream cannot be read further."""


class NumberTooLong(ValueError):
    """A plain scalar is an integer of more than ``MAX_INTEGER_DIGITS`` digits."""


def _integer(digits: str, base: int) -> int:
    if len(digits) > MAX_INTEGER_DIGITS:
        raise NumberTooLong(f"a number of {len(digits):,} digits; at most {MAX_INTEGER_DIGITS} are accepted")
    return int(digits, base)


def resolve_plain(value: str) -> Any:  # noqa: PLR0911 - one return per YAML 1.2 core type
    """The YAML 1.2 core-schema value of a plain scalar; raises NumberTooLong."""
    if value[:1] not in CORE_STARTS:
        return value  # most scalars are words: no core-schema type starts like them
    if value in NULLS:
        return None
    if value in BOOLEANS:
        return BOOLEANS[value]
    if INTEGER.match(value):
        return _integer(value, 10)
    if OCTAL.match(value):
        return _integer(value[2:], 8)
    if HEXADECIMAL.match(value):
        return _integer(value[2:], 16)
    if FLOAT.match(value):
        return float(value)
    return SPECIAL_FLOATS.get(value, value)


class _Builder:
    def __init__(self, loaded: LoadedFile, text: str) -> None:
        self.loaded = loaded
        self.values = loaded.source_map.values  # where each value and key stands, by data path
        self.keys = loaded.source_map.keys
        self.text = text
        self.source = SourceChecks(text, loaded.problems)
        self.blocks = [-1]  # columns of the enclosing block collections, innermost last
        self.flow = 0  # how deep inside flow collections ([...], {...}) the reader is
        self.quoted: list[tuple[int, int]] = []  # where quoted scalars stand inside the current […] or {…}

    def problem(self, mark: Any, path: DataPath, message: str) -> None:  # a libyaml Mark
        self.loaded.problems.append(Problem(mark.line + 1, mark.column + 1, dotted(path), message))

    def document(self, events: Iterator[yaml.Event]) -> Any:
        next(events)  # StreamStartEvent
        start: Any = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            self.problem(start.start_mark, (), "the file is empty; expected a partnership mapping")
            return None
        if start.version is not None:
            self.source.directive(start.start_mark.index, start.end_mark.index)
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
        mark = event.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if event.anchor is not None:
            self.anchor_or_alias(event, path)
            if isinstance(event, yaml.AliasEvent):
                return None
        if event.__class__ is yaml.ScalarEvent:  # most nodes
            return self.scalar(event, path)
        if depth >= MAX_DEPTH:
            self.problem(mark, path, f"nesting deeper than {MAX_DEPTH} levels")
            raise _Abort
        if event.tag is not None:
            self.problem(event.start_mark, path, f"the tag {event.tag} is not allowed")
        if event.flow_style:
            return self.flow_collection(event, events, path, depth)
        self.blocks.append(event.start_mark.column)
        build = self.sequence if isinstance(event, yaml.SequenceStartEvent) else self.mapping
        data = build(events, path, depth)[0]
        self.blocks.pop()
        return data

    def anchor_or_alias(self, event: Any, path: DataPath) -> None:
        if isinstance(event, yaml.AliasEvent):
            self.problem(event.start_mark, path, f"aliases (*{event.anchor}) are not allowed; write the value out")
        else:
            self.problem(event.start_mark, path, f"anchors (&{event.anchor}) are not allowed; write values out")

    def flow_collection(self, event: Any, events: Iterator[yaml.Event], path: DataPath, depth: int) -> Any:
        start = event.start_mark.index
        if self.text[start] == "?" and self.text[start + 1] not in " \t\n":  # [?x]: libyaml makes {x: null}
            self.problem(event.start_mark, path, "'?' right before text inside […]: put the text in quotes")
        self.flow += 1
        build = self.sequence if isinstance(event, yaml.SequenceStartEvent) else self.mapping
        data, end = build(events, path, depth)
        self.flow -= 1
        self.source.glued_comment(end.end_mark.index)
        if not self.flow:
            self.source.glued_comments_after_commas(start, end.start_mark.index, self.quoted)
            self.quoted.clear()
            if end.start_mark.line > event.start_mark.line:
                self.source.indented(start, end.start_mark.index, self.blocks[-1], dotted(path), comments=True)
        return data

    def scalar(self, event: Any, path: DataPath) -> Any:
        if event.implicit[0] and event.tag is None:  # plain and untagged: most scalars
            try:
                return resolve_plain(self.flow_plain(event, path) if self.flow else event.value)
            except NumberTooLong as error:
                self.problem(event.start_mark, path, f"{error} (put it in quotes if it is text)")
                return None
        self.quoted_or_tagged(event, path)
        return event.value

    def quoted_or_tagged(self, event: Any, path: DataPath) -> None:
        if event.style:  # quoted and block scalars: where libyaml strays from YAML 1.2
            self.conformance(event, path)
        if event.tag not in (None, "!", STRING_TAG):
            self.problem(event.start_mark, path, f"the tag {event.tag} is not allowed")

    def flow_plain(self, event: Any, path: DataPath) -> str:
        """A plain scalar inside […] or {…} as YAML 1.2 reads it."""
        value: str = event.value
        if not value:
            return value
        if value[0] == "-" and value[1:2] in ("", " ", "\t"):  # libyaml: text; YAML 1.2: an error
            self.problem(event.start_mark, path, "a lone '-' inside […] or {…} is not a value; put it in quotes")
        index = event.start_mark.index
        if self.text[index - 1] == "?":  # libyaml: a key marker; YAML 1.2: the text starts there
            return "?" + value
        return value

    def conformance(self, event: Any, path: DataPath) -> None:
        """What libyaml accepts in quoted and block scalars but YAML 1.2 does not."""
        if event.style in "|>":
            self.source.block_header(event.start_mark.index, self.blocks[-1], dotted(path))
            return
        self.source.glued_comment(event.end_mark.index)
        if self.flow:
            self.quoted.append((event.start_mark.index, event.end_mark.index))
        if event.style == '"' and (escaped := REFUSED.search(event.value)):
            character = escaped.group()
            message = f"the escape for {describe(character)} is not allowed: {why_refused(character)}"
            self.problem(event.start_mark, path, message)
        if not self.flow and event.end_mark.line > event.start_mark.line:
            self.source.indented(
                event.start_mark.index, event.end_mark.index - 1, self.blocks[-1], dotted(path), comments=False
            )

    def sequence(self, events: Iterator[yaml.Event], path: DataPath, depth: int) -> tuple[list[Any], Any]:
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items, event
            items.append(self.node(event, events, (*path, len(items)), depth + 1))
        raise _Abort

    def mapping(self, events: Iterator[yaml.Event], path: DataPath, depth: int) -> tuple[dict[str, Any], Any]:
        result: dict[str, Any] = {}
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                return result, event
            key = self.key(event, events, path, depth)
            value_event = next(events)
            if key is None:
                self.node(value_event, events, (*path, "?"), depth + 1)
                continue
            key_path = (*path, key)
            if key in result:
                first_line, _ = self.keys[key_path]
                self.problem(event.start_mark, key_path, f"duplicate key '{key}' (first set on line {first_line})")
                self.node(value_event, events, (*path, f"{key}#duplicate"), depth + 1)
                continue
            mark: Any = event.start_mark
            self.keys[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.node(value_event, events, key_path, depth + 1)
        raise _Abort

    def key(self, event: yaml.Event, events: Iterator[yaml.Event], path: DataPath, depth: int) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.node(event, events, (*path, "?"), depth + 1)
            self.problem(event.start_mark, path, "keys must be plain words, not lists, mappings or aliases")
            return None
        value = event.value
        if not event.implicit[0]:
            self.quoted_or_tagged(event, path)
        elif value in ("", "<<"):
            merge = "merge keys (<<) are not allowed; write the fields out"
            self.problem(event.start_mark, path, merge if value else "a key is missing before ':'")
            return None
        elif self.flow:
            value = self.flow_plain(event, path)
        if event.anchor is not None:
            self.anchor_or_alias(event, path)
        return value


def read_yaml(text: str, loaded: LoadedFile) -> Any:
    """YAML 1.2 data from one document, or None with the problems in ``loaded``.

    Refused characters are reported and blanked (text.py), so libyaml never reads them as line
    breaks and every later position stays right. libyaml refuses most of them itself but not
    the YAML 1.1 line breaks nor the bidirectional controls, which only non-ASCII text can hold:
    those are looked for first; the others only after libyaml stops at one.
    """
    if "\r" in text:  # YAML reads CR LF and a lone CR as LF, so lines, columns and values stay
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and text[-1] != "\n":
        text += "\n"  # libyaml drops a block scalar's last line of spaces at the end of the file
    if not text.isascii() and any(character in text for character in NOT_SEEN_BY_LIBYAML):
        text = _blank_refused(text, loaded)
    reported = len(loaded.problems)
    try:
        return _events_to_data(text, loaded)
    except (yaml.reader.ReaderError, UnicodeEncodeError):  # libyaml stops at the first: report them all
        del loaded.problems[reported:]
        loaded.source_map.values.clear()
        loaded.source_map.keys.clear()
        return _events_to_data(_blank_refused(text, loaded), loaded)


def _blank_refused(text: str, loaded: LoadedFile) -> str:
    text, refused = refused_characters(text)
    loaded.problems.extend(refused)
    return text


def _events_to_data(text: str, loaded: LoadedFile) -> Any:
    builder = _Builder(loaded, text)
    loader = Loader(text)
    data = None
    try:
        # iter(get_event, None) rather than yaml.parse(): no Python generator frame per event
        data = builder.document(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as error:
        mark: Any = error.problem_mark or error.context_mark  # libyaml always sets one of them
        reason = error.problem or error.context or "unreadable YAML"
        if error.context and error.context_mark and error.problem:
            reason += f" ({error.context} started on line {error.context_mark.line + 1})"
        loaded.problems.append(Problem(mark.line + 1, mark.column + 1, "", f"YAML syntax error: {reason}"))
    except _Abort:
        pass
    finally:
        loader.dispose()
    if loaded.problems:
        loaded.problems[:] = [inside(text, problem) for problem in loaded.problems]
    return data


def parse_text(text: str, loaded: LoadedFile) -> None:
    """Read a partnership file's text: one YAML 1.2 document holding a mapping of fields."""
    data = read_yaml(text, loaded)
    if isinstance(data, dict):
        loaded.data = data  # validated even when the reader found problems: all are reported at once
    elif data is not None:
        loaded.problems.append(
            Problem(1, 1, "", f"the file holds a {type(data).__name__}; expected a mapping of fields")
        )
    elif not loaded.problems:
        loaded.problems.append(
            Problem(1, 1, "", "the file holds no data (null or an empty document); expected the partnership's fields")
        )


def read_partnership_file(path: Path) -> LoadedFile:
    loaded = LoadedFile(path)
    if path.is_symlink():  # as the pull-request gate: a link could publish a file from anywhere
        loaded.problems.append(Problem(1, 1, "", "the file is a symbolic link; put the partnership file itself here"))
        return loaded
    text, loaded.problems = decode(path.read_bytes())
    if text is not None:
        parse_text(text, loaded)
    return loaded
