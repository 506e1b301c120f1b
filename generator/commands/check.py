"""``escp check``: validate partnership files and give the verdict on each label criterion."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.check import check_paths
from generator.check.reports import FORMATS, write_report
from generator.commands.common import config_from_args


def register(commands: Any) -> None:
    parser = commands.add_parser("check", help="validate partnership files and judge the label criteria")
    parser.add_argument("paths", nargs="*", help="files or folders (default: the partnerships folder)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    paths = [Path(p) for p in args.paths] or [Path(config.partnerships_dir)]
    report = check_paths(paths, config)
    write_report(report, args.format)
    return 0 if report.ok else 1
