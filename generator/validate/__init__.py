"""Stage 2: validate loaded data against the Pydantic models, with located error messages."""

from __future__ import annotations

import re

from pydantic import ValidationError

from generator.load import LoadedFile, Problem
from generator.reference.vocabularies import Vocabularies
from generator.validate.errors import located_problems
from generator.validate.models import Member, Partnership
from generator.validate.types import RESERVED_SLUGS, SLUG_PATTERN

__all__ = ["Member", "Partnership", "slug_problems", "validate_partnership"]


def slug_problems(slug: str) -> list[Problem]:
    if slug in RESERVED_SLUGS:
        reserved = ", ".join(RESERVED_SLUGS)
        message = f"file name '{slug}' is reserved for the site's own pages (reserved: {reserved}); choose another"
        return [Problem(1, 1, "", message)]
    if re.match(SLUG_PATTERN, slug) and len(slug) <= 80:
        return []
    return [
        Problem(
            1,
            1,
            "",
            f"file name '{slug}' is not a valid slug; use lower-case words joined by hyphens "
            "(at most 80 characters), e.g. partnerships/batteries-value-chain.yml",
        )
    ]


def validate_partnership(loaded: LoadedFile, vocabularies: Vocabularies) -> Partnership | None:
    """The validated partnership, or None with the problems appended to ``loaded.problems``."""
    if loaded.data is None:
        return None
    try:
        return Partnership.model_validate(loaded.data, context={"vocabularies": vocabularies})
    except ValidationError as error:
        loaded.problems.extend(located_problems(error, loaded, Partnership))
        return None
