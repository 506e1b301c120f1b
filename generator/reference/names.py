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


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold().translate(LETTERS))


def search_key(text: str) -> str:
    """Lower case, no diacritics, words separated by one space: "Łódź" → "lodz", "Sankt-Pölten" → "sankt polten"."""
    bare = "".join(char for char in _decomposed(text) if not unicodedata.combining(char))
    return " ".join(_SEPARATORS.sub(" ", bare).split())


def compact(text: str) -> str:
    """``search_key`` without spaces, fast on a whole file: "Agro-Transilvania Cluster" → "agrotransilvaniacluster"."""
    if text.isascii():  # most names: nothing to decompose (and translate is slow)
        return _SEPARATORS.sub("", text.lower())
    return _SEPARATORS.sub("", _decomposed(text))  # diacritics are not word characters: the pattern drops them
