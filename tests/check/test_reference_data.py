"""The shipped reference data is exactly what the preparation script derives from its sources."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.reference.files import DATA_DIR
from tests.conftest import IN_CI, ROOT

SHARED = ROOT.parent / "shared" / "data"
DERIVED = ("countries.csv", "nuts_regions.csv", "region_categories_2014-2020.csv")


def test_derived_files_are_up_to_date(tmp_path):
    if not SHARED.is_dir():
        if IN_CI:
            pytest.fail(f"{SHARED} is missing: CI has the shared data beside the clone")
        pytest.skip("the shared reference data is not beside this checkout")
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    (copy / "generator" / "data").mkdir(parents=True)
    subprocess.run([sys.executable, str(copy / "scripts" / "prepare_reference_data.py"), str(SHARED)], check=True)
    for name in DERIVED:
        assert (copy / "generator" / "data" / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_every_data_file_is_cited():
    sources = (DATA_DIR / "SOURCES.md").read_text()
    for path in DATA_DIR.iterdir():
        if path.name != "SOURCES.md":
            assert f"`{path.name}`" in sources, path.name
