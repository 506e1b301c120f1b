"""The three output formats of ``escp check``: text for people, JSON for tools, GitHub annotations.

Text from the checked files (paths, fields, messages quoting values, member names) is shown through
:func:`generator.check.visible.visible` in the text output, the annotations and the job summary:
its control characters cannot drive the terminal or the Actions log.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from generator.check.report import Report
from generator.check.runner import CheckReport, FileReport
from generator.check.verdicts import file_verdict, label_text, summary_text
from generator.check.visible import visible
from generator.load import Problem
from generator.pullrequest.markdown import markdown_report
from generator.wording import count

if TYPE_CHECKING:
    from generator.pullrequest.changes import ChangeReview

FORMATS = ("text", "json", "github")
STATUS_MARKS = {"met": ("✓ met", "32"), "not-met": ("✗ NOT MET", "31"), "undetermined": ("? UNDETERMINED", "33")}


class _Style:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text


def _file_text(file: FileReport, style: _Style) -> list[str]:
    path = visible(str(file.path))
    if not file.valid:
        head = style(f"{len(file.errors)} error{'s' * (len(file.errors) != 1)}", "1;31")
    else:
        said = file_verdict(file.criteria_met, (verdict.status for verdict in file.criteria))
        head = style(said, "1;32" if file.criteria_met else "1;31")
    if file.label is not None:
        head += f"; {visible(label_text(file.label))}"
    lines = [f"{style(path, '1')}: {head}"]
    for problem in file.errors:
        field = f"{visible(problem.field)}: " if problem.field else ""
        lines.append(
            f"  {path}:{problem.line}:{problem.column}: {style('error', '31')}: {field}{visible(problem.message)}"
        )
    for verdict in file.criteria:
        mark = style(*STATUS_MARKS[verdict.status])
        lines.append(f"  {mark} {verdict.id}: {visible(verdict.message)}")
    for problem in file.warnings:
        where = f"{path}:{problem.line}:{problem.column}"
        lines.append(f"  {where}: {style('warning', '33')}: {visible(problem.field)}: {visible(problem.message)}")
    return lines


def _changes_text(review: ChangeReview, style: _Style) -> list[str]:
    lines = [style(f"{count(len(review.changes), 'changed file')} since {visible(review.base)}", "1")]
    for finding in review.findings:
        level = style("needs approval", "1;31") if finding.blocking else style("note", "33")
        lines.append(f"  {visible(finding.path)}: {level}: {visible(finding.message)}")
    return [*lines, ""]


def as_text(report: CheckReport, colour: bool) -> str:
    style = _Style(colour)
    lines = _changes_text(report.changes, style) if report.changes is not None else []
    lines += [line for file in report.files for line in (*_file_text(file, style), "")]
    lines.append(summary_text(Report.of(report).summary))
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, path: Path, problem: Problem, title: str) -> str:
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (("file", path.as_posix()), ("line", problem.line), ("col", problem.column), ("title", title))
    )
    return f"::{level} {properties}::{_escape_data(problem.message)}"


def _findings_github(review: ChangeReview) -> list[str]:
    return [
        annotation(
            "error" if finding.blocking else "warning",
            Path(finding.path),
            Problem(1, 1, "", finding.message),
            f"escp review: {finding.kind}",
        )
        for finding in review.findings
    ]


def as_github(report: CheckReport) -> str:
    lines = _findings_github(report.changes) if report.changes is not None else []
    for file in report.files:
        for problem in file.errors:
            lines.append(annotation("error", file.path, problem, f"escp check: {problem.field or 'file'}"))
        for verdict in file.criteria:
            if not verdict.passed:
                problem = file.problem_at(verdict.at, verdict.message)
                lines.append(annotation("error", file.path, problem, f"ESCP-S3 criterion {verdict.id}"))
        for problem in file.warnings:
            lines.append(annotation("warning", file.path, problem, f"escp check: {problem.field}"))
    return "\n".join(lines)


def save_report(report: CheckReport, folder: Path) -> None:
    """``report.json`` and ``report.md`` in ``folder``: what the pull-request workflow uploads."""
    folder.mkdir(parents=True, exist_ok=True)
    record = Report.of(report).within()  # what the comment workflow accepts
    (folder / "report.json").write_text(record.text(), "utf-8")
    (folder / "report.md").write_text(markdown_report(record) + "\n", "utf-8")


def write_report(report: CheckReport, output_format: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout  # looked up at each call, so redirect_stdout() catches it
    if output_format == "json":
        stream.write(Report.of(report).text())
    elif output_format == "github":
        stream.write(as_github(report) + "\n")
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with Path(summary_file).open("a", encoding="utf-8") as handle:
                handle.write(markdown_report(Report.of(report)) + "\n")
    else:
        colour = stream.isatty() and "NO_COLOR" not in os.environ
        stream.write(as_text(report, colour) + "\n")
