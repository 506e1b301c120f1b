"""Crash paths of escp check found by the review (issue 11, item 8): each is a located problem."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from generator.cli import main
from tests.conftest import PARTNERSHIPS


def check(path: Path) -> tuple[int, dict]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = main(["check", "--format", "json", str(path)])
    return status, json.loads(output.getvalue())


def test_an_evidence_path_longer_than_a_file_name_can_be(tmp_path):
    slug = "additive-manufacturing"
    text = (PARTNERSHIPS / f"{slug}.yml").read_text(encoding="utf-8")
    letter = "https://south-moravia-rio.example.org/letters/am-industry.pdf"
    assert letter in text
    long_name = f"evidence/{slug}/{'a' * 300}.pdf"
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "evidence" / slug).mkdir(parents=True)
    path = tmp_path / "partnerships" / f"{slug}.yml"
    path.write_text(text.replace(letter, long_name), encoding="utf-8")
    status, report = check(path)
    assert status in (0, 1)
    [warning] = report["files"][0]["warnings"]
    assert warning["message"] == f"{long_name} is not in the repository"
    assert warning["field"].endswith("s3_support.letter.document")


def test_a_title_of_3600_hex_digits(tmp_path):
    path = tmp_path / "fuzzed.yml"
    path.write_text("title: 0x" + "f" * 3600 + "\n", encoding="utf-8")
    status, report = check(path)
    assert status == 1
    assert any("put it in quotes" in error["message"] for error in report["files"][0]["errors"])
