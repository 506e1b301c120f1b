"""The partnership file format: the single source of the JSON Schema, the docs and the messages."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    EmailStr,
    Field,
    StrictBool,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from generator.reference import regions
from generator.validate.regions import region_code
from generator.validate.types import (
    Activity,
    CountryCode,
    DocumentReference,
    GitHubHandle,
    HttpsUrl,
    MemberType,
    NutsCode,
    Platform,
    Sector,
    TechnologyField,
    Unique,
    WebUrl,
    text,
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StrategyReference(Model):
    """Reference to the region's smart-specialisation strategy and the priority the member serves."""

    strategy: Annotated[str, text(300)] = Field(description="Name of the regional or national S3 strategy.")
    priority: Annotated[str, text(300)] = Field(description="The S3 priority the member serves.")
    url: WebUrl | None = Field(
        None, description="Where the strategy is published; without it the support is declared, not evidenced."
    )


class SupportLetter(Model):
    authority: Annotated[str, text(300)] = Field(
        description="Who signed: the authority managing the EU funds in the region; outside the EU, the national "
        "or regional authority or a similar body, such as a regional development agency."
    )
    date: datetime.date = Field(description="Date of the letter, YYYY-MM-DD.")
    document: DocumentReference = Field(
        description="https:// URL of the letter, or its path under evidence/<slug>/, the folder of this partnership."
    )


class SupportLetterReference(Model):
    """Support letter from the authority managing the EU funds in the member's region."""

    letter: SupportLetter


# Union tags appear in error locations: they must not collide with field names.
STRATEGY_TAG, LETTER_TAG = "strategy-reference", "support-letter"


def _s3_support_kind(value: object) -> str | None:
    if isinstance(value, dict):
        return LETTER_TAG if "letter" in value else STRATEGY_TAG
    if isinstance(value, BaseModel):
        return LETTER_TAG if isinstance(value, SupportLetterReference) else STRATEGY_TAG
    return None


S3Support = Annotated[
    Annotated[StrategyReference, Tag(STRATEGY_TAG)] | Annotated[SupportLetterReference, Tag(LETTER_TAG)],
    Discriminator(
        _s3_support_kind,
        custom_error_type="s3_support",
        custom_error_message="s3_support must be {strategy, priority, url} or {letter: {authority, date, document}}",
    ),
]


class ManagingEntity(Model):
    """The legal entity that runs a cluster without legal personality of its own."""

    name: Annotated[str, text(200)] = Field(description="Name of the association, agency or company running it.")
    legal_id: Annotated[str, text(60)] | None = Field(
        None, description="Its PIC or national registration number; merges the organisation across partnerships."
    )


