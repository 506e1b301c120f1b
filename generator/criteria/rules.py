"""The four label criteria. Messages carry the evidence a reviewer needs to agree with the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.criteria.context import LabelContext, category_label
from generator.load import DataPath
from generator.reference import regions, vocabularies
from generator.validate import Member, Partnership
from generator.validate.models import StrategyReference
from generator.validate.regions import listed
from generator.wording import count

Status = Literal["met", "not-met", "undetermined"]
STATUSES: tuple[Status, ...] = ("met", "not-met", "undetermined")
UNDETERMINED_NOTE = "Undetermined counts as not met until the file says more."


@dataclass(frozen=True)
class Verdict:
    """A criterion's verdict: ``message`` tells the author what to change; ``public`` tells a visitor."""

    id: str
    status: Status
    message: str
    at: DataPath = ("members",)  # where in the file a failure is best shown
    public: str = ""  # the verdict in a visitor's words, without instructions; the message when empty

    @property
    def passed(self) -> bool:
        """Only a criterion that is met passes; an undetermined one does not."""
        return self.status == "met"

    @property
    def summary(self) -> str:
        return self.public or self.message


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    statement: Callable[[LabelContext], str]  # the rule in words, with the configured values
    judge: Callable[[Partnership, LabelContext], Verdict]


def _all(total: int) -> str:
    return "The only member" if total == 1 else f"All {total} members"


def _status(met: bool) -> Status:
    return "met" if met else "not-met"


def _type_label(type_id: str) -> str:
    return vocabularies().label("member_types", type_id).lower()


def member_types_statement(context: LabelContext) -> str:
    kinds = [_type_label(kind) for kind in context.config.qualifying_member_types]
    either = f"{', '.join(kinds[:-1])} or {kinds[-1]}" if len(kinds) > 1 else kinds[0]
    legal = ", with its own legal entity or run by one" if context.config.require_legal_entity else ""
    return f"Every member is a {either}{legal}."


