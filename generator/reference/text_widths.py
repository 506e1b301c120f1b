"""How wide a text is drawn, estimated from DejaVu Sans' advance widths (``generator/data/text_widths.csv``)."""

from __future__ import annotations

from functools import cache

from generator.reference.files import read_rows

WIDEST = "W"  # stands in for a character the table does not have: an estimate errs on the wide side


@cache
def advances() -> dict[str, float]:
    """Character → advance width in ems."""
    return {row["character"]: int(row["advance_per_mille_em"]) / 1000 for row in read_rows("text_widths.csv")}


def text_width(text: str, font_size: float) -> float:
    """Width in the units of ``font_size`` (e.g. CSS pixels) of ``text`` on one line, without kerning."""
    table = advances()
    return font_size * sum(table.get(char, table[WIDEST]) for char in text)
