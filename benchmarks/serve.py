"""``escp serve`` in a real directory: seconds from saving a partnership file to the reload signal.

The figure is what a contributor waits for: the file is written, MkDocs' watcher notices it, the
site is rebuilt, and the live-reload long poll that every open page holds answers with the new
build. The rebuilt page is then fetched to prove that it shows the edit.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

START_TIMEOUT_S = 600  # the first build of a large directory
RELOAD_TIMEOUT_S = 300
EPOCH = re.compile(rb"livereload\((\d+), \d+\)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def _wait_until_served(url: str, process: subprocess.Popen[bytes]) -> bytes:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"escp serve stopped with status {process.returncode}")
        try:
            return _get(url, timeout=30)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"escp serve did not serve {url} within {START_TIMEOUT_S} s")


def _epoch(page: bytes) -> int:
    found = EPOCH.search(page)
    if found is None:
        raise RuntimeError("the served page has no live-reload script")
    return int(found[1])


def _poll(base: str, epoch: int, edit: int) -> int:
    """The epoch of the next build, polled as the page's script polls (the server answers each poll within 60 s)."""
    deadline = time.monotonic() + RELOAD_TIMEOUT_S
    while time.monotonic() < deadline:
        answer = int(_get(f"{base}livereload/{epoch}/{edit}", timeout=RELOAD_TIMEOUT_S))
        if answer > epoch:
            return answer
    raise RuntimeError(f"no rebuild within {RELOAD_TIMEOUT_S} s of the edit")


def _one_reload(base: str, page_url: str, changed: Path, edit: int) -> float:
    epoch = _epoch(_get(page_url, timeout=RELOAD_TIMEOUT_S))
    answer: list[int] = []
    poll = threading.Thread(target=lambda: answer.append(_poll(base, epoch, edit)))
    poll.start()
    text = changed.read_text(encoding="utf-8")
    marker = f"Edited partnership {edit}"
    start = time.perf_counter()
    changed.write_text(re.sub(r"title: .*", f"title: {marker}", text, count=1), encoding="utf-8")
    poll.join()
    reloaded = time.perf_counter() - start
    if not answer:
        raise RuntimeError("the live-reload poll failed")
    if marker.encode() not in _get(page_url, timeout=RELOAD_TIMEOUT_S):
        raise RuntimeError("the rebuilt page does not show the edit")
    return reloaded


def serve_reload(folder: Path, escp: list[str], slug: str, edits: int) -> dict[str, float]:
    """Median and spread of seconds from writing ``partnerships/{slug}.yml`` to the reload signal."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    page_url = f"{base}partnerships/{slug}/"
    process = subprocess.Popen(
        [*escp, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        env={**os.environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_served(page_url, process)
        changed = folder / "partnerships" / f"{slug}.yml"
        original = changed.read_text(encoding="utf-8")
        try:
            times = [_one_reload(base, page_url, changed, edit) for edit in range(1, edits + 1)]
        finally:
            changed.write_text(original, encoding="utf-8")
    finally:
        process.terminate()
        _, _, usage = os.wait4(process.pid, 0)
    return {
        "median_s": round(statistics.median(times), 3),
        "spread_s": round(max(times) - min(times), 3),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "runs": edits,
    }
