"""Each rule of the partnership file has a test that fails if the rule is gone."""

from __future__ import annotations

import pytest

from generator.check import check_paths
from generator.settings import settings_from
from tests.check.partnership_factory import VALID, partnership, write


def check_one(tmp_path, data, slug="batteries"):
    report = check_paths([write(tmp_path / "partnerships", data, slug)], settings_from(None))
    return report.files[0]


def error_for(file, field):
    matching = [p for p in file.errors if p.field == field]
    assert matching, f"no error on {field}: {file.errors}"
    return matching[0]


def member(**changes):
    return {**VALID["members"][1], **changes}


def test_the_valid_example_is_valid_and_meets_the_criteria(tmp_path):
    file = check_one(tmp_path, partnership())
    assert file.errors == []
    assert file.criteria_met


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"title": "Too short"}, "title", "at least 10"),
        ({"title": "x" * 151}, "title", "at most 150"),
        ({"acronym": "A" * 21}, "acronym", "at most 20"),
        ({"platform": "energie"}, "platform", "did you mean 'energy'"),
        ({"summary": "s" * 301}, "summary", "at most 300"),
        ({"description": "d" * 10_001}, "description", "at most 10000"),
        ({"sectors": []}, "sectors", "at least 1"),
        ({"sectors": ["agrifood"]}, "sectors[0]", "did you mean 'agri-food'"),
        ({"sectors": ["energy", "energy"]}, "sectors[1]", "listed twice"),
        ({"technology_fields": ["robots"]}, "technology_fields[0]", "did you mean 'robotics'"),
        ({"s3_priorities": [f"p{i}" for i in range(16)]}, "s3_priorities", "at most 15"),
        ({"activities": ["networking"]}, "activities[0]", "unknown activity"),
        ({"website": "javascript:alert(1)"}, "website", "not a web address"),
        ({"website": "ftp://example.org/"}, "website", "https://"),
        ({"contact": {"name": "x"}}, "contact.email", "missing required field"),
        ({"contact": {"email": "not-an-email"}}, "contact.email", "email"),
        ({"maintainers": []}, "maintainers", "at least 1"),
        ({"maintainers": ["bad handle!"]}, "maintainers[0]", "is not a GitHub login"),
        ({"associates": [{"name": "U", "country": "ZZ", "kind": "university"}]}, "associates[0].country", "ZZ"),
        ({"seeking_partners": {"countries": ["PL", "PL"]}}, "seeking_partners.countries[1]", "twice"),
        ({"titel": "x"}, "titel", "did you mean 'title'"),
        ({"added": "2020-02-30"}, "added", "date"),
    ],
)
def test_partnership_field_rules(tmp_path, changes, field, fragment):
    problem = error_for(check_one(tmp_path, partnership(**changes)), field)
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"type": "clustr"}, "members[1].type", "unknown member type"),
        ({"legal_entity": "yes"}, "members[1].legal_entity", "true or false"),
        ({"country": "XX"}, "members[1].country", "unknown country code"),
        ({"region": "DE99"}, "members[1].region", "unknown NUTS region"),
        ({"region": "PL92"}, "members[1].region", "lies in PL, not in DE"),
        ({"region": "DE"}, "members[1].region", "'DE' is a country code, not a region; the regions of Germany are"),
        ({"region": "Bayern"}, "members[1].region", "not a NUTS code; give the code, not the name: did you mean DE2"),
        ({"region": ["DE21", "DE22"]}, "members[1].region", "give one region code, not a list"),
        ({"region": "DE2Z"}, "members[1].region", "DE2 is NUTS 1 Bayern; give one of DE21 Oberbayern, DE22"),
        ({"region": None}, "members[1].region", "missing region"),
        ({"role": "lead"}, "members[1].role", "coordinator"),
        ({"website": "javascript:alert(1)"}, "members[1].website", "not a web address"),
        ({"s3_support": {"strategy": "RIS3"}}, "members[1].s3_support.priority", "missing"),
        ({"s3_support": "yes"}, "members[1].s3_support", "s3_support"),
        (
            {"s3_support": {"letter": {"authority": "MA", "date": "2017-01-01", "document": "../../etc/passwd"}}},
            "members[1].s3_support.letter.document",
            "evidence/",
        ),
        (
            {"s3_support": {"letter": {"authority": "MA", "date": "2017-01-01", "document": "http://x.eu/l.pdf"}}},
            "members[1].s3_support.letter.document",
            "https://",
        ),
        ({"nmae": "x"}, "members[1].nmae", "did you mean 'name'"),
    ],
)
def test_member_field_rules(tmp_path, changes, field, fragment):
    members = [VALID["members"][0], member(**changes), VALID["members"][2]]
    problem = error_for(check_one(tmp_path, partnership(members=members)), field)
    assert fragment in problem.message


