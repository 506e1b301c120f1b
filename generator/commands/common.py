"""What the sub-commands share: the project named by ``--config`` (its settings and partnerships folder)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from generator.check import UsageError
from generator.settings import DEFAULT_CONFIG_FILE, Settings, load_settings


@dataclass(frozen=True)
class Project:
    config_file: Path
    settings: Settings

    @property
    def partnerships(self) -> Path:
        """Relative to the working directory: the pull-request check runs the default branch's configuration
        (``--config``) on the pull request's working tree."""
        return Path(self.settings.partnerships_dir)


def project_from_args(args: argparse.Namespace) -> Project:
    path = Path(args.config)
    if args.config != DEFAULT_CONFIG_FILE and not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    return Project(path, load_settings(path))
