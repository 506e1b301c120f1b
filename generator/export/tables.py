"""The directory as data: ``partnerships.json`` and the two CSV tables.

Contact e-mail addresses stay out of the exports, as they stay out of the pages' plain text: the
exports are the easiest thing on the site to scrape.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from generator.check.report import VerdictRecord
from generator.structure import SiteData, urls
from generator.structure.countries import region_view
from generator.structure.directory import Directory, Entry
from generator.structure.organisations import Organisation

Row = dict[str, str]

FORMULA_STARTS = frozenset("=+-@\t\r")


def partnership_record(entry: Entry) -> dict[str, Any]:
    data = entry.partnership.model_dump(mode="json", exclude={"contact": {"email"}})
    return {
        "slug": entry.slug,
        "url": urls.partnership(entry.slug),
        **data,
        "status": entry.status,
        "period": entry.period,
        "criteria_met": entry.criteria_met,
        "criteria": [VerdictRecord.of(verdict, public=True).model_dump() for verdict in entry.verdicts],
    }


def partnerships_json(data: SiteData) -> Iterator[str]:
    """``{"partnerships": [records]}`` as ``json.dumps(…, indent=1)`` writes it, in pieces of one record each,
    written as they come: the encoder would hold every piece of the whole document at once (47 MiB of
    Python objects for the 7 MiB of 1,000 partnerships)."""
    yield '{\n "partnerships": ['
    for position, entry in enumerate(data.directory.entries):
        record = json.dumps(partnership_record(entry), ensure_ascii=False, indent=1)
        yield (",\n  " if position else "\n  ") + record.replace("\n", "\n  ")
    yield "\n ]\n}\n" if data.directory.entries else "]\n}\n"


def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _partnership_row(entry: Entry) -> Row:
    p = entry.partnership
    coordinator = next(member for member in p.members if member.role == "coordinator")
    return {
        "slug": entry.slug,
        "title": p.title,
        "acronym": p.acronym or "",
        "platform": p.platform,
        "thematic_area": p.thematic_area or "",
        "summary": p.summary,
        "sectors": _joined(p.sectors),
        "technology_fields": _joined(p.technology_fields),
        "activities": _joined(p.activities),
        "countries": _joined(sorted({member.country for member in p.members})),
        "members": str(len(p.members)),
        "coordinator": coordinator.name,
        "seeking_partners": "yes" if p.seeking_partners else "no",
        "criteria_met": "yes" if entry.criteria_met else "no",
        "label_awarded": p.label.awarded.isoformat() if p.label else "",
        "label_reference": p.label.reference if p.label else "",
        "status": entry.status,
        "period": entry.period,
        "added": p.added.isoformat() if p.added else "",
        "website": p.website or "",
        "url": urls.partnership(entry.slug),
    }


def _organisation_row(organisation: Organisation, directory: Directory) -> Row:
    region = region_view(organisation.region, directory)
    return {
        "id": organisation.id,
        "name": organisation.name,
        "kind": organisation.kind,
        "legal_id": organisation.legal_id or "",
        "country": organisation.country,
        "region": organisation.region or "",
        "region_name": region.name if region else "",
        "region_category": region.category if region else "",
        "city": organisation.city or "",
        "website": organisation.website or "",
        "partnerships": _joined([entry.slug for entry in organisation.partnerships]),
        "roles": _joined([f"{a.entry.slug}:{a.role}" for a in organisation.appearances]),
    }


def _inert(value: str) -> str:
    """Cells that a spreadsheet would read as a formula get a leading apostrophe."""
    return f"'{value}" if value[:1] in FORMULA_STARTS else value


def _csv(rows: list[Row], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _inert(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


PARTNERSHIP_COLUMNS = (
    "slug",
    "title",
    "acronym",
    "platform",
    "thematic_area",
    "summary",
    "sectors",
    "technology_fields",
    "activities",
    "countries",
    "members",
    "coordinator",
    "seeking_partners",
    "criteria_met",
    "label_awarded",
    "label_reference",
    "status",
    "period",
    "added",
    "website",
    "url",
)
ORGANISATION_COLUMNS = (
    "id",
    "name",
    "kind",
    "legal_id",
    "country",
    "region",
    "region_name",
    "region_category",
    "city",
    "website",
    "partnerships",
    "roles",
)


def partnerships_csv(data: SiteData) -> str:
    return _csv([_partnership_row(entry) for entry in data.directory.entries], PARTNERSHIP_COLUMNS)


def organisations_csv(data: SiteData) -> str:
    return _csv([_organisation_row(org, data.directory) for org in data.organisations], ORGANISATION_COLUMNS)
