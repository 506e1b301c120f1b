"""NUTS regions 2006-2024 and their category of region for a programming period.

A NUTS 1 code (given when the member's NUTS 2 region is not known) takes a category only when every
NUTS 2 region inside it has the same one; otherwise its classification is undetermined and lists them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from generator.reference.countries import countries
from generator.reference.files import DATA_DIR, read_rows


@dataclass(frozen=True)
class Region:
    code: str
    level: int
    country: str  # ISO 3166-1 alpha-2
    name: str
    versions: tuple[str, ...]  # NUTS versions that contain the code

    @property
    def level2_code(self) -> str:
        return self.code[:4]


@dataclass(frozen=True)
class ClassifiedOverlap:
    """Part of a region that lies in a region classified for the programming period."""

    classified_id: str
    classified_version: str
    category: str
    population_share: float


@dataclass(frozen=True)
class Classification:
    """The category of region a NUTS code falls in, with the evidence behind it."""

    category: str | None
    overlaps: tuple[ClassifiedOverlap, ...]

    within: tuple[tuple[Region, str | None], ...] = ()  # for a NUTS 1 code: its NUTS 2 regions, their category

    @property
    def is_mixed(self) -> bool:
        return len({overlap.category for overlap in self.overlaps}) > 1

    @property
    def undetermined(self) -> bool:
        """A NUTS 1 code whose NUTS 2 regions are not all of one category."""
        return len({category for _, category in self.within}) > 1

    @property
    def possible_categories(self) -> frozenset[str | None]:
        """The categories the member may be in: one, or those of the NUTS 2 regions of a NUTS 1 code."""
        return frozenset(category for _, category in self.within) if self.within else frozenset({self.category})


class RegionRegistry:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        registry = countries()
        self._regions = {
            row["nuts_id"]: Region(
                row["nuts_id"],
                int(row["level"]),
                registry.iso_for_nuts(row["country"]),
                row["name"],
                tuple(row["versions"].split()),
            )
            for row in rows
        }
        self.newest_version = max(version for region in self._regions.values() for version in region.versions)
        self.countries_with_regions = frozenset(
            region.country for region in self._regions.values() if self.newest_version in region.versions
        )

    def get(self, code: str) -> Region | None:
        return self._regions.get(code)

    def codes(self) -> list[str]:
        return list(self._regions)

    def in_country(self, country: str) -> list[Region]:
        return [region for region in self._regions.values() if region.country == country]

    def within(self, code: str) -> list[Region]:
        """The NUTS 2 regions inside NUTS 1 ``code``, in the newest NUTS version that contains it."""
        parent = self._regions[code]
        newest = parent.versions[-1]
        return [
            region
            for region in self._regions.values()
            if region.level == 2 and region.code.startswith(code) and newest in region.versions
        ]

    @cache  # noqa: B019 - registries live for the whole process
    def classification(self, code: str, period: str) -> Classification:
        region = self.get(code)
        if region is not None and region.level == 1:
            within = tuple((part, self.classification(part.code, period).category) for part in self.within(code))
            categories = {category for _, category in within}
            return Classification(categories.pop() if len(categories) == 1 else None, (), within)
        overlaps = _period_overlaps(period).get(code[:4], ())
        if not overlaps:
            return Classification(None, ())
        largest = max(overlaps, key=lambda overlap: overlap.population_share)
        return Classification(largest.category, overlaps)


def programming_periods() -> list[str]:
    prefix = "region_categories_"
    return sorted(path.stem.removeprefix(prefix) for path in DATA_DIR.glob(f"{prefix}*.csv"))


@cache
def _period_overlaps(period: str) -> dict[str, tuple[ClassifiedOverlap, ...]]:
    table: dict[str, list[ClassifiedOverlap]] = defaultdict(list)
    for row in read_rows(f"region_categories_{period}.csv"):
        table[row["nuts_id"]].append(
            ClassifiedOverlap(
                row["classified_id"],
                row["classified_version"],
                row["category"],
                float(row["population_share"]),
            )
        )
    return {code: tuple(overlaps) for code, overlaps in table.items()}


@cache
def regions() -> RegionRegistry:
    return RegionRegistry(read_rows("nuts_regions.csv"))
