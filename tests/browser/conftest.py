"""The real site, built once per session with a hostile partnership added, served over HTTP and
opened in Debian's chromium driven by Playwright (never a downloaded browser).

Every page a test opens must log no console error, raise no uncaught exception, open no dialog
and request nothing outside the site.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from benchmarks.synthetic import write_directory
from generator.settings import load_settings
from generator.structure.directory import Directory, load_directory
from tests.conftest import ROOT, require_tool

HOSTILE = Path(__file__).with_name("hostile.yml")
HOSTILE_SLUG = "hostile-markup"
LARGE_DIRECTORY = 130  # partnerships: more than two pages of the explorer's results
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
    "--disable-sync",
]


@dataclass(frozen=True, repr=False)  # the directory's repr would drown test reports
class BuiltSite:
    root: Path  # the copy of the repository that was built
    site: Path
    directory: Directory


def _build(root: Path) -> BuiltSite:
    """``mkdocs build`` of the site project copied to ``root``, whose partnerships are already there."""
    for folder in ("content", "theme"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "site-config.yml", root / "site-config.yml")
    site = root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "site-config.yml", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    settings = load_settings(root / "site-config.yml")
    return BuiltSite(root, site, load_directory(root / settings.partnerships_dir, settings))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """``mkdocs build`` of the repository's site, with the hostile partnership added to the data."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "partnerships", root / "partnerships")
    shutil.copy(HOSTILE, root / "partnerships" / f"{HOSTILE_SLUG}.yml")
    return _build(root)


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site with a synthetic directory large enough that the explorer shows its results by pages."""
    root = tmp_path_factory.mktemp("large")
    write_directory(root, LARGE_DIRECTORY)
    return _build(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    yield from _serve(built_site.site)


@pytest.fixture(scope="session")
def large_url(large_site: BuiltSite) -> Iterator[str]:
    yield from _serve(large_site.site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Problems:
    """What went wrong in a page: each list must stay empty."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.console_errors, self.page_errors, self.dialogs, self.outside_requests))


def _watch(page: Any, problems: Problems, host: str) -> None:
    def route(request_route: Any) -> None:
        if urlparse(request_route.request.url).hostname == host:
            request_route.continue_()
        else:  # the site must work offline and leak no visit to third parties
            problems.outside_requests.append(request_route.request.url)
            request_route.abort()

    def dialog(opened: Any) -> None:
        problems.dialogs.append(f"{opened.type}: {opened.message}")
        opened.dismiss()

    def console(message: Any) -> None:
        if message.type == "error":
            problems.console_errors.append(message.text)

    page.route("**/*", route)
    page.on("dialog", dialog)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("console", console)


@pytest.fixture
def problems() -> Problems:
    return Problems()


def _new_page(browser: Any, base_url: str, problems: Problems, **options: Any) -> Iterator[Any]:
    context = browser.new_context(**options)
    page = context.new_page()
    _watch(page, problems, urlparse(base_url).hostname or "")
    yield page
    context.close()
    assert not problems, f"{page.url}: {problems}"


@pytest.fixture
def page(browser: Any, base_url: str, problems: Problems) -> Iterator[Any]:
    """A fresh desktop-sized page; fails the test if anything in ``Problems`` happened."""
    yield from _new_page(browser, base_url, problems, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser: Any, base_url: str, problems: Problems) -> Iterator[Any]:
    yield from _new_page(browser, base_url, problems, viewport={"width": 360, "height": 740}, is_mobile=True)


@pytest.fixture
def no_script_page(browser: Any, base_url: str, problems: Problems) -> Iterator[Any]:
    yield from _new_page(browser, base_url, problems, java_script_enabled=False)
