"""Settings: the command line and MkDocs read ``site-config.yml`` alike; ``escp check`` never imports MkDocs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.config import load_config

from generator.plugin.options import EscpOptions
from generator.settings import ConfigError, load_settings, settings_from
from tests.conftest import PARTNERSHIPS, ROOT

PARENT = """site_name: parent
plugins:
  - search
  - escp:
      partnerships_dir: !ENV [ESCP_TEST_PARTNERSHIPS, partnerships]
      label:
        min_countries: 4
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""
CHILD = """INHERIT: parent.yml
site_name: child
plugins:
  - search
  - escp:
      partnerships_dir: !ENV [ESCP_TEST_PARTNERSHIPS, partnerships]
      platforms:
        blue-economy: Blue Economy
      label:
        min_countries: 5
"""


def _mkdocs_settings(path):
    """What the plugin makes of the file, read by MkDocs itself."""
    config = load_config(str(path))
    plugin = config.plugins["escp"]
    return plugin.config.settings(str(path))


@pytest.mark.parametrize("variable", [None, "elsewhere"])
def test_env_and_inherit_are_read_as_mkdocs_reads_them(tmp_path, monkeypatch, variable):
    if variable is None:
        monkeypatch.delenv("ESCP_TEST_PARTNERSHIPS", raising=False)
    else:
        monkeypatch.setenv("ESCP_TEST_PARTNERSHIPS", variable)
    (tmp_path / "docs").mkdir()
    (tmp_path / "parent.yml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "site-config.yml").write_text(CHILD, encoding="utf-8")
    ours = load_settings(tmp_path / "site-config.yml")
    assert ours == _mkdocs_settings(tmp_path / "site-config.yml")
    assert ours.partnerships_dir == (variable or "partnerships")
    assert ours.label.min_countries == 5
    assert ours.vocabularies.label("platforms", "blue-economy") == "Blue Economy"


def test_the_repository_configuration_is_read_alike():
    assert load_settings(ROOT / "site-config.yml") == _mkdocs_settings(ROOT / "site-config.yml")


def test_a_platform_without_label_is_a_usage_error_with_its_place(tmp_path):
    (tmp_path / "site-config.yml").write_text(
        "site_name: x\nplugins:\n  - escp:\n      platforms:\n        blue-economy: {description: Seas}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", str(PARTNERSHIPS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "plugins → escp → platforms → blue-economy → label: missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_options_are_named_in_words():
    with pytest.raises(ConfigError) as raised:
        settings_from({"label": {"min_countries": "three", "colour": 1}, "platforms": {"Blue Economy": "x"}})
    message = str(raised.value)
    assert "label → min_countries: expected a whole number" in message
    assert "label → colour: unknown option" in message
    assert "lower-case words joined by hyphens" in message


def test_mkdocs_options_only_adapt():
    options = EscpOptions()
    options.load_dict({"label": {"min_countries": 2}})
    assert options.validate() == ([], [])
    assert options.settings("x.yml") == settings_from({"label": {"min_countries": 2}})


def test_check_imports_no_mkdocs_jinja_or_markdown(tmp_path):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator.cli", "check", str(PARTNERSHIPS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert "generator" in imported
    assert not imported & {"mkdocs", "material", "jinja2", "markdown", "pymdownx", "lunr"}
