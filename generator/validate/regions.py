"""A member's region: a NUTS 1, 2 or 3 code of its country, with a sentence for every wrong answer.

Authors write country codes, region names and lists where a code belongs; each gets a message
that names the codes to choose from, never the pattern the code must match.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic_core import PydanticCustomError

from generator.reference import Region, countries, regions
from generator.wording import brief

CODE = re.compile(r"[A-Z]{2}[0-9A-Z]{1,3}")
JSON_PATTERN = r"^[A-Za-z]{2}[0-9A-Za-z]{1,3}$"


def region_text(value: Any) -> Any:
    """Before validation: one code as text; a list or a number gets a sentence."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        raise PydanticCustomError(
            "region_list",
            "give one region code, not a list: the region of the member's own address; "
            "other sites can be named in the description",
            {},
        )
    if value is None:
        return value
    raise PydanticCustomError(
        "region_type",
        "expected the NUTS code of the member's region as text, such as 'PL92', got {value}",
        {"value": brief(value)},
    )


def listed(parts: list[Region], more: str = "") -> str:
    """``BE31 Prov. Brabant wallon, BE32 Prov. Hainaut, …`` (with ``more`` after each name)."""
    return ", ".join(f"{part.code} {part.name}{more}" for part in parts)


def choose_within(parent: Region) -> str:
    """The sentence asking for a NUTS 2 region inside NUTS 1 ``parent``."""
    return (
        f"{parent.code} is NUTS 1 {parent.name}; give one of {listed(regions().within(parent.code))}, "
        f"or keep {parent.code} if you do not know"
    )


def _top_regions(country: str) -> list[Region]:
    """The country's NUTS 1 regions, or its NUTS 2 regions when the whole country is one NUTS 1 region."""
    registry = regions()
    newest = [r for r in registry.in_country(country) if r.level == 1 and registry.newest_version in r.versions]
    if len(newest) == 1:
        return registry.within(newest[0].code)
    return sorted(newest, key=lambda region: region.code)


def _codes_of(country: str) -> str:
    name = countries().get(country).name
    return f"the regions of {name} are {listed(_top_regions(country))} (or a NUTS 2 or 3 code inside one)"


def _named_like(value: str, country: str) -> list[Region]:
    candidates = [region for region in regions().in_country(country) if region.level <= 2]
    wanted = value.casefold()
    if not wanted:
        return []
    contains = [region for region in candidates if wanted in region.name.casefold()]
    if contains:
        return contains[:3]
    names = {region.name.casefold(): region for region in candidates}
    return [names[name] for name in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)]


def _wrong(kind: str, message: str, **values: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message, values)


def _not_a_code(value: str, country: str) -> PydanticCustomError:
    if not value:
        return _wrong("region_empty", "region is empty; {choices}", choices=_codes_of(country))
    alike = _named_like(value, country)
    hint = f"did you mean {' or '.join(f'{r.code} ({r.name})' for r in alike)}?" if alike else _codes_of(country)
    message = "'{value}' is not a NUTS code; give the code, not the name: {hint}"
    return _wrong("region_name", message, value=brief(value), hint=hint)


def region_code(value: str, country: str) -> str:
    """The NUTS code ``value`` names, in upper case; a human error if it is not a region of ``country``."""
    registry = regions()
    code = value.upper()
    if len(code) == 2 and countries().normalise(code) is not None:
        raise _wrong(
            "region_country_code",
            "'{code}' is a country code, not a region; {choices}",
            code=code,
            choices=_codes_of(country),
        )
    if not CODE.fullmatch(code):
        raise _not_a_code(value, country)
    region = registry.get(code)
    if region is None and _named_like(value, country) and not value.isupper():
        raise _not_a_code(value, country)  # a name that happens to look like a code, such as Norte
    if region is None:
        parents = [registry.get(code[:length]) for length in (4, 3)]
        parent = next((p for p in parents if p is not None and p.country == country), None)
        if parent is not None and parent.level == 1:
            hint = choose_within(parent)
        elif parent is not None:
            hint = f"{parent.code} is NUTS 2 {parent.name}; give it, or one of its NUTS 3 regions"
        else:
            hint = _codes_of(country)
        raise _wrong("unknown_region", "unknown NUTS region '{code}': {hint}", code=brief(code), hint=hint)
    if region.country != country:
        raise _wrong(
            "region_country",
            "region {code} ({name}) lies in {region_country}, not in {country}",
            code=code,
            name=region.name,
            region_country=region.country,
            country=country,
        )
    return code
