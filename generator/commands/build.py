"""``escp build``: build the site into ``site/``, replacing it only when the build succeeds."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    parser = commands.add_parser("build", help="build the site (default: into site/)")
    parser.add_argument("-d", "--site-dir", help="where to build (default: site_dir of the configuration)")
    parser.add_argument("--no-strict", action="store_true", help="do not stop on MkDocs warnings")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.plugin.build import SiteBuildError, build_site, log_to_stderr  # MkDocs only when building

    log_to_stderr(logging.WARNING)
    try:
        built = build_site(Path(args.config), Path(args.site_dir) if args.site_dir else None, strict=not args.no_strict)
    except SiteBuildError as error:
        print(f"escp build: {error}; site not replaced", file=sys.stderr)
        return 1
    print(f"Built {built.pages} pages into {built.site_dir} in {built.seconds:.1f} s.")
    print(f"Preview: escp serve (live reload), or python3 -m http.server -d {built.site_dir} 8000")
    return 0
