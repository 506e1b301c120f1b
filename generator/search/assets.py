"""The files the explorer downloads: lunr.js from the installed MkDocs, and the index with the facets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import mkdocs

from generator.directory import Directory
from generator.search.context import ASSETS_DIR, DATA_FILE, LUNR_FILE
from generator.search.facets import build_facets, compact_facets
from generator.search.index import build_index
from generator.search.text import country_names, index_documents

LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"


def search_data(directory: Directory) -> dict[str, Any]:
    """Everything ``explorer.js`` needs besides the page: index, facet values, country names."""
    return {
        "index": build_index(index_documents(directory)),
        **compact_facets(build_facets(directory)),
        "countries": country_names(directory),
    }


def write_explorer_assets(directory: Directory, site_dir: Path) -> None:
    target = site_dir / ASSETS_DIR
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LUNR_JS, target / LUNR_FILE)
    text = json.dumps(search_data(directory), ensure_ascii=False, separators=(",", ":"))
    (target / DATA_FILE).write_text(text, encoding="utf-8")
