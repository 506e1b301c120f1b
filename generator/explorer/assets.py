"""The file the explorer downloads besides the theme's scripts: the index with the facets.

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


def search_data(directory: Directory) -> dict[str, Any]:
    """Everything ``explorer.js`` needs besides the page: index, facet values, country names."""
    return {
        "index": build_index(index_documents(directory)),
        **compact_facets(build_facets(directory)),
        "countries": country_names(directory),
    }


def write_explorer_assets(directory: Directory, site_dir: Path) -> None:
    target = site_dir / urls.EXPLORER_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(search_data(directory), ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")
