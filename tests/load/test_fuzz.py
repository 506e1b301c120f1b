"""A fuzzer: the bundled partnerships, mutated, through the real ``escp check``.

Byte flips, deleted and duplicated lines, indentation shifts, values swapped for other types,
huge numbers and the refused characters. Whatever the file holds: no exception escapes, the
exit status is 0 or 1, every problem's line and column lie inside the file, and one file takes
under a second of CPU. The suite runs a few hundred examples; a long run is one command:

    ESCP_FUZZ_EXAMPLES=100000 python -m pytest -q -p no:cacheprovider tests/load/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.load.text import lines_of
from tests.conftest import PARTNERSHIPS

EXAMPLES = int(os.environ.get("ESCP_FUZZ_EXAMPLES", "200"))
SOURCES = [path.read_bytes() for path in sorted(PARTNERSHIPS.glob("*.yml"))]
HIDDEN = [
    "\u2028",
    "\u2029",
    "\x85",
    "\x00",
    "\x1b",
    "\x7f",
    "\x9b",
    "\ufffe",
    "\u202e",
    "\u2066",
    "\r",
    "\t",
    "\ufeff",
]
VALUES = [
    "~",
    "null",
    "''",
    "[]",
    "{}",
    "true",
    "NO",
    "1e999",
    "-.inf",
    ".nAn",
    "0x" + "f" * 3600,
    "1" * 4301,
    "-" + "9" * 5000,
    "0o" + "7" * 4000,
    "[a, {b: c}]",
    "&a x",
    "*a",
    "!!python/object:os.system x",
    '"\\e[2J\\u2028"',
    "|\n   \n  x",
    "{ ?foo: bar }",
    "[-]",
    '"a"#b',
    "'" + "x" * 5000 + "'",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 6))):
        lines = data.split(b"\n")
        line = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["flip", "delete", "duplicate", "indent", "swap", "insert"]))
        if kind == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
            continue
        if kind == "delete":
            del lines[line]
        elif kind == "duplicate":
            lines.insert(line, lines[line])
        elif kind == "indent":
            shift = draw(st.integers(-4, 4))
            lines[line] = b" " * shift + lines[line] if shift > 0 else lines[line][-shift:]
        elif kind == "swap" and b": " in lines[line]:
            key = lines[line].split(b": ", 1)[0]
            lines[line] = key + b": " + draw(st.sampled_from(VALUES)).encode()
        else:
            column = draw(st.integers(0, len(lines[line])))
            text = draw(st.sampled_from(HIDDEN)).encode("utf-8", "surrogatepass")
            lines[line] = lines[line][:column] + text + lines[line][column:]
        data = bytearray(b"\n".join(lines))
    return bytes(data)


def check(path: Path) -> tuple[int, dict]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", "--format", "json", str(path)])
    return status, json.loads(output.getvalue())


def timed_check(path: Path) -> tuple[int, dict, float]:
    """The check's status and report, and the CPU seconds it took."""
    start = time.process_time()
    status, report = check(path)
    return status, report, time.process_time() - start


FOLDER = Path(tempfile.mkdtemp(prefix="escp-fuzz-"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_a_mutated_partnership_never_crashes_the_check(content: bytes) -> None:
    path = FOLDER / "fuzzed.yml"
    path.write_bytes(content)
    status, report, seconds = timed_check(path)
    if seconds >= 1.0:  # once more: a full garbage collection can land in any one call (1.06 s once in 22,163)
        status, report, seconds = timed_check(path)
    assert seconds < 1.0
    assert status in (0, 1)
    lines = lines_of(content.decode("utf-8-sig", errors="replace"))
    [checked] = report["files"]
    for problem in checked["errors"] + checked["warnings"]:
        assert 1 <= problem["line"] <= len(lines), problem
        assert 1 <= problem["column"] <= len(lines[problem["line"] - 1]) + 1, problem
