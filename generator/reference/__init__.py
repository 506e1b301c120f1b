"""Reference data shipped in ``generator/data`` (sources in ``generator/data/SOURCES.md``)."""

from generator.reference.countries import Country, CountryRegistry, countries
from generator.reference.regions import (
    Classification,
    ClassifiedOverlap,
    Region,
    RegionRegistry,
    programming_periods,
    regions,
)
from generator.reference.vocabularies import Term, Vocabularies, vocabularies

__all__ = [
    "Classification",
    "ClassifiedOverlap",
    "Country",
    "CountryRegistry",
    "Region",
    "RegionRegistry",
    "Term",
    "Vocabularies",
    "countries",
    "programming_periods",
    "regions",
    "vocabularies",
]
