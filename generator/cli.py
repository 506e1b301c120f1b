"""The ``escp`` command line: one module per sub-command in ``generator/commands``."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version

from generator.check import UsageError
from generator.check.visible import visible
from generator.commands import build, check, new, regions, schema, serve
from generator.settings import DEFAULT_CONFIG_FILE, ConfigError

SUBCOMMANDS = (check, schema, build, serve, new, regions)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="escp", description="The ESCP-S3 partnership directory.")
    main.add_argument("--version", action="version", version=f"%(prog)s {version('escp-directory')}")
    main.add_argument("--config", default=DEFAULT_CONFIG_FILE, help="MkDocs configuration (default: %(default)s)")
    commands = main.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.register(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except (UsageError, ConfigError) as error:
        print(f"escp: error: {visible(str(error))}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
