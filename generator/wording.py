"""Words in messages: counted nouns ("1 file", "3 countries") and quoted values kept short."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` and the noun that agrees with it; ``plural`` defaults to ``singular`` + "s"."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"


MAX_SHOWN = 60  # characters of a value quoted in a message


def brief(value: object) -> str:
    """``value`` as text, cut to MAX_SHOWN characters with an ellipsis: a message quotes, it does not copy."""
    text = str(value)
    return text if len(text) <= MAX_SHOWN else f"{text[: MAX_SHOWN - 1]}…"
