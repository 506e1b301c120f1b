"""What a check concludes about a file, in the same words in the terminal, the summary and the comment.

A file that meets the four criteria has only been self-assessed; "label" is said only of a label
recorded in the file (``label: {awarded, by, reference}``).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.check.report import Summary
from generator.validate.models import AwardedLabel
from generator.wording import count

MEETS = "meets the ESCP-S3 criteria (self-assessed)"


def file_verdict(criteria_met: bool, statuses: Iterable[str]) -> str:
    """The verdict on a valid file, from its criteria's statuses."""
    if criteria_met:
        return MEETS
    found = set(statuses)
    if "not-met" not in found and "undetermined" in found:
        return "ESCP-S3 criteria undetermined (counted as not met)"
    return "does not meet the ESCP-S3 criteria"


def label_text(label: AwardedLabel) -> str:
    return f"ESCP-S3 label awarded {label.awarded.isoformat()} by {label.by}"


def summary_text(summary: Summary) -> str:
    meet = "meets" if summary.criteria_met == 1 else "meet"
    return (
        f"{count(summary.files, 'file')}: {summary.valid} valid, {summary.criteria_met} {meet} the ESCP-S3 "
        f"criteria (self-assessed), {summary.label_awarded} with an awarded label recorded"
    )
