"""The generated pages: where each lives, its title, and the template and values that fill it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.export import EXPORTS
from generator.reference import Term
from generator.structure import SiteData
from generator.structure.directory import Entry

OTHER_AREA = "Other thematic areas"


@dataclass(frozen=True)
class PageSpec:
    src: str  # path as if in the docs folder, e.g. "partnerships/<slug>.md"
    title: str  # untrusted for partnership pages: escaped where it is used
    template: str | None  # content template in theme/escp/; None when a page template renders everything
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = True
    description: str | None = None
    updated: str | None = None  # ISO date shown in the sitemap
    page_template: str | None = None  # MkDocs page template (front matter ``template``)


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
        f"platforms/{platform.id}.md",
        platform.label,
        "platform.html",
        {"platform": platform, "areas": by_thematic_area(entries), "count": len(entries)},
        description=platform.description or None,
        updated=data.updated,
    )


def partnership_page(data: SiteData, entry: Entry) -> PageSpec:
    return PageSpec(
        f"partnerships/{entry.slug}.md",
        entry.partnership.title,
        "partnership.html",
        {"entry": entry, "p": entry.partnership},
        in_nav=False,
        description=entry.partnership.summary,
        updated=entry.added.isoformat() if entry.added else data.updated,
    )


def country_page(data: SiteData, index: int) -> PageSpec:
    view = data.countries[index]
    return PageSpec(
        f"countries/{view.code.lower()}.md",
        view.country.name,
        "country.html",
        {"view": view},
        in_nav=False,
        updated=data.updated,
    )


def index_pages(data: SiteData) -> list[PageSpec]:
    return [
        PageSpec("organisations.md", "Organisations", "organisations.html", updated=data.updated),
        PageSpec("countries.md", "Countries", "countries.html", updated=data.updated),
        PageSpec("criteria.md", "Label criteria", "criteria.html", updated=data.updated),
        PageSpec("data.md", "Data", "data.html", {"exports": EXPORTS}, updated=data.updated),
    ]


def explorer_page(data: SiteData) -> PageSpec:
    """Rendered by the explorer's own page template (theme/explorer.html) from ``explorer_context``."""
    return PageSpec("explorer.md", "Explorer", None, updated=data.updated, page_template="explorer.html")


def site_pages(data: SiteData) -> list[PageSpec]:
    return [
        *index_pages(data),
        explorer_page(data),
        *(platform_page(data, platform) for platform in platforms(data)),
        *(country_page(data, index) for index in range(len(data.countries))),
        *(partnership_page(data, entry) for entry in data.directory.entries),
    ]


def home_blocks(data: SiteData) -> PageSpec:
    """What the hand-written home page is followed by: counts, platforms, newest partnerships, search."""
    return PageSpec(
        "index.md",
        "Home",
        "home.html",
        {"platforms": [(p, len(data.directory.on_platform(p.id))) for p in platforms(data)]},
        updated=data.updated,
    )
