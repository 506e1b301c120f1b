"""Maps of NUTS 2 regions as SVG: one shared geometry file, and small inline maps that point into it.

The geometry (``nuts_map.json``) is written once per build as an SVG file of named paths
(:func:`geometry_svg`); every map in a page is an inline ``<svg>`` whose regions are ``<use>``
references into that file, so a browser downloads the shapes once for the whole site and a page
carries only its links, tooltips and colours (:func:`render_map`). Pure functions: no MkDocs, no
directory; the caller says which regions to draw, how, and where they link.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.reference.nuts_map import Box, NutsMap

# Member counts: a sequential blue scale. Every class has at least 3:1 contrast with the fill of a
# region without members (LAND), so where members are is visible without telling shades apart;
# the exact numbers are in each region's tooltip and in the table beside the map.
LAND = "#ececec"
COUNT_COLOURS = ("#477bbb", "#2b5c9c", "#163f78", "#061f47")
MEMBER_FILL = "#2b5c9c"  # a region of a partnership's members
FOCUS_FILL = "#ffd400"  # a focused or hovered region (with a black outline: site.css)
OUTLINE = "#4d4d4d"  # country borders, inset frames
FRAME_CLEARANCE = 20  # map kilometres between the inset frames and the left edge of a zoomed view
MARKER = "#000000"  # a region's marker, with a white ring

# 2014-2020 categories of region: a fill and a pattern each, so they are told apart without colour.
CATEGORY_STYLES: dict[str, tuple[str, str]] = {
    # category: (fill, pattern drawn over it)
    "less-developed": ("#b45309", '<path d="M-1 1l2-2M0 8l8-8M7 9l2-2" stroke="#fff" stroke-width="2"/>'),
    "transition": ("#fcd34d", '<circle cx="4" cy="4" r="1.6" fill="#7c2d12"/>'),
    "more-developed": ("#fff3d6", ""),
    "": ("#e0e0e0", '<path d="M0 4h8" stroke="#9e9e9e" stroke-width="1"/>'),  # outside the classification
}
PATTERN_SIZE = 8  # CSS pixels: patterns keep their size whatever the zoom (see geometry_svg)


@dataclass(frozen=True)
class MapRegion:
    """A region drawn over the base layer: a link to its page, a tooltip, a fill."""

    code: str
    href: str
    tooltip: str
    fill: str | None = None  # None: transparent, the base layer shows through (category map)
    marked: bool = False  # a marker at the region's point (coordinator; members on the category map)


@dataclass(frozen=True)
class MapSpec:
    id: str  # unique within the page: prefixes the title and description ids
    title: str
    description: str
    asset: str  # URL of the geometry file, relative to the page
    regions: Sequence[MapRegion]
    base: str = "regions"  # the layer under the regions: "regions" (plain land) or "categories"
    view: Box | None = None  # x0, y0, x1, y1 of the part shown; None: the whole map with its insets


# Round numbers that class bounds may take: 1-8, 10-80, 100-800 … A 1-2-5 series was too coarse: counts
# spread evenly between 20 and 40 (a directory of 1,000) fell into two classes, the map almost one shade.
NICE_STEPS = (10, 15, 20, 25, 30, 40, 50, 60, 80)


def count_classes(counts: Iterable[int]) -> list[tuple[int, int | None]]:
    """Up to four classes (lowest, highest or None for open) of the positive counts: a class starts at each
    quartile rounded down to a round number."""
    values = sorted(count for count in counts if count > 0)
    if not values:
        return []
    series = sorted({step * 10**power // 10 for power in range(7) for step in NICE_STEPS} - {0})
    lows = [1]
    for quantile in (0.25, 0.5, 0.75):
        value = values[min(len(values) - 1, int(len(values) * quantile))]
        low = max(step for step in series if step <= value)
        if low > lows[-1]:
            lows.append(low)
    return [(low, (lows[index + 1] - 1) if index + 1 < len(lows) else None) for index, low in enumerate(lows)]


def class_label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low} or more"
    return str(low) if low == high else f"{low}–{high}"


def count_fill(count: int, classes: Sequence[tuple[int, int | None]]) -> str:
    index = max(i for i, (low, _high) in enumerate(classes) if count >= low)
    return COUNT_COLOURS[index + len(COUNT_COLOURS) - len(classes)]


def count_legend(classes: Sequence[tuple[int, int | None]]) -> list[tuple[str, str]]:
    """(fill, label) of each class, after the fill of regions without members."""
    return [(LAND, "none")] + [(count_fill(low, classes), class_label(low, high)) for low, high in classes]


def category_swatch(category: str | None) -> str:
    """The id, in the geometry file, of a 16 by 16 swatch of a category's fill and pattern."""
    return f"k-{category or 'none'}"


def _pattern(category: str, fill: str, drawing: str) -> str:
    name, size = category or "none", PATTERN_SIZE
    return (
        f'<pattern id="p-{name}" width="{size}" height="{size}" patternUnits="userSpaceOnUse">'
        f'<rect width="{size}" height="{size}" fill="{fill}"/>{drawing}</pattern>'
        f'<rect id="{category_swatch(category)}" width="16" height="16" fill="url(#p-{name})"/>'
    )


