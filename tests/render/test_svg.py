"""The SVG badge and charts: well-formed XML, accessible, sized from text widths, untrusted text escaped."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.reference.files import DATA_DIR
from generator.reference.text_widths import text_width
from generator.render.badges import CRITERIA_MET, LABELLED, LISTED, badge, status
from generator.render.charts import BAR_SPAN, Bar, Point, bar_chart, line_chart, shortened, tick_step
from generator.render.svg import number, text
from tests.conftest import ROOT, require_file

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert(1)</script><a href="javascript:x">&amp;"\'\x07'
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def parsed(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def accessible_name(root: ET.Element) -> tuple[str, str]:
    """The texts of the title and desc that the root's aria attributes point to."""
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    title, desc = by_id[root.get("aria-labelledby")], by_id[root.get("aria-describedby")]
    assert title.tag == f"{SVG}title"
    assert desc.tag == f"{SVG}desc"
    assert root[0] is title, "the title is the first child, where every reader looks"
    return title.text or "", desc.text or ""


def no_script(root: ET.Element) -> None:
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "desc", "text", "rect", "line", "polyline", "g", "clipPath"}, tags
    for element in root.iter():
        assert not any(name.startswith("on") or "href" in name for name in element.attrib), element.attrib


def test_number_has_no_noise():
    assert [number(v) for v in (12.0, 12.5, 1 / 3, -0.001, 100)] == ["12", "12.5", "0.33", "0", "100"]


def test_text_escapes_markup_and_drops_control_characters():
    assert str(text('<a href="x">&\'\x00\x1b')) == "&lt;a href=&#34;x&#34;&gt;&amp;&#39;"


def test_text_width_adds_advances_and_overestimates_unknown_characters():
    assert text_width("", 11) == 0
    assert text_width("ii", 10) == pytest.approx(2 * 10 * 0.278)
    assert text_width("W", 10) == text_width("☃", 10)  # not in the table: as wide as the widest letter
    assert text_width("Ł", 14) > text_width("l", 14)  # Latin Extended-A is in the table


def test_badge_is_valid_accessible_and_sized_from_its_texts():
    root = parsed(badge("ESCP-S3", status(criteria_met=True)))
    title, _ = accessible_name(root)
    assert title == "Meets the ESCP-S3 criteria (self-assessed)"
    no_script(root)
    texts = root.findall(f".//{SVG}text")
    assert [t.text for t in texts] == ["ESCP-S3", "criteria met"]
    for element in texts:
        assert float(element.get("textLength")) == math.ceil(text_width(element.text, 11))
    label_box, message_box = root.findall(f".//{SVG}g/{SVG}rect")
    width = float(root.get("width"))
    assert float(label_box.get("width")) + float(message_box.get("width")) == pytest.approx(width)
    assert float(texts[1].get("x")) + float(texts[1].get("textLength")) < width
    assert message_box.get("fill") == CRITERIA_MET


def test_badge_says_what_is_recorded():
    assert status(criteria_met=True, label_year=2017).message == "label 2017"
    assert status(criteria_met=False, label_year=2017).colour == LABELLED
    assert status(criteria_met=False).message == "listed"
    assert status(criteria_met=False).colour == LISTED
    assert "self-assessed" in status(criteria_met=True).title
    wide, narrow = (parsed(badge("ESCP-S3", status(met))) for met in (True, False))
    assert float(wide.get("width")) > float(narrow.get("width"))


def test_badge_escapes_its_subject():
    markup = str(badge("ESCP-S3", status(criteria_met=True), subject=HOSTILE))
    root = parsed(markup)
    no_script(root)
    _, desc = accessible_name(root)
    assert desc == HOSTILE.replace("\x07", "") + " in the ESCP-S3 directory"


def bars(root: ET.Element) -> list[float]:
    return [float(rect.get("width").removesuffix("%")) for rect in root.findall(f"{SVG}rect")]


