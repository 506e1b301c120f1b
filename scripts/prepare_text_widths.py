"""Derive ``generator/data/text_widths.csv``: the advance width of each Latin character in DejaVu Sans.

The SVG badges and charts are drawn at build time without a browser, so the generator estimates how
wide a text will be from these widths (the badge also sets ``textLength``, so a reader's font that is
a little wider or narrower still fits). Run from the repository root:
``python scripts/prepare_text_widths.py [FONT]`` (default: Debian's fonts-dejavu-core DejaVuSans.ttf).
Reads the font's ``cmap`` (format 4), ``hhea``, ``head`` and ``hmtx`` tables with the standard library.
"""

from __future__ import annotations

import csv
import struct
import sys
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "text_widths.csv"
CHARACTERS = range(0x20, 0x17F)  # Basic Latin, Latin-1 Supplement and Latin Extended-A, printable


def tables(font: bytes) -> dict[str, bytes]:
    (count,) = struct.unpack_from(">H", font, 4)
    found = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * index)
        found[tag.decode("ascii")] = font[offset : offset + length]
    return found


def glyph_ids(cmap: bytes) -> dict[int, int]:
    """Code point → glyph id from the Windows Unicode BMP subtable (platform 3, encoding 1, format 4)."""
    (count,) = struct.unpack_from(">H", cmap, 2)
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * index)
        if (platform, encoding) == (3, 1):
            break
    else:
        raise SystemExit("the font has no Unicode BMP character map")
    table = cmap[offset:]
    segments = struct.unpack_from(">H", table, 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, 14)
    starts = struct.unpack_from(f">{segments}H", table, 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", table, 16 + 4 * segments)
    range_at = 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", table, range_at)
    ids = {}
    for segment, (start, end) in enumerate(zip(starts, ends, strict=True)):
        for code in range(start, end + 1):
            if ranges[segment] == 0:
                ids[code] = (code + deltas[segment]) & 0xFFFF
            else:
                at = range_at + 2 * segment + ranges[segment] + 2 * (code - start)
                glyph = struct.unpack_from(">H", table, at)[0]
                ids[code] = (glyph + deltas[segment]) & 0xFFFF if glyph else 0
    return ids


def widths(font: bytes) -> dict[str, int]:
    """Character → advance width in thousandths of an em."""
    found = tables(font)
    units_per_em = struct.unpack_from(">H", found["head"], 18)[0]
    metrics = struct.unpack_from(">H", found["hhea"], 34)[0]
    advances = struct.unpack_from(f">{2 * metrics}H", found["hmtx"])[0::2]
    ids = glyph_ids(found["cmap"])
    result = {}
    for code in CHARACTERS:
        glyph = ids.get(code, 0)
        if glyph and chr(code).isprintable():
            result[chr(code)] = round(1000 * advances[min(glyph, metrics - 1)] / units_per_em)
    return result


def main() -> None:
    font = Path(sys.argv[1]) if len(sys.argv) > 1 else FONT
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code_point", "character", "advance_per_mille_em"])
        for character, advance in widths(font.read_bytes()).items():
            writer.writerow([f"U+{ord(character):04X}", character, advance])


if __name__ == "__main__":
    main()
