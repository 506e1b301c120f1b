"""The exports from an in-memory directory: columns, inert cells, no e-mail addresses, a well-formed feed."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

from generator.export import export_files
from generator.export.tables import PARTNERSHIP_COLUMNS
from tests.structure.conftest import SITE_URL, entry, site


def test_exports_carry_the_data_but_no_contact_address_and_neutralise_formulas():
    data = site(entry("one", title="=HYPERLINK(evil) partnership", added="2024-01-02"))
    files = export_files(data)
    text = {path: content.decode("utf-8") for path, content in files.items()}
    assert "contact@example.org" not in "".join(text.values())
    rows = list(csv.DictReader(io.StringIO(text["data/partnerships.csv"])))
    assert tuple(rows[0]) == PARTNERSHIP_COLUMNS
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["url"] == "partnerships/one/"
    record = json.loads(text["data/partnerships.json"])["partnerships"][0]
    assert record["slug"] == "one" and "email" not in record["contact"]
    assert {verdict["id"] for verdict in record["criteria"]} == {
        "member-types",
        "countries",
        "cohesion-region",
        "s3-support",
    }
    assert json.loads(text["schema/report.schema.json"])["title"] == "Report"


def test_the_feed_is_well_formed_and_lists_the_newest_first():
    data = site(
        entry("old", added="2020-01-01", title="Old partnership here"),
        entry("new", added="2024-05-06", title="New partnership here"),
    )
    feed = ET.fromstring(export_files(data)["feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    links = [element.get("href") for element in feed.iter(f"{atom}link")]
    assert links[2:] == [f"{SITE_URL}partnerships/new/", f"{SITE_URL}partnerships/old/"]
    assert feed.find(f"{atom}updated").text == "2024-05-06T00:00:00Z"
