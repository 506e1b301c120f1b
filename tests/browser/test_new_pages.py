"""Every kind of page issue 13 added, in Chromium at a desktop's and a phone's width: everything it shows comes
from the site itself (no tile server, font or script host), nothing it asks for is missing, and axe-core
finds no violation of any impact; on a phone, no table scrolls sideways."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.pages import violations

SEEKING = "batteries-value-chain"  # seeks partners: its page has the map, "Ask to join" and the badge
NEW_PAGES = {
    "home": "",  # the directory map
    "regions": "regions/",  # the directory map and the category map
    "region": "regions/pl21/",  # with partnerships seeking partners from Poland
    "country": "countries/pl/",
    "statistics": "statistics/",
    "partnership": f"partnerships/{SEEKING}/",
}
FILES = {**NEW_PAGES, "badge": f"partnerships/{SEEKING}/badge.svg"}


@pytest.mark.parametrize("name", list(FILES))
def test_a_new_page_loads_everything_from_the_site_alone(page, base_url, name):
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.goto(base_url + FILES[name])
    page.mouse.wheel(0, 100_000)  # anything loaded lazily, further down
    page.wait_for_load_state("networkidle")
    assert requested[0] == base_url + FILES[name]
    assert {urlparse(url).netloc for url in requested} == {urlparse(base_url).netloc}
    assert failed == []


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
@pytest.mark.parametrize("name", list(NEW_PAGES))
def test_axe_finds_no_violation_on_a_new_page(request, base_url, name, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(base_url + NEW_PAGES[name])
    assert violations(page) == []


@pytest.mark.parametrize("name", list(NEW_PAGES))
def test_on_a_phone_no_table_of_a_new_page_scrolls_sideways(phone_page, base_url, name):
    phone_page.goto(base_url + NEW_PAGES[name])
    phone_page.wait_for_load_state("load")
    phone_page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    wide = phone_page.eval_on_selector_all(
        ".md-typeset__scrollwrap",  # Material's wrapper of every table, which scrolls what does not fit
        "wraps => wraps.filter(wrap => wrap.scrollWidth > wrap.clientWidth).map(wrap => wrap.textContent.slice(0, 80))",
    )
    assert wide == []
