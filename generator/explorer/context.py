"""What ``theme/explorer.html`` renders: the facets and every partnership, for browsers without JavaScript."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from generator.explorer.facets import Facet, build_facets, terms
from generator.reference import countries
from generator.structure.directory import Directory, Entry

DATA_FILE = "assets/escp/explorer-data.json"  # written at build time, beside the theme's explorer.js
LUNR_FILE = "assets/escp/vendor/lunr.js"


def partnership_url(entry: Entry) -> str:
    """The page of a partnership, relative to the site root."""
    return f"partnerships/{entry.slug}/"


def _record(directory: Directory, position: int, entry: Entry) -> dict[str, Any]:
    partnership = entry.partnership
    codes = sorted({member.country for member in partnership.members})
    return {
        "ref": position,
        "slug": entry.slug,
        "url": partnership_url(entry),
        "title": partnership.title,
        "acronym": partnership.acronym,
        "summary": partnership.summary,
        "platform": terms(directory).label("platforms", partnership.platform),
        "thematic_area": partnership.thematic_area,
        "countries": [{"code": code, "name": countries().get(code).name} for code in codes],
        "members": len(partnership.members),
        "open": partnership.seeking_partners is not None,
        "labelled": entry.labelled,
    }


def _facet_context(facet: Facet) -> dict[str, Any]:
    return {"name": facet.name, "legend": facet.legend, "options": [asdict(option) for option in facet.options]}


def explorer_context(directory: Directory) -> dict[str, Any]:
    """The ``explorer`` variable of the explorer page's template."""
    return {
        "total": len(directory.entries),
        "facets": [_facet_context(facet) for facet in build_facets(directory)],
        "partnerships": [_record(directory, position, entry) for position, entry in enumerate(directory.entries)],
        "data_url": DATA_FILE,
        "lunr_url": LUNR_FILE,
    }
