"""Reading the explorer page the way a visitor sees it."""

from __future__ import annotations

from typing import Any

READY = "[data-explorer][data-explorer-ready]"
RESULT_LINKS = ".escp-result:not([hidden]) .escp-result__title a"


def open_explorer(page: Any, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}explorer/{query}")
    page.wait_for_selector(READY)


def slug_of(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def shown_slugs(page: Any) -> list[str]:
    """The slugs of the partnerships listed, in their order on the page."""
    return [slug_of(link.get_attribute("href")) for link in page.query_selector_all(RESULT_LINKS)]


def status(page: Any) -> str:
    return page.inner_text(".escp-explorer [role=status]").strip()


def checked(page: Any) -> list[tuple[str, str]]:
    boxes = page.query_selector_all(".escp-explorer input[type=checkbox]:checked")
    return [(box.get_attribute("name"), box.get_attribute("value")) for box in boxes]


def counts(page: Any, facet: str) -> dict[str, int]:
    """The count shown beside each option of ``facet``."""
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
