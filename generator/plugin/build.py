"""Building the site with MkDocs: into a staging folder, swapped into place only when the build succeeds."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Material prints an end-of-life banner when it is imported by the mkdocs command; ours stay quiet.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # after the environment is set
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.plugin import events


class SiteBuildError(Exception):
    """MkDocs stopped: the message says why (its warnings and errors were logged before)."""


@dataclass(frozen=True)
class BuiltSite:
    site_dir: Path
    pages: int
    seconds: float


def log_to_stderr(level: int) -> None:
    """Show MkDocs' messages of ``level`` and above, as the mkdocs command does."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logging.getLogger(f"mkdocs.plugins.{events.__name__}").setLevel(min(level, logging.INFO))  # checker warnings


def _replace(target: Path, staging: Path) -> None:
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        target.rename(retired / target.name)
        staging.rename(target)
        shutil.rmtree(retired)
    else:
        staging.rename(target)


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> BuiltSite:
    """Build into a new folder next to ``site_dir`` (default: the configuration's), then replace it."""
    start = time.monotonic()
    try:
        target = Path(site_dir or load_config(str(config_file)).site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        try:
            config = load_config(str(config_file), site_dir=str(staging), strict=strict)
            build(config)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except MkDocsException as error:
        raise SiteBuildError(error.format_message()) from error
    staging.chmod(0o755)  # mkdtemp makes it private; a published site is readable
    _replace(target, staging)
    pages = sum(1 for _ in target.rglob("index.html"))
    return BuiltSite(target, pages, time.monotonic() - start)


def serve_site(config_file: str, dev_addr: str) -> None:
    """``mkdocs serve``; the plugin adds the partnerships folder to the watched paths. Not strict: while a
    partnership file is invalid the plugin builds a page listing its problems instead of the site."""
    try:
        serve(config_file=config_file, livereload=True, dev_addr=dev_addr, strict=False)
    except MkDocsException as error:
        raise SiteBuildError(error.format_message()) from error
