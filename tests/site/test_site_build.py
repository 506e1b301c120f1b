"""Whole builds: reproducible, strict, atomic, and partnership pages that do not grow with the directory."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_project import BUNDLED, add_copies, build, new_project

from generator.plugin.build import SiteBuildError


def tree(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


# One of each kind of page and file, the maps, region pages, statistics and badges among them
EVERY_KIND = (
    "index.html",
    "regions/index.html",
    "regions/pl21/index.html",
    "countries/pl/index.html",
    "statistics/index.html",
    "partnerships/additive-manufacturing/index.html",
    "partnerships/additive-manufacturing/badge.svg",
    "assets/escp/nuts2.svg",
    "data/statistics.json",
    "sitemap.xml.gz",
)


def test_two_builds_are_byte_identical_whatever_the_clock_and_the_hash_seed(bundled_site: Path, tmp_path: Path) -> None:
    """The second build is ``escp build`` in another process, whose clock says 1970-01-02 (were MkDocs' clock
    used) and whose string hashes differ (a set's order, were one iterated into a page, would change)."""
    project = new_project(tmp_path / "project")
    seed = "2027" if os.environ.get("PYTHONHASHSEED") != "2027" else "2028"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "86400", "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "generator.cli", "build"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    first, second = tree(bundled_site), tree(project / "site")
    assert set(EVERY_KIND) <= first.keys()
    assert len([name for name in first if name.startswith("regions/")]) > 50
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_bundled_build_is_strict_and_silent(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(new_project(tmp_path / "project"))
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = new_project(tmp_path / "project")
    site = build(project)
    before = tree(site)
    broken = project / "partnerships" / "broken.yml"
    broken.write_text("title: An invalid partnership\n", encoding="utf-8")
    with pytest.raises(SiteBuildError):
        build(project)
    assert "broken.yml:1:1: contact: missing required field 'contact'" in caplog.text
    assert tree(site) == before
    assert sorted(path.name for path in project.iterdir()) == [
        "content",
        "partnerships",
        "site",
        "site-config.yml",
        "theme",
    ]


def test_the_build_refuses_a_symbolic_link_to_a_partnership(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = new_project(tmp_path / "project", [])
    (project / "partnerships" / "linked.yml").symlink_to(BUNDLED / "blue-bioeconomy.yml")
    with pytest.raises(SiteBuildError):
        build(project)
    assert "linked.yml:1:1: the file is a symbolic link" in caplog.text


def test_a_broken_link_in_a_page_fails_the_strict_build(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    (project / "content" / "faq.md").write_text("# FAQ\n\nSee [nowhere](missing.md).\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="strict"):
        build(project)
    assert not (project / "site").exists()


def test_partnership_pages_weigh_the_same_in_a_small_and_a_large_directory(tmp_path: Path) -> None:
    small = build(new_project(tmp_path / "small"))
    large_project = new_project(tmp_path / "large")
    add_copies(large_project, 190)
    large = build(large_project)
    assert len(list((large / "partnerships").iterdir())) == 200
    for slug in ("blue-bioeconomy", "smart-grids-flexibility"):
        small_size = (small / "partnerships" / slug / "index.html").stat().st_size
        large_size = (large / "partnerships" / slug / "index.html").stat().st_size
        assert abs(large_size - small_size) <= 0.05 * small_size, (slug, small_size, large_size)


def test_the_checkers_warnings_are_shown_by_escp_build_without_failing_it(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    source = project / "partnerships" / "blue-bioeconomy.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text("\n".join(line for line in text.splitlines() if not line.startswith("thematic_area:")) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "blue-bioeconomy.yml:" in result.stderr
    assert "warning: title: thematic_area is not set" in result.stderr


def test_escp_build_shows_control_characters_from_the_data_escaped(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    source = project / "partnerships" / "blue-bioeconomy.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text("\n".join(line for line in text.splitlines() if not line.startswith("thematic_area:")) + "\n")
    source.rename(source.with_name("blue\x1b[2K\x1b[1A\x9b32mALL GOOD.yml"))  # a warning, or an error, names it
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build"], cwd=project, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert "blue\\x1b[2K\\x1b[1A\\u009b32mALL GOOD.yml" in output
    assert "\x1b" not in output and "\x9b" not in output
