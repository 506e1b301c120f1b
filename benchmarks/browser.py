"""The explorer in headless Chromium: time to interactive, bytes downloaded, latency of a search or filter.

The site is served with gzip (level 6, the default of zlib and Apache's mod_deflate) as a static
host serves it, so the bytes counted are the bytes a visitor's connection carries.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
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
# Waits end with the explorer's own ready mark, not the load event (Playwright's default, 30 s at most),
# which a large directory on a loaded machine may pass.
NAVIGATION_TIMEOUT_MS = 180_000
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")

# Records when the explorer marks itself ready, measured from the start of navigation.
READY_PROBE = """
new MutationObserver((changes, observer) => {
  const root = document.querySelector("[data-explorer]");
  if (root && root.dataset.explorerReady === "true") { window.__ready = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-explorer-ready"]});
"""

# One search (submitted) and one facet toggle, each timed until the frame that shows its results is
# drawn: the explorer announces each finished update with an "explorer:rendered" event (it may come
# after a worker answers); a requestAnimationFrame callback runs before that frame's layout, the
# task after it runs after.
CHANGE = """async ([word, index]) => {
  const root = document.querySelector("[data-explorer]");
  const form = root.querySelector("form");
  const boxes = form.querySelectorAll("input[type=checkbox]");
  const rendered = () => new Promise((resolve) => root.addEventListener("explorer:rendered", resolve, {once: true}));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let start = performance.now();
  let shown = rendered();
  form.elements.namedItem("search").value = word;
  form.requestSubmit();
  await shown;
  await frame();
  const search = performance.now() - start;
  start = performance.now();
  shown = rendered();
  boxes[index % boxes.length].click();
  await shown;
  await frame();
  return [search, performance.now() - start];
}"""
WORDS = ("energy", "cluster", "hydrogen", "pilot", "Germany", "data", "textile", "network", "farming", "robotics")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text ones gzipped once and kept in memory (the server's time is not the site's)."""

    compressed: dict[Path, bytes]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            super().do_GET()
            return
        if path not in self.compressed:
            self.compressed[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = type("Handler", (_GzipHandler,), {"compressed": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Transfers:
    """Every response the browser received: when it ended (ms since the epoch) and its bytes on the wire."""

    def __init__(self) -> None:
        self.finished: list[tuple[float, int]] = []

    def record(self, request: Any) -> None:
        timing = request.timing
        sizes = request.sizes()
        ended = timing["startTime"] + max(timing["responseEnd"], 0)
        self.finished.append((ended, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def bytes_until(self, moment: float | None = None) -> int:
        return sum(size for ended, size in self.finished if moment is None or ended <= moment)


def _first_visit(browser: Any, url: str) -> tuple[int, int]:
    """Bytes downloaded by a visitor with an empty cache: until the explorer is interactive, and in all."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    transfers = _Transfers()
    context.on("requestfinished", transfers.record)
    page = context.new_page()
    page.add_init_script(READY_PROBE)
    page.goto(url, wait_until="commit", timeout=NAVIGATION_TIMEOUT_MS)
    page.wait_for_function("window.__ready !== undefined", timeout=NAVIGATION_TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=NAVIGATION_TIMEOUT_MS)
    ready_at = page.evaluate("performance.timeOrigin + window.__ready")
    context.close()
    return transfers.bytes_until(ready_at), transfers.bytes_until()


def explorer_timings(site: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        interactive_bytes, all_bytes = _first_visit(browser, f"{base}explorer/")
        page = browser.new_page()
        page.add_init_script(READY_PROBE)
        ready = []
        for _ in range(LOADS):
            page.goto(f"{base}explorer/", wait_until="commit", timeout=NAVIGATION_TIMEOUT_MS)
            page.wait_for_function("window.__ready !== undefined", timeout=NAVIGATION_TIMEOUT_MS)
            ready.append(page.evaluate("window.__ready"))
        searches, filters = [], []
        for index in range(CHANGES):
            search, toggle = page.evaluate(CHANGE, [WORDS[index % len(WORDS)], index])
            searches.append(search)
            filters.append(toggle)
        browser.close()
    return {
        "interactive_ms": round(statistics.median(ready)),
        "interactive_gzip_bytes": interactive_bytes,
        "explorer_visit_gzip_bytes": all_bytes,
        "search_ms": round(statistics.median(searches), 1),
        "filter_ms": round(statistics.median(filters), 1),
    }
