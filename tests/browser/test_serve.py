"""``escp serve`` with an invalid partnership file: the browser gets a page listing the problems (file,
line, message, escaped) instead of a server stuck on the old site, and the site as soon as the file is
fixed. A real server on a free port, fetched over HTTP and watched in Debian's chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.site.site_project import BUNDLED, new_project

MARKER = "data-escp-problems"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, wanted, seconds: float = 120) -> tuple[int, str]:
    """Fetch ``url`` until ``wanted(status, text)``; the last answer."""
    deadline, last = time.monotonic() + seconds, (0, "")
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = (0, "")
        if wanted(*last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never answered as expected; last answer: {last[0]} {last[1][:500]}")


def test_an_invalid_file_shows_its_problems_and_the_site_returns_once_fixed(tmp_path: Path, browser) -> None:
    project = new_project(tmp_path / "project", [BUNDLED / "blue-bioeconomy.yml"])
    broken = project / "partnerships" / "blue-bioeconomy.yml"
    good = broken.read_text(encoding="utf-8")
    bad = (
        good.replace("platform: agri-food", "platform: energie")
        .replace("  - bioeconomy", "  - '<script>alert(1)</script>'")
        .replace("legal_entity: true", "legal_entity: maybe", 1)
    )
    broken.write_text(bad, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        status, page = wait_for(home, lambda status, text: status == 200)
        assert MARKER in page
        assert "<code>partnerships/blue-bioeconomy.yml:4:11</code>" in page
        assert "unknown platform id &#39;energie&#39;; did you mean &#39;energy&#39;?" in page
        assert "<code>partnerships/blue-bioeconomy.yml:72:19</code>" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
        status, other = fetch(f"{home}partnerships/blue-bioeconomy/")
        assert status == 404 and MARKER in other  # every address shows the problems

        tab = browser.new_page(viewport={"width": 360, "height": 740})
        tab.goto(f"{home}partnerships/blue-bioeconomy/")
        assert tab.locator("h1").inner_text() == "The preview stopped: 3 problems to fix"
        tab.screenshot(path=tmp_path / "problems-360.png", full_page=True)

        broken.write_text(good, encoding="utf-8")
        status, page = wait_for(home, lambda status, text: status == 200 and MARKER not in text)
        assert "Blue Bioeconomy" in page
        # the open tab comes back to the partnership's page by itself
        tab.wait_for_function("() => !document.body.hasAttribute('data-escp-problems')", timeout=60_000)
        assert "Blue Bioeconomy" in tab.locator("h1").inner_text()
        tab.close()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            output, _ = server.communicate()
    assert "unknown platform id 'energie'" in output  # the terminal says it too
    assert "Traceback" not in output
