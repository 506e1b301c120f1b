"""Derive the compact reference-data slices in ``generator/data/`` from the raw inputs.

Run from the repository root: ``python scripts/prepare_reference_data.py [INPUTS_DIR]``; the inputs
default to ``scripts/reference-inputs/`` (documented in its ``SOURCES.md``).
The output is deterministic; ``tests/check/test_reference_data.py`` checks it is up to date.

Outputs:
- ``countries.csv``: ``eligible_countries.csv`` with the dates of the COSME participants replaced
  by those of ``country_dates.csv``, each with its status (``entry-into-force``, ``signature``,
  ``unverified`` or ``unknown``); EU membership dates are accession dates (entry into force);
- ``nuts_regions.csv``: every NUTS level-1, level-2 and level-3 code of versions 2006-2024, once, with
  its newest Latin-script name and the versions that contain it;
- ``region_categories_2014-2020.csv``: for every level-2 code of any version, read in the newest
  version that contains it, the regions of Decision 2014/99/EU it overlaps and the share of its
  population (JRC, 2021 population grid) that lies in each.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

VERSIONS = ("2006", "2010", "2013", "2016", "2021", "2024")
MIN_SHARE = 0.005  # overlaps below 0.5 % of the population are border slivers of the GIS data
HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "generator" / "data"
INPUTS = HERE / "reference-inputs"
DATE_STATUSES = ("entry-into-force", "signature", "unverified", "unknown")


@cache
def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def country_rows(inputs: Path) -> list[list[str]]:
    """Eligible countries; a COSME participant's date comes with its status from ``country_dates.csv``."""
    dates = {row["iso_code"]: row for row in read_csv(inputs / "country_dates.csv")}
    rows = []
    for row in read_csv(inputs / "eligible_countries.csv"):
        if row["basis"] == "eu-member-state":
            start, status = row["from"], "entry-into-force"
        else:
            corrected = dates.pop(row["iso_code"])  # every participant has its date's status
            start, status = corrected["from"], corrected["from_status"]
        if status not in DATE_STATUSES or (status == "unknown") != (not start):
            raise ValueError(f"{row['iso_code']}: date {start!r} with status {status!r}")
        rows.append([row["iso_code"], row["eu_code"], row["name"], row["basis"], start, status, row["until"]])
    if dates:
        raise ValueError(f"country_dates.csv names countries that are not eligible: {sorted(dates)}")
    return rows


def nuts_regions(inputs: Path) -> dict[str, dict[str, str]]:
    regions: dict[str, dict[str, str]] = {}
    versions: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(inputs / "nuts_codes_names_2006_2024_gisco.csv"):
        if row["level"] not in ("1", "2", "3") or row["nuts_id"].endswith("Z"):
            continue
        code = row["nuts_id"]
        versions[code].append(row["nuts_version"])
        regions[code] = row  # rows are read oldest version first: the newest name wins
    return {
        code: {
            "level": row["level"],
            "country": row["cntr_code"],
            "name": row["name_latn"],
            "versions": " ".join(sorted(set(versions[code]))),
        }
        for code, row in sorted(regions.items())
    }


def overlaps(inputs: Path, code: str, version: str, target: str) -> list[tuple[str, float]]:
    """Regions of NUTS version ``target`` that ``code`` (NUTS ``version``) overlaps, with shares."""
    if version == target:
        return [(code, 1.0)]
    low, high = sorted((version, target))
    matrix = inputs / "jrc_nuts_converter_n2" / f"n2_cm_v{low}_v{high}.csv"
    weights: dict[str, float] = defaultdict(float)
    for row in read_csv(matrix):
        if row[f"code_v{version}"] == code:
            weights[row[f"code_v{target}"]] += float(row["pop21"] or 0) or float(row["areaKm"]) * 1e-9
    total = sum(weights.values())
    if not total:
        return []
    return [(other, weight / total) for other, weight in sorted(weights.items())]


def region_categories(inputs: Path, regions: dict[str, dict[str, str]]) -> list[list[str]]:
    classified = {
        (row["nuts_version"], row["nuts_id"]): row["category"]
        for row in read_csv(inputs / "cohesion_regions_2014_2020.csv")
    }
    classification_versions = sorted({version for version, _ in classified})
    rows = []
    for code, region in regions.items():
        if region["level"] != "2":
            continue
        newest = region["versions"].split()[-1]
        for target in classification_versions:
            for other, share in overlaps(inputs, code, newest, target):
                category = classified.get((target, other))
                if category and share >= MIN_SHARE:
                    rows.append([code, newest, other, target, category, f"{share:.3f}"])
    return rows


def main(inputs: Path) -> None:
    write_csv(
        OUT / "countries.csv",
        ["iso_code", "eu_code", "name", "basis", "from", "from_status", "until"],
        country_rows(inputs),
    )
    regions = nuts_regions(inputs)
    write_csv(
        OUT / "nuts_regions.csv",
        ["nuts_id", "level", "country", "name", "versions"],
        [[code, r["level"], r["country"], r["name"], r["versions"]] for code, r in regions.items()],
    )
    write_csv(
        OUT / "region_categories_2014-2020.csv",
        ["nuts_id", "read_as", "classified_id", "classified_version", "category", "population_share"],
        region_categories(inputs, regions),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else INPUTS)
