"""The pages of the bundled directory, read back from the built HTML."""

from __future__ import annotations

import base64
import json
import posixpath
from pathlib import Path

import pytest
from site_html import Element, page, parse
from site_project import BUNDLED

from generator.criteria import CRITERIA
from generator.criteria.context import category_label
from generator.reference import regions
from generator.settings import load_settings
from generator.structure import SiteData
from generator.structure.directory import Directory, load_directory

NAV_PAGES = {
    "": "Home",
    "platforms/industrial-modernisation/": "Industrial Modernisation",
    "platforms/energy/": "Energy",
    "platforms/agri-food/": "Agri-Food",
    "explorer/": "Explorer",
    "organisations/": "Organisations",
    "countries/": "Countries",
    "regions/": "Regions",
    "statistics/": "Statistics",
    "label/": "About the label",
    "criteria/": "Label criteria",
    "register/": None,
    "faq/": None,
    "data/": "Data",
}


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(BUNDLED, load_settings(None))


@pytest.fixture(scope="module")
def data(directory: Directory) -> SiteData:
    return SiteData.of(directory, "https://escp-directory.eu/")


def nav_links(document: Element) -> dict[str, str]:
    nav = document.find("nav", **{"class": "md-nav--primary"})
    return {a.attrs["href"] or "": a.text.strip() for a in nav.find_all("a", **{"class": "md-nav__link"})}


def text_of(element: Element) -> str:
    return " ".join(element.text.split())


def test_the_navigation_lists_every_index_page_and_no_partnership(bundled_site: Path) -> None:
    here = "partnerships/batteries-value-chain/"
    links = nav_links(page(bundled_site, here))
    targets = {posixpath.normpath(posixpath.join(here, href)) for href in links}
    for url, title in NAV_PAGES.items():
        assert posixpath.normpath(url or ".") in targets, url
        assert (bundled_site / url / "index.html").is_file()
        if title:
            assert title in links.values()
    assert not any("partnerships/" in href for href in links)


def test_every_partnership_has_its_page(bundled_site: Path, directory: Directory) -> None:
    for entry in directory.entries:
        heading = page(bundled_site, f"partnerships/{entry.slug}/").find("h1")
        assert entry.partnership.title in heading.text


def test_the_partnership_page_shows_members_with_region_and_category(bundled_site: Path, directory: Directory) -> None:
    entry = directory.by_slug("additive-manufacturing")
    document = page(bundled_site, "partnerships/additive-manufacturing/")
    members_table = document.find("div", **{"class": "escp-members"}).find("table")
    rows = members_table.find("tbody").find_all("tr")
    assert len(rows) == len(entry.partnership.members)
    for row, member in zip(rows, entry.partnership.members, strict=True):
        text = text_of(row)
        region = regions().get(member.region or "")
        assert region is not None
        category = category_label(directory.context.classification(member).category)
        assert member.name in text
        assert f"{region.name} {region.code}" in text
        assert f"{category} region" in text
    strategy_link = next(a for a in members_table.find_all("a") if "ris3.southern-netherlands" in a.attrs["href"])
    assert strategy_link.attrs["rel"] == "nofollow ugc noopener"


def test_the_verdict_table_shows_each_criterion_with_its_evidence(bundled_site: Path, directory: Directory) -> None:
    entry = directory.by_slug("renewable-hydrogen-valleys")
    document = page(bundled_site, "partnerships/renewable-hydrogen-valleys/")
    table = document.find("div", **{"class": "escp-verdicts"}).find("table")
    rows = table.find("tbody").find_all("tr")
    assert [text_of(row.find_all("td")[0]) for row in rows] == [criterion.title for criterion in CRITERIA]
    assert [text_of(row.find_all("td")[2]) for row in rows] == [verdict.summary for verdict in entry.verdicts]
    assert all("met" in text_of(row.find_all("td")[1]) for row in rows)


