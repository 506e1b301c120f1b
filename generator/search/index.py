"""The prebuilt lunr index, packed for download and unpacked by lunr.js in the browser.

lunr's own serialisation repeats every (term, field, document) triple twice: once in the inverted
index and once in the field vectors. The packed form keeps only the sorted terms and the field
vectors, with term numbers delta-encoded; ``explorer.js`` rebuilds the inverted index from them.
"""

from __future__ import annotations

from typing import Any

from lunr import lunr

from generator.search.stemmer import english_builder

FIELDS = ({"field_name": "title", "boost": 10}, {"field_name": "body"})
LUNR_VERSION = "2.3.9"


def _delta_encoded(vector: list[float], positions: dict[int, int]) -> list[float]:
    """A field vector with its terms renumbered by ``positions``, sorted, delta-encoded."""
    pairs = sorted((positions[int(vector[i])], vector[i + 1]) for i in range(0, len(vector), 2))
    packed: list[float] = []
    previous = 0
    for term, score in pairs:
        packed += [term - previous, score]
        previous = term
    return packed


def pack(serialized: dict[str, Any], documents: int) -> dict[str, Any]:
    """Terms in sorted order (lunr.js inserts them so); lunr.py numbers them in insertion order."""
    fields: list[str] = serialized["fields"]
    postings = serialized["invertedIndex"]
    positions = {posting["_index"]: position for position, (_term, posting) in enumerate(postings)}
    vectors: list[list[list[float]]] = [[[] for _ in range(documents)] for _ in fields]
    for key, vector in serialized["fieldVectors"]:
        field, ref = key.split("/", 1)
        vectors[fields.index(field)][int(ref)] = _delta_encoded(vector, positions)
    return {
        "version": serialized["version"],
        "fields": fields,
        "pipeline": serialized["pipeline"],
        "terms": [term for term, _posting in postings],
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
