"""``--changed-since`` in a large directory: fast, yet the directory-wide rules see every file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.listing import read_title
from generator.pullrequest.changes import check_changes
from generator.settings import settings_from
from tests.conftest import PARTNERSHIPS, ROOT
from tests.workflow.test_pr_check import base_repository, commit, git

SOURCE = (PARTNERSHIPS / "batteries-value-chain.yml").read_text(encoding="utf-8")
TITLE = "Batteries Value Chain Partnership for Smart Specialisation"


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    repo = base_repository(tmp_path_factory.mktemp("big"))
    for index in range(1000):
        text = SOURCE.replace(f"title: {TITLE}", f"title: {TITLE} {index}")
        (repo / "partnerships" / f"partnership-{index:04d}.yml").write_text(text, encoding="utf-8")
    _, base = commit(repo)  # the thousand files are the base of the change below
    return repo, base


def test_one_changed_file_in_a_thousand_is_checked_fully_the_others_only_for_titles(thousand, monkeypatch):
    """Its speed is the benchmark's "one-file check (PR)" row (python -m benchmarks.run), not a timed test."""
    repo, base = thousand
    monkeypatch.chdir(repo)
    changed = repo / "partnerships" / "partnership-0500.yml"
    changed.write_text(SOURCE.replace(f"title: {TITLE}", f"title: {TITLE} 7"), encoding="utf-8")
    commit(repo)
    report = check_changes(base, "ingrid-battcluster", False, Path("partnerships"), settings_from(None))
    assert [file.path for file in report.files] == [Path("partnerships/partnership-0500.yml")]
    assert any("already used by partnerships/partnership-0007.yml" in p.message for p in report.files[0].errors)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("title: First\nsummary: x\n", "First"),
        ("acronym: A\nmembers:\n  - title: nested\n    name: x\ntitle: Late title\n", "Late title"),
        ("description: |\n  title: in a block\ntitle: 'Quoted: yes'\n", "Quoted: yes"),
        ("title:\n  - a list\n", None),
        ("- title: x\n", None),
        ("title: [unclosed\n", None),
        ("summary: x\n", None),
    ],
)
def test_titles_are_read_from_the_top_level_only(tmp_path, text, title):
    path = tmp_path / "p.yml"
    path.write_text(text, encoding="utf-8")
    assert read_title(path) == title


def test_the_working_tree_counts_before_the_first_commit(tmp_path):
    """What a contributor has not committed yet is checked too: untracked, staged and edited files."""
    repo = base_repository(tmp_path)
    new = repo / "partnerships" / "baltic-batteries.yml"
    new.write_text(SOURCE.replace(f"title: {TITLE}", "title: Baltic Batteries Partnership"), encoding="utf-8")
    edited = repo / "partnerships" / "blue-bioeconomy.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("title:", "title: Edited", 1), encoding="utf-8")
    staged = repo / "partnerships" / "circular-textiles.yml"
    staged.write_text(staged.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(repo, "add", str(staged))
    (repo / "notes.txt").write_text("my notes, not part of the change\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--changed-since", "main", "--format", "json"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    report = json.loads(result.stdout)
    checked = sorted(file["path"] for file in report["files"])
    assert checked == [
        "partnerships/baltic-batteries.yml",
        "partnerships/blue-bioeconomy.yml",
        "partnerships/circular-textiles.yml",
    ], result.stderr
    assert "notes.txt" not in result.stdout
