"""The reader against the official YAML test suite: all 402 cases.

The suite is a verbatim copy of yaml/yaml-test-suite, branch ``data``, commit
6ad3d2c62885d82fc349026c136ef560838fdf3d (2022-01-17), MIT licence (tests/load/SOURCES.md).
Every ``error`` case must be refused; every other case must load to exactly ``in.json``, or be
refused for one of the reasons below, always with a message located inside the file.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from generator.load import LoadedFile
from generator.load.reader import read_yaml
from generator.load.text import lines_of

SUITE = Path(__file__).parent / "yaml-test-suite"
CASES = sorted(str(path.parent.relative_to(SUITE)) for path in SUITE.rglob("in.yaml"))

# Refused on purpose: partnership files are plain data (README "Reading untrusted files").
POLICY = (
    "anchors (&",
    "aliases (*",
    "the tag ",
    "several YAML documents",
    "keys must be plain words",
    "a key is missing before ':'",
    "the file is empty",
    "the escape for U+",
    "'?' right before text inside […]",
)
# Valid YAML 1.2 that libyaml cannot parse: refused as a syntax error, never read wrongly.
LIBYAML_REFUSES = {
    *("2JQS", "2LFX", "2SXE", "4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "6BCT"),
    *("6CA3", "6LVF", "6M2F", "7Z25", "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4", "BEC7", "CFD4", "DBG4"),
    *("DK3J", "DK95/00", "DK95/03", "DK95/04", "FP8R", "FRK4", "HM87/00", "HWV9", "K3WX", "M2N8/00", "M7A3"),
    *("MUS6/05", "MUS6/06", "NHX8", "NJ66", "NKF9", "Q5MG", "QT73", "R4YG", "S3PD", "SM9W/01", "UKK6/00"),
    *("UT92", "VJP3/01", "W4TN", "W5VH", "Y79Y/001", "Y79Y/010"),
}
# Valid cases without in.json (JSON cannot say them), with the value their test.event gives.
WITHOUT_JSON = {"UKK6/02": ""}  # "!" alone: +DOC, =VAL <!> : (an empty string with the non-specific tag)


def documents(path: Path) -> list[Any]:
    text, decoder, found, index = path.read_text(encoding="utf-8"), json.JSONDecoder(), [], 0
    while index < len(text.rstrip()):
        while text[index].isspace():
            index += 1
        value, index = decoder.raw_decode(text, index)
        found.append(value)
    return found


def same(a: Any, b: Any) -> bool:
    """Equal as data: 1 and 1.0 differ, as YAML's int and float do; NaN equals NaN."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_the_whole_suite_is_here():
    assert len(CASES) == 402
    assert (SUITE / "License").is_file()


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    folder = SUITE / case
    text = (folder / "in.yaml").read_bytes().decode("utf-8")
    loaded = LoadedFile(folder / "in.yaml")
    data = read_yaml(text, loaded)
    lines = lines_of(text)
    for problem in loaded.problems:
        assert 1 <= problem.line <= len(lines), problem
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem
    if (folder / "error").exists():
        assert loaded.problems, f"{case} is invalid YAML 1.2 but was read as {data!r}"
        return
    syntax = [problem for problem in loaded.problems if problem.message.startswith("YAML syntax error")]
    assert bool(syntax) == (case in LIBYAML_REFUSES), loaded.problems
    if loaded.problems:
        for problem in loaded.problems:
            assert problem in syntax or any(reason in problem.message for reason in POLICY), problem
        return
    if case in WITHOUT_JSON:
        assert same(data, WITHOUT_JSON[case])
        return
    expected = documents(folder / "in.json")
    assert len(expected) == 1, "several documents are refused on purpose"
    assert same(data, expected[0]), f"{data!r} != {expected[0]!r}"
