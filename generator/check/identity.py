"""One organisation, one identity: warnings when members across files look like one organisation
written two ways, or two organisations under one identifier.

Nothing is merged or split here: the site merges by ``legal_id``, else by name
(``generator/structure/organisations.py``); these warnings tell the authors where that would go
wrong, naming the other file and line:

- the same country and the same name once accents, case, punctuation, spacing and a legal-form
  suffix (``generator/data/legal_forms.csv``) are ignored, but written differently
  ("AgroTransilvania Cluster" / "Agro Transilvania Cluster SRL");
- one ``legal_id`` with different names or regions;
- one name (in one country) with different ``legal_id``s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.load import Problem
from generator.load.reader import MAX_FILE_BYTES, Loader
from generator.load.source_map import dotted
from generator.reference.countries import countries
from generator.reference.files import read_rows
from generator.reference.names import compact, search_key

_NAME_LINES = re.compile(r"^[ \t-]*(?:name|legal_id)[ \t]*:(.*)$", re.MULTILINE)  # where a member's identity is


@dataclass(frozen=True)
class Record:
    """A member as the identity rules see it, and where it is written."""

    path: Path
    line: int
    column: int
    index: int  # its position in the file's members
    name: str
    country: str
    legal_id: str | None
    region: str | None
    checked: bool  # a file being checked (its warnings are reported), not one of the others

    @property
    def place(self) -> str:
        return f"{self.path}:{self.line}"


@cache
def _legal_forms() -> tuple[tuple[str, ...], ...]:
    forms = {tuple(search_key(row["form"]).split()) for row in read_rows("legal_forms.csv")}
    return tuple(sorted(forms, key=len, reverse=True))


def spelling_key(name: str) -> str:
    """The name with accents, case, punctuation, spaces and trailing legal forms removed."""
    words = search_key(name).split()
    stripped = True
    while stripped:
        stripped = False
        for form in _legal_forms():
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                words, stripped = words[: -len(form)], True
                break
    return "".join(words)


def legal_key(legal_id: str | None) -> str | None:
    return "".join(legal_id.upper().split()) if legal_id else None


def record(path: Path, position: tuple[int, int], index: int, fields: dict[str, Any], checked: bool) -> Record | None:
    """A record from a member's fields, or None when its name or country is not usable."""
    name, code = fields.get("name"), fields.get("country")
    code = countries().normalise(code) if isinstance(code, str) else None
    if not isinstance(name, str) or not name.strip() or code is None:
        return None
    legal_id, region = fields.get("legal_id"), fields.get("region")
    return Record(
        path,
        *position,
        index,
        " ".join(name.split()),
        code,
        str(legal_id) if isinstance(legal_id, (str, int)) else None,
        region.strip().upper() if isinstance(region, str) else None,
        checked,
    )


def _member_fields(events: Iterator[yaml.Event]) -> Iterator[tuple[int, dict[str, Any], tuple[int, int]]]:
    """(index, scalar fields, position of the name) of each member, from the YAML event stream: no data
    is built and no alias is followed."""
    depth, key, in_members, index = 0, None, False, -1
    fields: dict[str, Any] = {}
    position = (1, 1)
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth == 2:
                in_members = key == "members" and isinstance(event, yaml.SequenceStartEvent)
            elif depth == 3 and in_members:
                index, fields, key = index + 1, {}, None
            key = None if depth <= 3 else key
        elif isinstance(event, yaml.CollectionEndEvent):
            if depth == 3 and in_members:
                yield index, fields, position
            depth -= 1
            key = None
        elif isinstance(event, yaml.ScalarEvent) and depth in (1, 3):
            if key is None:
                key = event.value
                continue
            if depth == 3 and in_members:
                fields[key] = event.value
                if key == "name" and event.start_mark is not None:
                    position = (event.start_mark.line + 1, event.start_mark.column + 1)
            key = None
        elif isinstance(event, yaml.AliasEvent) and depth in (1, 3):
            key = None


