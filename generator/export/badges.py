"""``partnerships/<slug>/badge.svg``: each partnership's badge, for its own website to embed."""

from __future__ import annotations

from generator.render.badges import BadgeStatus, Embedding, badge, badge_width, embedding, status
from generator.structure import SiteData, urls
from generator.structure.directory import Entry

BADGE_LABEL = "ESCP-S3"


def badge_status(entry: Entry) -> BadgeStatus:
    """A recorded label first, else what the criteria verdicts say (self-assessed)."""
    label_year = entry.label.awarded.year if entry.label is not None else None
    return status(criteria_met=entry.criteria_met, label_year=label_year)


def badge_embedding(entry: Entry, site_url: str) -> Embedding:
    state = badge_status(entry)
    return embedding(
        site_url + urls.badge(entry.slug),
        site_url + urls.partnership(entry.slug),
        state,
        badge_width(BADGE_LABEL, state),
    )


def badge_files(data: SiteData) -> dict[str, bytes]:
    """Path relative to the site root → SVG, for every partnership."""
    return {
        urls.badge(entry.slug): str(badge(BADGE_LABEL, badge_status(entry), entry.partnership.title)).encode("utf-8")
        for entry in data.directory.entries
    }
