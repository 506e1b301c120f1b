"""``escp schema``: print or write the JSON Schema of partnership files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.commands.common import config_from_args
from generator.config import configured_vocabularies
from generator.validate.schema import partnership_schema_text


def register(commands: Any) -> None:
    parser = commands.add_parser("schema", help="print the JSON Schema of partnership files")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    text = partnership_schema_text(configured_vocabularies(config))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
