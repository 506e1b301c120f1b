"""Finding NUTS regions from what a person knows: a code, a region name or the name of a place.

``places().search("Kokkola")`` → ``[Candidate(code="FI1D5", name="Keski-Pohjanmaa", …, parent="FI1D")]``.
Queries are case- and accent-insensitive (``names.search_key``); places are GeoNames' towns of 500
inhabitants or more, with their alternate names ("Seville", "Cologne"), located in their NUTS 3
region when the reference data was prepared (``generator/data/places.tsv``, see ``SOURCES.md``).
Nothing here needs a geometry library. The table is read on first use and kept for the process.

The API, all on the registry ``places()``:
- ``search(query, country=None, limit=10, period="2014-2020") -> list[Candidate]``: ranked candidates
  (``RANKS``), each with code, level, name, country, NUTS versions, category, NUTS 2 parent, and the
  place that led to it; ``Candidate.as_dict()`` is the JSON of ``escp regions --format json``;
- ``places_named(name, country=None) -> list[Place]``: the places of that name, most populous first;
- ``region_conflict(city, country, region_code) -> Region | None``: the NUTS 2 region a city lies in
  when it contradicts ``region_code`` (``escp check``'s warning), None when they agree or it is unsure.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from generator.reference.countries import countries
from generator.reference.files import DATA_DIR
from generator.reference.names import search_key
from generator.reference.regions import Region, regions

Match = Literal["code", "name", "place", "fuzzy"]
RANKS: tuple[Match, ...] = ("code", "name", "place", "fuzzy")  # best first
FUZZY_CUTOFF = 0.8  # difflib ratio of a close spelling: "Sevila" finds "Sevilla", "Kolnn" finds "Köln"
DEFAULT_PERIOD = "2014-2020"
SCAN_LOOKUPS = 100  # plain searches in one country's part (or all) of the table before indexing that part
PLACE_VERSIONS = ("2024", "2021")  # the NUTS versions places were located in


KEY = re.compile(r"(?<=\|)[^|\t\n]+(?=\|)")  # a search key in the last column: |key|key|


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-2
    population: int
    codes: tuple[str, ...]  # its NUTS 3 region (NUTS 2 where the country has no level 3): 2024 first, then 2021


@dataclass(frozen=True)
class Candidate:
    """A region that answers a query, and why."""

    code: str
    level: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    versions: tuple[str, ...]  # NUTS versions that contain the code
    category: str | None  # category of region in the programming period, None where not classified
    parent: str | None  # the NUTS 2 code of a NUTS 3 region
    match: Match
    place: Place | None = None  # the place that led to the region, for a "place" or "fuzzy" match

    def as_dict(self) -> dict[str, object]:
        parent = regions().get(self.parent) if self.parent else None
        return {
            "code": self.code,
            "level": self.level,
            "name": self.name,
            "country": self.country,
            "nuts_versions": list(self.versions),
            "category": self.category,
            "parent": {"code": parent.code, "name": parent.name} if parent else None,
            "match": self.match,
            "place": {"name": self.place.name, "population": self.place.population} if self.place else None,
        }


class PlaceRegistry:
    """Reads ``places.tsv`` as one text and finds keys in it by plain search, within a country's part when known.

    The table is sorted by country, so a country's places are one stretch of it: a lookup with a country
    (every one of ``escp check``) searches that stretch, not the whole 4.8 MB. After SCAN_LOOKUPS plain
    searches in a stretch, its keys are indexed, so that one ``escp regions`` or a small directory's check
    stays quick (about 0.4 s to index the whole table) and a large directory's check too."""

    def __init__(self, table: str) -> None:
        self._text = table
        self._spans: dict[str, tuple[int, int]] = {}
        self._scans: dict[str | None, int] = defaultdict(int)
        self._indexes: dict[str | None, dict[str, list[int]]] = {}

    @cached_property
    def _region_keys(self) -> dict[str, list[Region]]:
        """Regions by the search key of their name: only searches need them, not ``places_named``."""
        by_key: dict[str, list[Region]] = defaultdict(list)
        for code in regions().codes():
            region = regions().get(code)
            if region is not None:
                by_key[search_key(region.name)].append(region)
        return by_key

    def places_named(self, name: str, country: str | None = None) -> list[Place]:
        """Places whose name or an alternate name is ``name`` (any case or accents), most populous first."""
        key = search_key(name)
        found = [self._place_at(position) for position in self._positions(key, country)] if key else []
        found.sort(key=lambda place: -place.population)
        return found  # with a country, only its stretch of the table was searched

    def region_conflict(self, city: str, country: str, region_code: str) -> Region | None:
        """The NUTS 2 region that ``city`` lies in when that is not ``region_code``'s, else None.

        None also whenever the answer is uncertain: the city is not a known place of ``country``, several
        places of that name lie in different NUTS 2 regions, or ``region_code`` is of a NUTS version
        older than those the places were located in (2021 and 2024)."""
        stated = regions().get(region_code)
        if stated is None or not set(stated.versions) & set(PLACE_VERSIONS):
            return None
        lying_in = {frozenset(code[:4] for code in place.codes) for place in self.places_named(city, country)}
        if len(lying_in) != 1:
            return None
        (level2_codes,) = lying_in
        if any(code.startswith(region_code[:4]) for code in level2_codes):
            return None
        lying = [region for region in map(regions().get, level2_codes) if region is not None]
        return max(lying, key=lambda region: region.versions[-1], default=None)  # the newest version's code

    def search(
        self, query: str, country: str | None = None, limit: int = 10, period: str = DEFAULT_PERIOD
    ) -> list[Candidate]:
        """Regions for ``query``, best first: exact code, exact region name, place name, then close spellings
        (only when nothing matched exactly). ``country`` (ISO or EU code) narrows the search; each region
        appears once, with its best match; among equals, codes of the newest NUTS version come first."""
        key = search_key(query)
        if country is not None:
            country = countries().normalise(country) or country.upper()
        found: dict[str, Candidate] = {}

        def add(regions_found: list[Region | None], match: Match, place: Place | None = None) -> None:
            current = [r for r in regions_found if r and r.code not in found and country in (None, r.country)]
            for region in sorted(current, key=lambda region: region.versions[-1], reverse=True):
                category = regions().classification(region.code, period).category
                parent = region.level2_code if region.level == 3 else None
                found[region.code] = Candidate(
                    region.code,
                    region.level,
                    region.name,
                    region.country,
                    region.versions,
                    category,
                    parent,
                    match,
                    place,
                )

        add([regions().get("".join(query.split()).upper())], "code")
        add(list(self._region_keys.get(key, [])), "name")
        for place in self.places_named(query, country):
            add([regions().get(code) for code in place.codes], "place", place)
        if not found and len(key) >= 3:
            for close in self._region_names_like(key):
                add(list(self._region_keys[close]), "fuzzy")
            for place in self._places_like(key, country):
                add([regions().get(code) for code in place.codes], "fuzzy", place)
        return list(found.values())[:limit]

    def _positions(self, key: str, country: str | None) -> list[int]:
        """Where ``key`` stands in the table, or in ``country``'s part of it."""
        if country in self._indexes:
            return self._indexes[country].get(key, [])
        start, end = self._span(country)
        self._scans[country] += 1
        if self._scans[country] > SCAN_LOOKUPS:
            index: dict[str, list[int]] = defaultdict(list)
            for match in KEY.finditer(self._text, start, end):
                index[match.group()].append(match.start())
            self._indexes[country] = index
            return index.get(key, [])
        needle, positions = f"|{key}|", []
        position = self._text.find(needle, start, end)
        while position >= 0:
            positions.append(position + 1)
            position = self._text.find(needle, position + 1, end)
        return positions

    def _span(self, country: str | None) -> tuple[int, int]:
        """The stretch of the table holding ``country``'s places (the whole table for None; empty if it has none)."""
        if country is None:
            return 0, len(self._text)
        if country not in self._spans:
            column = f"\t{country}\t"  # the country column: no other column holds two letters alone
            first, last = self._text.find(column), self._text.rfind(column)
            if first < 0:
                self._spans[country] = (0, 0)
            else:
                end = self._text.find("\n", last)
                self._spans[country] = (self._text.rfind("\n", 0, first) + 1, len(self._text) if end < 0 else end)
        return self._spans[country]

    def _place_at(self, position: int) -> Place:
        start = self._text.rfind("\n", 0, position) + 1
        name, country, population, *codes, _ = self._text[start : self._text.find("\n", position)].split("\t")
        return Place(name, country, int(population), tuple(dict.fromkeys(filter(None, codes))))

    def _region_names_like(self, key: str) -> list[str]:
        """Region name keys that begin with ``key`` or have a word that does, then those spelt nearly like it."""
        words = sorted(other for other in self._region_keys if other.startswith(key) or f" {key}" in other)
        near = difflib.get_close_matches(key, list(self._region_keys), n=10, cutoff=FUZZY_CUTOFF)
        return list(dict.fromkeys([*words, *near]))

    def _places_like(self, key: str, country: str | None) -> list[Place]:
        """Places whose name is spelt nearly like ``key`` (difflib), closest first, then the most populous."""
        pattern = re.compile(rf"\|({re.escape(key[0])}[^|\t]{{{max(len(key) - 3, 0)},{len(key) + 1}}})\|")
        keys = {match.group(1) for match in pattern.finditer(self._text)}
        near = difflib.get_close_matches(key, keys, n=10, cutoff=FUZZY_CUTOFF)
        return [place for close in near for place in self.places_named(close, country)]


@cache
def places() -> PlaceRegistry:
    return PlaceRegistry((DATA_DIR / "places.tsv").read_text(encoding="utf-8"))
