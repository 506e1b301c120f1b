"""The JSON report of ``escp check``: one set of Pydantic models for writing it, reading it and its schema.

``escp check --format json`` and the pull-request artifact are these models dumped; the comment
workflow reads the (untrusted) artifact back with the same models, strictly and within their size
limits; ``schema/report.schema.json`` is their JSON Schema. Version 1 is the report of 2026-11-21;
version 2 (2026-11-23) replaces ``labelled`` with ``criteria_met`` and ``label`` (the label recorded in
the file, or null), gives each criterion a ``status`` (met, not-met, undetermined) and counts
``criteria_met`` and ``label_awarded`` in the summary.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from generator.criteria import Status, Verdict
from generator.load import Problem
from generator.validate.models import AwardedLabel

if TYPE_CHECKING:
    from generator.check.runner import CheckReport, FileReport
    from generator.pullrequest.changes import ChangeReview

REPORT_VERSION: Literal[2] = 2
SCHEMA_ID = "https://escp-directory.eu/schema/report.schema.json"

# Limits that what the checker writes stays within (longer texts are clipped, longer lists cut with a last
# "… and N more" entry when written), and that an artifact read back must respect.
MAX_TEXT = 5_000
MAX_NAME = 500
MAX_FILES = 100_000  # files in one report (a whole directory)
MAX_PROBLEMS = 1_000  # errors, and warnings, listed for one file
MAX_CHANGES = 3_000  # changed files reviewed in one pull request (GitHub shows at most 3,000 files of a diff)
MAX_FINDINGS = 3 * MAX_CHANGES + 1  # at most three findings per change, and one for too many changes
MAX_REPORT_BYTES = 16 * 1024 * 1024  # report.json in the pull-request artifact
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Name = Annotated[str, Field(max_length=MAX_NAME)]
Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,60}$")]
Count = Annotated[int, Field(ge=0, le=10_000_000)]


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` within ``limit`` characters: a longer one is cut, and says so with a final ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problems(problems: list[Problem], what: str) -> list[ProblemRecord]:
    """At most MAX_PROBLEMS records; a longer list ends with one that says how many more there are."""
    records = [ProblemRecord.of(problem) for problem in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        more = problems[MAX_PROBLEMS]
        message = f"… and {len(problems) - MAX_PROBLEMS:,} more {what}: fix these first, then check again"
        records.append(ProblemRecord(line=more.line, column=more.column, field="", message=message))
    return records


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ProblemRecord(_Record):
    """A located problem: 1-based line and column, the field's dotted path, the message."""

    line: Count
    column: Count
    field: Name
    message: Text

    @classmethod
    def of(cls, problem: Problem) -> ProblemRecord:
        return cls(
            line=problem.line, column=problem.column, field=clip(problem.field, MAX_NAME), message=clip(problem.message)
        )


class VerdictRecord(_Record):
    """One label criterion's verdict on a file, with the evidence; ``passed`` is ``status == "met"``."""

    id: Identifier
    passed: bool
    status: Status
    message: Text

    @classmethod
    def of(cls, verdict: Verdict, public: bool = False) -> VerdictRecord:
        """The record with the author's message, or with the visitor's (``public``: the site's exports)."""
        message = verdict.summary if public else verdict.message
        return cls(id=verdict.id, passed=verdict.passed, status=verdict.status, message=clip(message))


