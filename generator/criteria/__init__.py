"""Stage 3: the ESCP-S3 label criteria, each with a stable id, a verdict and its evidence."""

from generator.criteria.context import LabelContext
from generator.criteria.rules import (
    CRITERIA,
    STATUSES,
    Criterion,
    Status,
    Verdict,
    evaluate,
    evidenced,
    support_evidence,
)

__all__ = [
    "CRITERIA",
    "STATUSES",
    "Criterion",
    "LabelContext",
    "Status",
    "Verdict",
    "evaluate",
    "evidenced",
    "support_evidence",
]
