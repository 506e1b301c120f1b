"""A valid partnership as data, and helpers to write variants of it as YAML files."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml


def _member(name: str, country: str, region: str | None, role: str = "partner") -> dict[str, Any]:
    member: dict[str, Any] = {
        "name": name,
        "type": "cluster-organisation",
        "legal_entity": True,
        "country": country,
        "role": role,
        "s3_support": {"strategy": f"RIS3 {country}", "priority": "Batteries", "url": "https://ris3.example.org/"},
    }
    if region:
        member["region"] = region
    return member


VALID: dict[str, Any] = {
    "title": "Batteries Partnership for Smart Specialisation",
    "acronym": "BATT",
    "platform": "industrial-modernisation",
    "thematic_area": "Batteries",
    "summary": "Cluster organisations joining forces on the battery value chain.",
    "description": "## Vision\n\nA European battery value chain.",
    "sectors": ["advanced-manufacturing", "energy"],
    "technology_fields": ["advanced-materials"],
    "s3_priorities": ["Energy storage"],
    "activities": ["strategy-roadmapping", "matchmaking"],
    "contact": {"email": "contact@example.org", "name": "Ana Example"},
    "members": [
        _member("Alpha Cluster (fictional)", "PT", "PT11", role="coordinator"),  # PT11 Norte: less developed
        _member("Beta Cluster (fictional)", "DE", "DE21"),  # Oberbayern: more developed
        _member("Gamma Cluster (fictional)", "FR", "FR10"),  # Ile-de-France: more developed
    ],
    "maintainers": ["ana-example"],
}


def partnership(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    data.update(changes)
    return data


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(folder: Path, data: dict[str, Any] | str, slug: str = "batteries") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yml"
    text = data if isinstance(data, str) else yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path
