"""The packaged map geometry is what ``scripts/prepare_map_geometry.py`` makes from the inputs in the
repository, and it holds what the maps need: every region, its place, the insets, every older code."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys

import pytest

from generator.reference.files import DATA_DIR, read_rows
from tests.conftest import IN_CI, ROOT

GEOMETRY = DATA_DIR / "nuts_map.json"


def require_prepare_extra() -> None:
    missing = [name for name in ("shapefile", "shapely") if importlib.util.find_spec(name) is None]
    if missing:
        message = f"the 'prepare' extra is not installed (missing {', '.join(missing)})"
        if IN_CI:
            pytest.fail(f"{message}: in CI a missing tool is a failure")
        pytest.skip(message)


def test_packaged_geometry_is_what_the_script_makes(tmp_path):
    require_prepare_extra()
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    (copy / "generator" / "data").mkdir(parents=True)
    shutil.copyfile(DATA_DIR / "nuts_regions.csv", copy / "generator" / "data" / "nuts_regions.csv")
    subprocess.run([sys.executable, str(copy / "scripts" / "prepare_map_geometry.py")], check=True)
    assert (copy / "generator" / "data" / "nuts_map.json").read_bytes() == GEOMETRY.read_bytes()


def test_geometry_is_compact_and_attributed():
    assert GEOMETRY.stat().st_size < 300_000
    geometry = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    assert geometry["attribution"] == "© EuroGeographics for the administrative boundaries"
    assert "GISCO" in geometry["source"]


def test_every_nuts2_code_has_a_place_on_the_map():
    geometry = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    shapes, aliases = geometry["regions"], geometry["aliases"]
    for row in read_rows("nuts_regions.csv"):
        if row["level"] == "2":
            code = row["nuts_id"]
            assert code in shapes or aliases[code][0] in shapes, code
    assert aliases["PL12"] == ["PL91", pytest.approx(0.592)]  # split in 2016: the larger part
    assert aliases["GR30"][0] == "EL30"
    assert shapes["UKI3"]["version"] == "2021"
    assert shapes["PL91"]["version"] == "2024"


def test_far_regions_are_in_insets_inside_the_frame():
    geometry = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    width, height = geometry["width"], geometry["height"]
    assert set(geometry["insets"]) >= {"ES70", "PT20", "PT30", "FRY1", "FRY2", "FRY3", "FRY4", "FRY5"}
    for code, shape in geometry["regions"].items():
        x0, y0, x1, y1 = shape["box"]
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, code
        if code in geometry["insets"]:
            left, top, box_width, box_height = geometry["insets"][code]
            assert left <= x0 and x1 <= left + box_width and top <= y0 and y1 <= top + box_height, code
