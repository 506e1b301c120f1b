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
CLOSE = 0.75  # difflib similarity of a likely typo: 'energie' → 'energy' (0.77), 'agrifood' → 'agri-food' (0.94)
MIN_PREFIX = 4  # 'industrial' → 'industrial-modernisation', 'biotechnology' → 'industrial-biotechnology'
AS_CLOSE = 0.05  # a second suggestion must be about as close as the best one


def close_matches(word: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates ``word`` is probably a misspelling or a part of (from a word's start), best first: only
    close ones, never a list of guesses."""
    scored = []
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, word.lower(), candidate.lower())
        words = candidate.lower().split("-")
        if len(word) >= MIN_PREFIX and any("-".join(words[i:]).startswith(word.lower()) for i in range(len(words))):
            scored.append((1.0, candidate))
        elif matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE and matcher.ratio() >= CLOSE:
            scored.append((matcher.ratio(), candidate))
    scored.sort(key=lambda pair: -pair[0])
    return [candidate for ratio, candidate in scored[:n] if ratio >= scored[0][0] - AS_CLOSE]


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
        return close_matches(term_id, self.ids(vocabulary))

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
