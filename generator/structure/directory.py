"""The whole directory: every partnership file checked, as the site and the exports see it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.check import FileReport, check_paths
from generator.criteria import LabelContext, Verdict
from generator.load import Problem
from generator.reference import Vocabularies
from generator.settings import Settings
from generator.validate import Partnership
from generator.validate.models import AwardedLabel
from generator.wording import count


class DirectoryError(Exception):
    """Some partnership files are invalid; the message lists every problem with file and line."""

    def __init__(self, message: str, problems: tuple[tuple[Path, Problem], ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems  # (file, problem), in file order


@dataclass(frozen=True)
class Entry:
    slug: str
    source: Path
    partnership: Partnership
    verdicts: tuple[Verdict, ...]
    warnings: tuple[Problem, ...] = ()  # the checker's advice on the file: shown, never blocking

    @property
    def criteria_met(self) -> bool:
        """Every criterion met, as self-assessed in the file; not the label (see ``label``)."""
        return all(verdict.passed for verdict in self.verdicts)

    @property
    def label(self) -> AwardedLabel | None:
        """The ESCP-S3 label as awarded, recorded by a repository maintainer."""
        return self.partnership.label

    @property
    def status(self) -> str:
        """``active`` or ``ended``."""
        return "ended" if self.partnership.ended is not None else "active"

    @property
    def period(self) -> str:
        """The years in a visitor's words: 2018-2020 (with an en dash), active since 2018, ended in 2020, or empty."""
        started, ended = self.partnership.started, self.partnership.ended
        if ended is not None:
            return f"{started.year}–{ended.year}" if started is not None else f"ended in {ended.year}"
        return f"active since {started.year}" if started is not None else ""

    @property
    def added(self) -> datetime.date | None:
        return self.partnership.added


@dataclass(frozen=True)
class Directory:
    settings: Settings
    context: LabelContext
    entries: tuple[Entry, ...]  # sorted by slug

    @property
    def terms(self) -> Vocabularies:
        """The vocabularies of this directory's settings (computed once, with the configured platforms)."""
        return self.settings.vocabularies

    @cached_property
    def known_countries(self) -> frozenset[str]:
        """Every country the directory names: the eligible ones, the members' and those partners are sought from."""
        members = {member.country for entry in self.entries for member in entry.partnership.members}
        sought = {
            code
            for entry in self.entries
            if entry.partnership.seeking_partners
            for code in entry.partnership.seeking_partners.countries
        }
        return self.context.eligible_countries | members | sought

    def by_slug(self, slug: str) -> Entry:
        return next(entry for entry in self.entries if entry.slug == slug)

    def on_platform(self, platform: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.partnership.platform == platform]


def _problem_text(path: Path, problem: Problem) -> str:
    field = f"{problem.field}: " if problem.field else ""
    return f"{path}:{problem.line}:{problem.column}: {field}{problem.message}"


def _problems_text(reports: list[FileReport]) -> str:
    return "\n".join(_problem_text(report.path, problem) for report in reports for problem in report.errors)


def load_directory(partnerships_dir: Path, settings: Settings) -> Directory:
    """Check every file of ``partnerships_dir``; raise DirectoryError if any is invalid."""
    report = check_paths([partnerships_dir], settings)
    invalid = [file for file in report.files if not file.valid]
    if invalid:
        problems = tuple((file.path, problem) for file in invalid for problem in file.errors)
        raise DirectoryError(f"{count(len(invalid), 'invalid partnership file')}:\n{_problems_text(invalid)}", problems)
    entries = tuple(
        Entry(file.slug, file.path, file.partnership, tuple(file.criteria), tuple(file.warnings))
        for file in sorted(report.files, key=lambda file: file.slug)
        if file.partnership is not None
    )
    return Directory(settings, LabelContext(settings.label), entries)