class FileRecord(_Record):
    path: Name
    slug: Name
    valid: bool
    criteria_met: bool  # valid, and every criterion met (self-assessed); undetermined is not met
    label: AwardedLabel | None  # the ESCP-S3 label recorded in the file
    errors: list[ProblemRecord] = Field(max_length=MAX_PROBLEMS + 1)
    criteria: list[VerdictRecord] = Field(max_length=50)
    warnings: list[ProblemRecord] = Field(max_length=MAX_PROBLEMS + 1)

    @classmethod
    def of(cls, file: FileReport) -> FileRecord:
        return cls(
            path=clip(str(file.path), MAX_NAME),
            slug=clip(file.slug, MAX_NAME),
            valid=file.valid,
            criteria_met=file.criteria_met,
            label=file.label,
            errors=_problems(file.errors, "errors"),
            criteria=[VerdictRecord.of(verdict) for verdict in file.criteria],
            warnings=_problems(file.warnings, "warnings"),
        )

    def summarised(self) -> FileRecord:
        """This file without its details, for a report that would be too large: its verdict stays."""
        if not self.errors:
            return self.model_copy(update={"criteria": [], "warnings": []})
        first = self.errors[0]
        message = (
            f"{len(self.errors):,} errors left out: this report is limited to {MAX_REPORT_BYTES // 2**20} MiB; "
            "run escp check on this file to see them"
        )
        note = ProblemRecord(line=first.line, column=first.column, field="", message=message)
        return self.model_copy(update={"errors": [note], "criteria": [], "warnings": []})


class ChangeRecord(_Record):
    status: Identifier  # added, modified, renamed or deleted
    path: Name
    old_path: Name | None


class FindingRecord(_Record):
    """Something about a change that a maintainer must know; ``blocking`` ones fail the gate."""

    kind: Identifier
    path: Name
    blocking: bool
    message: Text


class ChangesRecord(_Record):
    base: Name
    author: Name | None
    repository_maintainer: bool
    files: list[ChangeRecord] = Field(max_length=MAX_CHANGES)
    findings: list[FindingRecord] = Field(max_length=MAX_FINDINGS)

    @classmethod
    def of(cls, review: ChangeReview) -> ChangesRecord:
        return cls(
            base=clip(review.base, MAX_NAME),
            author=review.author,
            repository_maintainer=review.repository_maintainer,
            files=[
                ChangeRecord(
                    status=c.status, path=clip(c.path, MAX_NAME), old_path=c.old_path and clip(c.old_path, MAX_NAME)
                )
                for c in review.changes
            ],
            findings=[
                FindingRecord(kind=f.kind, path=clip(f.path, MAX_NAME), blocking=f.blocking, message=clip(f.message))
                for f in review.findings
            ],
        )

    @property
    def ok(self) -> bool:
        return not any(finding.blocking for finding in self.findings)


class Summary(_Record):
    files: Count
    valid: Count
    criteria_met: Count
    label_awarded: Count


class Report(_Record):
    """The whole report. ``summary`` is computed from the files: in a report read back it is ignored, never believed."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)  # the summary of an artifact is dropped

    version: Literal[2] = REPORT_VERSION
    files: list[FileRecord] = Field(max_length=MAX_FILES)
    changes: ChangesRecord | None = None

    @classmethod
    def of(cls, report: CheckReport) -> Report:
        changes = ChangesRecord.of(report.changes) if report.changes is not None else None
        return cls(files=[FileRecord.of(file) for file in report.files], changes=changes)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> Summary:
        files = self.files
        return Summary(
            files=len(files),
            valid=sum(f.valid for f in files),
            criteria_met=sum(f.criteria_met for f in files),
            label_awarded=sum(f.label is not None for f in files),
        )

    @property
    def ok(self) -> bool:
        return all(file.criteria_met for file in self.files) and (self.changes is None or self.changes.ok)

    def text(self) -> str:
        data = self.model_dump(mode="json", exclude={"changes"} if self.changes is None else None)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def within(self, max_bytes: int = MAX_REPORT_BYTES) -> Report:
        """This report, its last files summarised until its text fits ``max_bytes`` (the artifact's limit)."""
        excess = len(self.text().encode()) - max_bytes
        files = list(self.files)
        for index in reversed(range(len(files))):
            if excess <= 0:
                break
            summary = files[index].summarised()
            excess -= _size_in_report(files[index]) - _size_in_report(summary)
            files[index] = summary
        return self.model_copy(update={"files": files})


def _size_in_report(file: FileRecord) -> int:
    """The bytes ``file`` takes in :meth:`Report.text`, where each of its lines is indented by four more spaces."""
    text = json.dumps(file.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return len(text.encode()) + 4 * text.count("\n")


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def report_schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
