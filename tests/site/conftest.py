"""Fixtures of the site tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_project import build, new_project


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled directory, built once for every test that only reads it."""
    return build(new_project(tmp_path_factory.mktemp("bundled")))
