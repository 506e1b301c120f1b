"""The statistics page and data/statistics.json: the same numbers as the partnership files, charted and tabled."""

from __future__ import annotations

import datetime
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from site_html import page

from generator.structure.statistics import growth

SVG_START = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" class="escp-chart')


def inline_svgs(html: str) -> list[ET.Element]:
    """Every chart of the page, parsed as XML: nested <svg> elements are followed to their own end."""
    charts = []
    for match in SVG_START.finditer(html):
        depth, position = 0, match.start()
        for tag in re.finditer(r"<(/?)svg\b", html[position:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = html.index(">", position + tag.start()) + 1
                charts.append(ET.fromstring(html[match.start() : end]))
                break
    return charts


def exported(site: Path) -> dict:
    return json.loads((site / "data/statistics.json").read_text(encoding="utf-8"))


def test_the_statistics_json_agrees_with_partnerships_json(bundled_site: Path) -> None:
    stats = exported(bundled_site)
    partnerships = json.loads((bundled_site / "data/partnerships.json").read_text(encoding="utf-8"))["partnerships"]
    measures = {measure["id"]: measure for measure in stats["measures"]}
    assert stats["partnerships"] == len(partnerships)

    def counted(measure_id: str) -> dict[str, int]:
        return {count["id"]: count["value"] for count in measures[measure_id]["counts"] if count["value"]}

    assert counted("platforms") == Counter(p["platform"] for p in partnerships)
    assert counted("sectors") == Counter(s for p in partnerships for s in p["sectors"])
    assert counted("countries") == Counter(c for p in partnerships for c in {m["country"] for m in p["members"]})
    seeking = sum(1 for p in partnerships if p["seeking_partners"])
    assert counted("seeking-partners") == {
        key: value for key, value in (("yes", seeking), ("no", len(partnerships) - seeking)) if value
    }
    reaching = sum(1 for p in partnerships if next(c for c in p["criteria"] if c["id"] == "cohesion-region")["passed"])
    assert measures["cohesion"]["counts"][0] == {"id": "yes", "label": "Reaching a cohesion region", "value": reaching}
    dated = [p["added"] for p in partnerships if p["added"]]
    assert measures["growth"]["counts"][-1]["value"] == len(dated)
    assert stats["undated"] == len(partnerships) - len(dated)
    for measure in stats["measures"]:
        values = [count["value"] for count in measure["counts"]]
        if measure["id"] != "growth":
            assert values == sorted(values, reverse=True), measure["id"]


def test_every_chart_is_valid_svg_beside_a_table_with_its_numbers(bundled_site: Path) -> None:
    html = (bundled_site / "statistics/index.html").read_text(encoding="utf-8")
    charts = inline_svgs(html)
    measures = exported(bundled_site)["measures"]
    assert len(charts) == len(measures)
    tables = list(page(bundled_site, "statistics/").find_all("table"))
    assert len(tables) == len(measures)
    for chart, table, measure in zip(charts, tables, measures, strict=True):
        title = chart.find("{http://www.w3.org/2000/svg}title")
        assert chart.get("role") == "img"
        assert chart.get("aria-labelledby") == title.get("id")
        assert title.text == measure["title"]
        rows = [
            [" ".join(cell.text.split()) for cell in row.find_all("th") + row.find_all("td")]
            for row in table.find("tbody").find_all("tr")
        ]
        assert [(row[0], row[1].replace(",", "")) for row in rows] == [
            (count["label"], str(count["value"])) for count in measure["counts"]
        ]


def test_growth_counts_by_month_over_short_spans_and_by_year_over_long_ones() -> None:
    assert growth([]) == ()
    months = growth([datetime.date(2024, 11, 5), datetime.date(2025, 2, 1), datetime.date(2025, 2, 9)])
    assert [(c.id, c.value) for c in months] == [("2024-11", 1), ("2024-12", 1), ("2025-01", 1), ("2025-02", 3)]
    years = growth([datetime.date(2017, 1, 1), datetime.date(2021, 6, 1), datetime.date(2021, 7, 1)])
    assert [(c.id, c.value) for c in years] == [(str(y), 1) for y in range(2017, 2021)] + [("2021", 3)]


def test_the_statistics_page_is_in_the_data_page_list(bundled_site: Path) -> None:
    links = [a.attrs.get("href") for a in page(bundled_site, "data/").find_all("a")]
    assert "../data/statistics.json" in links
