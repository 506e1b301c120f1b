"""The statistics page in Chromium: charts drawn to the width of a phone and of a desktop (axe-core: test_new_pages)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_the_charts_fit_the_column_and_keep_their_text_readable(request, base_url, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(base_url + "statistics/")
    charts = page.query_selector_all("svg.escp-chart")
    assert len(charts) == 8
    column = page.eval_on_selector(".md-content__inner", "element => element.getBoundingClientRect().width")
    for chart in charts:
        box = chart.bounding_box()
        assert 0 < box["width"] <= column
        assert chart.get_attribute("role") == "img"
    # Every text of every chart is drawn at least 14 px high and stays inside its chart.
    overflow = page.eval_on_selector_all(
        "svg.escp-chart",
        """charts => charts.flatMap(chart => {
            const outer = chart.getBoundingClientRect();
            return [...chart.querySelectorAll("text")].filter(text => {
                const box = text.getBoundingClientRect();
                return box.height < 14 || box.left < outer.left - 1 || box.right > outer.right + 1;
            }).map(text => text.textContent);
        })""",
    )
    assert overflow == []
