"""Countries: ISO 3166-1 codes (pycountry) and those eligible for the label (data file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from generator.reference.files import read_rows

# The EU writes Greece and the United Kingdom with its own codes; the directory stores ISO codes.
EU_ALIASES = {"EL": "GR", "UK": "GB"}
KOSOVO = "XK"  # user-assigned ISO code, used by the EU
KOSOVO_FOOTNOTE = (
    "This designation is without prejudice to positions on status, and is in line with "
    "UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence."
)


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    eu_code: str  # the EU's own code, also the NUTS country code
    name: str
    basis: str | None  # "eu-member-state", "cosme-participant" or None when not eligible


class CountryRegistry:
    def __init__(self, eligible_rows: list[dict[str, str]]) -> None:
        self._eligible = {
            row["iso_code"]: Country(row["iso_code"], row["eu_code"], row["name"], row["basis"])
            for row in eligible_rows
        }
        self._by_nuts_code = {c.eu_code: c.code for c in self._eligible.values()}

    def normalise(self, code: str) -> str | None:
        """The ISO code for ``code`` (ISO or EU alias, any case), or None if unknown."""
        code = EU_ALIASES.get(code.strip().upper(), code.strip().upper())
        if code in self._eligible or code == KOSOVO or pycountry.countries.get(alpha_2=code):
            return code
        return None

    def get(self, code: str) -> Country:
        if code in self._eligible:
            return self._eligible[code]
        record = pycountry.countries.get(alpha_2=code)
        name = getattr(record, "common_name", None) or record.name if record else code
        return Country(code, code, name, None)

    def eligible_codes(self) -> frozenset[str]:
        return frozenset(self._eligible)

    def iso_for_nuts(self, nuts_country: str) -> str:
        """ISO code of a NUTS country code (EL, UK, and GR in NUTS 2006)."""
        return self._by_nuts_code.get(nuts_country, EU_ALIASES.get(nuts_country, nuts_country))


@cache
def countries() -> CountryRegistry:
    return CountryRegistry(read_rows("countries.csv"))