def judge_member_types(partnership: Partnership, context: LabelContext) -> Verdict:
    config = context.config
    reasons, through, first_failure = [], [], None
    for index, member in enumerate(partnership.members):
        if member.type not in config.qualifying_member_types:
            reasons.append(f"'{member.name}' is a {_type_label(member.type)}")
            first_failure = first_failure or ("members", index, "type")
        elif config.require_legal_entity and not member.legal_entity:
            if member.managed_by is None:
                reasons.append(f"'{member.name}' has no legal entity of its own and names none that runs it")
                first_failure = first_failure or ("members", index, "legal_entity")
            else:
                through.append(f"'{member.name}' through '{member.managed_by.name}', the legal entity that runs it")
    total = len(partnership.members)
    counted = f" ({'; '.join(through)})" if through else ""
    statement = member_types_statement(context)
    if not reasons:
        return Verdict(
            "member-types", "met", f"{_all(total)} qualif{'ies' if total == 1 else 'y'}{counted}. {statement}"
        )
    verb = "does" if len(reasons) == 1 else "do"
    found = f"{len(reasons)} of {count(total, 'member')} {verb} not qualify: {'; '.join(reasons)}."
    return Verdict(
        "member-types",
        "not-met",
        f"{found} {statement} A cluster without legal personality names the entity that runs it "
        "(managed_by: {name, legal_id}); other organisations can be listed under associates.",
        first_failure or ("members",),
        f"{found} {statement}",
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
    names = ", ".join(f"{context.country(code).name} ({code})" for code in eligible) or "none"
    established = count(len(eligible), "eligible country", "eligible countries")
    message = f"Members are established in {established}: {names}; at least {needed} are needed."
    if others:
        names = ", ".join(f"{context.country(code).name} ({code})" for code in others)
        message += f" Members from {names} are welcome but do not count: not EU Member States or COSME participants."
    return Verdict("countries", _status(len(eligible) >= needed), message)


def cohesion_statement(context: LabelContext) -> str:
    kinds = " or ".join(category_label(category) for category in context.config.cohesion_categories)
    return f"At least one member is in a NUTS 2 region classified {kinds} for {context.period} ({context.decision})."


def _region_evidence(member: Member, context: LabelContext, public: bool = False) -> str:
    region = regions().get(member.region or "")
    if region is None:
        return f"'{member.name}' has no NUTS region"
    classification = context.classification(member)
    if classification.undetermined:
        head = f"'{member.name}' is in {region.code} {region.name}, whose regions differ in category: undetermined"
        if public:
            return f"{head} (its region is not known precisely)"
        choices = [f"{part.code} {part.name} ({category_label(category)})" for part, category in classification.within]
        return f"{head}; give one of {', '.join(choices)} as region, or keep {region.code} if you do not know"
    text = f"'{member.name}' is in {region.code} {region.name}: {category_label(classification.category)}"
    if classification.within:
        text += f" (like every NUTS 2 region inside it: {listed([part for part, _ in classification.within])})"
    elif classification.is_mixed:
        parts = ", ".join(
            f"{o.classified_id} {category_label(o.category)} {o.population_share:.0%}" for o in classification.overlaps
        )
        text += f" (it overlaps {parts}; the category with the largest population share is taken)"
    elif classification.overlaps and classification.overlaps[0].classified_id != region.level2_code:
        codes = "+".join(overlap.classified_id for overlap in classification.overlaps)
        text += f" (as {codes} in NUTS {classification.overlaps[0].classified_version})"
    return text


def _evidence(members: list[Member], context: LabelContext, public: bool = False) -> str:
    return "; ".join(_region_evidence(member, context, public) for member in members)


def judge_cohesion_region(partnership: Partnership, context: LabelContext) -> Verdict:
    members = partnership.members
    found = [context.classification(member) for member in members]
    qualifying = [
        member for member, classified in zip(members, found, strict=True) if context.qualifies_as_cohesion(classified)
    ]
    statement = cohesion_statement(context)
    if qualifying:
        return Verdict("cohesion-region", "met", f"{_evidence(qualifying, context)}. {statement}")
    open_question = [
        index
        for index, classified in enumerate(found)
        if classified.undetermined and any(map(context.qualifies_as_category, classified.possible_categories))
    ]
    if not open_question:
        return Verdict(
            "cohesion-region",
            "not-met",
            f"No member qualifies: {_evidence(members, context)}. {statement}",
            public=f"No member qualifies: {_evidence(members, context, public=True)}. {statement}",
        )
    unknown = "one member's region is" if len(open_question) == 1 else f"{len(open_question)} members' regions are"
    return Verdict(
        "cohesion-region",
        "undetermined",
        f"No member is known to qualify: {_evidence(members, context)}. {statement} {UNDETERMINED_NOTE}",
        ("members", open_question[0], "region"),
        f"Undetermined: {unknown} not known precisely, and no other member is in such a region: "
        f"{_evidence(members, context, public=True)}. {statement}",
    )


def s3_statement(context: LabelContext) -> str:
    return (
        "Every member demonstrates smart-specialisation support: a reference to its region's S3 strategy and "
        "priority with a link to the published strategy, or a support letter (a document) from the authority "
        "managing the EU funds; outside the EU, from the national or regional authority or a similar body."
    )


def evidenced(member: Member) -> bool:
    """A strategy reference with a link, or a support letter with its document."""
    support = member.s3_support
    return support is not None and (not isinstance(support, StrategyReference) or support.url is not None)


def support_evidence(member: Member) -> str:
    """Which evidence of smart-specialisation support a member gave, in a visitor's words."""
    support = member.s3_support
    if support is None:
        return "none given"
    if not isinstance(support, StrategyReference):
        return f"support letter from {support.letter.authority}"
    if support.url is None:
        return f"{support.strategy}: declared, not evidenced (no link)"
    return f"{support.strategy} (linked)"


def _missing_support(member: Member, context: LabelContext) -> str:
    if member.s3_support is not None:
        return (
            f"'{member.name}': declared, not evidenced (add the strategy's url, or a support letter with its document)"
        )
    if context.country(member.country).basis == "eu-member-state":
        return (
            f"'{member.name}': none (add s3_support: {{strategy, priority, url}}, or s3_support: {{letter: "
            "{authority, date, document}} from the authority managing the EU funds in its region)"
        )
    return (
        f"'{member.name}': none (outside the EU, add s3_support: {{letter: {{authority, date, document}}}} from the "
        "national or regional authority or a similar body, such as a regional development agency, or its "
        "national strategy with its url)"
    )


def _given(members: list[Member]) -> str:
    return "; ".join(f"{member.name!r}: {support_evidence(member)}" for member in members)


def judge_s3_support(partnership: Partnership, context: LabelContext) -> Verdict:
    lacking = [(index, member) for index, member in enumerate(partnership.members) if not evidenced(member)]
    shown = [member for member in partnership.members if evidenced(member)]
    total = len(partnership.members)
    if not lacking:
        letters = sum(1 for member in partnership.members if not isinstance(member.s3_support, StrategyReference))
        return Verdict(
            "s3-support",
            "met",
            f"{_all(total)} show{'s' if total == 1 else ''} evidenced support "
            f"({count(total - letters, 'strategy reference')} with a link, {count(letters, 'support letter')}): "
            f"{_given(shown)}.",
        )
    head = f"{len(lacking)} of {count(total, 'member')} show{'s' if len(lacking) == 1 else ''} no evidenced support"
    others = f" Evidenced: {_given(shown)}." if shown else ""
    index, first = lacking[0]
    return Verdict(
        "s3-support",
        "not-met",
        f"{head}: {'; '.join(_missing_support(member, context) for _, member in lacking)}.{others}",
        ("members", index, "s3_support") if first.s3_support is not None else ("members", index),
        f"{head}: {_given([member for _, member in lacking])}.{others}",
    )


CRITERIA = (
    Criterion("member-types", "Eligible organisations", member_types_statement, judge_member_types),
    Criterion("countries", "Eligible countries", countries_statement, judge_countries),
    Criterion("cohesion-region", "A less developed or transition region", cohesion_statement, judge_cohesion_region),
    Criterion("s3-support", "Smart-specialisation support", s3_statement, judge_s3_support),
)


def evaluate(partnership: Partnership, context: LabelContext) -> list[Verdict]:
    return [criterion.judge(partnership, context) for criterion in CRITERIA]
