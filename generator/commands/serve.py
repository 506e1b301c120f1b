"""``escp serve``: preview the site; it rebuilds when a page, the theme or a partnership file changes."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="preview the site with live reload")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address (default: %(default)s)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.plugin.build import SiteBuildError, log_to_stderr, serve_site  # MkDocs only when building

    log_to_stderr(logging.INFO)
    try:
        serve_site(args.config, args.dev_addr)
    except SiteBuildError as error:
        print(f"escp serve: {error}", file=sys.stderr)
        return 1
    return 0
