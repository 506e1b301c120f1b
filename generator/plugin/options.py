"""The ``escp`` plugin's MkDocs configuration: it only adapts, handing its values to ``generator.settings``."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.settings import ConfigError, Settings, settings_from


class EscpOptions(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' own hook
    """What ``plugins: - escp: {…}`` may hold; validated by :class:`generator.settings.Settings`."""

    partnerships_dir = c.Type(str, default="partnerships")
    platforms = c.Type(dict, default={})
    label = c.Type(dict, default={})
    repository = c.Optional(c.Type(str))

    def settings(self, source: str) -> Settings:
        names = ("partnerships_dir", "platforms", "label", "repository")
        options: dict[str, Any] = {key: self[key] for key in names if self[key] is not None}
        return settings_from(options, source)


__all__ = ["ConfigError", "EscpOptions"]
