"""The explorer: faceted filtering and full-text search over every partnership.

The server-rendered page lists every partnership (``explorer_context``); the browser enhances it
with the prebuilt lunr index and the facet values written by ``write_explorer_assets``.
"""

from generator.explorer.assets import write_explorer_assets
from generator.explorer.context import explorer_context

__all__ = ["explorer_context", "write_explorer_assets"]
