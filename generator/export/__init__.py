"""The exports at stable URLs, each described for the Data page by the same object that writes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from generator.check.report import report_schema_text
from generator.export.badges import badge_files
from generator.export.feed import FEED_LENGTH, atom_feed
from generator.export.statistics import statistics_json
from generator.export.tables import (
    ORGANISATION_COLUMNS,
    PARTNERSHIP_COLUMNS,
    organisations_csv,
    partnerships_csv,
    partnerships_json,
)
from generator.structure import SiteData, urls
from generator.validate.schema import partnership_schema_text


@dataclass(frozen=True)
class Export:
    path: str  # relative to the site root
    title: str
    media_type: str
    description: str
    write: Callable[[SiteData], str | Iterator[str]]  # the text, or its pieces in order (written as they come)
    columns: tuple[str, ...] = ()


def _schema(data: SiteData) -> str:
    return partnership_schema_text(data.directory.terms)


EXPORTS = (
    Export(
        urls.PARTNERSHIPS_JSON,
        "Partnerships (JSON)",
        "application/json",
        "Every partnership with all the fields of its file (except the contact e-mail address), "
        "its page URL, its status (active or ended), and the verdict (met, not met or undetermined) and "
        "evidence of each ESCP-S3 criterion: self-assessed; an awarded label is the recorded label block.",
        partnerships_json,
    ),
    Export(
        urls.PARTNERSHIPS_CSV,
        "Partnerships (CSV)",
        "text/csv",
        "One row per partnership; lists are joined with '; '.",
        partnerships_csv,
        PARTNERSHIP_COLUMNS,
    ),
    Export(
        urls.ORGANISATIONS_CSV,
        "Organisations (CSV)",
        "text/csv",
        "One row per organisation, merged across partnerships by legal id, else by name and country; "
        "roles are slug:role pairs.",
        organisations_csv,
        ORGANISATION_COLUMNS,
    ),
    Export(
        urls.STATISTICS_JSON,
        "Statistics (JSON)",
        "application/json",
        "The numbers of the statistics page: partnerships per platform, sector, technology field and "
        "country of their members, reaching a cohesion region and seeking partners; member organisations "
        "per type; partnerships listed over time. Each measure has its unit, its total and its counts.",
        statistics_json,
    ),
    Export(
        urls.PARTNERSHIP_SCHEMA,
        "Partnership file schema",
        "application/schema+json",
        "The JSON Schema of partnership files, generated from the validator's models.",
        _schema,
    ),
    Export(
        urls.REPORT_SCHEMA,
        "Check report schema",
        "application/schema+json",
        "The JSON Schema of the report of escp check --format json (and of the pull-request artifact).",
        lambda _data: report_schema_text(),
    ),
    Export(
        urls.FEED,
        "New partnerships (Atom feed)",
        "application/atom+xml",
        f"The {FEED_LENGTH} most recently added partnerships.",
        atom_feed,
    ),
)


def exported_files(data: SiteData) -> Iterator[tuple[str, Iterable[bytes]]]:
    """Path relative to the site root and content, for every export and every partnership's badge. Each is
    made while it is written: at 10,000 partnerships the exports take a hundred megabytes."""
    for export in EXPORTS:
        written = export.write(data)
        yield export.path, (part.encode("utf-8") for part in ([written] if isinstance(written, str) else written))
    for path, svg in badge_files(data).items():
        yield path, [svg]


def export_files(data: SiteData) -> dict[str, bytes]:
    """Path relative to the site root → content, for every export and every partnership's badge."""
    return {path: b"".join(parts) for path, parts in exported_files(data)}
