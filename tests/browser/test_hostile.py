"""A partnership with markup and scripts in every text field shows up in the browser as inert text."""

from __future__ import annotations

import pytest

from tests.browser.conftest import HOSTILE_SLUG
from tests.browser.pages import open_explorer, search, shown_slugs

# Anything the hostile file could have injected: scripts, event handlers, frames, dangerous links.
INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith("on")) found.push(element.tagName + " " + attribute.name);
      if (["href", "src", "action", "formaction"].includes(attribute.name)
          && (value.startsWith("javascript:") || value.startsWith("data:"))) found.push(attribute.name + "=" + value);
    }
  }
  for (const script of document.scripts) if (script.text.includes("alert(")) found.push("script: " + script.text);
  for (const tag of ["iframe", "object", "embed"]) if (document.querySelector(tag)) found.push(tag);
  return found;
}"""


def test_the_explorer_shows_the_hostile_partnership_as_text(page, base_url):
    open_explorer(page, base_url)
    search(page, "Hostilix")
    assert shown_slugs(page) == [HOSTILE_SLUG]
    result = page.locator(".escp-result:not([hidden])")
    assert '<script>alert("title")</script>' in result.locator("h3").inner_text()
    assert "<script>" in result.locator(".escp-result__summary").inner_text()
    assert result.locator("script, img, svg, iframe, b, a[href^='javascript']").count() == 0
    assert page.evaluate(INJECTED) == []
    result.locator(".escp-result__summary").hover()
    result.locator("h3 a").hover()


@pytest.mark.parametrize(
    "path",
    [
        f"partnerships/{HOSTILE_SLUG}/",
        "platforms/energy/",
        "organisations/",
        "regions/no02/",  # its members
        "countries/no/",
        "regions/itc1/",  # it seeks partners from Italy
    ],
)
def test_pages_that_show_the_hostile_partnership_run_none_of_it(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert "Hostil" in page.inner_text("body")  # its title ("Hostile …") or its members ("Hostilix …")
    assert page.evaluate(INJECTED) == []
    page.mouse.wheel(0, 5000)  # hovering and scrolling trigger no handler either (the fixture counts dialogs)
