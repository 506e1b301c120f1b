"""Every organisation of the directory once, across partnerships, members and associates.

Two records are the same organisation when they share a ``legal_id`` (for a cluster run by a
separate legal entity, that entity's ``managed_by.legal_id`` when given); a record without one joins the
organisation with the same normalised name in the same country. (``escp check`` warns where this
could be wrong: ``generator/check/identity.py``.)

The name shown for an organisation written in several ways is chosen by a rule, not by file order:
the spelling used with its ``legal_id`` (the most frequent of those), else the most frequent
spelling, else the one with the most diacritics, then the longest, then the first alphabetically.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.reference.names import search_key
from generator.structure.directory import Directory, Entry
from generator.validate.models import Associate, Member


@dataclass(frozen=True)
class Appearance:
    """An organisation's place in one partnership."""

    entry: Entry
    role: str  # coordinator, partner or associate


@dataclass
class Organisation:
    id: str
    name: str
    country: str
    kind: str  # member type id, or an associate's free-text kind
    legal_id: str | None = None
    region: str | None = None
    city: str | None = None
    website: str | None = None
    appearances: list[Appearance] = field(default_factory=list)
    managed_by: str | None = None  # the legal entity that runs a cluster without legal personality

    @property
    def partnerships(self) -> list[Entry]:
        return list({appearance.entry.slug: appearance.entry for appearance in self.appearances}.values())


Record = tuple[Entry, Member | Associate]


def normalised_name(name: str) -> str:
    """The name as a person would search it (case, diacritics, ł/ø/ß…, punctuation folded): one key per spelling."""
    return search_key(name)


def _name_key(record: Member | Associate) -> str:
    return f"{record.country}:{normalised_name(record.name)}"


def _legal_key(record: Member | Associate) -> str | None:
    """The identity that merges records: the managing entity's legal id when given, else the record's own."""
    managed_by = record.managed_by if isinstance(record, Member) else None
    legal_id = (managed_by.legal_id if managed_by is not None else None) or getattr(record, "legal_id", None)
    return " ".join(legal_id.upper().split()) if legal_id else None


def _records(directory: Directory) -> list[Record]:
    members: list[Record] = [(entry, member) for entry in directory.entries for member in entry.partnership.members]
    associates: list[Record] = [
        (entry, associate) for entry in directory.entries for associate in entry.partnership.associates
    ]
    # Records with a legal id first, so that records without one can join them by name.
    return sorted(members + associates, key=lambda record: _legal_key(record[1]) is None)


def _new_organisation(record: Member | Associate) -> Organisation:
    if isinstance(record, Member):
        managing = record.managed_by
        return Organisation(
            "",
            record.name,
            record.country,
            record.type,
            _legal_key(record),
            record.region,
            record.city,
            record.website,
            managed_by=managing.name if managing is not None else None,
        )
    return Organisation("", record.name, record.country, record.kind, website=record.website)


def _diacritics(name: str) -> int:
    return sum(unicodedata.combining(char) > 0 for char in unicodedata.normalize("NFD", name))


def display_name(spellings: list[tuple[str, bool]]) -> str:
    """The name to show among ``spellings`` (each: the name, whether its record gives a legal_id)."""
    with_id = [name for name, has_id in spellings if has_id]
    candidates = with_id or [name for name, _ in spellings]
    counts = Counter(candidates)
    return min(counts, key=lambda name: (-counts[name], -_diacritics(name), -len(name), name))


def _unique_ids(organisations: list[Organisation]) -> None:
    taken: dict[str, int] = {}
    for organisation in organisations:
        base = f"{organisation.country}-{normalised_name(organisation.name).replace(' ', '-')}".lower()
        taken[base] = taken.get(base, 0) + 1
        organisation.id = base if taken[base] == 1 else f"{base}-{taken[base]}"


def organisations(directory: Directory) -> list[Organisation]:
    """The merged organisations, sorted by name then country."""
    by_legal_id: dict[str, Organisation] = {}
    by_name: dict[str, Organisation] = {}
    found: list[Organisation] = []
    spellings: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for entry, record in _records(directory):
        legal_key, name_key = _legal_key(record), _name_key(record)
        organisation = by_legal_id.get(legal_key) if legal_key else by_name.get(name_key)
        if organisation is None:
            organisation = _new_organisation(record)
            found.append(organisation)
            if legal_key:
                by_legal_id[legal_key] = organisation
        by_name.setdefault(name_key, organisation)
        role = record.role if isinstance(record, Member) else "associate"
        organisation.appearances.append(Appearance(entry, role))
        spellings[id(organisation)].append((" ".join(record.name.split()), legal_key is not None))
    for organisation in found:
        organisation.name = display_name(spellings[id(organisation)])
    found.sort(key=lambda organisation: (normalised_name(organisation.name), organisation.country))
    _unique_ids(found)
    return found
