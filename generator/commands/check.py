"""``escp check``: validate partnership files and give the verdict on each label criterion."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.check import CheckReport, UsageError, check_paths
from generator.check.output import FORMATS, save_report, write_report
from generator.commands.common import Project, project_from_args
from generator.pullrequest.changes import check_changes


def register(commands: Any) -> None:
    parser = commands.add_parser("check", help="validate partnership files and judge the label criteria")
    parser.add_argument("paths", nargs="*", help="files or folders (default: the partnerships folder)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    changes = parser.add_argument_group("pull requests")
    changes.add_argument(
        "--changed-since",
        metavar="BASE",
        help="check the partnership files added or changed since the git commit BASE (git diff BASE...HEAD), "
        "with the directory-wide rules over the whole folder; report renames, deletions and other files",
    )
    changes.add_argument("--author", metavar="LOGIN", help="GitHub login of the pull request's author")
    changes.add_argument(
        "--repository-maintainer",
        action="store_true",
        help="the author maintains the repository: may change any partnership and any file",
    )
    parser.add_argument("--report-dir", metavar="DIR", help="also write report.json and report.md to DIR")
    parser.set_defaults(run=run)


def _report(args: argparse.Namespace, project: Project) -> CheckReport:
    if args.changed_since is None:
        if args.author or args.repository_maintainer:
            raise UsageError("--author and --repository-maintainer need --changed-since")
        return check_paths([Path(p) for p in args.paths] or [project.partnerships], project.settings)
    if args.paths:
        raise UsageError("give either paths or --changed-since, not both")
    return check_changes(
        args.changed_since, args.author, args.repository_maintainer, project.partnerships, project.settings
    )


def run(args: argparse.Namespace) -> int:
    report = _report(args, project_from_args(args))
    write_report(report, args.format)
    if args.report_dir:
        save_report(report, Path(args.report_dir))
    return 0 if report.ok else 1
