"""Reading the explorer page the way a visitor sees it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from axe_playwright_python.sync_playwright import Axe

READY = "[data-explorer][data-explorer-ready]"
RESULT_LINKS = ".escp-result .escp-result__title a"
MORE = "[data-explorer-more]"


def open_explorer(page: Any, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}explorer/{query}")
    page.wait_for_selector(READY)


def slug_of(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def settled(page: Any) -> None:
    """Wait until the explorer shows the answer to the last change (the results are busy meanwhile)."""
    page.wait_for_function("() => !document.querySelector('.escp-explorer [aria-busy=true]')")


def listed_slugs(page: Any) -> list[str]:
    """The slugs of the partnerships in the list now, in their order on the page."""
    settled(page)
    return [slug_of(link.get_attribute("href")) for link in page.query_selector_all(RESULT_LINKS)]


def shown_slugs(page: Any) -> list[str]:
    """The slugs of every partnership that matches, in order: "Show more" is pressed until all are listed."""
    while page.is_visible(MORE):
        listed = len(page.query_selector_all(RESULT_LINKS))
        press(page, MORE)
        page.wait_for_function(
            "([selector, listed]) => document.querySelectorAll(selector).length > listed", arg=[RESULT_LINKS, listed]
        )
    return listed_slugs(page)


def status(page: Any) -> str:
    settled(page)
    return page.inner_text(".escp-explorer [role=status]").strip()


def checked(page: Any) -> list[tuple[str, str]]:
    boxes = page.query_selector_all(".escp-explorer input[type=checkbox]:checked")
    return [(box.get_attribute("name"), box.get_attribute("value")) for box in boxes]


def counts(page: Any, facet: str) -> dict[str, int]:
    """The count shown beside each option of ``facet``."""
    settled(page)
    return page.eval_on_selector_all(
        f".escp-explorer input[name='{facet}']",
        """boxes => Object.fromEntries(boxes.map(box =>
            [box.value, Number(box.closest("label").querySelector("[data-count]").textContent)]))""",
    )


def search(page: Any, text: str) -> None:
    """Type ``text`` in the search box and wait until the URL holds it."""
    page.fill("#escp-explorer-q", text)
    page.wait_for_function(
        "text => (new URLSearchParams(location.search).get('search') || '') === text", arg=text.strip()
    )


def press(page: Any, selector: str) -> None:
    """Click ``selector`` once scrolled to the middle of the screen, away from the sticky header."""
    element = page.locator(selector)
    element.evaluate("element => element.scrollIntoView({block: 'center'})")
    element.click()


def violations(page: Any, impacts: Collection[str] | None = None) -> list[str]:
    """axe-core's violations on the page (bundled by axe-playwright-python: it runs offline), of any impact or
    of ``impacts`` only, each with the first elements it found."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in Axe().run(page).response["violations"]
        if impacts is None or v["impact"] in impacts
    ]
