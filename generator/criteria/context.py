"""What the criteria are judged against: the configured thresholds and the reference data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.reference import Classification, countries, regions
from generator.reference.countries import Country
from generator.settings import LabelSettings
from generator.validate import Member

CATEGORY_LABELS = {"less-developed": "less developed", "transition": "transition", "more-developed": "more developed"}
DECISIONS = {"2014-2020": "Commission Implementing Decision 2014/99/EU"}


@dataclass(frozen=True)
class LabelContext:
    config: LabelSettings

    @cached_property
    def eligible_countries(self) -> frozenset[str]:
        configured = self.config.eligible_countries
        return frozenset(configured) if configured is not None else countries().eligible_codes()

    @property
    def period(self) -> str:
        return self.config.programming_period

    @property
    def decision(self) -> str:
        return DECISIONS.get(self.period, f"the {self.period} classification of regions")

    def country(self, code: str) -> Country:
        return countries().get(code)

    def classification(self, member: Member) -> Classification:
        if member.region is None:
            return Classification(None, ())
        return regions().classification(member.region, self.period)

    def qualifies_as_category(self, category: str | None) -> bool:
        return category in self.config.cohesion_categories

    def qualifies_as_cohesion(self, classification: Classification) -> bool:
        """Known to qualify: an undetermined NUTS 1 code never does."""
        return not classification.undetermined and self.qualifies_as_category(classification.category)


def category_label(category: str | None) -> str:
    return CATEGORY_LABELS.get(category or "", "not classified")