def test_country_aliases_are_normalised(tmp_path):
    members = [*VALID["members"], member(country="EL", region="EL30"), member(country="uk", region="UKI3")]
    file = check_one(tmp_path, partnership(members=members))
    assert file.errors == []
    assert [m.country for m in file.partnership.members[-2:]] == ["GR", "GB"]


def test_countries_without_nuts_regions_need_no_region(tmp_path):
    members = [*VALID["members"], member(country="UA", region=None)]
    assert check_one(tmp_path, partnership(members=members)).errors == []


def test_level_3_codes_of_old_versions_are_accepted(tmp_path):
    members = [*VALID["members"], member(country="DE", region="DE411")]  # NUTS 2006 only
    assert check_one(tmp_path, partnership(members=members)).errors == []


def test_exactly_one_coordinator(tmp_path):
    two = [VALID["members"][0], member(role="coordinator"), VALID["members"][2]]
    assert "exactly one" in error_for(check_one(tmp_path, partnership(members=two)), "members[1].role").message
    none = [member(), member(), member()]
    assert "no member" in error_for(check_one(tmp_path, partnership(members=none)), "members").message


def test_slug_must_be_kebab_case(tmp_path):
    file = check_one(tmp_path, partnership(), slug="Batteries_2")
    assert "not a valid slug" in file.errors[0].message


def test_every_error_of_a_file_is_reported_at_once(tmp_path):
    data = partnership(title="short", platform="x", sectors=["y"], contact={"email": "z"})
    assert {p.field for p in check_one(tmp_path, data).errors} >= {"title", "platform", "sectors[0]", "contact.email"}


def test_errors_point_at_the_offending_line(tmp_path):
    yaml_text = write(tmp_path / "a", partnership()).read_text().replace("region: DE21", "region: DE99")
    file = check_one(tmp_path, yaml_text)
    problem = error_for(file, "members[1].region")
    assert yaml_text.splitlines()[problem.line - 1].strip() == "region: DE99"
    assert yaml_text.splitlines()[problem.line - 1][problem.column - 1 :] == "DE99"


def test_ended_before_started_is_an_error_on_the_ended_line(tmp_path):
    file = check_one(tmp_path, partnership(started="2018-03-01", ended="2017-12-31"))
    problem = error_for(file, "ended")
    assert "ended 2017-12-31 is before started 2018-03-01" in problem.message
    text = (tmp_path / "partnerships" / "batteries.yml").read_text().splitlines()
    assert text[problem.line - 1].startswith("ended:")
    assert check_one(tmp_path / "ok", partnership(started="2018-03-01", ended="2020-12-31")).errors == []


def test_a_recorded_label_needs_a_date_an_awarder_and_an_https_reference(tmp_path):
    label = {"awarded": "2017-06-01", "by": "European Commission (EASME)", "reference": "https://example.org/list"}
    assert check_one(tmp_path / "ok", partnership(label=label)).label is not None
    file = check_one(tmp_path, partnership(label={**label, "reference": "http://example.org/list"}))
    assert "must be a full https:// URL" in error_for(file, "label.reference").message


def test_a_nuts1_region_is_accepted_and_managed_by_needs_a_name(tmp_path):
    members = [*VALID["members"][:2], member(country="BE", region="BE3", managed_by={"legal_id": "BE0123"})]
    file = check_one(tmp_path, partnership(members=members))
    assert [p.field for p in file.errors] == ["members[2].managed_by.name"]
