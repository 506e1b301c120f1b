"""Run a command several times in a child process: wall time (median, spread) and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measurement:
    median_s: float
    spread_s: float  # max - min over the runs
    peak_mib: float  # the largest resident set of any run
    runs: int

    def as_dict(self) -> dict[str, float]:
        return {"median_s": self.median_s, "spread_s": self.spread_s, "peak_mib": self.peak_mib, "runs": self.runs}


def run_once(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds and peak resident MiB of one run; raises if the command fails."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would block the command
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            error = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}: {error[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def measure(command: list[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> Measurement:
    results = [run_once(command, cwd, env) for _ in range(runs)]
    times = [seconds for seconds, _ in results]
    return Measurement(
        round(statistics.median(times), 3),
        round(max(times) - min(times), 3),
        round(max(mib for _, mib in results), 1),
        runs,
    )
