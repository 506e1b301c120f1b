"""What the site and the exports show, derived once from the checked directory."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from generator.structure.countries import CountryView, countries
from generator.structure.directory import Directory, Entry
from generator.structure.organisations import Organisation, organisations
from generator.structure.regions import MapRegionView, map_regions
from generator.structure.statistics import Statistics, statistics

NEWEST = 5  # partnerships on the home page


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """The most recently added first; those without a date come last, by slug."""
    dated = sorted(entries, key=lambda entry: entry.slug)
    dated.sort(key=lambda entry: entry.added.toordinal() if entry.added else 0, reverse=True)
    return dated


@dataclass(frozen=True)
class SiteData:
    directory: Directory
    organisations: tuple[Organisation, ...]
    countries: tuple[CountryView, ...]
    site_url: str  # absolute, ends with "/"

    @classmethod
    def of(cls, directory: Directory, site_url: str) -> SiteData:
        merged = organisations(directory)
        return cls(directory, tuple(merged), tuple(countries(directory, merged)), site_url)

    def newest(self, count: int = NEWEST) -> list[Entry]:
        """The most recently added partnerships; those without a date come last, by slug."""
        return newest_first(self.directory.entries)[:count]

    @cached_property
    def regions(self) -> tuple[MapRegionView, ...]:
        """The NUTS 2 regions of the map that have member organisations, by code."""
        return map_regions(self.directory, self.organisations)

    @cached_property
    def statistics(self) -> Statistics:
        return statistics(self.directory, self.organisations)

    @property
    def updated(self) -> str | None:
        """Date of the newest partnership, ISO format: the site's date, taken from data."""
        dates = [entry.added for entry in self.directory.entries if entry.added]
        return max(dates).isoformat() if dates else None
