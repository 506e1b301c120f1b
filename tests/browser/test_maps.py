"""The maps in Chromium: region links navigate, tooltips name the numbers, the keyboard reaches and shows
each region, and every map shares one download of the geometry (axe-core and the requests of every new page:
test_new_pages)."""

from __future__ import annotations

KRAKOW = "Małopolskie (PL21): 1 organisation in 1 partnership; less developed region in 2014-2020"
FOCUS_FILL = "rgb(255, 212, 0)"


def drawn(page, selector: str) -> bool:
    """Whether the element's shape is painted: its <use> resolved into the shared geometry file."""
    return page.eval_on_selector(selector, "element => element.getBBox().width > 0")


def test_a_region_link_opens_the_region_page(page, base_url):
    page.goto(base_url + "regions/")
    region = page.locator("svg[aria-labelledby='map-members-t']").get_by_role("link", name=KRAKOW)
    assert drawn(page, "figure.escp-map svg a[href='../regions/pl21/'] use")
    region.click()
    page.wait_for_url("**/regions/pl21/")
    assert "Małopolskie" in page.inner_text("h1")


def test_the_tooltip_is_the_native_title_and_the_link_name(page, base_url):
    page.goto(base_url)
    link = page.locator("figure.escp-map svg a[href='regions/pl21/']")
    assert link.locator("title").text_content() == KRAKOW
    assert page.get_by_role("link", name=KRAKOW).count() == 1


def test_the_keyboard_reaches_each_region_and_shows_focus(page, base_url):
    page.goto(base_url + "regions/")
    page.focus("text=Skip to the map of categories")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    first = page.eval_on_selector("figure.escp-map svg a", "a => a.getAttribute('href')")
    assert focused == first
    fill = page.evaluate("getComputedStyle(document.activeElement.querySelector('use')).fill")
    stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('use')).stroke")
    assert (fill, stroke) == (FOCUS_FILL, "rgb(0, 0, 0)")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + first.removeprefix(".."))


def test_the_maps_of_a_page_share_one_download_of_the_geometry(page, base_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "regions/")  # two maps, and the legend's swatches
    page.wait_for_load_state("networkidle")
    assert drawn(page, "figure.escp-map svg a use")
    assert drawn(page, ".escp-map__legend svg use")
    geometry = [url for url in requested if url.endswith("/assets/escp/nuts2.svg")]
    assert len(geometry) == 1


def test_on_a_phone_the_map_fits_the_screen(phone_page, base_url):
    phone_page.goto(base_url + "regions/")
    width = phone_page.eval_on_selector("figure.escp-map svg", "svg => svg.getBoundingClientRect().width")
    assert 300 <= width <= 360
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
