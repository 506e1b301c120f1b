"""The maps and the region pages of the bundled directory, read back from the built HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from site_html import Element, page
from site_project import BUNDLED, add_copies, build, new_project

from generator.reference.nuts_map import nuts_map
from generator.render.region_maps import SEEKING_SHOWN, welcomes
from generator.settings import load_settings
from generator.structure import SiteData, newest_first
from generator.structure.directory import load_directory

ATTRIBUTION = "© EuroGeographics for the administrative boundaries"


@pytest.fixture(scope="module")
def data() -> SiteData:
    return SiteData.of(load_directory(BUNDLED, load_settings(None)), "https://escp-directory.eu/")


def region_links(map_svg: Element) -> dict[str, str]:
    """href → tooltip of each region link of a map."""
    return {a.attrs["href"] or "": " ".join(a.find("title").text.split()) for a in map_svg.find_all("a")}


def test_every_region_with_a_member_has_its_page(bundled_site: Path, data: SiteData) -> None:
    assert len(data.regions) > 50
    pages = {path.parent.name for path in (bundled_site / "regions").glob("*/index.html")}
    assert pages == {view.slug for view in data.regions}
    for view in data.regions:
        assert sum(len(member.partnerships) for member in view.members) >= 1
        assert nuts_map().place(view.code).code == view.code


def test_the_directory_map_links_every_region_with_its_numbers(bundled_site: Path, data: SiteData) -> None:
    for url in ("", "regions/"):
        document = page(bundled_site, url)
        figure = document.find("figure", **{"class": "escp-map"})
        svg = figure.find("svg")
        assert svg.find("title").text == "Member organisations by NUTS 2 region"
        assert svg.find("desc").text
        links = region_links(svg)
        prefix = "" if url == "" else "../"
        assert set(links) == {f"{prefix}regions/{view.slug}/" for view in data.regions}
        krakow = links[f"{prefix}regions/pl21/"]
        assert krakow == "Małopolskie (PL21): 1 organisation in 1 partnership; less developed region in 2014-2020"
        assert ATTRIBUTION in figure.text
        table = document.find("div", **{"class": "escp-map__numbers"}).find("table")
        rows = {" ".join(row.find("th").text.split()): row for row in table.find("tbody").find_all("tr")}
        assert len(rows) == len(data.regions)
        cells = [cell.text for cell in rows["Małopolskie PL21 Poland · less developed region"].find_all("td")]
        assert cells == ["1", "1"]


def test_the_category_map_tells_categories_apart_and_marks_members(bundled_site: Path, data: SiteData) -> None:
    document = page(bundled_site, "regions/")
    svg = document.find_all("figure", **{"class": "escp-map"})[1].find("svg")
    assert svg.find("use").attrs["href"] == "../assets/escp/nuts2.svg#categories"
    assert len(svg.find_all("circle")) == len(data.regions)  # a dot in each region with members
    legend = document.find_all("ul", **{"class": "escp-map__legend"})[1].text
    for label in ("Less developed region", "Transition region", "More developed region", "Not classified"):
        assert label in legend


def test_the_geometry_file_is_valid_svg_with_every_region(bundled_site: Path) -> None:
    root = ET.fromstring((bundled_site / "assets" / "escp" / "nuts2.svg").read_bytes())
    ids = {element.get("id") for element in root.iter()}
    assert set(nuts_map().regions) <= ids
    assert ATTRIBUTION in root.find("{http://www.w3.org/2000/svg}title").text


def test_the_partnership_map_highlights_members_and_marks_the_coordinator(bundled_site: Path, data: SiteData) -> None:
    entry = data.directory.by_slug("additive-manufacturing")
    svg = page(bundled_site, "partnerships/additive-manufacturing/").find("figure", **{"class": "escp-map"}).find("svg")
    links = region_links(svg)
    codes = {member.region[:4] for member in entry.partnership.members if member.region}
    assert set(links) == {f"../../regions/{code.lower()}/" for code in codes}
    assert "Kraków Advanced Manufacturing Science Park (fictional)" in links["../../regions/pl21/"]
    coordinator = next(member for member in entry.partnership.members if member.role == "coordinator")
    marked = [a for a in svg.find_all("a") if a.find_all("circle")]
    assert len(marked) == 1
    assert f"{coordinator.name} (coordinator)" in marked[0].find("title").text
    width = int((svg.attrs["viewbox"] or "").split()[2])
    assert width < nuts_map().width  # zoomed on the members


def test_the_country_page_maps_and_links_its_regions(bundled_site: Path, data: SiteData) -> None:
    document = page(bundled_site, "countries/pl/")
    svg = document.find("figure", **{"class": "escp-map"}).find("svg")
    polish = {view.slug for view in data.regions if view.country == "PL"}
    assert set(region_links(svg)) == {f"../../regions/{slug}/" for slug in polish}
    heading_links = {a.attrs["href"] for h3 in document.find_all("h3") for a in h3.find_all("a")}
    assert {href for href in heading_links if "regions/" in href} == {f"../../regions/{slug}/" for slug in polish}


def test_a_country_without_nuts_regions_says_why_it_has_no_map(bundled_site: Path, data: SiteData) -> None:
    assert any(member.country == "UA" for entry in data.directory.entries for member in entry.partnership.members)
    document = page(bundled_site, "countries/ua/")
    assert document.find_all("figure", **{"class": "escp-map"}) == []
    text = " ".join(document.text.split())
    assert "NUTS does not cover Ukraine: there is no map of its regions." in text


def test_the_region_page_shows_members_strengths_and_seekers(bundled_site: Path, data: SiteData) -> None:
    view = next(view for view in data.regions if view.code == "PL21")
    document = page(bundled_site, "regions/pl21/")
    assert " ".join(document.find("h1").text.split()) == "Małopolskie PL21"
    text = " ".join(document.text.split())
    assert "A NUTS 2 region of Poland; less developed region in 2014-2020." in text
    assert "Kraków Advanced Manufacturing Science Park (fictional)" in text
    counted = document.find_all("ul", **{"class": "escp-counted"})
    assert "Advanced manufacturing 1" in " ".join(counted[0].text.split())
    assert len(counted) == 3  # sectors, technology fields, S3 priorities
    seekers = {
        entry.slug
        for entry in data.directory.entries
        if entry.partnership.seeking_partners
        and (not entry.partnership.seeking_partners.countries or "PL" in entry.partnership.seeking_partners.countries)
    }
    assert seekers  # the bundled directory has some
    section = text.split("Seeking partners from Poland", 1)[1]
    for slug in seekers:
        assert data.directory.by_slug(slug).partnership.title in section
    assert view.partnerships[0].partnership.title in text


def test_a_region_page_lists_the_newest_seekers_and_links_to_the_explorer_for_all(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    add_copies(project, 40)  # three bundled partnerships seek partners from Portugal: 15 in all
    site = build(project)
    data = SiteData.of(load_directory(project / "partnerships", load_settings(None)), "https://escp-directory.eu/")
    seekers = newest_first(entry for entry in data.directory.entries if welcomes(entry, "PT"))
    assert len(seekers) > SEEKING_SHOWN
    region = next(view for view in data.regions if view.country == "PT")
    document = page(site, f"regions/{region.slug}/")
    listed = document.find_all("ul", **{"class": "escp-cards"})[-1]
    hrefs = [a.attrs["href"] for a in listed.find_all("a")]
    assert hrefs == [f"../../partnerships/{entry.slug}/" for entry in seekers[:SEEKING_SHOWN]]
    more = next(a for a in document.find_all("a") if a.attrs["href"] == "../../explorer/?open-to=PT")
    assert more.text == f"All {len(seekers)} partnerships open to new partners from Portugal, in the explorer"
