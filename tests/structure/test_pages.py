"""The generated pages' declarations: addresses, titles, navigation, dates, grouping."""

from __future__ import annotations

from generator.render.pages import OTHER_AREA, by_thematic_area, home_blocks, site_pages
from generator.settings import settings_from
from tests.structure.conftest import entry, site


def test_every_page_is_declared_once_with_its_address_and_source():
    settings = settings_from({"platforms": {"blue-economy": "Blue Economy"}})
    data = site(entry("one", settings, added="2023-03-04"), settings=settings)
    pages = {page.url: page for page in site_pages(data, {"total": 1})}
    assert len(pages) == len(site_pages(data, {"total": 1}))
    assert {"platforms/blue-economy/", "platforms/energy/", "partnerships/one/", "explorer/"} <= pages.keys()
    partnership = pages["partnerships/one/"]
    assert partnership.src == "partnerships/one.md" and not partnership.in_nav
    assert partnership.description == data.directory.entries[0].partnership.summary
    assert partnership.updated == "2023-03-04"
    assert pages["platforms/blue-economy/"].context["count"] == 0
    assert pages["explorer/"].context["explorer"] == {"total": 1}
    assert pages["countries/pt/"].in_nav is False
    assert home_blocks(data).src == "index.md"


def test_partnerships_are_grouped_by_thematic_area_others_last_titles_in_order():
    entries = [
        entry("c", thematic_area=None, title="Zeta partnership without area"),
        entry("b", thematic_area="Batteries", title="beta partnership on batteries"),
        entry("a", thematic_area="Batteries", title="Alpha partnership on batteries"),
        entry("d", thematic_area="Aerospace", title="Aerospace partnership"),
    ]
    groups = by_thematic_area(entries)
    assert [area for area, _ in groups] == ["Aerospace", "Batteries", OTHER_AREA]
    assert [e.slug for e in groups[1][1]] == ["a", "b"]
