"""Shared fixtures. A test that needs a missing tool skips locally but fails in CI (CI=true)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARTNERSHIPS = ROOT / "partnerships"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_tool(name: str) -> str:
    """The path of a command-line tool; skips the test where it is missing, fails in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if IN_CI:
            pytest.fail(f"{message}: in CI a missing tool is a failure")
        pytest.skip(message)
    return path


def require_file(path: Path, needed_from: str) -> Path:
    """``path`` when it exists; skips the test where it is missing, fails in CI (``needed_from`` installs it)."""
    if not path.is_file():
        message = f"{path} is missing"
        if IN_CI:
            pytest.fail(f"{message}: {needed_from} installs it in CI")
        pytest.skip(message)
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run the tests marked slow (always run with CI=true)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow (minutes of downloads) run in CI and with --slow; elsewhere they are skipped."""
    if IN_CI or config.getoption("--slow"):
        return
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.skip(reason="slow: run with --slow (CI=true runs it)"))
