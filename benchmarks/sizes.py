"""What a built site ships to the browser, per partnership."""

from __future__ import annotations

import gzip
from pathlib import Path


def file_sizes(paths: list[Path]) -> tuple[int, int]:
    """Raw and gzipped bytes of the files together."""
    raw = b"".join(path.read_bytes() for path in paths)
    return len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))


def explorer_files(site: Path) -> list[Path]:
    """The index and facet data the explorer downloads (not lunr.js itself, a fixed cost)."""
    return sorted((site / "assets" / "escp").glob("explorer*.json"))


def map_page_sizes(site: Path) -> dict[str, int]:
    """Gzipped weight of the pages with maps, the largest region page, and the geometry every map shares."""
    regions = sorted(site.glob("regions/*/index.html"), key=lambda path: (path.stat().st_size, path))
    return {
        "home_page_gzip_bytes": file_sizes([site / "index.html"])[1],
        "regions_page_gzip_bytes": file_sizes([site / "regions" / "index.html"])[1],
        "largest_region_page_gzip_bytes": file_sizes(regions[-1:])[1],
        "map_geometry_gzip_bytes": file_sizes([site / "assets" / "escp" / "nuts2.svg"])[1],
    }


def site_sizes(site: Path, count: int, sample_slug: str) -> dict[str, float]:
    explorer_raw, explorer_gz = file_sizes(explorer_files(site))
    search_raw, search_gz = file_sizes([site / "search" / "search_index.json"])
    page = site / "partnerships" / sample_slug / "index.html"
    statistics_raw, statistics_gz = file_sizes([site / "statistics" / "index.html"])
    return {
        "explorer_bytes_per_partnership": round(explorer_raw / count),
        "explorer_gzip_bytes_per_partnership": round(explorer_gz / count),
        "search_index_bytes_per_partnership": round(search_raw / count),
        "search_index_gzip_bytes_per_partnership": round(search_gz / count),
        "partnership_page_bytes": page.stat().st_size,
        "statistics_page_bytes": statistics_raw,
        "statistics_page_gzip_bytes": statistics_gz,
        **map_page_sizes(site),
    }
