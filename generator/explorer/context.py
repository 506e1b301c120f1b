"""What ``theme/explorer.html`` renders: the facets and every partnership, for browsers without JavaScript."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from generator.explorer.facets import Facet, build_facets, terms
from generator.reference import countries
from generator.structure import urls
from generator.structure.directory import Directory, Entry


def _record(directory: Directory, position: int, entry: Entry) -> dict[str, Any]:
    partnership = entry.partnership
    codes = sorted({member.country for member in partnership.members})
    return {
        "ref": position,
        "slug": entry.slug,
        "url": urls.partnership(entry.slug),
        "title": partnership.title,
        "acronym": partnership.acronym,
        "summary": partnership.summary,
        "platform": terms(directory).label("platforms", partnership.platform),
        "thematic_area": partnership.thematic_area,
        "countries": [{"code": code, "name": countries().get(code).name} for code in codes],
        "members": len(partnership.members),
        "open": partnership.seeking_partners is not None,
        "criteria_met": entry.criteria_met,
        "label_awarded": entry.label.awarded.isoformat() if entry.label else None,
        "period": entry.period,
    }


def _facet_context(facet: Facet) -> dict[str, Any]:
    return {"name": facet.name, "legend": facet.legend, "options": [asdict(option) for option in facet.options]}


def explorer_context(directory: Directory) -> dict[str, Any]:
    """The ``explorer`` variable of the explorer page's template."""
    return {
        "total": len(directory.entries),
        "facets": [_facet_context(facet) for facet in build_facets(directory)],
        "partnerships": [_record(directory, position, entry) for position, entry in enumerate(directory.entries)],
    }
