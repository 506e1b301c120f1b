"""The exports parse and say the same as the partnership files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.etree import ElementTree as ET

from site_project import BUNDLED

from generator.export.feed import atom_feed
from generator.export.tables import ORGANISATION_COLUMNS, PARTNERSHIP_COLUMNS
from generator.reference import vocabularies
from generator.settings import load_settings
from generator.structure import SiteData
from generator.structure.directory import load_directory
from generator.validate.schema import partnership_schema

ATOM = "{http://www.w3.org/2005/Atom}"


def site_data() -> SiteData:
    return SiteData.of(load_directory(BUNDLED, load_settings(None)), "https://escp-directory.eu/")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_partnerships_json_has_every_partnership_with_its_verdicts(bundled_site: Path) -> None:
    data = site_data()
    exported = json.loads((bundled_site / "data/partnerships.json").read_text(encoding="utf-8"))["partnerships"]
    assert [record["slug"] for record in exported] == [entry.slug for entry in data.directory.entries]
    for record, entry in zip(exported, data.directory.entries, strict=True):
        assert record["title"] == entry.partnership.title
        assert len(record["members"]) == len(entry.partnership.members)
        assert record["url"] == f"partnerships/{entry.slug}/"
        assert (bundled_site / record["url"] / "index.html").is_file()
        assert record["criteria"] == [
            {"id": v.id, "passed": v.passed, "status": v.status, "message": v.summary} for v in entry.verdicts
        ]
        assert record["criteria_met"] is entry.criteria_met and "labelled" not in record
        assert record["label"] == (entry.label.model_dump(mode="json") if entry.label else None)
        assert record["status"] == ("ended" if entry.partnership.ended else "active")
        assert "email" not in record["contact"]
    by_slug = {record["slug"]: record for record in exported}
    assert by_slug["circular-textiles"]["period"] == "2018–2020"
    assert by_slug["precision-farming"]["period"] == "active since 2021"
    assert by_slug["batteries-value-chain"]["label"]["awarded"] == "2017-09-15"


def test_the_csv_tables_match_the_data(bundled_site: Path) -> None:
    data = site_data()
    partnerships = rows(bundled_site / "data/partnerships.csv")
    assert tuple(partnerships[0]) == PARTNERSHIP_COLUMNS
    assert [row["slug"] for row in partnerships] == [entry.slug for entry in data.directory.entries]
    for row, entry in zip(partnerships, data.directory.entries, strict=True):
        assert row["members"] == str(len(entry.partnership.members))
        assert row["sectors"].split("; ") == entry.partnership.sectors
        assert row["criteria_met"] == ("yes" if entry.criteria_met else "no")
        assert row["period"] == entry.period and row["status"] == entry.status
    assert next(row for row in partnerships if row["label_awarded"])["slug"] == "batteries-value-chain"
    organisations = rows(bundled_site / "data/organisations.csv")
    assert tuple(organisations[0]) == ORGANISATION_COLUMNS
    assert [row["id"] for row in organisations] == [organisation.id for organisation in data.organisations]
    kempen = next(row for row in organisations if row["name"].startswith("Kempen Additive"))
    assert (kempen["region"], kempen["region_name"], kempen["region_category"]) == (
        "NL41",
        "Noord-Brabant",
        "more developed",
    )
    assert kempen["roles"] == "additive-manufacturing:coordinator"


def test_the_schema_is_the_validators(bundled_site: Path) -> None:
    published = json.loads((bundled_site / "schema/partnership.schema.json").read_text(encoding="utf-8"))
    assert published == partnership_schema(vocabularies())


def test_the_feed_lists_the_newest_partnerships_with_dates_from_the_data(bundled_site: Path) -> None:
    data = site_data()
    feed = ET.parse(bundled_site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    dated = sorted(data.directory.entries, key=lambda entry: entry.added or 0, reverse=True)
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"https://escp-directory.eu/partnerships/{entry.slug}/" for entry in dated
    ]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [f"{entry.added}T00:00:00Z" for entry in dated]
    assert feed.findtext(f"{ATOM}updated") == f"{dated[0].added}T00:00:00Z"


def test_the_feed_stays_well_formed_xml_whatever_the_text_holds() -> None:
    data = site_data()
    partnership = data.newest(1)[0].partnership
    hostile = "a\x00b\x01c\x1bd\x7fe\ufffef\ud800g"
    partnership.__dict__.update(summary=hostile, title=hostile, sectors=[hostile])  # past the models' checks
    feed = ET.fromstring(atom_feed(data).encode())  # expat refuses what XML 1.0 forbids
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}summary") == "a\ufffdb\ufffdc\ufffdd\x7fe\ufffdf\ufffdg"
