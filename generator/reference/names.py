"""Search keys of place and region names: what a person types, whatever the spelling.

``search_key("Île-de-France") == search_key("ile de france") == "ile de france"``. The shipped places
table stores these keys, so ``scripts/prepare_places.py`` uses this function too: a change here needs
the table regenerated (its up-to-date test says so).
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that Unicode does not decompose into a base letter and a diacritic.
LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"}
)
_SEPARATORS = re.compile(r"[\W_]+")


def search_key(text: str) -> str:
    """Lower case, no diacritics, words separated by one space: "Łódź" → "lodz", "Sankt-Pölten" → "sankt polten"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTERS))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_SEPARATORS.sub(" ", bare).split())
