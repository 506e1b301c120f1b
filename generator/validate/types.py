"""Field types of the partnership model: each validates, explains itself and documents its schema."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    HttpUrl,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema

from generator.reference import countries, vocabularies
from generator.reference.vocabularies import SINGULAR, Vocabularies
from generator.validate.regions import JSON_PATTERN as REGION_PATTERN
from generator.validate.regions import region_text
from generator.wording import brief

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# File names a partnership cannot take: its page's source, partnerships/<slug>.md, would be another
# page's. MkDocs makes partnerships/index.md the page of the folder, partnerships/, not partnerships/index/.
RESERVED_SLUGS = ("index",)
EVIDENCE_PATH = re.compile(r"evidence/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\Z")
GITHUB_HANDLE = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$"
PATTERN_MEANINGS = {  # what a pattern means, for the message when a value does not match it
    GITHUB_HANDLE: "a GitHub login: letters, digits and single hyphens inside, at most 39 characters",
    # a member's region has its own sentences: generator/validate/regions.py
}


def active_vocabularies(info: ValidationInfo) -> Vocabularies:
    context = info.context or {}
    return context.get("vocabularies") or vocabularies()


@dataclass(frozen=True)
class VocabularyTerm:
    """An id from a controlled vocabulary; the JSON Schema's ``enum`` is filled in from the data."""

    vocabulary: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self.validate, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        json_schema = handler(schema)
        json_schema["x-vocabulary"] = self.vocabulary
        return json_schema

    def validate(self, value: str, info: ValidationInfo) -> str:
        terms = active_vocabularies(info)
        if value in terms.terms[self.vocabulary]:
            return value
        close = terms.closest(self.vocabulary, value)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise PydanticCustomError(
            "unknown_term",
            "unknown {vocabulary} id '{value}'{hint} Allowed: {allowed}",
            {
                "vocabulary": SINGULAR[self.vocabulary],
                "value": brief(value),
                "hint": hint or ".",
                "allowed": ", ".join(terms.ids(self.vocabulary)),
            },
        )


def _country(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    code = countries().normalise(value)
    if code is None:
        raise PydanticCustomError(
            "country_code",
            "unknown country code '{value}'; expected an ISO 3166-1 alpha-2 code such as 'DE' "
            "(EL and UK are accepted for Greece and the United Kingdom)",
            {"value": brief(value)},
        )
    return code


def _web_url(value: str) -> str:
    try:
        HttpUrl(value)
    except ValidationError:
        raise PydanticCustomError(
            "web_url",
            "'{value}' is not a web address; expected a full https:// (or http://) URL",
            {"value": brief(value)},
        ) from None
    if not re.match(r"https?://", value, re.IGNORECASE):
        raise PydanticCustomError("web_url", "'{value}' must start with https:// or http://", {"value": brief(value)})
    return value


def _https_url(value: str) -> str:
    if value.lower().startswith("https://"):
        return _web_url(value)
    raise PydanticCustomError("https_url", "'{value}' must be a full https:// URL", {"value": value})


def _document(value: str) -> str:
    if value.lower().startswith("https://"):
        return _web_url(value)
    if EVIDENCE_PATH.match(value) and ".." not in value.split("/"):
        return value
    raise PydanticCustomError(
        "document_reference",
        "'{value}' is neither an https:// URL nor a file path under evidence/ (such as evidence/<slug>/letter.pdf)",
        {"value": brief(value)},
    )


def _unique(items: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for index, item in enumerate(items):
        if item in seen:
            raise PydanticCustomError("duplicate_item", "'{item}' is listed twice", {"item": item, "at": (index,)})
        seen.add(item)
    return items


def _strip_at(value: Any) -> Any:
    return value.removeprefix("@") if isinstance(value, str) else value


def text(max_length: int, min_length: int = 1) -> Any:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Unique = AfterValidator(_unique)
CountryCode = Annotated[
    str,
    BeforeValidator(_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 alpha-2 code"}),
]
WebUrl = Annotated[
    str,
    text(2000),
    AfterValidator(_web_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}),
]
HttpsUrl = Annotated[
    str,
    text(2000),
    AfterValidator(_https_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]://"}),
]
DocumentReference = Annotated[
    str,
    text(2000),
    AfterValidator(_document),
    WithJsonSchema({"type": "string", "pattern": r"^(https://|evidence/)"}),
]
NutsCode = Annotated[
    str,
    BeforeValidator(region_text),
    WithJsonSchema({"type": "string", "pattern": REGION_PATTERN, "description": "NUTS 1, 2 or 3 code"}),
]
GitHubHandle = Annotated[str, BeforeValidator(_strip_at), StringConstraints(pattern=GITHUB_HANDLE)]
Platform = Annotated[str, VocabularyTerm("platforms")]
Sector = Annotated[str, VocabularyTerm("sectors")]
TechnologyField = Annotated[str, VocabularyTerm("technology_fields")]
Activity = Annotated[str, VocabularyTerm("activities")]
MemberType = Annotated[str, VocabularyTerm("member_types")]
