"""The prebuilt lunr index, packed for download and unpacked by lunr.js in the browser.

lunr's own serialisation repeats every (term, field, document) triple twice: once in the inverted
index and once in the field vectors. The packed form keeps only the terms, numbered as lunr built
them (a document's words get near numbers, so the delta-encoded vectors compress well), and the
field vectors; ``explorer.js`` rebuilds the inverted index, sorted as lunr.js needs it.
"""

from __future__ import annotations

from typing import Any

from lunr import lunr

from generator.explorer.stemmer import english_builder

FIELDS = ({"field_name": "title", "boost": 10}, {"field_name": "body"})
LUNR_VERSION = "2.3.9"


def _delta_encoded(vector: list[float]) -> list[float]:
    """A field vector (term number, score, …) with each term number given as the step from the last."""
    packed: list[float] = []
    previous = 0
    for position in range(0, len(vector), 2):
        term = int(vector[position])
        packed += [term - previous, vector[position + 1]]
        previous = term
    return packed


def pack(serialized: dict[str, Any], documents: int) -> dict[str, Any]:
    fields: list[str] = serialized["fields"]
    terms = [term for term, _posting in sorted(serialized["invertedIndex"], key=lambda item: item[1]["_index"])]
    vectors: list[list[list[float]]] = [[[] for _ in range(documents)] for _ in fields]
    for key, vector in serialized["fieldVectors"]:
        field, ref = key.split("/", 1)
        vectors[fields.index(field)][int(ref)] = _delta_encoded(vector)
    return {
        "version": serialized["version"],
        "fields": fields,
        "pipeline": serialized["pipeline"],
        "terms": terms,  # in lunr's numbering: terms[n] is term number n
        "vectors": vectors,
    }


def build_index(documents: list[dict[str, str]]) -> dict[str, Any]:
    """The packed index of ``documents`` (refs "0", "1", …), with lunr's English pipeline."""
    if not documents:  # lunr.py cannot build an empty index
        fields = [field["field_name"] for field in FIELDS]
        empty = {"version": LUNR_VERSION, "fields": fields, "pipeline": ["stemmer"], "fieldVectors": []}
        return pack({**empty, "invertedIndex": []}, 0)
    index = lunr(ref="ref", fields=list(FIELDS), documents=documents, builder=english_builder())
    return pack(index.serialize(), len(documents))
