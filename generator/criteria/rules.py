"""The four label criteria. Messages carry the evidence a reviewer needs to agree with the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.criteria.context import LabelContext, category_label
from generator.load import DataPath
from generator.reference import regions, vocabularies
from generator.validate import Member, Partnership


@dataclass(frozen=True)
class Verdict:
    id: str
    passed: bool
    message: str
    at: DataPath = ("members",)  # where in the file a failure is best shown


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    statement: Callable[[LabelContext], str]  # the rule in words, with the configured values
    judge: Callable[[Partnership, LabelContext], Verdict]


def _names(members: list[tuple[int, Member]]) -> str:
    return ", ".join(f"'{member.name}'" for _, member in members)


def _type_label(type_id: str) -> str:
    return vocabularies().label("member_types", type_id).lower()


def member_types_statement(context: LabelContext) -> str:
    kinds = ", ".join(_type_label(kind) for kind in context.config.qualifying_member_types)
    legal = " with its own legal entity" if context.config.require_legal_entity else ""
    return f"Every member is one of: {kinds}{legal}."


def judge_member_types(partnership: Partnership, context: LabelContext) -> Verdict:
    config = context.config
    reasons, first_failure = [], None
    for index, member in enumerate(partnership.members):
        if member.type not in config.qualifying_member_types:
            reasons.append(f"'{member.name}' is a {_type_label(member.type)}")
            first_failure = first_failure or ("members", index, "type")
        elif config.require_legal_entity and not member.legal_entity:
            reasons.append(f"'{member.name}' has no legal entity of its own (legal_entity: false)")
            first_failure = first_failure or ("members", index, "legal_entity")
    total = len(partnership.members)
    if not reasons:
        return Verdict("member-types", True, f"All {total} members qualify. {member_types_statement(context)}")
    return Verdict(
        "member-types",
        False,
        f"{len(reasons)} of {total} members do not qualify: {'; '.join(reasons)}. "
        f"{member_types_statement(context)} Other organisations can be listed under associates.",
        first_failure or ("members",),
    )


def countries_statement(context: LabelContext) -> str:
    return (
        f"Members are established in at least {context.config.min_countries} different countries, "
        "each an EU Member State or a country participating in COSME."
    )


def judge_countries(partnership: Partnership, context: LabelContext) -> Verdict:
    present = sorted({member.country for member in partnership.members})
    eligible = [code for code in present if code in context.eligible_countries]
    others = [code for code in present if code not in context.eligible_countries]
    needed = context.config.min_countries
    listed = ", ".join(f"{context.country(code).name} ({code})" for code in eligible) or "none"
    message = f"Members are established in {len(eligible)} eligible countries: {listed}; at least {needed} are needed."
    if others:
        names = ", ".join(f"{context.country(code).name} ({code})" for code in others)
        message += f" Members from {names} are welcome but do not count: not EU Member States or COSME participants."
    return Verdict("countries", len(eligible) >= needed, message)


def cohesion_statement(context: LabelContext) -> str:
    kinds = " or ".join(category_label(category) for category in context.config.cohesion_categories)
    return f"At least one member is in a NUTS 2 region classified {kinds} for {context.period} ({context.decision})."


def _region_evidence(member: Member, context: LabelContext) -> str:
    region = regions().get(member.region or "")
    if region is None:
        return f"'{member.name}' has no NUTS region"
    classification = context.classification(member)
    text = f"'{member.name}' is in {region.code} {region.name}: {category_label(classification.category)}"
    if classification.is_mixed:
        parts = ", ".join(
            f"{o.classified_id} {category_label(o.category)} {o.population_share:.0%}" for o in classification.overlaps
        )
        text += f" (it overlaps {parts}; the category with the largest population share is taken)"
    elif classification.overlaps and classification.overlaps[0].classified_id != region.level2_code:
        codes = "+".join(overlap.classified_id for overlap in classification.overlaps)
        text += f" (as {codes} in NUTS {classification.overlaps[0].classified_version})"
    return text


def judge_cohesion_region(partnership: Partnership, context: LabelContext) -> Verdict:
    qualifying = [
        member for member in partnership.members if context.qualifies_as_cohesion(context.classification(member))
    ]
    if qualifying:
        evidence = "; ".join(_region_evidence(member, context) for member in qualifying)
        return Verdict("cohesion-region", True, f"{evidence}. {cohesion_statement(context)}")
    evidence = "; ".join(_region_evidence(member, context) for member in partnership.members)
    return Verdict("cohesion-region", False, f"No member qualifies: {evidence}. {cohesion_statement(context)}")


def s3_statement(context: LabelContext) -> str:
    return (
        "Every member shows smart-specialisation support: a reference to its region's S3 strategy and "
        "priority, or a support letter from the authority managing the EU funds."
    )


def judge_s3_support(partnership: Partnership, context: LabelContext) -> Verdict:
    lacking = [(index, member) for index, member in enumerate(partnership.members) if member.s3_support is None]
    total = len(partnership.members)
    if not lacking:
        letters = sum(1 for member in partnership.members if hasattr(member.s3_support, "letter"))
        return Verdict(
            "s3-support",
            True,
            f"All {total} members show support: {total - letters} strategy references, {letters} support letters.",
        )
    return Verdict(
        "s3-support",
        False,
        f"{len(lacking)} of {total} members have no s3_support: {_names(lacking)}. Add "
        "s3_support: {strategy, priority, url} or s3_support: {letter: {authority, date, document}}.",
        ("members", lacking[0][0]),
    )


CRITERIA = (
    Criterion("member-types", "Eligible organisations", member_types_statement, judge_member_types),
    Criterion("countries", "Eligible countries", countries_statement, judge_countries),
    Criterion("cohesion-region", "A less developed or transition region", cohesion_statement, judge_cohesion_region),
    Criterion("s3-support", "Smart-specialisation support", s3_statement, judge_s3_support),
)


def evaluate(partnership: Partnership, context: LabelContext) -> list[Verdict]:
    return [criterion.judge(partnership, context) for criterion in CRITERIA]
