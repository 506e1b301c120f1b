"""The map geometry of NUTS 2 regions, prepared by ``scripts/prepare_map_geometry.py`` (``nuts_map.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from generator.reference.files import DATA_DIR

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in map kilometres, y down


@dataclass(frozen=True)
class RegionShape:
    code: str
    country: str  # NUTS country code (EL, UK)
    version: str  # NUTS version of the geometry
    box: Box
    point: tuple[int, int]  # inside the region: where a marker goes
    path: str  # SVG path data
    inset: bool  # drawn in an inset box, away from its real place


@dataclass(frozen=True)
class Placement:
    """Where a NUTS code lies on the map: its region there, and the share of the code's population in it."""

    code: str
    share: float  # 1.0 when the code is the map region itself or lies wholly in it


@dataclass(frozen=True)
class NutsMap:
    width: int
    height: int
    source: str
    attribution: str
    regions: dict[str, RegionShape]
    countries: dict[str, str]  # NUTS country code → outline path
    insets: dict[str, Box]  # region code → its inset frame (x, y, width, height)
    aliases: dict[str, Placement]

    def place(self, code: str | None) -> Placement | None:
        """The map region of a NUTS 2 or 3 code of any version 2006-2024, or None."""
        if not code:
            return None
        level2 = code[:4]
        if level2 in self.regions:
            return Placement(level2, 1.0)
        return self.aliases.get(level2)


@cache
def nuts_map() -> NutsMap:
    raw = json.loads((DATA_DIR / "nuts_map.json").read_text(encoding="utf-8"))
    insets = {code: tuple(box) for code, box in raw["insets"].items()}
    return NutsMap(
        raw["width"],
        raw["height"],
        raw["source"],
        raw["attribution"],
        {
            code: RegionShape(
                code,
                shape["country"],
                shape["version"],
                tuple(shape["box"]),
                tuple(shape["point"]),
                shape["d"],
                code in insets,
            )
            for code, shape in raw["regions"].items()
        },
        raw["countries"],
        insets,
        {code: Placement(target, share) for code, (target, share) in raw["aliases"].items()},
    )
