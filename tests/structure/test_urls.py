"""The one URL module: addresses, their source paths, and links as seen from a page."""

from __future__ import annotations

import re

from generator.structure import urls
from tests.conftest import ROOT


def test_addresses_and_their_source_paths():
    assert urls.partnership("batteries") == "partnerships/batteries/"
    assert urls.source(urls.partnership("batteries")) == "partnerships/batteries.md"
    assert urls.source(urls.HOME) == "index.md"
    assert urls.source(urls.EXPLORER) == "explorer.md"
    assert urls.country("PL") == "countries/pl/"
    assert urls.explorer(country="PL", search="a b&c") == "explorer/?country=PL&search=a+b%26c"
    assert urls.explorer() == "explorer/"
    assert urls.region("PL21") == "regions/pl21/"
    assert urls.badge("batteries") == "partnerships/batteries/badge.svg"
    assert urls.open_to("PT") == "explorer/?open-to=PT"


def test_links_lead_from_the_page_to_the_address():
    home, deep = urls.Links(""), urls.Links("../../")
    assert home.partnership("x") == "partnerships/x/"
    assert deep.partnership("x") == "../../partnerships/x/"
    assert deep.organisation("pl-a-b") == "../../organisations/#pl-a-b"
    assert deep.criterion("countries") == "../../criteria/#countries"
    assert deep(urls.PARTNERSHIPS_CSV) == "../../data/partnerships.csv"
    assert home.home == "./"


def test_templates_write_no_site_path_of_their_own():
    """Every address in a template comes from the URL module (``url…``), never a literal path."""
    for template in (ROOT / "theme" / "escp").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "{{ root }}" not in text, template.name
        for href in re.findall(r'(?:href|action|src)="([^"]*)"', text):
            assert href.startswith(("{{", "https://", "#")), f"{template.name}: {href}"  # "#": within the page
