"""Prepare the packaged map geometry ``generator/data/nuts_map.json`` from GISCO's 1:20 million shapefiles.

Run from the repository root: ``python scripts/prepare_map_geometry.py [INPUTS_DIR]`` (default
``scripts/reference-inputs/nuts_geometry``; needs the ``prepare`` extra: pyshp and shapely). The
output is deterministic; ``tests/check/test_map_geometry.py`` checks it is up to date.

What it does, once, so that a build only copies path strings:
- reads the NUTS 2 regions of NUTS 2024, and of NUTS 2021 for the countries NUTS 2024 no longer
  has (the United Kingdom), and the NUTS 0 outline of countries without NUTS 2 regions (Ukraine);
- simplifies all NUTS 2 regions together as one coverage, so that neighbours keep a shared border;
  the country outlines are the union of their simplified regions;
- keeps the projection of the files, ETRS89-LAEA (EPSG:3035), in kilometres, y pointing down;
- moves the regions far from the European mainland (the outermost regions and Svalbard) into
  inset boxes in a column left of the map, each box scaled to fit its region;
- writes every ring as an SVG path (integer kilometres, relative moves), a point inside each
  region for markers and its bounding box (for maps zoomed on a partnership or a country);
- maps every other NUTS 2 code of ``generator/data/nuts_regions.csv`` (older versions) to the map
  region that holds the largest share of its population (JRC NUTS converter, 2021 population),
  with that share.
"""

from __future__ import annotations

import csv
import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import shapefile
import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, shape

ROOT = Path(__file__).resolve().parent.parent
INPUTS = Path(__file__).resolve().parent / "reference-inputs"
OUT = ROOT / "generator" / "data" / "nuts_map.json"
REGION_LIST = ROOT / "generator" / "data" / "nuts_regions.csv"

# Newest first: an older layer adds only the countries the newer ones do not have.
LAYERS = (("2024", "NUTS_RG_20M_2024_3035"), ("2021", "NUTS_RG_20M_2021_3035"))
TOLERANCE = 1500.0  # metres: below half a pixel of a 1,000 px wide map of Europe
MIN_AREA = 4e6  # m²: islets smaller than 4 km² vanish at this scale
# Far from the mainland: drawn in insets (GISCO's outermost regions, and Svalbard og Jan Mayen).
INSETS = ("PT20", "PT30", "ES70", "FRY1", "FRY2", "FRY3", "FRY4", "FRY5", "NO0B")
MARGIN = 40.0  # km around the mainland and between insets
INSET_COLUMN = 420.0  # km: width of the inset column
COUNTRY_RENAMED = {"GR": "EL"}  # NUTS 2006 wrote Greece GR, later versions EL


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_layer(name: str, inputs: Path) -> list[tuple[dict[str, object], Polygon | MultiPolygon]]:
    reader = shapefile.Reader(str(inputs / "nuts_geometry" / f"{name}.shp"), encoding="utf-8")
    return [(record.record.as_dict(), shape(record.shape.__geo_interface__)) for record in reader.iterShapeRecords()]


class MapRegion(NamedTuple):
    country: str  # NUTS country code (EL, UK)
    version: str  # NUTS version of the geometry
    geometry: object


def source_regions(inputs: Path) -> tuple[dict[str, MapRegion], dict[str, object]]:
    """NUTS 2 regions by code, and the outlines of countries without NUTS 2 regions."""
    layers = {version: read_layer(name, inputs) for version, name in LAYERS}
    regions: dict[str, MapRegion] = {}
    for version, layer in layers.items():
        seen = {region.country for region in regions.values()}
        for attrs, geometry in layer:
            country = str(attrs["CNTR_CODE"])
            if attrs["LEVL_CODE"] == 2 and country not in seen:
                regions[str(attrs["NUTS_ID"])] = MapRegion(country, version, geometry)
    with_regions = {region.country for region in regions.values()}
    newest = layers[LAYERS[0][0]]
    bare = {str(attrs["CNTR_CODE"]): geometry for attrs, geometry in newest if attrs["LEVL_CODE"] == 0}
    return dict(sorted(regions.items())), {code: bare[code] for code in sorted(bare) if code not in with_regions}


def without_islets(geometry: object) -> object:
    parts = [part for part in shapely.get_parts(geometry) if part.area >= MIN_AREA]
    if not parts:  # a region made only of islets keeps its largest
        parts = [max(shapely.get_parts(geometry), key=lambda part: part.area)]
    return shapely.multipolygons(parts) if len(parts) > 1 else parts[0]


def to_map(geometry: object, origin: tuple[float, float]) -> object:
    """Metres, y up → kilometres from ``origin`` (top left, in km), y down."""
    return affinity.affine_transform(geometry, [0.001, 0, 0, -0.001, -origin[0], origin[1]])


