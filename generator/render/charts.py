"""Static SVG charts drawn at build time: horizontal bars, and a line for a count that grows over time.

The charts need no script, font or request: they are inline ``<svg role="img">`` with a title and a
description, and each stands beside a table with the same numbers (the table is the accessible,
copyable form; the chart is the glance). Widths are percentages of the content column, so bars and
labels keep their pixel size, readable from a 360 px phone to a desktop. Text is drawn in
``currentColor`` (the page's text colour); bars and the line are a dark indigo that contrasts with a
light background by more than 7:1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.reference.text_widths import text_width
from generator.render.svg import accessible_root, number, text

INK = "#303f9f"  # Material indigo 700: 8.6:1 against white
GRID = "#9e9e9e"
FONT_SIZE = 15
LABEL_WIDTH = 300  # px: longer labels are shortened with an ellipsis (the table beside has them whole)
BAR_ROW = 44  # px per bar: its label on one line, the bar and its value below
BAR_HEIGHT = 16
BAR_SPAN = 82  # % of the width the longest bar takes; the rest is for its value
LINE_HEIGHT = 200  # px of the line chart's plot
LINE_STEPS = 1000  # horizontal resolution of the line chart's plot (its own viewBox)
AXIS_ROOM = 28  # px below the plot for the first and last period


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


@dataclass(frozen=True)
class Point:
    label: str  # the period, e.g. "2024-03"
    value: int


def shortened(label: str, width: float = LABEL_WIDTH, font_size: float = FONT_SIZE) -> str:
    """``label``, or as much of it as fits in ``width`` followed by an ellipsis."""
    if text_width(label, font_size) <= width:
        return label
    while label and text_width(label + "…", font_size) > width:
        label = label[:-1]
    return label.rstrip() + "…"


def _bar(index: int, bar: Bar, largest: int) -> str:
    top = index * BAR_ROW
    share = BAR_SPAN * bar.value / largest if largest else 0
    label = shortened(bar.label)
    full = f"<title>{text(bar.label)}</title>" if label != bar.label else ""
    rect = f'<rect y="{top + 22}" width="{number(share)}%" height="{BAR_HEIGHT}" fill="{INK}"/>' if bar.value else ""
    return (
        f'<text x="0" y="{top + 15}">{full}{text(label)}</text>{rect}'
        f'<text x="{number(share)}%" dx="{6 if bar.value else 0}" y="{top + 35}">{bar.value:,}</text>'
    )


def bar_chart(element_id: str, title: str, description: str, bars: Sequence[Bar]) -> Markup:
    """One horizontal bar per item, in the given order, each under its label with its value at its end."""
    largest = max((bar.value for bar in bars), default=0)
    body = "".join(_bar(index, bar, largest) for index, bar in enumerate(bars))
    height = max(len(bars) * BAR_ROW, BAR_ROW)
    attributes = (
        f'class="escp-chart escp-chart--bars" width="100%" height="{height}" '
        f'font-size="{FONT_SIZE}" fill="currentColor"'
    )
    return accessible_root(element_id, title, description, attributes, body)


def tick_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that divides 0…``largest`` into at most ``ticks`` parts."""
    if largest <= ticks:
        return 1
    rough = largest / ticks
    power = 10 ** math.floor(math.log10(rough))
    return int(next(step * power for step in (1, 2, 5, 10) if step * power >= rough))


def _polyline(points: Sequence[Point], y: Callable[[int], float]) -> str:
    """The line through ``points`` across the plot's width; a single point is a level line."""
    values = [point.value for point in points] * (2 if len(points) == 1 else 1)
    gaps = len(values) - 1
    coordinates = " ".join(f"{number(LINE_STEPS * i / gaps)},{number(y(value))}" for i, value in enumerate(values))
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{INK}" stroke-width="3" '
        f'stroke-linejoin="round" vector-effect="non-scaling-stroke"/>'
    )


def line_chart(element_id: str, title: str, description: str, points: Sequence[Point]) -> Markup:
    """``points`` evenly spaced from left to right, joined by a line, over gridlines labelled with their value.

    The plot is a nested SVG stretched to the width (its strokes keep their width); the texts are
    outside it, in pixels, so they are never stretched.
    """
    largest = max((point.value for point in points), default=0)
    step = tick_step(largest)
    top = max(step * math.ceil(largest / step), step)
    levels = range(0, top + 1, step)

    def y(value: int) -> float:
        return LINE_HEIGHT - 4 - (LINE_HEIGHT - 24) * value / top

    grid = "".join(
        f'<line x1="0" x2="{LINE_STEPS}" y1="{number(y(value))}" y2="{number(y(value))}" stroke="{GRID}" '
        f'stroke-width="1" vector-effect="non-scaling-stroke"/>'
        for value in levels
    )
    plot = (
        f'<svg width="100%" height="{LINE_HEIGHT}" viewBox="0 0 {LINE_STEPS} {LINE_HEIGHT}" '
        f'preserveAspectRatio="none">{grid}{_polyline(points, y) if points else ""}</svg>'
    )
    # Gridline values sit just above their line, at the left edge, over the plot.
    scale = "".join(f'<text x="2" y="{number(y(value) - 4)}">{value:,}</text>' for value in levels[1:])
    periods = (
        f'<text x="0" y="{LINE_HEIGHT + 20}">{text(points[0].label)}</text>'
        f'<text x="100%" y="{LINE_HEIGHT + 20}" text-anchor="end">{text(points[-1].label)}</text>'
        if points
        else ""
    )
    attributes = (
        f'class="escp-chart escp-chart--line" width="100%" height="{LINE_HEIGHT + AXIS_ROOM}" '
        f'font-size="{FONT_SIZE}" fill="currentColor"'
    )
    return accessible_root(element_id, title, description, attributes, plot + scale + periods)
