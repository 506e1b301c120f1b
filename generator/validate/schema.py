"""The JSON Schema shipped to editors, generated from the Pydantic models and the vocabularies."""

from __future__ import annotations

import json
from typing import Any

from generator.reference.vocabularies import Vocabularies
from generator.validate.models import Partnership

SCHEMA_ID = "https://escp-directory.eu/schema/partnership.schema.json"
# 2: managed_by, NUTS 1 regions, started/ended, label (README, "What changed")
SCHEMA_VERSION = 2


def _fill_vocabularies(node: Any, terms: Vocabularies) -> None:
    if isinstance(node, dict):
        vocabulary = node.get("x-vocabulary")
        if vocabulary:
            node["enum"] = terms.ids(vocabulary)
            node["markdownEnumDescriptions"] = [terms.label(vocabulary, term) for term in node["enum"]]
        for value in node.values():
            _fill_vocabularies(value, terms)
    elif isinstance(node, list):
        for value in node:
            _fill_vocabularies(value, terms)


def partnership_schema(terms: Vocabularies) -> dict[str, Any]:
    schema = Partnership.model_json_schema()
    _fill_vocabularies(schema, terms)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        **schema,
    }


def partnership_schema_text(terms: Vocabularies) -> str:
    return json.dumps(partnership_schema(terms), indent=2, ensure_ascii=False) + "\n"
