"""The site's maps: what each page's map shows, built from the site data with ``generator.render.maps``.

- the directory map: every region with members, shaded by how many member organisations it has;
- the category map: every region's 2014-2020 category (a fill and a pattern), members marked;
- a partnership's map: its members' regions, the coordinator's marked, zoomed on them;
- a country's map: its regions with members, shaded as on the directory map, zoomed on it.
Every region with members links to its page at ``regions/<code>/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from generator.criteria.context import category_label
from generator.reference import regions
from generator.reference.nuts_map import NutsMap, nuts_map
from generator.render.maps import (
    LAND,
    MEMBER_FILL,
    MapRegion,
    MapSpec,
    category_swatch,
    count_classes,
    count_fill,
    count_legend,
    geometry_svg,
    render_map,
    view_box,
)
from generator.structure import SiteData, newest_first
from generator.structure.countries import CountryView
from generator.structure.directory import Entry
from generator.structure.regions import MapRegionView
from generator.structure.urls import MAP_GEOMETRY, Links
from generator.wording import count

CATEGORIES = ("less-developed", "transition", "more-developed", None)
SEEKING_SHOWN = 10  # partnerships seeking partners listed on a region page; the explorer lists them all


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "fill": a colour; "swatch": a pattern of the geometry file; "marker": the region marker
    value: str  # the colour, or the swatch's id
    label: str


@dataclass(frozen=True)
class MapFigure:
    svg: Markup
    legend: tuple[LegendItem, ...]
    asset: str  # the geometry file, relative to the page (legend swatches point into it)
    source: str  # "Source: …; © EuroGeographics …", shown under every map
    outside: tuple[MapRegionView | str, ...] = ()  # regions (or plain names) the map's view leaves out


def welcomes(entry: Entry, country: str) -> bool:
    """Whether the partnership seeks partners from ``country`` (ISO code): it names it, or no country."""
    wanted = entry.partnership.seeking_partners
    return wanted is not None and (not wanted.countries or country in wanted.countries)


class SiteMaps:
    """The maps of one build; ``url`` gives the site's addresses as seen from the page that shows a map."""

    seeking_shown = SEEKING_SHOWN

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.geometry: NutsMap = nuts_map()
        self.by_code = {view.code: view for view in data.regions}
        self.classes = count_classes(len(view.members) for view in data.regions)
        self.period = data.directory.context.period
        self._seeking: dict[str, list[Entry]] = {}

    def asset_files(self) -> dict[str, bytes]:
        """The shared geometry file, with each region's category in the configured period."""
        categories = {code: regions().classification(code, self.period).category for code in self.geometry.regions}
        return {MAP_GEOMETRY: geometry_svg(self.geometry, categories).encode("utf-8")}

    def page_of(self, code: str | None) -> MapRegionView | None:
        """The region page where a member that gave ``code`` (NUTS 2 or 3, any version) is listed."""
        place = self.geometry.place(code)
        return self.by_code.get(place.code) if place else None

    @staticmethod
    def ranked(views: Iterable[MapRegionView]) -> list[MapRegionView]:
        """Most member organisations first, then by code."""
        return sorted(views, key=lambda view: (-len(view.members), view.code))

    def by_category(self) -> list[tuple[str | None, int, int, int]]:
        """Per category: regions with members, their organisations, the partnerships with a member there."""
        rows = []
        for category in CATEGORIES:
            views = [view for view in self.data.regions if view.category == category]
            entries = {entry.slug for view in views for entry in view.partnerships}
            rows.append((category, len(views), sum(len(view.members) for view in views), len(entries)))
        return rows

    def seeking(self, country: str) -> list[Entry]:
        """Partnerships seeking partners from ``country`` (ISO code), or from any country, the newest first.

        A region page shows the first ``SEEKING_SHOWN`` and links to the explorer for all of them, so that it
        weighs the same in a directory of any size."""
        if country not in self._seeking:
            self._seeking[country] = [entry for entry in self._seekers if welcomes(entry, country)]
        return self._seeking[country]

    @cached_property
    def _seekers(self) -> list[Entry]:
        return newest_first(entry for entry in self.data.directory.entries if entry.partnership.seeking_partners)

    def source(self) -> str:
        return f"Source: {self.geometry.source}. {self.geometry.attribution}."

    def tooltip(self, view: MapRegionView) -> str:
        return (
            f"{view.name} ({view.code}): {count(len(view.members), 'organisation')} in "
            f"{count(len(view.partnerships), 'partnership')}; "
            f"{category_label(view.category)} region in {self.period}"
        )

    def category_name(self, category: str | None) -> str:
        if category is None:
            return f"Not classified for {self.period} (outside the EU then)"
        return f"{category_label(category).capitalize()} region"

    @staticmethod
    def category_short(category: str | None) -> str:
        """The category in a table's cell, whose column names the period: "Less developed", "Not classified"."""
        return category_label(category).capitalize()

    @cached_property
    def count_legend(self) -> tuple[LegendItem, ...]:
        items = count_legend(self.classes)
        return tuple(
            LegendItem("fill", fill, "No member organisations" if fill == LAND else f"{label} organisations")
            for fill, label in items
        )

    def _figure(
        self, spec: MapSpec, legend: Iterable[LegendItem], outside: tuple[MapRegionView | str, ...] = ()
    ) -> MapFigure:
        return MapFigure(render_map(spec, self.geometry), tuple(legend), spec.asset, self.source(), outside)

    def _counted(self, views: Iterable[MapRegionView], url: Links) -> list[MapRegion]:
        return [
            MapRegion(
                view.code,
                url.region(view.code),
                self.tooltip(view),
                count_fill(len(view.members), self.classes),
            )
            for view in views
        ]

    def directory(self, url: Links) -> MapFigure:
        spec = MapSpec(
            "map-members",
            "Member organisations by NUTS 2 region",
            f"A map of Europe's NUTS 2 regions, each shaded by how many member organisations of the directory's "
            f"partnerships it has: {len(self.data.regions)} regions have members. Outermost regions and Svalbard "
            "are in boxes on the left. Each region with members links to its page; the same numbers are in the "
            "table below the map.",
            url.map_geometry,
            self._counted(self.data.regions, url),
        )
        return self._figure(spec, self.count_legend)

    def categories(self, url: Links) -> MapFigure:
        spec = MapSpec(
            "map-categories",
            f"Categories of region in {self.period}, and where members are",
            f"A map of Europe's NUTS 2 regions by their {self.period} category: less developed (hatched), "
            "transition (dotted), more developed (plain), not classified (lined). A black dot marks each region "
            "with member organisations and links to its page. The table below the map gives the numbers.",
            url.map_geometry,
            [
                MapRegion(view.code, url.region(view.code), self.tooltip(view), marked=True)
                for view in self.data.regions
            ],
            base="categories",
        )
        legend = [LegendItem("swatch", category_swatch(c), self.category_name(c)) for c in CATEGORIES]
        return self._figure(spec, [*legend, LegendItem("marker", "", "Region with member organisations")])

    def _outside(self, codes: Iterable[str], view: tuple[int, int, int, int] | None) -> tuple[MapRegionView, ...]:
        """Regions with members drawn only in the full map's insets, when the view leaves the insets out."""
        if view is None:
            return ()
        left = view[0]
        return tuple(
            self.by_code[code]
            for code in codes
            if code in self.by_code and self.geometry.regions[code].inset and self.geometry.regions[code].box[2] < left
        )

    def partnership(self, entry: Entry, url: Links) -> MapFigure:
        members: dict[str, list[str]] = {}
        coordinator = None
        unplaced = []
        for member in entry.partnership.members:
            place = self.geometry.place(member.region)
            if place is None:
                unplaced.append(member.name)
                continue
            label = f"{member.name} (coordinator)" if member.role == "coordinator" else member.name
            members.setdefault(place.code, []).append(label)
            if member.role == "coordinator":
                coordinator = place.code
        view = view_box(self.geometry, members)
        title = entry.partnership.acronym or entry.partnership.title
        spec = MapSpec(
            "map-partnership",
            f"Where the members of {title} are",
            f"A map of the NUTS 2 regions of the partnership's members ({len(members)} regions); the coordinator's "
            "region has a black dot. Each region links to its page. The members table lists the same regions.",
            url.map_geometry,
            [
                MapRegion(
                    code,
                    url.region(code),
                    f"{self.by_code[code].name} ({code}): {', '.join(names)}",
                    MEMBER_FILL,
                    marked=code == coordinator,
                )
                for code, names in sorted(members.items())
                if code in self.by_code
            ],
            view=view,
        )
        legend = [LegendItem("fill", MEMBER_FILL, "Members' regions"), LegendItem("marker", "", "Coordinator's region")]
        return self._figure(spec, legend, self._outside(members, view) + tuple(unplaced))

    def country_codes(self, country: str) -> list[str]:
        """The map regions of a country (ISO code)."""
        return self._codes_by_country.get(country, [])

    @cached_property
    def _codes_by_country(self) -> dict[str, list[str]]:
        """The map's regions grouped by country once: a country page asks for them three times."""
        grouped: dict[str, list[str]] = {}
        for code in self.geometry.regions:
            region = regions().get(code)
            if region is not None:
                grouped.setdefault(region.country, []).append(code)
        return grouped

    def country_regions(self, country: str) -> list[MapRegionView]:
        return [self.by_code[code] for code in self.country_codes(country) if code in self.by_code]

    def country(self, view: CountryView, url: Links) -> MapFigure | None:
        codes = self.country_codes(view.code)
        if not codes:
            return None
        shown = self.country_regions(view.code)
        box = view_box(self.geometry, codes, min_width=600)
        spec = MapSpec(
            "map-country",
            f"Member organisations by NUTS 2 region in {view.country.name}",
            f"A map of the NUTS 2 regions of {view.country.name}, each shaded by how many member organisations it "
            f"has, on the same scale as the directory's map: {len(shown)} of its {len(codes)} regions have members. "
            "Each region with members links to its page; the table below the map gives the numbers.",
            url.map_geometry,
            self._counted(shown, url),
            view=box,
        )
        return self._figure(spec, self.count_legend, self._outside([v.code for v in shown], box))
