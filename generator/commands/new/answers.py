"""Each answer of ``escp new`` checked as it is given, by the same rules as ``escp check``.

A text answer is validated by the Pydantic type of the field it fills (``Member.name``,
``Partnership.sectors``…), so its limits and its message are those of the check; a region is
looked up in the member's country by code, region name or place name (``escp regions``' lookup).
A wrong answer raises ``Invalid`` with the message to show before the question is asked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

import pycountry
from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.reference import regions
from generator.reference.places import Candidate, places
from generator.reference.regions import Region
from generator.reference.vocabularies import Vocabularies
from generator.validate.errors import message_for
from generator.validate.models import Member
from generator.wording import brief

YES, NO = ("yes", "y", "true"), ("no", "n", "false")
MAX_CANDIDATES = 12


class Invalid(ValueError):
    """A wrong answer; ``str(error)`` says what was expected."""


@cache
def _adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    info = model.model_fields[field]
    annotation: Any = info.annotation
    return TypeAdapter(Annotated[annotation, *info.metadata] if info.metadata else annotation)


def field_value(model: type[BaseModel], field: str, value: str | list[str], terms: Vocabularies) -> Any:
    """``value`` as the field ``model.field`` stores it, or Invalid with the check's message."""
    try:
        return _adapter(model, field).validate_python(value, context={"vocabularies": terms})
    except ValidationError as error:
        details = error.errors(include_url=False)[0]
        raise Invalid(message_for(details, model, (field, *details["loc"]))) from None


def yes_no(value: str) -> bool:
    answer = value.strip().lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise Invalid(f"answer yes or no, not '{value}'")


def country_code(value: str, terms: Vocabularies) -> str:
    """An ISO code from a code (EL and UK accepted) or an English country name ("Poland")."""
    try:
        return str(field_value(Member, "country", value, terms))
    except Invalid:
        try:
            return pycountry.countries.lookup(value.strip()).alpha_2
        except LookupError:
            raise Invalid(
                f"unknown country '{value}'; give its two-letter code (PL, DE, EL…) or its English name"
            ) from None


def current_regions(country: str) -> list[Region]:
    """The country's NUTS 2 regions of the newest NUTS version, the list shown before the question."""
    listed = [region for region in regions().in_country(country) if region.level == 2]
    newest = max((version for region in listed for version in region.versions), default=None)
    return sorted((region for region in listed if newest in region.versions), key=lambda region: region.code)


@dataclass(frozen=True)
class RegionChoice:
    """What a region answer resolved to: one code, or candidates to choose from."""

    code: str | None
    candidates: tuple[Candidate, ...] = ()


def region_choice(value: str, country: str) -> RegionChoice:
    """A NUTS 2 or 3 code of ``country``; a region name of it; or the regions of the places so named
    (``escp regions``' lookup: any case or accents, exonyms such as "Seville"), to choose from."""
    region = regions().get(value.strip().upper())
    if region is not None and region.country != country:
        raise Invalid(f"{region.code} ({region.name}) lies in {region.country}, not in {country}")
    found = tuple(places().search(value, country, limit=MAX_CANDIDATES))
    if not found:
        raise Invalid(
            f"no NUTS region or place of {country} is called '{brief(value)}'; "
            "give the region's code, or look it up with escp regions"
        )
    exact = [candidate for candidate in found if candidate.match in ("code", "name")]
    if len(exact) == 1:
        return RegionChoice(exact[0].code)
    deepest = max(exact, key=lambda candidate: len(candidate.code), default=None)
    if deepest is not None and all(deepest.code.startswith(candidate.code) for candidate in exact):
        return RegionChoice(deepest.code)  # one name for nested regions (NUTS 1 FR1 and NUTS 2 FR10): the precise one
    return RegionChoice(None, found)


def describe(candidate: Candidate) -> str:
    within = f" in {candidate.parent}" if candidate.parent else ""
    place = f"; {candidate.place.name} lies there" if candidate.place else ""
    return f"{candidate.code} {candidate.name} (NUTS {candidate.level}{within}{place})"
