"""MkDocs at one door: the ``escp`` plugin, its MkDocs configuration classes, and building with MkDocs.

This package is the only part of ``generator`` that imports MkDocs. Everything the plugin shows
comes from the stages before it (``structure``, ``render``, ``explorer``, ``export``); moving to
another site generator means rewriting this package only.
"""

from generator.plugin.events import EscpPlugin

__all__ = ["EscpPlugin"]
