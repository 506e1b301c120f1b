"""Each answer of ``escp new`` checked as it is given, by the same rules as ``escp check``.

A text answer is validated by the Pydantic type of the field it fills (``Member.name``,
``Partnership.sectors``…), so its limits and its message are those of the check; a region is
looked up in the member's country by code or by name. A wrong answer raises ``Invalid`` with the
message to show before the question is asked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

import pycountry
from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.commands.new.skeleton import slugify
from generator.reference import regions
from generator.reference.regions import Region
from generator.reference.vocabularies import Vocabularies
from generator.validate.errors import message_for
from generator.validate.models import Member

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
    candidates: tuple[Region, ...] = ()


def _key(text: str) -> str:
    return slugify(text).replace("-", " ")


def region_choice(value: str, country: str) -> RegionChoice:
    """A NUTS 2 or 3 code of ``country``, or the regions of ``country`` whose name contains ``value``."""
    registry = regions()
    code = value.strip().upper()
    region = registry.get(code)
    if region is not None and region.country == country and region.level in (2, 3):
        return RegionChoice(region.code)
    if region is not None and region.country != country:
        raise Invalid(f"{region.code} ({region.name}) lies in {region.country}, not in {country}")
    wanted = _key(value)
    found = [r for r in registry.in_country(country) if r.level in (2, 3) and wanted and wanted in _key(r.name)]
    found.sort(key=lambda r: (_key(r.name) != wanted, -int(max(r.versions)), r.level, r.code))
    if not found:
        raise Invalid(f"no NUTS 2 or 3 region of {country} has the code or name '{value}'")
    if len(found) == 1:
        return RegionChoice(found[0].code)
    return RegionChoice(None, tuple(found[:MAX_CANDIDATES]))


def describe(region: Region) -> str:
    return f"{region.code} {region.name} (NUTS {region.level}, {'/'.join(region.versions)})"
