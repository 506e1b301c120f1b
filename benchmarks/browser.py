"""The explorer in headless Chromium: time to interactive, and latency of a search or filter change."""

from __future__ import annotations

import functools
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
LOADS = 5
CHANGES = 20

# Records when the explorer marks itself ready, measured from the start of navigation.
READY_PROBE = """
new MutationObserver((changes, observer) => {
  const root = document.querySelector("[data-explorer]");
  if (root && root.dataset.explorerReady === "true") { window.__ready = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-explorer-ready"]});
"""

# One search (submitted) and one facet toggle, each timed until the frame that shows it is drawn:
# a requestAnimationFrame callback runs before that frame's layout, the task after it runs after.
CHANGE = """async ([word, index]) => {
  const form = document.querySelector("[data-explorer] form");
  const boxes = form.querySelectorAll("input[type=checkbox]");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let start = performance.now();
  form.elements.namedItem("search").value = word;
  form.requestSubmit();
  await frame();
  const search = performance.now() - start;
  start = performance.now();
  boxes[index % boxes.length].click();
  await frame();
  return [search, performance.now() - start];
}"""
WORDS = ("energy", "cluster", "hydrogen", "pilot", "Germany", "data", "textile", "network", "farming", "robotics")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def explorer_timings(site: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(READY_PROBE)
        ready = []
        for _ in range(LOADS):
            page.goto(f"{base}explorer/")
            page.wait_for_function("window.__ready !== undefined", timeout=60_000)
            ready.append(page.evaluate("window.__ready"))
        searches, filters = [], []
        for index in range(CHANGES):
            search, toggle = page.evaluate(CHANGE, [WORDS[index % len(WORDS)], index])
            searches.append(search)
            filters.append(toggle)
        browser.close()
    return {
        "interactive_ms": round(statistics.median(ready)),
        "search_ms": round(statistics.median(searches), 1),
        "filter_ms": round(statistics.median(filters), 1),
    }
