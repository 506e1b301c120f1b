"""What a built site ships to the browser, per partnership."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import LONE_REGION


def file_sizes(paths: list[Path]) -> tuple[int, int]:
    """Raw and gzipped bytes of the files together."""
    raw = b"".join(path.read_bytes() for path in paths)
    return len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))


def explorer_files(site: Path) -> list[Path]:
    """The index and facet data the explorer downloads (not lunr.js itself, a fixed cost)."""
    return sorted((site / "assets" / "escp").glob("explorer*.json"))


def _largest(paths: list[Path]) -> list[Path]:
    return sorted(paths, key=lambda path: (path.stat().st_size, path))[-1:]


# The new pages of issue 13 (maps, region pages, statistics, badges), gzipped as a server sends them: the key of
# each figure in the results, and the files it weighs.
PAGE_WEIGHTS: dict[str, Callable[[Path, str], list[Path]]] = {
    "home_page": lambda site, _: [site / "index.html"],
    "regions_page": lambda site, _: [site / "regions" / "index.html"],
    "lone_region_page": lambda site, _: [site / "regions" / LONE_REGION[1].lower() / "index.html"],
    "largest_region_page": lambda site, _: _largest(list(site.glob("regions/*/index.html"))),
    "lone_country_page": lambda site, _: [site / "countries" / LONE_REGION[0].lower() / "index.html"],
    "largest_country_page": lambda site, _: _largest(list(site.glob("countries/*/index.html"))),
    "statistics_page": lambda site, _: [site / "statistics" / "index.html"],
    "partnership_page": lambda site, slug: [site / "partnerships" / slug / "index.html"],
    "badge": lambda site, slug: [site / "partnerships" / slug / "badge.svg"],
    "map_geometry": lambda site, _: [site / "assets" / "escp" / "nuts2.svg"],
}


def page_weights(site: Path, sample_slug: str) -> dict[str, int]:
    """Gzipped bytes of each page of ``PAGE_WEIGHTS``: ``home_page_gzip_bytes`` and so on."""
    return {f"{key}_gzip_bytes": file_sizes(files(site, sample_slug))[1] for key, files in PAGE_WEIGHTS.items()}


def site_sizes(site: Path, count: int, sample_slug: str) -> dict[str, float]:
    explorer_raw, explorer_gz = file_sizes(explorer_files(site))
    search_raw, search_gz = file_sizes([site / "search" / "search_index.json"])
    page = site / "partnerships" / sample_slug / "index.html"
    return {
        "explorer_bytes_per_partnership": round(explorer_raw / count),
        "explorer_gzip_bytes_per_partnership": round(explorer_gz / count),
        "search_index_bytes_per_partnership": round(search_raw / count),
        "search_index_gzip_bytes_per_partnership": round(search_gz / count),
        "partnership_page_bytes": page.stat().st_size,
        "statistics_page_bytes": (site / "statistics" / "index.html").stat().st_size,
        **page_weights(site, sample_slug),
    }
