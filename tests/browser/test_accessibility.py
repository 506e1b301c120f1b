"""axe-core (bundled by axe-playwright-python, so it runs offline) finds no serious or critical problem."""

from __future__ import annotations

import pytest

from tests.browser.pages import READY, press, violations

SEVERE = {"serious", "critical"}
PAGES = {
    "home": "",
    "platform": "platforms/energy/",
    "partnership": "partnerships/renewable-hydrogen-valleys/",
    "explorer": "explorer/",
    "explorer-filtered": "explorer/?search=energy&platform=energy&country=DE",
}


def severe_violations(page) -> list[str]:
    return violations(page, SEVERE)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(page, base_url, name):
    page.goto(base_url + PAGES[name])
    if name.startswith("explorer"):
        page.wait_for_selector(READY)
    assert severe_violations(page) == []


def test_no_serious_accessibility_violation_in_the_explorer_on_a_phone(phone_page, base_url):
    phone_page.goto(base_url + "explorer/")
    phone_page.wait_for_selector(READY)
    press(phone_page, ".escp-explorer__facets summary")
    assert severe_violations(phone_page) == []
