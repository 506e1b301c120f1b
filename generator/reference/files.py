"""Where the reference data files live and how they are read."""

from __future__ import annotations

import csv
from importlib.resources import files
from pathlib import Path

DATA_DIR = Path(str(files("generator") / "data"))


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
