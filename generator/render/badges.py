"""A small SVG badge in the flat style of shields.io: a grey label, a coloured message, white text.

The badge is a standalone file that other websites embed, so it carries everything itself: its size
from the texts' computed widths (``textLength`` keeps each text inside its box whatever font the
reader has), a title for screen readers and tooltips, no font file and no request.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.reference.text_widths import text_width
from generator.render.svg import accessible_root, number, text

HEIGHT = 20
FONT_SIZE = 11
PADDING = 6  # px each side of a text
LABEL_COLOUR = "#555"  # white text: 7.5:1
FONT = "DejaVu Sans,Verdana,Geneva,sans-serif"


@dataclass(frozen=True)
class BadgeStatus:
    message: str
    colour: str  # white text on it contrasts by at least 4.5:1
    title: str


CRITERIA_MET = "#2e7d32"  # Material green 800: 5.1:1
LABELLED = "#0d47a1"  # Material blue 900: 8.6:1
LISTED = "#455a64"  # Material blue grey 700: 7.0:1


def status(criteria_met: bool, label_year: int | None = None) -> BadgeStatus:
    """What a partnership's badge says: a recorded label first, else the self-assessed criteria, else listed."""
    if label_year is not None:
        return BadgeStatus(f"label {label_year}", LABELLED, f"ESCP-S3 label {label_year}")
    if criteria_met:
        return BadgeStatus("criteria met", CRITERIA_MET, "Meets the ESCP-S3 criteria (self-assessed)")
    return BadgeStatus("listed", LISTED, "Listed in the ESCP-S3 directory")


def _text(x: float, width: float, value: str) -> str:
    return (
        f'<text x="{number(x)}" y="14" textLength="{number(width)}" lengthAdjust="spacingAndGlyphs">'
        f"{text(value)}</text>"
    )


def badge(label: str, badge_status: BadgeStatus, subject: str = "") -> Markup:
    """The badge as a complete SVG document, titled by its status; ``subject`` (the partnership) in its description."""
    label_width, message_width = (_width(value) for value in (label, badge_status.message))
    left = label_width + 2 * PADDING
    total = badge_width(label, badge_status)
    description = f"{subject} in the ESCP-S3 directory" if subject else "ESCP-S3 directory"
    body = (
        f'<clipPath id="escp-badge-round"><rect width="{number(total)}" height="{HEIGHT}" rx="3"/></clipPath>'
        f'<g clip-path="url(#escp-badge-round)"><rect width="{number(left)}" height="{HEIGHT}" fill="{LABEL_COLOUR}"/>'
        f'<rect x="{number(left)}" width="{number(total - left)}" height="{HEIGHT}" fill="{badge_status.colour}"/></g>'
        f'<g fill="#fff" font-family="{FONT}" font-size="{FONT_SIZE}">'
        f"{_text(PADDING, label_width, label)}{_text(left + PADDING, message_width, badge_status.message)}</g>"
    )
    attributes = f'width="{number(total)}" height="{HEIGHT}" viewBox="0 0 {number(total)} {HEIGHT}"'
    return accessible_root("escp-badge", badge_status.title, description, attributes, body)


@dataclass(frozen=True)
class Embedding:
    """What a partnership copies to show its badge on its own website, linked to its page here."""

    markdown: str
    html: str


def embedding(badge_url: str, page_url: str, badge_status: BadgeStatus, width: int) -> Embedding:
    """Snippets for the absolute ``badge_url`` and ``page_url``; the status title is the image's text alternative."""
    alt = badge_status.title
    html = (
        f'<a href="{escape(page_url)}"><img src="{escape(badge_url)}" alt="{escape(alt)}" '
        f'width="{width}" height="{HEIGHT}"></a>'
    )
    return Embedding(f"[![{alt}]({badge_url})]({page_url})", html)


def _width(value: str) -> int:
    """The text's width rounded up to whole pixels, so that the badge's size is a whole number (HTML's img width)."""
    return math.ceil(text_width(value, FONT_SIZE))


def badge_width(label: str, badge_status: BadgeStatus) -> int:
    return sum(_width(value) + 2 * PADDING for value in (label, badge_status.message))
