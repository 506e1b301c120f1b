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
    assert "1 support letter" in result.message


def test_leipzig_is_not_a_cohesion_region_and_sjaelland_is():
    leipzig = [member(0, country="DE", region="DED51"), member(1), member(2)]
    assert not verdicts(partnership(members=leipzig))["cohesion-region"].passed
    sjaelland = [member(0, country="DK", region="DK02"), member(1), member(2)]
    result = verdicts(partnership(members=sjaelland))["cohesion-region"]
    assert result.passed and "DK02 Sjælland: transition" in result.message


def test_a_nuts1_region_whose_nuts2_regions_share_a_category_takes_it():
    members = [member(0, country="HU", region="HU2"), member(1), member(2)]  # Dunántúl: HU21-HU23 less developed
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert result.status == "met" and result.passed
    assert "HU2 Dunántúl: less developed (like every NUTS 2 region inside it: HU21" in result.message


def test_a_nuts1_region_of_mixed_categories_leaves_the_criterion_undetermined():
    members = [member(0, country="BE", region="BE3"), member(1), member(2)]  # Wallonia: BE31 more developed
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert result.status == "undetermined" and not result.passed
    assert "BE31 Prov. Brabant wallon (more developed), BE32 Prov. Hainaut (transition)" in result.message
    assert "or keep BE3 if you do not know" in result.message
    assert "counts as not met" in result.message
    assert result.at == ("members", 0, "region")
    assert "one member's region is not known precisely" in result.public
    assert "keep BE3" not in result.public


def test_an_undetermined_member_does_not_matter_when_another_qualifies():
    members = [member(0), member(1, country="BE", region="BE3"), member(2)]
    result = verdicts(partnership(members=members))["cohesion-region"]
    assert result.status == "met"
    assert "PT11 Norte" in result.message and "BE3" not in result.message


def test_a_mixed_nuts1_region_that_could_not_qualify_is_not_met():
    members = [member(0, region="PT17"), member(1), member(2, country="BE", region="BE3")]
    result = verdicts(partnership(members=members), cohesion_categories=["less-developed"])["cohesion-region"]
    assert result.status == "not-met"


def test_a_cluster_run_by_a_legal_entity_counts_through_it():
    managed = member(1, legal_entity=False, managed_by={"name": "Agrifood Association (fictional)"})
    result = verdicts(partnership(members=[member(0), managed, member(2)]))["member-types"]
    assert result.status == "met"
    assert "'Beta Cluster (fictional)' through 'Agrifood Association (fictional)'" in result.message


def test_a_cluster_without_legal_entity_or_managing_entity_does_not_count():
    result = verdicts(partnership(members=[member(0), member(1, legal_entity=False), member(2)]))["member-types"]
    assert result.status == "not-met"
    assert "names none that runs it" in result.message and "managed_by" in result.message
    assert "managed_by" not in result.public


def test_a_strategy_reference_without_url_is_declared_not_evidenced():
    unlinked = member(1, s3_support={"strategy": "RIS3 Bayern", "priority": "Batteries"})
    result = verdicts(partnership(members=[member(0), unlinked, member(2)]))["s3-support"]
    assert result.status == "not-met"
    assert "'Beta Cluster (fictional)': declared, not evidenced" in result.message
    assert result.at == ("members", 1, "s3_support")
    assert "s3_support" not in result.public and "declared, not evidenced" in result.public


def test_a_support_letter_with_its_document_is_evidence():
    letter = {"letter": {"authority": "Bavarian Ministry", "date": "2017-03-01", "document": "evidence/beta.pdf"}}
    result = verdicts(partnership(members=[member(0), member(1, s3_support=letter), member(2)]))["s3-support"]
    assert result.status == "met"
    assert "2 strategy references with a link, 1 support letter" in result.message
    names = [m["name"] for m in partnership()["members"]]
    assert f"{names[1]!r}: support letter from Bavarian Ministry" in result.message  # per member, what was given
    assert f"{names[0]!r}: " in result.message and "(linked)" in result.message
    failing = verdicts(partnership(members=[member(0), member(1, s3_support=letter), member(2, s3_support=None)]))
    assert f"Evidenced: {names[0]!r}: " in failing["s3-support"].message
    assert "support letter from Bavarian Ministry" in failing["s3-support"].public


def test_members_outside_the_eu_are_asked_for_a_national_or_regional_letter():
    outside = member(2, country="UA", region=None, s3_support=None)
    result = verdicts(partnership(members=[member(0), member(1), outside]))["s3-support"]
    assert "national or regional authority or a similar body" in result.message
    inside = verdicts(partnership(members=[member(0), member(1), member(2, s3_support=None)]))["s3-support"]
    assert "authority managing the EU funds in its region" in inside.message
    assert "national or regional authority" not in inside.message


def test_leipzig_and_sjaelland_verdicts_follow_the_corrected_classification():
    leipzig = verdicts(
        partnership(members=[member(0, region="PT17"), member(1, country="DE", region="DED5"), member(2)])
    )
    assert leipzig["cohesion-region"].status == "not-met"
    assert "DED5 Leipzig: more developed" in leipzig["cohesion-region"].message
    sjaelland = verdicts(
        partnership(members=[member(0, region="PT17"), member(1, country="DK", region="DK02"), member(2)])
    )
    assert sjaelland["cohesion-region"].status == "met"
    assert "DK02 Sjælland: transition" in sjaelland["cohesion-region"].message


def test_sachsen_and_denmark_at_nuts1_are_undetermined_since_the_correction():
    for country, code, part in (
        ("DE", "DED", "DED5 Leipzig (more developed)"),
        ("DK", "DK0", "DK02 Sjælland (transition)"),
    ):
        members = [member(0, region="PT17"), member(1, country=country, region=code), member(2)]
        result = verdicts(partnership(members=members))["cohesion-region"]
        assert result.status == "undetermined"
        assert part in result.message