def geometry_svg(nuts_map: NutsMap, categories: Mapping[str, str | None]) -> str:
    """The shared geometry file: ``#<code>`` per region, ``#regions``, ``#categories``, ``#borders``.

    ``categories`` gives each region's category of region (an id of CATEGORY_STYLES, or None).
    Strokes do not scale (``vector-effect``), so a border is as thin on a zoomed map as on Europe's.
    """
    patterns = "".join(_pattern(category, fill, drawing) for category, (fill, drawing) in CATEGORY_STYLES.items())
    paths = "".join(
        f'<path id="{code}" d="{shape.path}" vector-effect="non-scaling-stroke"/>'
        for code, shape in nuts_map.regions.items()
    )
    category_layer = "".join(
        f'<use href="#{code}" fill="url(#p-{categories.get(code) or "none"})"/>' for code in nuts_map.regions
    )
    borders = "".join(f'<path d="{path}" vector-effect="non-scaling-stroke"/>' for path in nuts_map.countries.values())
    frames = "".join(
        f'<rect x="{x}" y="{y}" width="{width}" height="{height}" vector-effect="non-scaling-stroke"/>'
        for x, y, width, height in nuts_map.insets.values()
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {nuts_map.width} {nuts_map.height}">'
        f"<title>NUTS 2 regions. {escape(nuts_map.source)}; {escape(nuts_map.attribution)}</title>"
        f"<defs>{patterns}</defs>"
        f'<g id="regions">{paths}</g>'
        f'<g id="categories" stroke="#fff" stroke-width="0.5">{category_layer}</g>'
        f'<g id="borders" fill="none" stroke="{OUTLINE}" stroke-width="1" pointer-events="none">'
        f"{borders}{frames}</g>"
        "</svg>\n"
    )


def view_box(nuts_map: NutsMap, codes: Iterable[str], min_width: int = 900) -> Box | None:
    """The part of the map around ``codes``, with a margin.

    Regions in insets count only when there is nothing else; a view of mainland regions is kept clear
    of the inset column (its regions in insets are named beside the map instead).
    """
    shapes = [nuts_map.regions[code] for code in codes if code in nuts_map.regions]
    mainland = [shape.box for shape in shapes if not shape.inset]
    boxes = mainland or [shape.box for shape in shapes]
    if not boxes:
        return None
    x0, y0 = min(box[0] for box in boxes), min(box[1] for box in boxes)
    x1, y1 = max(box[2] for box in boxes), max(box[3] for box in boxes)
    width = max(x1 - x0, min_width, (y1 - y0) * 4 // 5)
    height = max(y1 - y0, width * 3 // 5)
    pad = width // 12
    left = (x0 + x1) // 2 - width // 2 - pad
    if mainland:  # clear of the frames too: their borders are a pixel wide at any zoom, a few map units
        left = max(left, *(x + inset_width + FRAME_CLEARANCE for x, _y, inset_width, _h in nuts_map.insets.values()))
    top = (y0 + y1) // 2 - height // 2 - pad
    return (left, top, left + width + 2 * pad, top + height + 2 * pad)


def _region(region: MapRegion, spec: MapSpec, nuts_map: NutsMap, radius: int) -> Markup:
    fill = region.fill or "transparent"
    marker = ""
    if region.marked:
        x, y = nuts_map.regions[region.code].point
        marker = Markup('<circle class="escp-map__marker" cx="{}" cy="{}" r="{}"/>').format(x, y, radius)
    return Markup('<a href="{}"><title>{}</title><use href="{}#{}" fill="{}"/>{}</a>').format(
        region.href, region.tooltip, spec.asset, region.code, fill, marker
    )


def render_map(spec: MapSpec, nuts_map: NutsMap) -> Markup:
    """An inline SVG map: a title and description, a base layer, linked regions, borders, attribution."""
    x0, y0, x1, y1 = spec.view or (0, 0, nuts_map.width, nuts_map.height)
    radius = max(4, (x1 - x0) // 90)
    regions = Markup("").join(_region(region, spec, nuts_map, radius) for region in spec.regions)
    base_fill = "" if spec.base == "categories" else Markup(' fill="{}"').format(LAND)
    return Markup(
        '<svg class="escp-map__svg" viewBox="{x} {y} {w} {h}" aria-labelledby="{id}-t" aria-describedby="{id}-d">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>'
        '<use href="{asset}#{base}"{base_fill} stroke="#fff" stroke-width="0.5"/>'
        '<g class="escp-map__regions" stroke="#fff" stroke-width="0.5">{regions}</g>'
        '<use href="{asset}#borders"/>'
        "</svg>"
    ).format(
        x=x0,
        y=y0,
        w=x1 - x0,
        h=y1 - y0,
        id=spec.id,
        title=spec.title,
        desc=spec.description,
        asset=spec.asset,
        base=spec.base,
        base_fill=base_fill,
        regions=regions,
    )
