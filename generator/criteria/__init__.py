"""Stage 3: the ESCP-S3 label criteria, each with a stable id, a verdict and its evidence."""

from generator.criteria.context import LabelContext
from generator.criteria.rules import CRITERIA, Criterion, Verdict, evaluate

__all__ = ["CRITERIA", "Criterion", "LabelContext", "Verdict", "evaluate"]
