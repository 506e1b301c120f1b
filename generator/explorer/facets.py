"""The explorer's facets: for each, its options in display order and every partnership's values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.criteria.context import CATEGORY_LABELS, category_label
from generator.reference import Vocabularies, countries
from generator.structure.directory import Directory, Entry

OPEN = "yes"
AWARDED = "awarded"
STATUSES = {"active": "Active", "ended": "Ended"}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter
    legend: str
    options: tuple[FacetOption, ...]
    entry_values: tuple[frozenset[str], ...]  # one set per entry, in directory order


@dataclass(frozen=True)
class _FacetSpec:
    name: str
    legend: str
    values: Callable[[Directory, Entry], Iterable[str]]
    label: Callable[[Directory, str], str]
    order: Callable[[Directory], Sequence[str]] | None = None  # None: alphabetical by label


def terms(directory: Directory) -> Vocabularies:
    return directory.terms


def _vocabulary_label(vocabulary: str) -> Callable[[Directory, str], str]:
    return lambda directory, value: terms(directory).label(vocabulary, value)


def _categories(directory: Directory, entry: Entry) -> set[str]:
    found = {directory.context.classification(member).category for member in entry.partnership.members}
    return {category for category in found if category is not None}


def _welcomed_countries(directory: Directory, entry: Entry) -> Iterable[str]:
    """Where a partnership seeking partners welcomes them from; an empty ``countries`` list means anywhere."""
    seeking = entry.partnership.seeking_partners
    if seeking is None:
        return []
    if seeking.countries:
        return seeking.countries
    return directory.known_countries


FACETS = (
    _FacetSpec(
        "platform",
        "Thematic platform",
        lambda _, entry: [entry.partnership.platform],
        _vocabulary_label("platforms"),
        lambda directory: terms(directory).ids("platforms"),
    ),
    _FacetSpec(
        "country",
        "Country of a member",
        lambda _, entry: [member.country for member in entry.partnership.members],
        lambda _, code: countries().get(code).name,
    ),
    _FacetSpec(
        "category",
        "Region category",
        _categories,
        lambda _, category: category_label(category).capitalize(),
        lambda _: list(CATEGORY_LABELS),
    ),
    _FacetSpec("sector", "Sector", lambda _, entry: entry.partnership.sectors, _vocabulary_label("sectors")),
    _FacetSpec(
        "technology",
        "Technology field",
        lambda _, entry: entry.partnership.technology_fields,
        _vocabulary_label("technology_fields"),
    ),
    _FacetSpec(
        "member",
        "Member type",
        lambda _, entry: [member.type for member in entry.partnership.members],
        _vocabulary_label("member_types"),
        lambda directory: terms(directory).ids("member_types"),
    ),
    _FacetSpec(
        "label",
        "ESCP-S3 label",
        lambda _, entry: [AWARDED] if entry.label is not None else [],
        lambda _, __: "Label awarded (recorded)",
    ),
    _FacetSpec(
        "status",
        "Status",
        lambda _, entry: [entry.status],
        lambda _, status: STATUSES[status],
        lambda _: list(STATUSES),
    ),
    _FacetSpec(
        "open",
        "New partners",
        lambda _, entry: [OPEN] if entry.partnership.seeking_partners else [],
        lambda _, __: "Open to new partners",
    ),
    _FacetSpec(
        "open-to",
        "Open to new partners from",
        _welcomed_countries,
        lambda _, code: countries().get(code).name,
    ),
)


def _facet(spec: _FacetSpec, directory: Directory) -> Facet:
    entry_values = tuple(frozenset(spec.values(directory, entry)) for entry in directory.entries)
    counts = Counter(value for values in entry_values for value in values)
    if spec.order is None:
        order: Sequence[str] = sorted(counts, key=lambda value: spec.label(directory, value).casefold())
    else:
        order = spec.order(directory)
    options = tuple(FacetOption(value, spec.label(directory, value), counts[value]) for value in order if counts[value])
    return Facet(spec.name, spec.legend, options, entry_values)


def build_facets(directory: Directory) -> tuple[Facet, ...]:
    """Every facet with the options that occur in the directory, and how many partnerships have each."""
    return tuple(_facet(spec, directory) for spec in FACETS)


def _option_indexes(facet: Facet, entry: int) -> list[int]:
    position = {option.value: index for index, option in enumerate(facet.options)}
    return sorted(position[value] for value in facet.entry_values[entry])


def compact_facets(facets: Sequence[Facet]) -> dict[str, list[Any]]:
    """Facet values for the browser: per partnership, the option indexes it has in each facet."""
    entries = len(facets[0].entry_values) if facets else 0
    return {
        "facets": [{"name": facet.name, "values": [option.value for option in facet.options]} for facet in facets],
        "docs": [[_option_indexes(facet, entry) for facet in facets] for entry in range(entries)],
    }
