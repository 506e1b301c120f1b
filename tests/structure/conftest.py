"""Directories built in memory from partnership data: fast tests of the site's stages, no files, no MkDocs."""

from __future__ import annotations

import datetime
from typing import Any

from generator.criteria import LabelContext, evaluate
from generator.settings import Settings, settings_from
from generator.structure import SiteData
from generator.structure.directory import Directory, Entry
from generator.validate import Partnership
from tests.check.partnership_factory import partnership

SITE_URL = "https://example.org/"


def entry(slug: str, settings: Settings | None = None, **changes: Any) -> Entry:
    settings = settings or settings_from(None)
    model = Partnership.model_validate(partnership(**changes), context={"vocabularies": settings.vocabularies})
    verdicts = tuple(evaluate(model, LabelContext(settings.label)))
    return Entry(slug, f"partnerships/{slug}.yml", model, verdicts)  # type: ignore[arg-type]


def site(*entries: Entry, settings: Settings | None = None) -> SiteData:
    settings = settings or settings_from(None)
    directory = Directory(settings, LabelContext(settings.label), tuple(sorted(entries, key=lambda e: e.slug)))
    return SiteData.of(directory, SITE_URL)


def member(name: str, country: str, region: str | None, role: str = "partner", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "type": "cluster-organisation", "legal_entity": True, "country": country}
    data |= {"role": role, **({"region": region} if region else {}), **extra}
    data["s3_support"] = {"strategy": "RIS3", "priority": "Batteries", "url": "https://ris3.example.org/"}
    return data


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