def test_the_contact_address_is_only_in_encoded_form(bundled_site: Path, directory: Directory) -> None:
    entry = directory.by_slug("blue-bioeconomy")
    address = entry.partnership.contact.email
    html = (bundled_site / "partnerships/blue-bioeconomy/index.html").read_text(encoding="utf-8")
    assert address not in html
    span = parse(html).find("span", **{"class": "escp-email"})
    assert base64.b64decode(span.attrs["data-escp-email"] or "").decode() == address
    assert "[at]" in span.text
    for path in bundled_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml"}:
            assert address not in path.read_text(encoding="utf-8"), path


def test_seeking_partners_is_shown_on_the_page_and_the_card(bundled_site: Path, directory: Directory) -> None:
    seeking = [entry for entry in directory.entries if entry.partnership.seeking_partners]
    closed = [entry for entry in directory.entries if not entry.partnership.seeking_partners]
    assert seeking and closed
    for entry in (seeking[0], closed[0]):
        document = page(bundled_site, f"partnerships/{entry.slug}/")
        headings = [text_of(h) for h in document.find_all("h2")]
        assert ("Seeking partners" in headings) == (entry in seeking)


def test_platform_pages_group_cards_by_thematic_area(bundled_site: Path, directory: Directory) -> None:
    for platform in ("industrial-modernisation", "energy", "agri-food"):
        entries = directory.on_platform(platform)
        article = page(bundled_site, f"platforms/{platform}/").find("article")
        cards = article.find_all("li", **{"class": "escp-card"})
        assert sorted(text_of(card.find("a")) for card in cards) == sorted(e.partnership.title for e in entries)
        areas = {text_of(h) for h in article.find_all("h2")}
        assert areas == {entry.partnership.thematic_area for entry in entries}
        for card, entry in ((c, e) for c in cards for e in entries if e.partnership.title == text_of(c.find("a"))):
            assert card.find("a").attrs["href"] == f"../../partnerships/{entry.slug}/"
            assert f"{len(entry.partnership.members)} members" in text_of(card)
            assert bool(card.find_all("span", **{"class": "escp-badge--open"})) == bool(
                entry.partnership.seeking_partners
            )


def test_the_home_page_counts_and_lists_the_newest(bundled_site: Path, data: SiteData) -> None:
    home = page(bundled_site, "").find("article")
    counts = [text_of(li) for li in home.find("ul", **{"class": "escp-counts"}).find_all("li")]
    assert counts == [
        f"{len(data.directory.entries)} partnerships",
        f"{len(data.organisations)} organisations",
        f"{len(data.countries)} countries",
    ]
    form = home.find("form")
    assert form.attrs["action"] == "explorer/"
    assert form.attrs.get("method") == "get"
    assert form.find("input").attrs["name"] == "search"  # not "q": Material opens its own search dialog on ?q=
    platforms = [text_of(h.find("a")) for h in home.find("ul", **{"class": "escp-platforms"}).find_all("h3")]
    assert platforms == ["Industrial Modernisation", "Energy", "Agri-Food"]
    newest = [text_of(card.find("a")) for card in home.find_all("li", **{"class": "escp-card"})]
    dated = sorted(data.directory.entries, key=lambda entry: entry.added or 0, reverse=True)
    assert newest == [entry.partnership.title for entry in dated[:5]]


def test_organisations_and_countries_link_to_partnerships(bundled_site: Path, data: SiteData) -> None:
    rows = page(bundled_site, "organisations/").find("tbody").find_all("tr")
    assert len(rows) == len(data.organisations)
    members = {member.name for entry in data.directory.entries for member in entry.partnership.members}
    assert members <= {text_of(row.find("td")) for row in rows}
    countries = page(bundled_site, "countries/").find("tbody").find_all("tr")
    assert len(countries) == len(data.countries)
    poland = page(bundled_site, "countries/pl/").find("article")
    linked = {a.attrs["href"] for a in poland.find_all("a")}
    polish = [e for e in data.directory.entries if any(m.country == "PL" for m in e.partnership.members)]
    assert polish and all(f"../../partnerships/{entry.slug}/" in linked for entry in polish)
    assert "Małopolskie PL21" in text_of(poland)


def test_the_criteria_page_states_the_configured_rules(bundled_site: Path, directory: Directory) -> None:
    article = page(bundled_site, "criteria/").find("article")
    text = text_of(article)
    for criterion in CRITERIA:
        assert criterion.statement(directory.context) in text
        assert article.find("h2", id=criterion.id)


