"""The directory's settings: plain typed models read from the ``escp`` plugin entry of ``site-config.yml``.

The checker, the criteria and the site read these models; MkDocs never reaches them. The MkDocs
plugin's configuration classes (``generator/plugin/options.py``) only hand their raw values to
:func:`settings_from`, and the command line reads the file with :func:`load_settings`, which
understands ``!ENV`` and ``INHERIT`` as MkDocs does (same libraries: ``pyyaml-env-tag`` and
``mergedeep``), so the two can never read the configuration differently. Defaults are the values
of the 2016 ESCP-S3 call.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

import mergedeep
import yaml
import yaml_env_tag
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError

from generator.reference import Term, Vocabularies, vocabularies

DEFAULT_CONFIG_FILE = "site-config.yml"
PLUGIN_NAME = "escp"


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and what was expected."""


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelSettings(_Settings):
    """Thresholds and reference lists of the ESCP-S3 label criteria."""

    min_countries: int = Field(3, ge=1, description="Eligible countries a partnership's members must cover.")
    qualifying_member_types: list[str] = Field(
        ["cluster-organisation", "business-network", "technology-centre", "science-park"],
        min_length=1,
        description="Member types that count for the member-types criterion.",
    )
    require_legal_entity: bool = Field(True, description="Every member needs a legal entity.")
    eligible_countries: list[str] | None = Field(
        None, description="ISO codes of eligible countries; default: generator/data/countries.csv."
    )
    programming_period: str = Field("2014-2020", description="Classification of regions used for cohesion.")
    cohesion_categories: list[str] = Field(
        ["less-developed", "transition"], min_length=1, description="Categories of region that qualify."
    )


def _platform(value: Any) -> Any:
    return {"label": value} if isinstance(value, str) else value


class PlatformSettings(_Settings):
    """A thematic platform added by configuration: ``id: Label`` or ``id: {label, description}``."""

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    description: str = ""


GitHubRepository = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")
]
PlatformId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Settings(_Settings):
    """Options of the ``escp`` plugin entry."""

    partnerships_dir: str = Field("partnerships", description="Folder of the partnership files.")
    repository: GitHubRepository | None = Field(
        None,
        description="https://github.com/<owner>/<name> of the directory: where 'Ask to join' opens an issue. "
        "Not MkDocs' repo_url, whose header widget would make every page call api.github.com.",
    )
    platforms: dict[PlatformId, Annotated[PlatformSettings, BeforeValidator(_platform)]] = Field(
        default_factory=dict, description="More thematic platforms: id → label or {label, description}."
    )
    label: LabelSettings = Field(default_factory=LabelSettings)

    @cached_property
    def vocabularies(self) -> Vocabularies:
        """The controlled vocabularies, with the platforms configured here."""
        extra = {key: Term(key, value.label, value.description) for key, value in self.platforms.items()}
        return vocabularies().with_platforms(extra)


def _where(loc: tuple[int | str, ...]) -> str:
    return " → ".join(["plugins", PLUGIN_NAME, *(str(step) for step in loc)])


MESSAGES = {  # Pydantic's error types, in the words of a person editing site-config.yml
    "missing": "missing; give a value",
    "extra_forbidden": "unknown option",
    "string_pattern_mismatch": "expected lower-case words joined by hyphens, e.g. blue-economy",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of options",
    "model_type": "expected a mapping of options",
    "model_attributes_type": "expected a mapping of options",
    "string_type": "expected text",
    "string_too_short": "expected text",
    "too_short": "expected at least one item",
}


def _message(error: Any) -> str:
    if error["type"] == "greater_than_equal":
        return f"expected at least {error['ctx']['ge']}"
    if error["loc"][:1] == ("repository",) and error["type"] == "string_pattern_mismatch":
        return "expected the repository's address, https://github.com/<owner>/<name>"
    return MESSAGES.get(error["type"], "not a valid value")


def settings_from(options: dict[str, Any] | None, source: str = DEFAULT_CONFIG_FILE) -> Settings:
    """The settings of the plugin options ``options``; ConfigError names each wrong option in ``source``."""
    try:
        return Settings.model_validate(options or {})
    except ValidationError as error:
        problems = "; ".join(f"{_where(e['loc'])}: {_message(e)}" for e in error.errors(include_url=False))
        raise ConfigError(f"{source}: {problems}") from None


class _ConfigLoader(yaml.SafeLoader):
    """MkDocs' YAML: ``!ENV`` as MkDocs reads it; other tags (``!!python/name:`` …) are not ours to read."""


_ConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config_file(path: Path) -> dict[str, Any]:
    """The configuration in ``path``, with its ``INHERIT`` parents merged in, as ``mkdocs.utils.yaml_load``."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of MkDocs options")
    if "INHERIT" in data:
        parent = Path(os.path.normpath(path.parent / str(data.pop("INHERIT"))))
        if not parent.is_file():
            raise ConfigError(f"{path}: the inherited configuration {parent} does not exist")
        data = mergedeep.merge(read_config_file(parent), data)
    return data


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options given to the ``escp`` plugin in a configuration read by :func:`read_config_file`."""
    plugins = config.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None) for entry in plugins)
    )
    for name, options in entries:
        if name == PLUGIN_NAME:
            return options or {}
    return {}


def load_settings(path: Path | None) -> Settings:
    """The settings in the configuration file ``path``, or the defaults when there is no such file."""
    if path is None or not path.is_file():
        return settings_from(None)
    return settings_from(plugin_options(read_config_file(path)), str(path))