def fit_insets(geometries: dict[str, object], height: float) -> dict[str, tuple[object, list[int]]]:
    """Each inset region scaled into its box of a column at the left edge, and the box."""
    box_height = (height - MARGIN * (len(geometries) + 1)) / len(geometries)
    placed = {}
    for index, (code, geometry) in enumerate(geometries.items()):
        left, top = MARGIN, MARGIN + index * (box_height + MARGIN)
        gx0, gy0, gx1, gy1 = geometry.bounds
        inner = 0.84  # of the box: the region keeps a margin inside its frame
        scale = min(INSET_COLUMN * inner / (gx1 - gx0), box_height * inner / (gy1 - gy0))
        offset_x = left + (INSET_COLUMN - (gx1 - gx0) * scale) / 2 - gx0 * scale
        offset_y = top + (box_height - (gy1 - gy0) * scale) / 2 - gy0 * scale
        moved = affinity.affine_transform(geometry, [scale, 0, 0, scale, offset_x, offset_y])
        placed[code] = (moved, [round(left), round(top), round(INSET_COLUMN), round(box_height)])
    return placed


def ring_path(coordinates: list[tuple[float, float]]) -> str:
    points = []
    for x, y in coordinates[:-1]:
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    if len(points) < 3:
        return ""
    deltas = [value for (px, py), (x, y) in pairwise(points) for value in (x - px, y - py)]
    return f"M{points[0][0]} {points[0][1]}l{numbers(deltas)}z"


def numbers(values: list[int]) -> str:
    """SVG path numbers: a minus sign separates them, a space only before a positive one."""
    return "".join(f"{' ' if index and value >= 0 else ''}{value}" for index, value in enumerate(values))


def svg_path(geometry: object) -> str:
    rings = []
    for part in shapely.get_parts(geometry):
        oriented = shapely.geometry.polygon.orient(part)
        rings.append(ring_path(list(oriented.exterior.coords)))
        rings.extend(ring_path(list(interior.coords)) for interior in oriented.interiors)
    return "".join(rings)


def marker_point(geometry: object) -> list[int]:
    largest = max(shapely.get_parts(geometry), key=lambda part: part.area)
    point = largest.point_on_surface()
    return [round(point.x), round(point.y)]


def aliases(inputs: Path, regions: dict[str, MapRegion]) -> dict[str, list[object]]:
    """Older NUTS 2 codes → [map region with the largest share of their population, that share]."""
    version_of = {region.country: region.version for region in regions.values()}
    found: dict[str, list[object]] = {}
    for row in read_csv(REGION_LIST):
        code, source, target = (
            row["nuts_id"],
            row["versions"].split()[-1],
            version_of.get(COUNTRY_RENAMED.get(row["country"], row["country"])),
        )
        if row["level"] != "2" or code in regions or target is None:
            continue
        weights: dict[str, float] = {}
        for overlap in read_csv(inputs / "jrc_nuts_converter_n2" / f"n2_cm_v{source}_v{target}.csv"):
            if overlap[f"code_v{source}"] == code and overlap[f"code_v{target}"] in regions:
                weights[overlap[f"code_v{target}"]] = float(overlap["pop21"] or 0) + float(overlap["areaKm"]) * 1e-9
        if weights:
            best = max(sorted(weights), key=lambda other: weights[other])
            found[code] = [best, round(weights[best] / sum(weights.values()), 3)]
    return found


def prepare(inputs: Path) -> dict[str, object]:
    regions, bare = source_regions(inputs)
    codes = list(regions)
    simplified = shapely.coverage_simplify([regions[code].geometry for code in codes], TOLERANCE)
    cleaned = {code: without_islets(geometry) for code, geometry in zip(codes, simplified, strict=True)}
    x0, y0, x1, y1 = shapely.total_bounds([shape for code, shape in cleaned.items() if code not in INSETS]) / 1000
    origin = (x0 - 2 * MARGIN - INSET_COLUMN, y1 + MARGIN)
    width, height = x1 - origin[0] + MARGIN, y1 - y0 + 2 * MARGIN
    shapes = {code: to_map(geometry, origin) for code, geometry in cleaned.items()}
    insets = fit_insets({code: shapes[code] for code in INSETS if code in shapes}, height)
    shapes.update({code: moved for code, (moved, _box) in insets.items()})
    by_country: dict[str, list[object]] = {}
    for code in codes:
        by_country.setdefault(regions[code].country, []).append(shapes[code])
    outlines = {country: shapely.union_all(parts) for country, parts in by_country.items()}
    for country, geometry in bare.items():
        outlines[country] = to_map(shapely.simplify(without_islets(geometry), TOLERANCE), origin)
    return {
        "source": "Eurostat – GISCO, NUTS 2024 (the United Kingdom: NUTS 2021), 1:20 million, EPSG:3035",
        "attribution": "© EuroGeographics for the administrative boundaries",
        "unit": "km",
        "width": round(width),
        "height": round(height),
        "insets": {code: box for code, (_moved, box) in insets.items()},
        "regions": {
            code: {
                "country": regions[code].country,
                "version": regions[code].version,
                "box": [round(value) for value in shapes[code].bounds],
                "point": marker_point(shapes[code]),
                "d": svg_path(shapes[code]),
            }
            for code in codes
        },
        "countries": {country: svg_path(outlines[country]) for country in sorted(outlines)},
        "aliases": aliases(inputs, regions),
    }


def main(inputs: Path, out: Path = OUT) -> None:
    text = json.dumps(prepare(inputs), ensure_ascii=False, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else INPUTS)
