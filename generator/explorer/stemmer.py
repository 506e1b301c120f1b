"""The stemmer of lunr.js 2.3.9, which the browser runs on queries, for the index built here.

lunr.py 0.8 stems a final "y" after a vowel ("norway" → "norwai") where lunr.js keeps it
("norway"): the index would never match such words typed in the browser. Compared on 100,000
English words, the two stemmers differ elsewhere only on the non-words "ies" and "eed".
"""

from __future__ import annotations

from functools import cache

from lunr.stemmer import PorterStemmer


class _LunrJsStemmer(PorterStemmer):  # type: ignore[misc]  # lunr.py publishes no types
    b: str  # the word being stemmed, and its bounds
    k: int
    k0: int

    def step1c(self) -> None:
        """A final y becomes i after a consonant that is not the first letter (cry → cri, say → say)."""
        if self.k - self.k0 >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_STEMMER = _LunrJsStemmer()


@cache  # a directory repeats its words: each distinct word is stemmed once
def stem(word: str) -> str:
    stemmed: str = _STEMMER.stem(word)
    return stemmed
