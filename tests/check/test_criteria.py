"""The four label criteria: verdicts, evidence sentences and configured thresholds."""

from __future__ import annotations

from generator.criteria import LabelContext, evaluate
from generator.settings import settings_from
from generator.validate import Partnership
from tests.check.partnership_factory import VALID, partnership


def verdicts(data, **label):
    context = LabelContext(settings_from({"label": label}).label)
    return {v.id: v for v in evaluate(Partnership.model_validate(data), context)}


def member(index, **changes):
    return {**VALID["members"][index], **changes}


def test_all_criteria_pass_for_the_valid_example():
    results = verdicts(partnership())
    assert list(results) == ["member-types", "countries", "cohesion-region", "s3-support"]
    assert all(v.passed for v in results.values())


def test_member_types_names_the_members_that_do_not_qualify():
    members = [member(0), member(1, type="university"), member(2, legal_entity=False)]
    result = verdicts(partnership(members=members))["member-types"]
    assert not result.passed
    assert "'Beta Cluster (fictional)' is a university" in result.message
    assert "'Gamma Cluster (fictional)' has no legal entity" in result.message
    assert result.at == ("members", 1, "type")


def test_countries_needs_three_eligible_countries():
    members = [member(0), member(1), member(2, country="DE", region="DE30")]
    result = verdicts(partnership(members=members))["countries"]
    assert not result.passed
    assert "2 eligible countries" in result.message


def test_non_eligible_countries_are_allowed_but_do_not_count():
    members = [member(0), member(1), member(2, country="NO", region="NO01")]
    result = verdicts(partnership(members=members))["countries"]
    assert not result.passed
    assert "Norway (NO)" in result.message
    assert "do not count" in result.message


def test_cosme_countries_count():
    members = [member(0), member(1), member(2, country="UA", region=None)]
    assert verdicts(partnership(members=members))["countries"].passed


def test_threshold_is_configuration():
    assert not verdicts(partnership(), min_countries=4)["countries"].passed
    assert verdicts(partnership(), eligible_countries=["PT", "DE", "FR"])["countries"].passed
    assert not verdicts(partnership(), eligible_countries=["PT", "DE"])["countries"].passed


def test_cohesion_region_cites_the_region_and_category():
    result = verdicts(partnership())["cohesion-region"]
    assert result.passed
    assert "PT11 Norte: less developed" in result.message


def test_cohesion_region_fails_with_only_more_developed_regions():
    members = [member(0, region="PT17"), member(1), member(2)]  # Lisboa: more developed
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert not result.passed
    assert "PT17" in result.message and "more developed" in result.message


def test_todays_codes_are_mapped_to_the_2006_classification():
    members = [member(0, country="DE", region="DE40"), member(1), member(2)]  # Brandenburg, was DE41+DE42
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert result.passed
    assert "DE40 Brandenburg: transition" in result.message


def test_level_3_codes_use_their_level_2_parent():
    members = [member(0, region="PT111"), member(1), member(2)]
    assert verdicts(partnership(members=members))["cohesion-region"].passed


def test_mixed_regions_take_the_largest_population_share_and_say_so():
    members = [member(0, country="SI", region="SI03"), member(1), member(2)]  # SI01 less dev. 99 %, SI02 1 %
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert result.passed
    assert "largest population share" in result.message


def test_split_region_after_2006_keeps_its_2006_category():
    members = [member(0, country="PL", region="PL92"), member(1), member(2)]  # from PL12: more developed
    assert not verdicts(partnership(members=members))["cohesion-region"].passed


def test_croatia_is_classified_with_its_2013_codes():
    members = [member(0, country="HR", region="HR06"), member(1), member(2)]
    assert verdicts(partnership(members=members))["cohesion-region"].passed


def test_the_categories_that_count_are_configuration():
    assert not verdicts(partnership(), cohesion_categories=["transition"])["cohesion-region"].passed


def test_s3_support_lists_the_members_without_it():
    members = [member(0), member(1, s3_support=None), member(2)]
    result = verdicts(partnership(members=members))["s3-support"]
    assert not result.passed
    assert "'Beta Cluster (fictional)'" in result.message
    assert result.at == ("members", 1)


def test_support_letters_count_as_support():
    letter = {"letter": {"authority": "MA", "date": "2017-01-01", "document": "https://ma.example.org/l.pdf"}}
    members = [member(0, s3_support=letter), member(1), member(2)]
    result = verdicts(partnership(members=members))["s3-support"]
    assert result.passed
    assert "1 support letters" in result.message


def test_leipzig_is_not_a_cohesion_region_and_sjaelland_is():
    leipzig = [member(0, country="DE", region="DED51"), member(1), member(2)]
    assert not verdicts(partnership(members=leipzig))["cohesion-region"].passed
    sjaelland = [member(0, country="DK", region="DK02"), member(1), member(2)]
    result = verdicts(partnership(members=sjaelland))["cohesion-region"]
    assert result.passed and "DK02 Sjælland: transition" in result.message