class Member(Model):
    """An organisation of the partnership."""

    name: Annotated[str, text(200)] = Field(description="Name of the organisation.")
    type: MemberType = Field(description="Kind of organisation.")
    legal_entity: StrictBool = Field(description="true when the organisation has its own legal personality.")
    managed_by: ManagingEntity | None = Field(
        None,
        description="For a cluster without legal personality: the legal entity that runs it, "
        "through which it counts as an eligible organisation.",
    )
    legal_id: Annotated[str, text(60)] | None = Field(
        None, description="PIC or national registration number; merges the organisation across partnerships."
    )
    country: CountryCode = Field(description="Country where the organisation is established (ISO 3166-1 alpha-2).")
    region: NutsCode | None = Field(
        None,
        validate_default=True,
        description="NUTS code of its region (any NUTS version 2006-2024): level 2 or 3, e.g. PL92, "
        "or level 1, e.g. BE3, when the NUTS 2 region is not known.",
    )
    city: Annotated[str, text(100)] | None = None
    website: WebUrl | None = None
    role: Literal["coordinator", "partner"] = Field(description="Exactly one member is the coordinator.")
    s3_support: S3Support | None = Field(
        None, description="{strategy, priority, url} or {letter: {authority, date, document}}."
    )

    @field_validator("region")
    @classmethod
    def region_lies_in_country(cls, code: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")
        if country is None:  # the country itself is wrong: reported on its own
            return code
        registry = regions()
        if code is None:
            if country in registry.countries_with_regions:
                raise PydanticCustomError(
                    "region_required",
                    "missing region: members in {country} give the NUTS code of their region (level 2 or 3, "
                    "or level 1 when the NUTS 2 region is not known)",
                    {"country": country},
                )
            return code
        return region_code(code, country)


class Associate(Model):
    """A supporter that is not a member: it never counts towards the label criteria."""

    name: Annotated[str, text(200)]
    country: CountryCode
    kind: Annotated[str, text(100)] = Field(description="e.g. regional authority, university, company.")
    website: WebUrl | None = None


class Contact(Model):
    email: EmailStr
    name: Annotated[str, text(200)] | None = None


class SeekingPartners(Model):
    """Marks the partnership as open to new members."""

    countries: Annotated[list[CountryCode], Unique] = Field(default_factory=list)
    profiles: list[Annotated[str, text(300)]] = Field(default_factory=list, max_length=20)
    note: Annotated[str, text(1000)] | None = None


class AwardedLabel(Model):
    """An ESCP-S3 label awarded after a call; only a repository maintainer may record or change it."""

    awarded: datetime.date = Field(description="Date the label was awarded, YYYY-MM-DD.")
    by: Annotated[str, text(200)] = Field(description="Who awarded it, e.g. European Commission (EASME).")
    reference: HttpsUrl = Field(
        description="https:// URL of the evidence: the award decision or list of labelled partnerships."
    )


class Partnership(Model):
    """A European Strategic Cluster Partnership, as listed in ``partnerships/<slug>.yml``."""

    title: Annotated[str, text(150, min_length=10)] = Field(description="Title naming the thematic area.")
    acronym: Annotated[str, text(20)] | None = None
    platform: Platform = Field(description="Thematic S3 platform.")
    thematic_area: Annotated[str, text(100)] | None = Field(None, description="e.g. Batteries.")
    summary: Annotated[str, text(300)] = Field(description="Plain text, at most 300 characters.")
    description: Annotated[str, text(10_000)] = Field(description="Markdown: vision, objectives, ambitions.")
    sectors: Annotated[list[Sector], Unique] = Field(min_length=1, max_length=10)
    technology_fields: Annotated[list[TechnologyField], Unique] = Field(default_factory=list, max_length=10)
    s3_priorities: Annotated[list[Annotated[str, text(300)]], Unique] = Field(
        min_length=1, max_length=15, description="Smart-specialisation priority areas."
    )
    activities: Annotated[list[Activity], Unique] = Field(min_length=1, description="Joint activities.")
    website: WebUrl | None = None
    contact: Contact
    members: list[Member] = Field(min_length=1, max_length=100)
    associates: list[Associate] = Field(default_factory=list, max_length=100)
    seeking_partners: SeekingPartners | None = None
    maintainers: Annotated[list[GitHubHandle], Unique] = Field(
        min_length=1, description="GitHub handles allowed to change this file."
    )
    added: datetime.date | None = Field(None, description="Date the partnership was listed, YYYY-MM-DD.")
    started: datetime.date | None = Field(None, description="Date the partnership started, YYYY-MM-DD.")
    ended: datetime.date | None = Field(
        None, description="Date the partnership ended, YYYY-MM-DD; absent while active."
    )
    label: AwardedLabel | None = Field(
        None, description="The ESCP-S3 label as awarded, with its evidence; recorded by repository maintainers only."
    )

    @field_validator("ended")
    @classmethod
    def ended_after_started(cls, ended: datetime.date | None, info: ValidationInfo) -> datetime.date | None:
        started = info.data.get("started")
        if ended is not None and started is not None and ended < started:
            raise PydanticCustomError(
                "ended_before_started",
                "ended {ended} is before started {started}; the partnership must start before it ends",
                {"ended": ended.isoformat(), "started": started.isoformat()},
            )
        return ended

    @field_validator("members")
    @classmethod
    def one_coordinator(cls, members: list[Member]) -> list[Member]:
        coordinators = [index for index, member in enumerate(members) if member.role == "coordinator"]
        if not coordinators:
            raise PydanticCustomError("coordinator", "no member has role: coordinator; exactly one must", {})
        if len(coordinators) > 1:
            raise PydanticCustomError(
                "coordinator",
                "{count} members have role: coordinator (members {indexes}); exactly one may",
                {
                    "count": len(coordinators),
                    "indexes": ", ".join(str(i) for i in coordinators),
                    "at": (coordinators[1], "role"),
                },
            )
        return members
