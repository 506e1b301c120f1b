"""The performance goals (issue 12) and the table that shows each figure against its goal.

A goal's limit may tighten with the size of the directory: ``limits`` maps the largest size a
limit applies to onto the limit, and a size above every bound has no goal. The goals for the bytes
a phone downloads before the explorer is interactive are ours: at Lighthouse's "slow 4G" profile
(1.6 Mbit/s, about 200 KB/s) 600 KB is three seconds of transfer for a directory of 1,000, and
1,500 KB (7.5 s) for 10,000, where the page itself must list every partnership for browsers
without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]
EVERY_SIZE = 10**9


@dataclass(frozen=True)
class Goal:
    figure: str
    goal: str  # the goal column, in words
    value: Callable[[Row], float | None]
    show: Callable[[float], str]
    limits: tuple[tuple[int, float], ...]  # (largest size, limit), by size

    def limit(self, size: int) -> float | None:
        return next((limit for bound, limit in self.limits if size <= bound), None)

    def cell(self, row: Row) -> str:
        value = self.value(row)
        if value is None:
            return "—"
        limit = self.limit(row["partnerships"])
        mark = "" if limit is None else (" ✓" if value <= limit else " ✗")
        return self.show(value) + mark

    def met(self, row: Row) -> bool | None:
        value, limit = self.value(row), self.limit(row["partnerships"])
        return None if value is None or limit is None else value <= limit


def _ratio(stage: str, floor: str) -> Callable[[Row], float | None]:
    return lambda row: row[stage]["median_s"] / row[floor]["median_s"] if stage in row and floor in row else None


def _figure(*keys: str) -> Callable[[Row], float | None]:
    def value(row: Row) -> float | None:
        found: Any = row
        for key in keys:
            if not isinstance(found, dict) or key not in found:
                return None
            found = found[key]
        return float(found)

    return value


def _times(value: float) -> str:
    return f"{value:.2f}×"


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _kb(value: float) -> str:
    return f"{value / 1000:,.0f} KB"


GOALS = (
    Goal(
        "check ÷ bare YAML load",
        "≤ 2× at every size, ≤ 1.5× at 10,000",
        _ratio("check", "bare_yaml_load"),
        _times,
        ((9_999, 2.0), (EVERY_SIZE, 1.5)),
    ),
    Goal(
        "one-file check of a pull request (1,000)",
        "≤ 1 s",
        _figure("check_one_file", "median_s"),
        lambda value: f"{value:.2f} s",
        ((EVERY_SIZE, 1.0),),
    ),
    Goal(
        "build ÷ plain mkdocs-material build",
        "≤ 1.3× at every size",
        _ratio("build", "plain_mkdocs_build"),
        _times,
        ((EVERY_SIZE, 1.3),),
    ),
    Goal(
        "build peak memory",
        "≤ 700 MiB at 10,000",
        _figure("build", "peak_mib"),
        lambda value: f"{value:,.0f} MiB",
        ((EVERY_SIZE, 700.0),),
    ),
    Goal(
        "`escp serve`: save → reload (1,000)",
        "≤ 2 s",
        _figure("serve_reload", "median_s"),
        lambda value: f"{value:.2f} s",
        ((EVERY_SIZE, 2.0),),
    ),
    Goal(
        "explorer: navigation → interactive",
        "≤ 400 ms at 1,000, ≤ 1,000 ms at 10,000",
        _figure("interactive_ms"),
        _ms,
        ((1_000, 400.0), (10_000, 1_000.0)),
    ),
    Goal(
        "explorer: bytes before interactive (gzip)",
        "≤ 600 KB at 1,000, ≤ 1,500 KB at 10,000",
        _figure("interactive_gzip_bytes"),
        _kb,
        ((1_000, 600_000.0), (10_000, 1_500_000.0)),
    ),
    Goal(
        "explorer: search, keystroke → frame shown",
        "≤ 50 ms at 1,000, ≤ 100 ms at 10,000",
        _figure("search_ms"),
        _ms,
        ((1_000, 50.0), (10_000, 100.0)),
    ),
    Goal(
        "explorer: filter change → frame shown",
        "≤ 30 ms at 1,000, ≤ 50 ms at 10,000",
        _figure("filter_ms"),
        _ms,
        ((1_000, 30.0), (10_000, 50.0)),
    ),
    Goal(
        "home page with the directory map (gzip)",
        "< 150 KB at 1,000",
        _figure("home_page_gzip_bytes"),
        _kb,
        ((1_000, 149_999.0),),
    ),
)


def goals_table(rows: list[Row]) -> str:
    """One line per goal, one column per directory size, each cell marked ✓ or ✗ against its goal."""
    header = "| figure | " + " | ".join(f"{row['partnerships']:,}" for row in rows) + " | goal |"
    lines = [header, "|---|" + "---:|" * len(rows) + "---|"]
    for goal in GOALS:
        lines.append(f"| {goal.figure} | " + " | ".join(goal.cell(row) for row in rows) + f" | {goal.goal} |")
    return "\n".join(lines)


def verdicts(rows: list[Row]) -> dict[str, dict[str, bool]]:
    """For the JSON results: per goal, per size, whether it is met (sizes without a figure left out)."""
    found: dict[str, dict[str, bool]] = {}
    for goal in GOALS:
        for row in rows:
            met = goal.met(row)
            if met is not None:
                found.setdefault(goal.figure, {})[str(row["partnerships"])] = met
    return found
