"""The shipped reference data is exactly what the preparation script derives from the inputs in the
repository, and the rows corrected after review stay corrected."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.reference.countries import countries
from generator.reference.files import DATA_DIR, read_rows
from generator.reference.regions import regions
from tests.conftest import ROOT

DERIVED = ("countries.csv", "nuts_regions.csv", "region_categories_2014-2020.csv")
PERIOD = "2014-2020"


def test_derived_files_are_up_to_date(tmp_path):
    """Runs from a clean clone: the script's default inputs are in the repository."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    (copy / "generator" / "data").mkdir(parents=True)
    subprocess.run([sys.executable, str(copy / "scripts" / "prepare_reference_data.py")], check=True)
    for name in DERIVED:
        assert (copy / "generator" / "data" / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_every_data_file_is_cited():
    sources = (DATA_DIR / "SOURCES.md").read_text()
    for path in DATA_DIR.iterdir():
        if path.name != "SOURCES.md":
            assert f"`{path.name}`" in sources, path.name


def test_every_input_file_is_cited():
    inputs = ROOT / "scripts" / "reference-inputs"
    sources = (inputs / "SOURCES.md").read_text()
    for path in inputs.rglob("*"):
        if path.is_file() and path.name != "SOURCES.md":
            assert path.name in sources, path.name


def overlaps(code: str) -> dict[str, tuple[str, float]]:
    classification = regions().classification(code, PERIOD)
    return {o.classified_id: (o.category, o.population_share) for o in classification.overlaps}


def test_leipzig_is_more_developed():
    assert regions().classification("DED5", PERIOD).category == "more-developed"
    assert overlaps("DED5") == {"DED3": ("more-developed", 1.0)}


def test_sjaelland_is_transition():
    assert regions().classification("DK02", PERIOD).category == "transition"
    assert regions().classification("DK021", PERIOD).category == "transition"


def test_chemnitz_today_holds_a_small_share_of_2006_leipzig():
    """DED4 took the former Döbeln district from 2006 DED3 Leipzig: about 4 % of its population."""
    shares = overlaps("DED4")
    assert shares["DED1"][0] == "transition" and shares["DED1"][1] > 0.9
    assert shares["DED3"][0] == "more-developed" and 0.03 < shares["DED3"][1] < 0.06
    assert regions().classification("DED4", PERIOD).category == "transition"


@pytest.mark.parametrize("code", ["AL", "BA", "XK"])
def test_cosme_signature_dates_are_not_called_entry_into_force(code):
    row = next(row for row in read_rows("countries.csv") if row["iso_code"] == code)
    assert row["from_status"] == "signature"
    assert countries().get(code).basis == "cosme-participant"


def test_every_country_date_says_what_it_is():
    for row in read_rows("countries.csv"):
        assert row["from_status"] in ("entry-into-force", "signature", "unverified", "unknown"), row
        assert (row["from_status"] == "unknown") == (not row["from"]), row