def test_bar_chart_scales_bars_to_the_largest_and_labels_every_one():
    chart = parsed(bar_chart("sectors", "Partnerships per sector", "Counts", [Bar("A", 8), Bar("B", 2), Bar("C", 0)]))
    assert accessible_name(chart) == ("Partnerships per sector", "Counts")
    no_script(chart)
    assert bars(chart) == [BAR_SPAN, BAR_SPAN / 4]  # nothing drawn for zero
    assert [t.text for t in chart.findall(f"{SVG}text")] == ["A", "8", "B", "2", "C", "0"]
    assert chart.get("width") == "100%"  # follows the column: pixel-sized text at any width
    assert chart.get("fill") == "currentColor"


def test_bar_chart_groups_thousands_and_handles_no_data():
    chart = parsed(bar_chart("x", "t", "d", [Bar("A", 12345)]))
    assert chart.findall(f"{SVG}text")[1].text == "12,345"
    empty = parsed(bar_chart("x", "t", "d", []))
    assert int(empty.get("height")) > 0
    assert empty.findall(f"{SVG}rect") == []


def test_long_labels_are_shortened_with_the_whole_label_as_their_tooltip():
    long = "Manufacturing of " + "very " * 30 + "advanced products"
    assert shortened("Energy") == "Energy"
    assert shortened(long).endswith("…")
    assert text_width(shortened(long), 15) <= 300
    chart = parsed(bar_chart("x", "t", "d", [Bar(long, 1)]))
    label = chart.find(f"{SVG}text")
    assert label.find(f"{SVG}title").text == long


def test_bar_chart_escapes_labels_and_ids():
    chart = parsed(bar_chart('x"><script>', HOSTILE, HOSTILE, [Bar(HOSTILE, 3)]))
    no_script(chart)
    assert chart.find(f"{SVG}text").find(f"{SVG}title").text == HOSTILE.replace("\x07", "")


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (7, 2), (10, 5), (40, 10), (1234, 500)])
def test_tick_step_is_round_and_gives_at_most_four_intervals(largest, step):
    assert tick_step(largest) == step
    assert largest / step <= 4


def polyline(root: ET.Element) -> list[tuple[float, float]]:
    line = root.find(f".//{SVG}polyline")
    return [tuple(float(v) for v in pair.split(",")) for pair in line.get("points").split()]


def test_line_chart_rises_with_the_count_across_the_whole_width():
    points = [Point("2024-01", 1), Point("2024-02", 1), Point("2024-03", 4), Point("2024-04", 9)]
    chart = parsed(line_chart("growth", "Growth", "Partnerships listed", points))
    assert accessible_name(chart) == ("Growth", "Partnerships listed")
    no_script(chart)
    coordinates = polyline(chart)
    assert [round(x) for x, _ in coordinates] == [0, 333, 667, 1000]
    heights = [y for _, y in coordinates]
    assert heights[0] == heights[1] > heights[2] > heights[3] >= 0  # SVG's y grows downwards
    texts = [t.text for t in chart.findall(f"{SVG}text")]
    assert texts[-2:] == ["2024-01", "2024-04"]
    assert texts[:-2] == ["5", "10"]  # gridline values, over 0


def test_line_chart_of_one_period_or_none():
    single = parsed(line_chart("g", "t", "d", [Point("2024-01", 3)]))
    (x1, y1), (x2, y2) = polyline(single)
    assert (x1, x2) == (0, 1000)
    assert y1 == y2
    empty = parsed(line_chart("g", "t", "d", []))
    assert empty.find(f".//{SVG}polyline") is None


def test_line_chart_escapes_period_labels():
    chart = parsed(line_chart("g", "t", "d", [Point(HOSTILE, 1), Point("<b>", 2)]))
    no_script(chart)
    assert chart.findall(f"{SVG}text")[-1].text == "<b>"


def test_text_widths_are_what_the_script_reads_from_the_font(tmp_path):
    require_file(FONT, "scripts/test (fonts-dejavu-core)")
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    (copy / "generator" / "data").mkdir(parents=True)
    script = copy / "scripts" / "prepare_text_widths.py"
    script.write_bytes((ROOT / "scripts" / "prepare_text_widths.py").read_bytes())
    subprocess.run([sys.executable, str(script), str(FONT)], check=True)
    produced = (copy / "generator" / "data" / "text_widths.csv").read_text(encoding="utf-8")
    assert produced == (DATA_DIR / "text_widths.csv").read_text(encoding="utf-8")
    assert re.search(r"^U\+0057,W,989$", produced, re.MULTILINE)
