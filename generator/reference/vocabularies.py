"""Controlled vocabularies (``generator/data/vocabularies.yml``), extendable by configuration."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache

import yaml

from generator.reference.files import DATA_DIR

SINGULAR = {
    "platforms": "platform",
    "sectors": "sector",
    "technology_fields": "technology field",
    "activities": "activity",
    "member_types": "member type",
}
VOCABULARY_NAMES = tuple(SINGULAR)


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Vocabularies:
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)

    def ids(self, vocabulary: str) -> list[str]:
        return list(self.terms[vocabulary])

    def label(self, vocabulary: str, term_id: str) -> str:
        term = self.terms[vocabulary].get(term_id)
        return term.label if term else term_id

    def closest(self, vocabulary: str, term_id: str) -> list[str]:
        return difflib.get_close_matches(term_id, self.ids(vocabulary), n=3, cutoff=0.5)

    def with_platforms(self, extra: dict[str, Term]) -> Vocabularies:
        """A copy with more platforms, as configured in ``site-config.yml``."""
        if not extra:
            return self
        platforms = {**self.terms["platforms"], **extra}
        return Vocabularies({**self.terms, "platforms": platforms})


def _term(term_id: str, value: str | dict[str, str]) -> Term:
    if isinstance(value, str):
        return Term(term_id, value)
    return Term(term_id, value["label"], value.get("description", ""))


@cache
def vocabularies() -> Vocabularies:
    raw = yaml.safe_load((DATA_DIR / "vocabularies.yml").read_text(encoding="utf-8"))
    return Vocabularies(
        {name: {key: _term(key, value) for key, value in raw[name].items()} for name in VOCABULARY_NAMES}
    )
