"""The SVG map renderer: the shared geometry file, inline maps, colour classes, zoomed views."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.reference.nuts_map import nuts_map
from generator.render.maps import (
    CATEGORY_STYLES,
    COUNT_COLOURS,
    FOCUS_FILL,
    LAND,
    MEMBER_FILL,
    MapRegion,
    MapSpec,
    category_swatch,
    count_classes,
    count_fill,
    count_legend,
    geometry_svg,
    render_map,
    view_box,
)

SVG = "{http://www.w3.org/2000/svg}"


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    low, high = sorted((luminance(one), luminance(other)))
    return (high + 0.05) / (low + 0.05)


def parse_inline(markup: str) -> ET.Element:
    return ET.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@pytest.fixture(scope="module")
def geometry():
    return nuts_map()


def test_geometry_file_names_every_region_and_layer(geometry):
    text = geometry_svg(geometry, {"PL81": "less-developed", "PL91": "more-developed", "DED4": "transition"})
    root = ET.fromstring(text)
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    assert set(geometry.regions) <= ids
    assert {"regions", "categories", "borders", "k-less-developed", "k-transition", "k-none"} <= ids
    fills = {use.get("href"): use.get("fill") for use in root.find(f"{SVG}g[@id='categories']")}
    assert fills["#PL81"] == "url(#p-less-developed)"
    assert fills["#DED4"] == "url(#p-transition)"
    assert fills["#CH01"] == "url(#p-none)"  # outside the classification
    assert "© EuroGeographics for the administrative boundaries" in root.find(f"{SVG}title").text
    assert text == geometry_svg(geometry, {"PL81": "less-developed", "PL91": "more-developed", "DED4": "transition"})


def test_inline_map_links_each_region_with_a_tooltip(geometry):
    spec = MapSpec(
        "m",
        "Members by region",
        "Shaded by the number of member organisations.",
        "../assets/map.svg",
        [
            MapRegion("PL91", "../regions/pl91/", "Warszawski stołeczny (PL91): 3 organisations", "#061f47"),
            MapRegion("ES70", "../regions/es70/", "Canarias (ES70): 1 organisation", "#477bbb", marked=True),
        ],
    )
    root = parse_inline(render_map(spec, geometry))
    assert root.get("viewBox") == f"0 0 {geometry.width} {geometry.height}"
    assert root.get("aria-labelledby") == "m-t" and root.find(f"{SVG}title").text == "Members by region"
    assert root.find(f"{SVG}desc").get("id") == "m-d"
    links = root.findall(f".//{SVG}a")
    assert [link.get("href") for link in links] == ["../regions/pl91/", "../regions/es70/"]
    assert links[0].find(f"{SVG}title").text == "Warszawski stołeczny (PL91): 3 organisations"
    assert links[0].find(f"{SVG}use").get("href") == "../assets/map.svg#PL91"
    assert links[0].find(f"{SVG}circle") is None
    marker = links[1].find(f"{SVG}circle")
    assert (int(marker.get("cx")), int(marker.get("cy"))) == geometry.regions["ES70"].point
    assert root.find(f"{SVG}use").get("href") == "../assets/map.svg#regions"


def test_inline_map_escapes_what_it_is_given(geometry):
    spec = MapSpec(
        "x",
        'A <b>"title"</b>',
        "<script>alert(1)</script>",
        "../a.svg",
        [MapRegion("AT11", '"><script>', "</title><script>alert(1)</script>")],
    )
    markup = str(render_map(spec, geometry))
    assert "<script>" not in markup and "<b>" not in markup
    root = parse_inline(markup)
    assert root.find(f".//{SVG}a").get("href") == '"><script>'
    assert root.find(f".//{SVG}a/{SVG}title").text == "</title><script>alert(1)</script>"


def test_count_classes_follow_the_counts():
    assert count_classes([]) == []
    assert count_classes([0, 1, 1, 1]) == [(1, None)]
    assert count_classes([1, 2, 3, 3]) == [(1, 1), (2, 2), (3, None)]
    assert count_classes(range(1, 101)) == [(1, 24), (25, 49), (50, 59), (60, None)]
    assert count_classes(range(20, 41)) == [(1, 24), (25, 29), (30, None)]  # a 1-2-5 series: 1-19, 20 or more
    assert count_classes([1, 3, 8, 12, 30, 60, 80, 200]) == [(1, 7), (8, 29), (30, 79), (80, None)]
    classes = count_classes([1, 3, 8, 12, 30, 60, 80, 200])
    assert [count_fill(n, classes) for n in (1, 7, 8, 79, 80, 500)] == [
        COUNT_COLOURS[0],
        COUNT_COLOURS[0],
        COUNT_COLOURS[1],
        COUNT_COLOURS[2],
        COUNT_COLOURS[3],
        COUNT_COLOURS[3],
    ]
    assert count_legend([(1, 1), (2, None)]) == [
        (LAND, "none"),
        (COUNT_COLOURS[2], "1"),
        (COUNT_COLOURS[3], "2 or more"),
    ]


def test_colours_pass_contrast():
    for colour in COUNT_COLOURS:  # a region with members stands out from one without: WCAG 1.4.11
        assert contrast(colour, LAND) >= 3, colour
        assert contrast(colour, "#ffffff") >= 3, colour
    # A focused region turns yellow with a black outline (site.css): both stand out from every fill.
    assert contrast("#000000", FOCUS_FILL) >= 3
    assert all(contrast(FOCUS_FILL, colour) >= 3 for colour in (*COUNT_COLOURS, MEMBER_FILL))


def test_categories_differ_without_colour():
    patterns = [drawing for _fill, drawing in CATEGORY_STYLES.values()]
    assert len(set(patterns)) == len(patterns)  # each its own pattern (one of them plain)
    assert category_swatch("transition") == "k-transition" and category_swatch(None) == "k-none"


def test_view_box_frames_the_regions(geometry):
    assert view_box(geometry, []) is None
    x0, y0, x1, y1 = view_box(geometry, ["PL91", "PL92"])
    for code in ("PL91", "PL92"):
        bx0, by0, bx1, by1 = geometry.regions[code].box
        assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1
    assert x1 - x0 >= 900
    inset_only = view_box(geometry, ["ES70"])
    assert inset_only[0] <= geometry.regions["ES70"].box[0]
    # A region in an inset does not stretch a view of the mainland across the map.
    assert view_box(geometry, ["ES70", "ES30"]) == view_box(geometry, ["ES30"])
    # A view reaching west of the mainland stops short of the inset frames: no edge of a frame shows.
    frames_end = max(x + width for x, _y, width, _h in geometry.insets.values())
    for west in (["PT11", "FI1D"], ["IS00", "CY00"]):
        x0, _, _, _ = view_box(geometry, west)
        assert frames_end < x0 <= min(geometry.regions[code].box[0] for code in west)


def test_older_codes_are_placed_on_the_map(geometry):
    assert geometry.place("PL91").code == "PL91" and geometry.place("PL911").share == 1.0
    placed = geometry.place("PL127")  # a NUTS 2013 level-3 code: its level-2 region was split in 2016
    assert placed.code == "PL91" and placed.share == pytest.approx(0.592)
    assert geometry.place("GR30").code == "EL30"
    assert geometry.place(None) is None and geometry.place("ZZ99") is None
