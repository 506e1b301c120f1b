"""``escp regions QUERY``: find the NUTS code of a region from its code, its name or a place in it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from generator.check import UsageError
from generator.check.visible import visible
from generator.commands.common import project_from_args
from generator.criteria.context import category_label
from generator.reference import countries, regions
from generator.reference.places import Candidate, places

MATCH_LABELS = {
    "code": "NUTS code",
    "name": "region name",
    "place": "place",
    "fuzzy": "close spelling",
}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "regions",
        help="find NUTS codes by code, region name or place name",
        description="Find the NUTS region of a member from a NUTS code, a region name or the name of a town "
        "(any case, with or without accents, in English or the local language: Seville, Sevilla, Kokkola).",
    )
    parser.add_argument("query", nargs="+", help="a NUTS code, a region name or a place name")
    parser.add_argument("--country", metavar="XX", help="only regions of this country (ISO code, or EL/UK)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N candidates (default: 10)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    country = None
    if args.country is not None:
        country = countries().normalise(args.country)
        if country is None or country not in regions().countries_with_regions:
            raise UsageError(f"--country {args.country}: not a country with NUTS regions")  # escaped by the CLI
    period = project_from_args(args).settings.label.programming_period
    candidates = places().search(query, country=country, limit=args.limit, period=period)
    if args.format == "json":
        body = {"query": query, "country": country, "period": period, "candidates": [c.as_dict() for c in candidates]}
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif candidates:
        sys.stdout.write("".join(_candidate_text(c, period) for c in candidates))
    else:
        where = f" in {countries().get(country).name}" if country else ""
        print(
            f"No region or place{where} matches '{visible(query)}'. Try the local spelling or the English name "
            "of the town (e.g. Sevilla or Seville), a larger town nearby, the region's name, or leave out --country.",
            file=sys.stderr,
        )
    return 0 if candidates else 1


def _candidate_text(candidate: Candidate, period: str) -> str:
    parent = regions().get(candidate.parent) if candidate.parent else None
    inside = f", in {parent.code} {parent.name}" if parent else ""
    country = countries().get(candidate.country).name
    versions = ", ".join(candidate.versions)
    why = MATCH_LABELS[candidate.match]
    if candidate.place:
        why += f" {candidate.place.name} ({candidate.place.population:,} inhabitants)"
    of = f" of {parent.code}" if parent else ""
    return (
        f"{candidate.code}  {candidate.name}{inside} ({country})\n"
        f"    NUTS {candidate.level} · NUTS {versions} · {period}{of}: {category_label(candidate.category)} · {why}\n"
    )