def test_the_explorer_page_is_generated_with_its_template(bundled_site: Path, directory: Directory) -> None:
    explorer = page(bundled_site, "explorer/")
    links = {a.attrs.get("href") for a in explorer.find("article").find_all("a")}
    assert {f"../partnerships/{entry.slug}/" for entry in directory.entries} <= links


def test_material_search_indexes_partnerships_compactly(bundled_site: Path, directory: Directory) -> None:
    index = json.loads((bundled_site / "search/search_index.json").read_text(encoding="utf-8"))
    for entry in directory.entries:
        docs = [doc for doc in index["docs"] if doc["location"].startswith(f"partnerships/{entry.slug}/")]
        assert len(docs) == 1
        size = len(json.dumps(docs[0], ensure_ascii=False, separators=(",", ":")))
        assert size < 1600, (entry.slug, size)
        text = docs[0]["text"]
        assert entry.partnership.members[-1].name in text
        assert entry.partnership.s3_priorities[0] not in text  # the rest of the page stays out
    faq = [doc for doc in index["docs"] if doc["location"].startswith("faq/")]
    assert len(faq) > 3  # hand-written pages are indexed section by section


def test_pages_load_nothing_from_other_hosts(bundled_site: Path) -> None:
    for path in bundled_site.rglob("*.html"):
        document = parse(path)
        loaded = [e.attrs.get("src") for e in document.find_all("script")]
        loaded += [e.attrs.get("href") for e in document.find_all("link") if e.attrs.get("rel") != "canonical"]
        assert [url for url in loaded if url and "//" in url] == [], path


def test_the_registration_guide_shows_its_commands_as_code_blocks(bundled_site: Path) -> None:
    """Fenced blocks inside the guide's numbered steps are code blocks, one command a line, not run-on text."""
    html = (bundled_site / "register" / "index.html").read_text(encoding="utf-8")
    blocks = html.count("<pre")
    assert blocks >= 4
    assert "<code>sh git clone" not in html
    assert "escp-directory\n" in html.replace("</span>", "")  # the clone and cd stay on their own lines


def test_an_awarded_label_is_shown_apart_with_its_date_and_evidence(bundled_site: Path, directory: Directory) -> None:
    label = directory.by_slug("batteries-value-chain").label
    assert label is not None
    document = page(bundled_site, "partnerships/batteries-value-chain/")
    badge = document.find("a", **{"class": "escp-badge--awarded"})
    assert text_of(badge) == f"ESCP-S3 label awarded {label.awarded.isoformat()}"
    section = text_of(document)
    assert f"Awarded on {label.awarded.isoformat()} by {label.by}" in section
    assert any(a.attrs.get("href") == label.reference for a in document.find_all("a"))
    assert text_of(document.find("span", **{"class": "escp-badge--label"})).startswith("Meets the ESCP-S3")
    unlabelled = page(bundled_site, "partnerships/blue-bioeconomy/")
    assert unlabelled.find_all("a", **{"class": "escp-badge--awarded"}) == []
    assert "label awarded" not in text_of(unlabelled).lower()


def test_a_managed_cluster_is_shown_run_by_its_entity_and_periods_are_in_words(bundled_site: Path) -> None:
    farming = page(bundled_site, "partnerships/precision-farming/")
    members = text_of(farming.find("div", **{"class": "escp-members"}))
    assert "run by Weser-Ems Agricultural Engineering Association (fictional)" in members
    assert "active since 2021" in text_of(farming.find("span", **{"class": "escp-period"}))
    textiles = page(bundled_site, "partnerships/circular-textiles/")
    assert text_of(textiles.find("span", **{"class": "escp-period"})) == "2018–2020"
    assert "2018–2020" in text_of(page(bundled_site, "platforms/industrial-modernisation/"))


def test_public_pages_carry_no_yaml_instructions(bundled_site: Path) -> None:
    for path in bundled_site.joinpath("partnerships").glob("*/index.html"):
        text = text_of(parse(path))
        assert "s3_support:" not in text and "managed_by" not in text and "legal_entity:" not in text
