"""Typed configuration of the directory, read from the ``escp`` plugin entry of ``site-config.yml``.

The same classes serve the MkDocs plugin and the ``escp`` command line, so the two can never
read the configuration differently. Defaults are the values of the 2016 ESCP-S3 call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.reference import Vocabularies, vocabularies

DEFAULT_CONFIG_FILE = "site-config.yml"
PLUGIN_NAME = "escp"


class LabelConfig(base.Config):
    """Thresholds and reference lists of the ESCP-S3 label criteria."""

    min_countries = c.Type(int, default=3)
    qualifying_member_types = c.ListOfItems(
        c.Type(str), default=["cluster-organisation", "business-network", "technology-centre", "science-park"]
    )
    require_legal_entity = c.Type(bool, default=True)
    eligible_countries = c.Optional(c.ListOfItems(c.Type(str)))  # default: generator/data/countries.csv
    programming_period = c.Type(str, default="2014-2020")
    cohesion_categories = c.ListOfItems(c.Type(str), default=["less-developed", "transition"])


class EscpConfig(base.Config):
    """Options of the ``escp`` MkDocs plugin."""

    partnerships_dir = c.Type(str, default="partnerships")
    platforms = c.Type(dict, default={})  # more thematic platforms: id → label or {label, description}
    label = c.SubConfig(LabelConfig)


class ConfigError(Exception):
    pass


class _TolerantLoader(yaml.SafeLoader):
    """Reads MkDocs configuration files, ignoring tags such as ``!!python/name:`` and ``!ENV``."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def escp_config(options: dict[str, Any] | None = None) -> EscpConfig:
    config = EscpConfig()
    config.load_dict(options or {})
    errors, _warnings = config.validate()
    if errors:
        raise ConfigError("; ".join(f"{name}: {error}" for name, error in errors))
    return config


def plugin_options(site_config: Path) -> dict[str, Any]:
    """The options given to the ``escp`` plugin in an MkDocs configuration file."""
    raw = yaml.load(site_config.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return entry[PLUGIN_NAME] or {}
    return {}


def load_escp_config(site_config: Path | None) -> EscpConfig:
    """The configuration from ``site_config``, or the defaults when there is no such file."""
    if site_config is None or not site_config.is_file():
        return escp_config()
    return escp_config(plugin_options(site_config))


def configured_vocabularies(config: EscpConfig) -> Vocabularies:
    """The controlled vocabularies, with the platforms this configuration adds."""
    return vocabularies().with_platforms(config.platforms)
