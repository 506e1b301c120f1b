"""NUTS regions 2006-2024 and their category of region for a programming period."""

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

    @property
    def is_mixed(self) -> bool:
        return len({overlap.category for overlap in self.overlaps}) > 1


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
        newest = max(version for region in self._regions.values() for version in region.versions)
        self.countries_with_regions = frozenset(
            region.country for region in self._regions.values() if newest in region.versions
        )

    def get(self, code: str) -> Region | None:
        return self._regions.get(code)

    def codes(self) -> list[str]:
        return list(self._regions)

    def in_country(self, country: str) -> list[Region]:
        return [region for region in self._regions.values() if region.country == country]

    @cache  # noqa: B019 - registries live for the whole process
    def classification(self, code: str, period: str) -> Classification:
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
