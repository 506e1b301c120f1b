"""What the sub-commands share: reading the configuration named by ``--config``."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.check import UsageError
from generator.config import DEFAULT_CONFIG_FILE, EscpConfig, load_escp_config


def config_from_args(args: argparse.Namespace) -> EscpConfig:
    path = Path(args.config)
    if args.config != DEFAULT_CONFIG_FILE and not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    return load_escp_config(path)
