"""Deterministic synthetic directories of valid partnerships with real NUTS codes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from generator.criteria import LabelContext
from generator.reference import regions, vocabularies
from generator.settings import settings_from

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/partnership.schema.json\n"
WORDS = [
    "smart",
    "specialisation",
    "cluster",
    "value",
    "chain",
    "innovation",
    "pilot",
    "demonstration",
    "investment",
    "regional",
    "industrial",
    "digital",
    "energy",
    "storage",
    "hydrogen",
    "circular",
    "materials",
    "sensors",
    "traceability",
    "farming",
    "processing",
    "logistics",
    "maritime",
    "textile",
    "manufacturing",
    "robotics",
    "photonics",
    "data",
    "platform",
    "network",
]
# Switzerland takes no part in COSME, so no other synthetic member is there: its region page holds one
# member of one partnership at every directory size (a partner from outside the eligible countries counts
# for nothing in the criteria, so the sample partnership still meets them)
LONE_REGION = ("CH", "CH01")
QUALIFYING_TYPES = ("cluster-organisation", "business-network", "technology-centre", "science-park")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _regions_by_category() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(country, code) of level-2 regions valid today: cohesion ones and the others."""
    context = LabelContext(settings_from(None).label)
    eligible = context.eligible_countries
    cohesion, other = [], []
    for code in regions().codes():
        region = regions().get(code)
        if region is None or region.level != 2 or "2024" not in region.versions or region.country not in eligible:
            continue
        category = regions().classification(code, context.period).category
        (cohesion if category in context.config.cohesion_categories else other).append((region.country, code))
    return cohesion, other


def _member(rng: random.Random, index: int, place: tuple[str, str], number: int) -> dict[str, Any]:
    country, region = place
    support: dict[str, Any]
    if rng.random() < 0.6:
        support = {
            "strategy": f"RIS3 {region}",
            "priority": _sentence(rng, 4),
            "url": f"https://s3.example.org/{region}",
        }
    else:
        letter = {
            "authority": f"Managing Authority {region}",
            "date": "2017-03-01",
            "document": "https://ma.example.org/l.pdf",
        }
        support = {"letter": letter}
    return {
        "name": f"Synthetic Cluster {number}-{index} (fictional)",
        "type": rng.choice(QUALIFYING_TYPES),
        "legal_entity": True,
        "legal_id": f"PIC {900000000 + number * 20 + index}",
        "country": country,
        "region": region,
        "city": rng.choice(WORDS).capitalize(),
        "website": f"https://member-{number}-{index}.example.org/",
        "role": "coordinator" if index == 0 else "partner",
        "s3_support": support,
    }


def _seeking(number: int, chosen: list[tuple[str, str]]) -> dict[str, Any] | None:
    """One partnership in 4 seeks partners: one in 8 from anywhere, the others from its first two countries.

    Decided by the number, not the random generator, so that the rest of the directory stays as it was."""
    if number % 4:
        return None
    countries = [] if number % 8 == 0 else list(dict.fromkeys(country for country, _ in chosen))[:2]
    return {"countries": countries, "profiles": ["Cluster organisations with pilot and demonstration lines"]}


def partnership(rng: random.Random, number: int, places: tuple[list, list]) -> dict[str, Any]:
    terms = vocabularies()
    cohesion, other = places
    chosen = [rng.choice(cohesion)]
    while len({country for country, _ in chosen}) < 3 or len(chosen) < rng.randint(5, 12):
        chosen.append(rng.choice(other if rng.random() < 0.7 else cohesion))
    members = [_member(rng, index, place, number) for index, place in enumerate(chosen[:12])]
    if number == 0:  # the sample partnership: one member alone in its region, whose page the benchmark weighs
        members[-1] = {**members[-1], "country": LONE_REGION[0], "region": LONE_REGION[1]}
    seeking = _seeking(number, chosen)
    return {
        "title": f"Synthetic partnership {number}: {_sentence(rng, 5)[:-1]}",
        "acronym": f"SYN{number}",
        "platform": rng.choice(terms.ids("platforms")),
        "thematic_area": rng.choice(WORDS).capitalize(),
        "summary": _sentence(rng, 30)[:290],
        "description": "\n\n".join(f"## {_sentence(rng, 3)}\n\n{_sentence(rng, 60)}" for _ in range(3)),
        "sectors": rng.sample(terms.ids("sectors"), 3),
        "technology_fields": rng.sample(terms.ids("technology_fields"), 2),
        "s3_priorities": [_sentence(rng, 4) for _ in range(3)],
        "activities": rng.sample(terms.ids("activities"), 2),
        "website": f"https://partnership-{number}.example.org/",
        "contact": {"email": f"contact-{number}@example.org", "name": "Synthetic Contact"},
        "members": members,
        "maintainers": [f"maintainer-{number}"],
        "added": f"20{17 + number % 9}-{1 + number % 12:02d}-{1 + number % 28:02d}",
        **({"seeking_partners": seeking} if seeking else {}),
    }


def write_directory(folder: Path, count: int, seed: int = 2016) -> Path:
    """``folder/partnerships/`` with ``count`` valid partnership files; returns that folder."""
    rng = random.Random(seed)
    places = _regions_by_category()
    target = folder / "partnerships"
    target.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = yaml.dump(partnership(rng, number, places), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        (target / f"synthetic-{number:05d}.yml").write_text(SCHEMA_LINE + text, encoding="utf-8")
    return target
