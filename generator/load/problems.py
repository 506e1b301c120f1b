"""A located problem in a partnership file: what every stage reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    line: int
    column: int
    field: str  # dotted path such as ``members[2].region``; empty for the whole file
    message: str
