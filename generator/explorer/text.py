"""The words of each partnership that the full-text index holds.

Country codes are not indexed: "NO", "IT" and "BE" are English stop words. The index holds country
names instead; the browser maps a code typed in the search box to its name (``country_names``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from generator.explorer.facets import terms
from generator.reference import countries, regions
from generator.structure.directory import Directory, Entry

_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+")


def fold(text: str) -> str:
    """Text without diacritics, so that "Malmo" finds "Malmö"; the browser folds queries alike."""
    if text.isascii():  # most of it: nothing to fold
        return text
    text = unicodedata.normalize("NFKD", text)
    return text if text.isascii() else "".join(char for char in text if not unicodedata.combining(char))


def entry_countries(entry: Entry) -> set[str]:
    """Codes of the countries a partnership names: its members', associates' and those it seeks."""
    partnership = entry.partnership
    codes = {member.country for member in partnership.members}
    codes |= {associate.country for associate in partnership.associates}
    if partnership.seeking_partners:
        codes |= set(partnership.seeking_partners.countries)
    return codes


def country_names(directory: Directory) -> dict[str, str]:
    codes = sorted({code for entry in directory.entries for code in entry_countries(entry)})
    return {code: countries().get(code).name for code in codes}


def _labels(directory: Directory, vocabulary: str, ids: list[str]) -> list[str]:
    vocabularies = terms(directory)
    return [vocabularies.label(vocabulary, term_id) for term_id in ids]


def _member_words(entry: Entry) -> Iterator[str]:
    for member in entry.partnership.members:
        region = regions().get(member.region) if member.region else None
        yield from (member.name, member.city or "", region.name if region else "")
    for associate in entry.partnership.associates:
        yield from (associate.name, associate.kind)


def _body_words(directory: Directory, entry: Entry) -> Iterator[str]:
    partnership = entry.partnership
    yield from (partnership.thematic_area or "", partnership.summary)
    yield from _labels(directory, "platforms", [partnership.platform])
    yield from _labels(directory, "sectors", partnership.sectors)
    yield from _labels(directory, "technology_fields", partnership.technology_fields)
    yield from _labels(directory, "activities", partnership.activities)
    yield from _labels(directory, "member_types", sorted({member.type for member in partnership.members}))
    yield from partnership.s3_priorities
    yield from (countries().get(code).name for code in sorted(entry_countries(entry)))
    yield from _member_words(entry)
    if partnership.seeking_partners:
        yield from partnership.seeking_partners.profiles
        yield partnership.seeking_partners.note or ""
    yield _MARKUP.sub(" ", partnership.description)


def index_documents(directory: Directory) -> list[dict[str, str]]:
    """One lunr document per partnership; its ref is its position in the directory."""
    return [
        {
            "ref": str(position),
            "title": fold(f"{entry.partnership.title} {entry.partnership.acronym or ''}"),
            "body": fold(" ".join(_body_words(directory, entry))),
        }
        for position, entry in enumerate(directory.entries)
    ]
