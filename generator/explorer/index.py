"""The prebuilt lunr index, packed for download and unpacked by lunr.js in the browser.

lunr's own serialisation repeats every (term, field, document) triple twice: once in the inverted
index and once in the field vectors. The packed form keeps only the terms, numbered as lunr builds
them (a document's words get near numbers, so the delta-encoded vectors compress well), and the
field vectors; ``explorer-worker.js`` rebuilds the inverted index, sorted as lunr.js needs it.

The index is computed here directly, as lunr.py's ``Builder`` computes it (same tokenizer, pipeline,
term numbering, BM25 scores rounded alike; the tests compare the two on the directory): the builder
makes a token object and runs the pipeline for every word of every document, where a directory
repeats a few thousand distinct words, each turned into its term once here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from lunr.stop_word_filter import WORDS as STOP_WORDS

from generator.explorer.stemmer import stem

FIELD_BOOSTS = {"title": 10, "body": 1}
FIELDS = tuple({"field_name": name, "boost": boost} for name, boost in FIELD_BOOSTS.items())  # as lunr.py takes them
LUNR_VERSION = "2.3.9"
PIPELINE = ["stemmer"]  # the search pipeline lunr.js loads
SEPARATOR = re.compile("[ \t\n\r\f\v\xa0-]+")  # lunr's tokenizer
TRIMMED = re.compile(r"^\W*?([^\W]+)\W*?$")  # lunr's trimmer: a word between non-word characters
K1, B = 1.2, 0.75  # lunr's BM25 parameters


@cache
def _term(word: str) -> str | None:
    """The term lunr's English pipeline makes of a word: trimmed, None if a stop word, stemmed."""
    found = TRIMMED.match(word)
    trimmed = found.group(1) if found else word
    return None if trimmed in STOP_WORDS else stem(trimmed)


def _terms(text: str) -> list[str]:
    return [term for word in SEPARATOR.split(text.lower()) if word and (term := _term(word)) is not None]


def _delta_encoded(vector: list[tuple[int, float]]) -> list[float]:
    """A field vector (term number, score, …) with each term number given as the step from the last."""
    packed: list[float] = []
    previous = 0
    for term, score in vector:
        packed += [term - previous, score]
        previous = term
    return packed


def build_index(documents: Sequence[dict[str, str]]) -> dict[str, Any]:
    """The packed index of ``documents`` (refs "0", "1", … in order), with lunr's English pipeline."""
    fields = list(FIELD_BOOSTS)
    boosts = list(FIELD_BOOSTS.values())
    numbers: dict[str, int] = {}  # term → its number, in order of first appearance
    in_documents: Counter[str] = Counter()  # term → (field, document) pairs that hold it
    frequencies: list[list[Counter[str]]] = [[] for _ in fields]
    for document in documents:
        for field, name in enumerate(fields):
            terms = _terms(document[name])
            counted = Counter(terms)
            for term in terms:
                numbers.setdefault(term, len(numbers))
            in_documents.update(counted.keys())
            frequencies[field].append(counted)
    lengths = [[sum(counted.values()) for counted in per_document] for per_document in frequencies]
    count = len(documents)
    idf = {term: math.log(1 + abs((count - held + 0.5) / (held + 0.5))) for term, held in in_documents.items()}
    vectors: list[list[list[float]]] = []
    for field, per_document in enumerate(frequencies):
        average = sum(lengths[field]) / count if count else 0
        packed = []
        for position, counted in enumerate(per_document):
            norm = K1 * (1 - B + B * (lengths[field][position] / average)) if average else K1 * (1 - B)
            vector = sorted(
                (numbers[term], round(idf[term] * ((K1 + 1) * tf) / (norm + tf) * boosts[field], 3))
                for term, tf in counted.items()
            )
            packed.append(_delta_encoded(vector))
        vectors.append(packed)
    return {
        "version": LUNR_VERSION,
        "fields": fields,
        "pipeline": PIPELINE,
        "terms": list(numbers),  # in lunr's numbering: terms[n] is term number n
        "vectors": vectors,
    }
