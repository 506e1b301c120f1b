"""The files the explorer downloads besides the theme's scripts: the facet values and the index.

lunr.js itself is vendored with the theme (``theme/assets/escp/vendor/``) and copied by MkDocs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.explorer.facets import build_facets, compact_facets
from generator.explorer.index import build_index
from generator.explorer.text import country_names, index_documents
from generator.structure import urls
from generator.structure.directory import Directory


def facet_data(directory: Directory) -> dict[str, Any]:
    """What the filters need: each facet's values, and each partnership's values in every facet."""
    return compact_facets(build_facets(directory))


def index_data(directory: Directory) -> dict[str, Any]:
    """What search needs: the packed lunr index, and the country names that codes typed resolve to."""
    return {"index": build_index(index_documents(directory)), "countries": country_names(directory)}


def _write_json(target: Path, data: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_explorer_assets(directory: Directory, site_dir: Path) -> None:
    _write_json(site_dir / urls.EXPLORER_FACETS, facet_data(directory))
    _write_json(site_dir / urls.EXPLORER_INDEX, index_data(directory))
