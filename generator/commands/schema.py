"""``escp schema``: print or write the JSON Schema of partnership files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.check.report import report_schema_text
from generator.commands.common import project_from_args
from generator.validate.schema import partnership_schema_text


def register(commands: Any) -> None:
    parser = commands.add_parser("schema", help="print the JSON Schema of partnership files (or of the report)")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    parser.add_argument("--report", action="store_true", help="the schema of escp check --format json instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.report:
        text = report_schema_text()
    else:
        text = partnership_schema_text(project_from_args(args).settings.vocabularies)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
