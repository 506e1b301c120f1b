"""Countries and regions of the directory: which organisations and partnerships each one has."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.criteria.context import category_label
from generator.reference import regions
from generator.reference.countries import Country
from generator.structure.directory import Directory, Entry
from generator.structure.organisations import Organisation


@dataclass(frozen=True)
class RegionView:
    code: str
    name: str
    category: str  # label of the category of region in the configured programming period
    note: str = ""  # the category in words for the region's row: NUTS 2 only; NUTS 3 name their parent


@dataclass(frozen=True)
class RegionGroup:
    region: RegionView | None  # None: organisations without a region (associates, countries without NUTS)
    organisations: tuple[Organisation, ...]


@dataclass(frozen=True)
class CountryView:
    country: Country
    organisations: tuple[Organisation, ...]
    partnerships: tuple[Entry, ...]
    regions: tuple[RegionGroup, ...]

    @property
    def code(self) -> str:
        return self.country.code


def region_view(code: str | None, directory: Directory) -> RegionView | None:
    region = regions().get(code or "")
    if region is None:
        return None
    classification = regions().classification(region.code, directory.context.period)
    period = directory.context.period
    category = category_label(classification.category)
    if classification.undetermined:
        return RegionView(region.code, region.name, "not known precisely", "its NUTS 2 regions differ in category")
    if region.level == 1:
        note = f"NUTS 1; every NUTS 2 region inside it is a {category} region in {period}"
    elif region.level == 3:
        parent = regions().get(region.level2_code)
        parent_name = f"{parent.code} {parent.name}" if parent else region.level2_code
        note = f"part of {parent_name}, a {category} region in {period}"
    else:
        note = f"{category} region in {period}"
    return RegionView(region.code, region.name, category, note)


def _region_groups(organisations: list[Organisation], directory: Directory) -> tuple[RegionGroup, ...]:
    grouped: dict[str, list[Organisation]] = defaultdict(list)
    for organisation in organisations:
        grouped[organisation.region or ""].append(organisation)
    return tuple(
        RegionGroup(region_view(code, directory), tuple(members))
        for code, members in sorted(grouped.items(), key=lambda item: (item[0] == "", item[0]))
    )


def countries(directory: Directory, organisations: list[Organisation]) -> list[CountryView]:
    """Every country with at least one organisation, by name."""
    by_country: dict[str, list[Organisation]] = defaultdict(list)
    for organisation in organisations:
        by_country[organisation.country].append(organisation)
    views = []
    for code, members in by_country.items():
        entries = {appearance.entry.slug: appearance.entry for org in members for appearance in org.appearances}
        views.append(
            CountryView(
                directory.context.country(code),
                tuple(members),
                tuple(entries[slug] for slug in sorted(entries)),
                _region_groups(members, directory),
            )
        )
    return sorted(views, key=lambda view: view.country.name)
