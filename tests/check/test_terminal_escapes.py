"""Terminal escape sequences from the data never reach a terminal, the Actions log or the job summary.

A member name, a field value or a file name can carry ESC and CSI (U+009B) sequences that erase the
previous line, move the cursor and print "ALL GOOD" in green. Every output of ``escp check`` shows
them escaped.
"""

from __future__ import annotations

import re

import pytest

from generator.check.visible import visible
from tests.check.partnership_factory import partnership, write
from tests.check.test_cli import escp

ERASE_AND_LIE = "\x1b[2K\x1b[1A\x1b[2K\r\x1b[32mALL GOOD\x1b[0m"
CSI_ERASE = "\x9b2K\x9b1A"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # tab and newline separate lines


def hostile_folder(tmp_path):
    folder = tmp_path / "partnerships"
    members = partnership()["members"]
    members[1]["name"] = f"Beta{ERASE_AND_LIE} Cluster"
    data = partnership(platform=f"energie{ERASE_AND_LIE}{CSI_ERASE}", members=members)
    write(folder, data, "batteries")
    write(folder, partnership(title="Another title for a second partnership\u202e"), "x\x1b[2Ky")  # in the file name
    return folder


def test_visible_escapes_controls_and_keeps_text():
    assert visible(ERASE_AND_LIE) == "\\x1b[2K\\x1b[1A\\x1b[2K\\x0d\\x1b[32mALL GOOD\\x1b[0m"
    assert visible(CSI_ERASE) == "\\u009b2K\\u009b1A"
    assert visible("a\nb\u2028c\u202ed\x7f\x00") == "a\\x0ab\\u2028c\\u202ed\\x7f\\x00"
    assert visible("Wrocław – Łódź, “quoted” ✓") == "Wrocław – Łódź, “quoted” ✓"


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_no_raw_escape_reaches_the_output(tmp_path, output_format):
    summary = tmp_path / "summary.md"
    result = escp(
        "check", "--format", output_format, str(hostile_folder(tmp_path)), env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout and not RAW_CONTROLS.search(result.stdout), result.stdout
    assert "\\x1b[2K" in result.stdout and "\\u009b2K" in result.stdout  # shown, not lost
    assert "x\\x1b[2Ky.yml" in result.stdout  # the file name too
    if output_format == "github":
        assert all(line.startswith(("::error ", "::warning ")) for line in result.stdout.splitlines())
        text = summary.read_text(encoding="utf-8")
        assert "## ESCP-S3 partnership check" in text and not RAW_CONTROLS.search(text)
        assert "x1b" in text


def test_a_usage_error_naming_a_hostile_path_is_escaped(tmp_path):
    result = escp("check", str(tmp_path / f"missing{ERASE_AND_LIE}.yml"))
    assert result.returncode == 2
    assert not RAW_CONTROLS.search(result.stderr) and "\\x1b[32mALL GOOD" in result.stderr
