"""What the site shows, derived from the directory: organisations merged, countries, the newest."""

from __future__ import annotations

from tests.structure.conftest import entry, member, site


def _members(*members):
    return {"members": [member("Lead Cluster", "PT", "PT11", role="coordinator"), *members]}


def test_organisations_merge_by_legal_id_else_by_name_and_country():
    one = entry(
        "one",
        **_members(member("Nordic Hub", "SE", "SE11", legal_id="SE-1"), member("Baltic Cluster", "LT", "LT01")),
        title="First partnership on batteries",
    )
    two = entry(
        "two",
        **_members(member("Nordic Hub AB", "SE", "SE11", legal_id="se-1 "), member("Baltic  cluster", "LT", "LT01")),
        title="Second partnership on batteries",
    )
    data = site(one, two)
    by_name = {organisation.name: organisation for organisation in data.organisations}
    # the same legal id, normalised: one organisation, shown by the stated rule (both spellings come with the
    # legal id, once each, no diacritics: the longest)
    assert [e.slug for e in by_name["Nordic Hub AB"].partnerships] == ["one", "two"]
    assert "Nordic Hub" not in by_name
    assert [e.slug for e in by_name["Baltic Cluster"].partnerships] == ["one", "two"]  # same name, case, spaces
    assert [a.role for a in by_name["Lead Cluster"].appearances] == ["coordinator", "coordinator"]
    assert len({organisation.id for organisation in data.organisations}) == len(data.organisations)


def test_organisations_with_one_name_but_different_legal_ids_stay_apart_with_distinct_ids():
    data = site(
        entry("one", **_members(member("Twin", "DE", "DE21", legal_id="A"), member("Twin", "DE", "DE21", legal_id="B")))
    )
    twins = [organisation for organisation in data.organisations if organisation.name == "Twin"]
    assert len(twins) == 2
    assert sorted(twin.id for twin in twins) == ["de-twin", "de-twin-2"]


def test_countries_list_their_regions_organisations_and_partnerships():
    data = site(entry("one", **_members(member("Oslo Cluster", "NO", "NO08"), member("Kyiv Park", "UA", None))))
    names = [view.country.name for view in data.countries]
    assert names == sorted(names)
    portugal = next(view for view in data.countries if view.code == "PT")
    assert [group.region.code for group in portugal.regions if group.region] == ["PT11"]
    assert portugal.regions[0].region.category == "less developed"
    ukraine = next(view for view in data.countries if view.code == "UA")
    assert [group.region for group in ukraine.regions] == [None]  # no NUTS regions: grouped as not given
    assert [e.slug for e in ukraine.partnerships] == ["one"]


def test_the_newest_partnerships_by_date_then_undated_by_slug_and_the_sites_date():
    data = site(
        entry("b-undated", title="Undated partnership B"),
        entry("a-undated", title="Undated partnership A"),
        entry("old", added="2020-01-01", title="Old partnership here"),
        entry("new", added="2024-05-06", title="New partnership here"),
    )
    assert [e.slug for e in data.newest(3)] == ["new", "old", "a-undated"]
    assert data.updated == "2024-05-06"
    assert site(entry("x")).updated is None


def test_clusters_run_by_one_entity_merge_through_its_legal_id():
    run = {"legal_entity": False, "managed_by": {"name": "Park Operator (fictional)", "legal_id": "PIC 1"}}
    one = entry("one", **_members(member("Food Cluster", "DK", "DK02", **run)), title="First partnership on food")
    two = entry("two", **_members(member("Food  cluster", "DK", "DK02", **run)), title="Second partnership on food")
    three = entry("three", **_members(member("Food Cluster", "DK", "DK02", legal_id="PIC 2")), title="Third on food")
    data = site(one, two, three)
    food = [organisation for organisation in data.organisations if organisation.name.startswith("Food")]
    assert sorted(len(organisation.partnerships) for organisation in food) == [1, 2]
    managed = next(organisation for organisation in food if organisation.managed_by)
    assert managed.managed_by == "Park Operator (fictional)" and managed.legal_id == "PIC 1"
    assert [e.slug for e in managed.partnerships] == ["one", "two"]


def test_country_pages_give_a_category_only_to_nuts2_rows():
    members = _members(
        member("Munich Cluster", "DE", "DE212"),
        member("Bavaria Cluster", "DE", "DE21"),
        member("Wallonia", "BE", "BE3"),
    )
    data = site(entry("one", **members))
    germany = next(view for view in data.countries if view.code == "DE")
    notes = {group.region.code: group.region.note for group in germany.regions if group.region}
    assert notes["DE21"] == "more developed region in 2014-2020"
    assert notes["DE212"] == "part of DE21 Oberbayern, a more developed region in 2014-2020"
    belgium = next(view for view in data.countries if view.code == "BE")
    [wallonia] = [group.region for group in belgium.regions if group.region]
    assert wallonia.category == "not known precisely" and "differ in category" in wallonia.note