def unchecked_records(paths: Iterable[Path], wanted: set[str]) -> list[Record]:
    """The members of files that are not being checked, read without validation from the files whose
    ``name:`` or ``legal_id:`` lines hold one of the ``wanted`` compact keys (a checked member's name or
    legal_id): the others cannot conflict with a checked member, and are not parsed."""
    found: list[Record] = []
    for path in paths:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig") if len(raw) <= MAX_FILE_BYTES else ""
        except (OSError, UnicodeDecodeError):
            continue
        flat = compact(" ".join(_NAME_LINES.findall(text)))
        if not any(key in flat for key in wanted):
            continue
        try:
            for index, fields, (line, column) in _member_fields(iter(yaml.parse(text, Loader=Loader))):
                found.extend(filter(None, [record(path, (line, column), index, fields, checked=False)]))
        except yaml.YAMLError:
            continue
    return found


def wanted_keys(records: Iterable[Record]) -> set[str]:
    """What an unchecked file must contain to hold a member that may conflict with ``records``."""
    keys = {key for item in records for key in (spelling_key(item.name), compact(item.legal_id or ""))}
    return {key for key in keys if key}


def _first_other(record: Record, group: list[Record], differs: Callable[[Record, Record], bool]) -> Record | None:
    """The first record of ``group`` in another place that ``differs`` from ``record``; other files first."""
    others = [other for other in group if other is not record and differs(record, other)]
    others.sort(key=lambda other: (other.path == record.path, str(other.path), other.line))
    return others[0] if others else None


def _grouped(records: list[Record], key: Callable[[Record], Any]) -> Iterator[list[Record]]:
    groups: dict[Any, list[Record]] = defaultdict(list)
    for item in records:
        value = key(item)
        if value is not None:
            groups[value].append(item)
    yield from (group for group in groups.values() if len(group) > 1)


def _spelling(record: Record, other: Record) -> bool:
    declared_distinct = record.legal_id and other.legal_id and legal_key(record.legal_id) != legal_key(other.legal_id)
    return record.name != other.name and not declared_distinct


Rule = tuple[Callable[[Record], Any], Callable[[Record, Record], bool], Callable[[Record, Record], str]]


def identity_warnings(records: list[Record]) -> Iterator[tuple[Record, str]]:
    """(record, message) for each checked record that conflicts with another one."""
    rules: tuple[Rule, ...] = (
        (
            lambda r: (r.country, spelling_key(r.name)),
            _spelling,
            lambda r, o: (
                f"'{r.name}' looks like '{o.name}' in {o.place}, also in {r.country}: if they are one "
                "organisation, write its name the same way in both files (and give its legal_id); if they are two, "
                "give each its legal_id"
            ),
        ),
        (
            lambda r: legal_key(r.legal_id),
            lambda r, o: r.name != o.name,
            lambda r, o: (
                f"legal_id {r.legal_id} is also given to '{o.name}' in {o.place}: one legal_id, one "
                "organisation, one name; write the name the same way, or correct the legal_id"
            ),
        ),
        (
            lambda r: legal_key(r.legal_id),
            lambda r, o: r.region is not None and o.region is not None and r.region != o.region,
            lambda r, o: (
                f"legal_id {r.legal_id} is in region {r.region} here but in {o.region} in {o.place}: "
                "one organisation has one seat; correct the region or the legal_id"
            ),
        ),
        (
            lambda r: (r.country, search_key(r.name)) if r.legal_id else None,
            lambda r, o: legal_key(r.legal_id) != legal_key(o.legal_id),
            lambda r, o: (
                f"'{r.name}' has legal_id {r.legal_id} here but {o.legal_id} in {o.place}: one "
                "organisation has one legal_id; if they are two organisations, tell them apart in their names"
            ),
        ),
    )
    for key, differs, message in rules:
        for group in _grouped(records, key):
            for item in group:
                other = _first_other(item, group, differs) if item.checked else None
                if other is not None:
                    yield item, message(item, other)


def warnings_by_file(records: list[Record]) -> dict[Path, list[Problem]]:
    found: dict[Path, list[Problem]] = defaultdict(list)
    for item, message in identity_warnings(records):
        found[item.path].append(Problem(item.line, item.column, dotted(("members", item.index, "name")), message))
    return found
