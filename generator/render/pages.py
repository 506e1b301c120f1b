"""The generated pages: where each lives, its title, and the template and values that fill it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.export import EXPORTS
from generator.export.badges import badge_embedding, badge_status
from generator.reference import Term
from generator.render.charts import Bar, Point, bar_chart, line_chart
from generator.render.join import join_issue_url, join_title
from generator.structure import SiteData, urls
from generator.structure.directory import Entry
from generator.structure.regions import MapRegionView
from generator.structure.statistics import Measure

OTHER_AREA = "Other thematic areas"


@dataclass(frozen=True)
class PageSpec:
    url: str  # the page's address from generator.structure.urls, e.g. "partnerships/<slug>/"
    title: str  # untrusted for partnership pages: escaped where it is used
    template: str  # content template in theme/escp/, rendered by the escaping environment
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = True
    description: str | None = None
    updated: str | None = None  # ISO date shown in the sitemap

    @property
    def src(self) -> str:
        """The page's path as if in the docs folder."""
        return urls.source(self.url)


def platforms(data: SiteData) -> list[Term]:
    return list(data.directory.terms.terms["platforms"].values())


def by_thematic_area(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.partnership.thematic_area or OTHER_AREA].append(entry)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == OTHER_AREA, item[0].casefold()))
    return [(area, sorted(members, key=lambda entry: entry.partnership.title.casefold())) for area, members in ordered]


def platform_page(data: SiteData, platform: Term) -> PageSpec:
    entries = data.directory.on_platform(platform.id)
    return PageSpec(
        urls.platform(platform.id),
        platform.label,
        "platform.html",
        {"platform": platform, "areas": by_thematic_area(entries), "count": len(entries)},
        description=platform.description or None,
        updated=data.updated,
    )


def join_url(data: SiteData, entry: Entry) -> str | None:
    """The pre-filled join issue, for a partnership that seeks partners in a directory with a repository."""
    repository = data.directory.settings.repository
    return join_issue_url(repository, entry) if repository and entry.partnership.seeking_partners else None


def partnership_page(data: SiteData, entry: Entry) -> PageSpec:
    return PageSpec(
        urls.partnership(entry.slug),
        entry.partnership.title,
        "partnership.html",
        {
            "entry": entry,
            "p": entry.partnership,
            "join_url": join_url(data, entry),
            "join_subject": join_title(entry),
            "badge": badge_status(entry),
            "embed": badge_embedding(entry, data.site_url),
        },
        in_nav=False,
        description=entry.partnership.summary,
        updated=entry.added.isoformat() if entry.added else data.updated,
    )


def country_page(data: SiteData, index: int) -> PageSpec:
    view = data.countries[index]
    return PageSpec(
        urls.country(view.code),
        view.country.name,
        "country.html",
        {"view": view},
        in_nav=False,
        updated=data.updated,
    )


def region_page(data: SiteData, view: MapRegionView) -> PageSpec:
    return PageSpec(
        urls.region(view.code),
        f"{view.name} ({view.code})",
        "region.html",
        {"view": view},
        in_nav=False,
        updated=data.updated,
    )


def index_pages(data: SiteData) -> list[PageSpec]:
    return [
        PageSpec(urls.ORGANISATIONS, "Organisations", "organisations.html", updated=data.updated),
        PageSpec(urls.COUNTRIES, "Countries", "countries.html", updated=data.updated),
        PageSpec(urls.REGIONS, "Regions", "regions.html", updated=data.updated),
        PageSpec(urls.CRITERIA, "Label criteria", "criteria.html", updated=data.updated),
        PageSpec(urls.DATA, "Data", "data.html", {"exports": EXPORTS}, updated=data.updated),
    ]


def chart_description(measure: Measure, shown: int = 3) -> str:
    """What a chart shows in words: its largest counts; the table after it has every number."""
    if not measure.counts:
        return f"No {measure.unit} to count yet."
    first = "; ".join(f"{count.label}: {count.value:,}" for count in measure.counts[:shown])
    more = f"; and {len(measure.counts) - shown} more" if len(measure.counts) > shown else ""
    return f"{measure.title}. {first}{more}. The table below the chart has every number."


def growth_description(measure: Measure) -> str:
    if not measure.counts:
        return "No partnership has a date yet."
    first, last = measure.counts[0], measure.counts[-1]
    return (
        f"{measure.title}: {first.value:,} by the end of {first.label}, {last.value:,} by the end of {last.label}. "
        "The table below the chart has every period."
    )


def statistics_page(data: SiteData) -> PageSpec:
    stats = data.statistics
    charts = [
        (m, bar_chart(f"chart-{m.id}", m.title, chart_description(m), [Bar(c.label, c.value) for c in m.counts]))
        for m in stats.measures
    ]
    growth = stats.growth
    line = line_chart(
        "chart-growth", growth.title, growth_description(growth), [Point(c.label, c.value) for c in growth.counts]
    )
    return PageSpec(
        urls.STATISTICS,
        "Statistics",
        "statistics.html",
        {"statistics": stats, "charts": charts, "growth_chart": line},
        description="The directory in numbers: partnerships per platform, sector, technology field and country.",
        updated=data.updated,
    )


def explorer_page(data: SiteData, explorer: dict[str, Any]) -> PageSpec:
    """The explorer: ``explorer`` is the server-rendered list and facets (``generator.explorer.explorer_context``)."""
    return PageSpec(urls.EXPLORER, "Explorer", "explorer.html", {"explorer": explorer}, updated=data.updated)


def site_pages(data: SiteData, explorer: dict[str, Any]) -> list[PageSpec]:
    return [
        *index_pages(data),
        explorer_page(data, explorer),
        statistics_page(data),
        *(platform_page(data, platform) for platform in platforms(data)),
        *(country_page(data, index) for index in range(len(data.countries))),
        *(region_page(data, view) for view in data.regions),
        *(partnership_page(data, entry) for entry in data.directory.entries),
    ]


def home_blocks(data: SiteData) -> PageSpec:
    """What the hand-written home page is followed by: counts, platforms, newest partnerships, search."""
    return PageSpec(
        urls.HOME,
        "Home",
        "home.html",
        {"platforms": [(p, len(data.directory.on_platform(p.id))) for p in platforms(data)]},
        updated=data.updated,
    )
