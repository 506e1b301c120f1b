"""Counted nouns in messages: "1 file", "2 files", "1 country", "3 countries"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` and the noun that agrees with it; ``plural`` defaults to ``singular`` + "s"."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"
