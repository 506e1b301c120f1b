"""The directory in numbers: what the statistics page charts and ``data/statistics.json`` exports.

Every count is of partnerships, except ``organisation_types`` (organisations, merged across
partnerships). Growth is the number of partnerships listed by the end of each period, from the
files' ``added`` dates: by month when the dates span at most four years, else by year.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.criteria.context import category_label
from generator.structure.directory import Directory, Entry
from generator.structure.organisations import Organisation

MONTHS_BY_MONTH = 48  # longer spans are counted by year


@dataclass(frozen=True)
class Count:
    id: str  # vocabulary id, country code, "yes"/"no", or period ("2024-03", "2024")
    label: str
    value: int


@dataclass(frozen=True)
class Measure:
    """One chart and its table: what is counted, in which unit, and the counts in the order shown."""

    id: str
    title: str
    heading: str  # what the counts' labels are, e.g. "Sector"
    unit: str  # what ``value`` counts, e.g. "partnerships"
    note: str  # how to read it
    counts: tuple[Count, ...]
    total: int  # what a count's share is of: all partnerships, or all member organisations

    def share(self, count: Count) -> float:
        return count.value / self.total if self.total else 0.0


@dataclass(frozen=True)
class Statistics:
    partnerships: int
    measures: tuple[Measure, ...]  # bar charts
    growth: Measure  # the line chart
    undated: int  # partnerships without an ``added`` date, left out of ``growth``

    def measure(self, measure_id: str) -> Measure:
        return next(measure for measure in (*self.measures, self.growth) if measure.id == measure_id)


def _ranked(counter: Counter[str], label: Callable[[str], str], keep: Iterable[str] = ()) -> tuple[Count, ...]:
    """Largest first, then by label; ids in ``keep`` are listed even when nothing has them."""
    ids = set(counter) | set(keep)
    counts = [Count(key, label(key), counter[key]) for key in ids]
    return tuple(sorted(counts, key=lambda count: (-count.value, count.label.casefold(), count.id)))


def _each(entries: Iterable[Entry], values: Callable[[Entry], Iterable[str]]) -> Counter[str]:
    """How many entries have each value (an entry counts once per distinct value)."""
    return Counter(value for entry in entries for value in set(values(entry)))


def _reaches_cohesion(entry: Entry, directory: Directory) -> bool:
    context = directory.context
    return any(context.qualifies_as_cohesion(context.classification(m)) for m in entry.partnership.members)


def _yes_no(flags: list[bool], yes: str, no: str) -> tuple[Count, ...]:
    return (Count("yes", yes, sum(flags)), Count("no", no, len(flags) - sum(flags)))


def _periods(first: datetime.date, last: datetime.date) -> list[str]:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MONTHS_BY_MONTH:
        return [str(year) for year in range(first.year, last.year + 1)]
    return [f"{first.year + (first.month - 1 + i) // 12}-{(first.month - 1 + i) % 12 + 1:02d}" for i in range(months)]


def growth(dates: list[datetime.date]) -> tuple[Count, ...]:
    """Partnerships listed by the end of each period, from the first period with a date to the last."""
    if not dates:
        return ()
    periods = _periods(min(dates), max(dates))
    key_length = len(periods[0])  # "2024" or "2024-03": the start of an ISO date
    added = Counter(date.isoformat()[:key_length] for date in dates)
    total, counts = 0, []
    for period in periods:
        total += added[period]
        counts.append(Count(period, period, total))
    return tuple(counts)


def statistics(directory: Directory, organisations: Iterable[Organisation]) -> Statistics:
    terms = directory.terms
    entries = directory.entries
    country_name = directory.context.country

    def term(vocabulary: str) -> Callable[[str], str]:
        return lambda term_id: terms.label(vocabulary, term_id)

    members = [org for org in organisations if any(a.role != "associate" for a in org.appearances)]
    cohesion = " or ".join(category_label(c) for c in directory.context.config.cohesion_categories)
    measures = (
        Measure(
            "platforms",
            "Partnerships per thematic platform",
            "Platform",
            "partnerships",
            "Each partnership belongs to one platform.",
            _ranked(_each(entries, lambda e: [e.partnership.platform]), term("platforms"), terms.ids("platforms")),
            len(entries),
        ),
        Measure(
            "sectors",
            "Partnerships per sector",
            "Sector",
            "partnerships",
            "A partnership names one or more sectors, and counts once for each.",
            _ranked(_each(entries, lambda e: e.partnership.sectors), term("sectors")),
            len(entries),
        ),
        Measure(
            "technology-fields",
            "Partnerships per technology field",
            "Technology field",
            "partnerships",
            "A partnership names any number of technology fields, and counts once for each.",
            _ranked(_each(entries, lambda e: e.partnership.technology_fields), term("technology_fields")),
            len(entries),
        ),
        Measure(
            "countries",
            "Partnerships per country of their members",
            "Country",
            "partnerships",
            "A partnership counts once for each country where at least one of its members is established.",
            _ranked(
                _each(entries, lambda e: [m.country for m in e.partnership.members]),
                lambda code: country_name(code).name,
            ),
            len(entries),
        ),
        Measure(
            "cohesion",
            "Partnerships reaching a cohesion region",
            "Members' regions",
            "partnerships",
            f"At least one member is in a region classified {cohesion} for {directory.context.period}"
            f" ({directory.context.decision}).",
            _yes_no([_reaches_cohesion(e, directory) for e in entries], "Reaching a cohesion region", "Not reaching"),
            len(entries),
        ),
        Measure(
            "seeking-partners",
            "Partnerships seeking partners",
            "Open to new members",
            "partnerships",
            "Partnerships whose file says they are open to new members.",
            _yes_no([e.partnership.seeking_partners is not None for e in entries], "Seeking partners", "Not seeking"),
            len(entries),
        ),
        Measure(
            "organisation-types",
            "Member organisations per type",
            "Type of organisation",
            "organisations",
            "Organisations that are members of at least one partnership, each counted once.",
            _ranked(Counter(org.kind for org in members), term("member_types")),
            len(members),
        ),
    )
    dates = [entry.added for entry in entries if entry.added]
    listed = Measure(
        "growth",
        "Partnerships listed over time",
        "By the end of",
        "partnerships",
        "Partnerships listed by the end of each period, from the dates they were added.",
        growth(dates),
        len(entries),
    )
    return Statistics(len(entries), measures, listed, len(entries) - len(dates))
