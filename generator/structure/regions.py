"""The NUTS 2 regions of the map that have members: who is there, in which partnerships, strong in what.

A member's region may be a level 2 or 3 code of any NUTS version 2006-2024; it is counted in the
map's NUTS 2 region (NUTS 2024, or 2021 for the United Kingdom) that holds it, or, for a code whose
region was split since, the one holding the largest share of its population (``share`` below 1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.reference import regions
from generator.reference.nuts_map import nuts_map
from generator.structure.directory import Directory, Entry
from generator.structure.organisations import Organisation


@dataclass(frozen=True)
class RegionMember:
    organisation: Organisation
    given: str  # the region code the member gave
    share: float  # share of the given region's population in this map region: 1.0 unless it was split
    partnerships: tuple[Entry, ...]  # where the organisation is a member (not an associate)


@dataclass(frozen=True)
class MapRegionView:
    code: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    category: str | None  # category of region in the configured programming period
    members: tuple[RegionMember, ...]  # by organisation name
    partnerships: tuple[Entry, ...]  # by slug

    @property
    def slug(self) -> str:
        return self.code.lower()

    def counted(self, field: str) -> list[tuple[str, int]]:
        """How many of the region's partnerships name each value of a list field, most named first."""
        counts = Counter(value for entry in self.partnerships for value in getattr(entry.partnership, field))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def _member_partnerships(organisation: Organisation) -> tuple[Entry, ...]:
    entries = {a.entry.slug: a.entry for a in organisation.appearances if a.role != "associate"}
    return tuple(entries[slug] for slug in sorted(entries))


def map_regions(directory: Directory, organisations: tuple[Organisation, ...]) -> tuple[MapRegionView, ...]:
    """Every map region with at least one member organisation, by code."""
    placed: dict[str, list[RegionMember]] = {}
    for organisation in organisations:
        place = nuts_map().place(organisation.region)
        partnerships = _member_partnerships(organisation)
        if place is not None and organisation.region is not None and partnerships:
            member = RegionMember(organisation, organisation.region, place.share, partnerships)
            placed.setdefault(place.code, []).append(member)
    views = []
    for code in sorted(placed):
        region = regions().get(code)
        members = placed[code]
        entries = {entry.slug: entry for member in members for entry in member.partnerships}
        views.append(
            MapRegionView(
                code,
                region.name if region else code,
                region.country if region else "",
                regions().classification(code, directory.context.period).category,
                tuple(members),
                tuple(entries[slug] for slug in sorted(entries)),
            )
        )
    return tuple(views)
