"""Check partnership files: load, validate, judge the criteria, then the directory-wide rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.check.identity import record, unchecked_records, wanted_keys, warnings_by_file
from generator.criteria import LabelContext, Verdict, evaluate
from generator.load import Problem, SourceMap, read_partnership_file
from generator.load.listing import Listing, listing
from generator.load.source_map import dotted
from generator.reference import Vocabularies
from generator.reference.places import places
from generator.settings import Settings
from generator.validate import Partnership, slug_problems, validate_partnership
from generator.validate.models import AwardedLabel, SupportLetterReference

if TYPE_CHECKING:
    from generator.pullrequest.changes import ChangeReview

PARTNERSHIP_SUFFIXES = (".yml", ".yaml")


class UsageError(Exception):
    """The command was called wrongly (exit status 2)."""


@dataclass
class FileReport:
    path: Path
    slug: str
    partnership: Partnership | None = None
    source_map: SourceMap = field(default_factory=SourceMap)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    criteria: list[Verdict] = field(default_factory=list)
    label: AwardedLabel | None = None  # the ESCP-S3 label recorded in the file, if any

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def criteria_met(self) -> bool:
        """Valid and every criterion met (self-assessed); an undetermined criterion is not met."""
        return self.valid and bool(self.criteria) and all(verdict.passed for verdict in self.criteria)

    def problem_at(self, path: tuple[str | int, ...], message: str) -> Problem:
        position = self.source_map.position(path)
        return Problem(position.line, position.column, dotted(path), message)


@dataclass
class CheckReport:
    files: list[FileReport]
    changes: ChangeReview | None = None  # set by ``escp check --changed-since``

    @property
    def ok(self) -> bool:
        return all(report.criteria_met for report in self.files) and (self.changes is None or self.changes.ok)


def partnership_files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in PARTNERSHIP_SUFFIXES and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    return found


def _stored_letters(report: FileReport) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The field and path of each support letter stored in the repository (under ``evidence/``)."""
    assert report.partnership is not None
    for index, member in enumerate(report.partnership.members):
        support = member.s3_support
        if isinstance(support, SupportLetterReference) and support.letter.document.startswith("evidence/"):
            yield ("members", index, "s3_support", "letter", "document"), support.letter.document


def _evidence_errors(report: FileReport) -> list[Problem]:
    """A partnership references only its own letters, under ``evidence/<slug>/``: its maintainers own them."""
    folder = f"evidence/{report.slug}/"
    return [
        report.problem_at(
            field,
            f"{document} is not in this partnership's folder {folder}: a partnership may only reference its own "
            f"support letters, stored under {folder} (such as {folder}letter.pdf)",
        )
        for field, document in _stored_letters(report)
        if not document.startswith(folder)
    ]


def _evidence_warnings(report: FileReport) -> list[Problem]:
    """Support letters stored in the repository must exist beside ``partnerships/``."""
    root = report.path.resolve().parent.parent
    return [
        report.problem_at(field, f"{document} is not in the repository")
        for field, document in _stored_letters(report)
        if not _in_repository(root, document)
    ]


def _in_repository(root: Path, document: str) -> bool:
    try:
        return (root / document).is_file()
    except OSError:  # such as a name longer than the file system allows: not there either
        return False


def _title_warnings(report: FileReport) -> list[Problem]:
    partnership = report.partnership
    assert partnership is not None
    if partnership.thematic_area is None:
        return [report.problem_at(("title",), "thematic_area is not set; name the thematic area, e.g. Batteries")]
    words = re.findall(r"\w{4,}", partnership.thematic_area.lower())
    if words and not any(word[:5] in partnership.title.lower() for word in words):
        return [report.problem_at(("title",), f"the title should name the thematic area '{partnership.thematic_area}'")]
    return []


def _city_warnings(report: FileReport) -> list[Problem]:
    """A member's city that lies in another NUTS 2 region than its ``region``: a warning, as a name can mislead."""
    assert report.partnership is not None
    warnings = []
    for index, member in enumerate(report.partnership.members):
        lies_in = (
            places().region_conflict(member.city, member.country, member.region)
            if member.city and member.region
            else None
        )
        if lies_in is not None:
            message = (
                f"{member.city} lies in {lies_in.code} {lies_in.name}, not in region {member.region}; "
                f'check the region (escp regions "{member.city}" --country {member.country})'
            )
            warnings.append(report.problem_at(("members", index, "city"), message))
    return warnings


def check_file(path: Path, terms: Vocabularies, context: LabelContext) -> FileReport:
    loaded = read_partnership_file(path)
    report = FileReport(path, path.stem, source_map=loaded.source_map)
    partnership = validate_partnership(loaded, terms)
    report.errors = slug_problems(path.stem) + loaded.problems
    if partnership is not None and report.valid:
        report.partnership = partnership
        report.errors = _evidence_errors(report)
        if not report.valid:
            report.partnership = None  # an invalid file has no partnership: the site leaves it out
        else:
            report.label = partnership.label
            report.criteria = evaluate(partnership, context)
            report.warnings = _title_warnings(report) + _evidence_warnings(report) + _city_warnings(report)
    # What is placed once every file is read (directory_problems, _identity_warnings, the verdicts in as_github):
    # of the positions of every node, held for 10,000 files until then, these are all that need to stay.
    members = len(report.partnership.members) if report.partnership else 0
    later = [("title",), *(("members", index, "name") for index in range(members))]
    report.source_map = report.source_map.only([*later, *(verdict.at for verdict in report.criteria)])
    return report


def _normalised_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _listing(report: FileReport) -> Listing:
    return Listing(report.path, report.slug, report.partnership.title if report.partnership else None)


def _repeats(
    entries: list[tuple[Listing, FileReport | None]], key: Callable[[Listing], str | None]
) -> Iterator[tuple[FileReport, Listing]]:
    """Each checked file whose key an earlier entry already has, with that earlier entry."""
    first: dict[str, Listing] = {}
    for entry, report in entries:
        value = key(entry)
        if value is None:
            continue
        if value in first and report is not None:
            yield report, first[value]
        first.setdefault(value, entry)


def directory_problems(reports: list[FileReport], others: Iterable[Listing] = ()) -> None:
    """Slugs and titles are unique across the directory: the checked files and the ``others``."""
    entries: list[tuple[Listing, FileReport | None]] = [(entry, None) for entry in others]
    entries += [(_listing(report), report) for report in reports]
    for report, first in _repeats(entries, lambda entry: entry.slug):
        report.errors.append(Problem(1, 1, "", f"slug '{report.slug}' is already used by {first.path}"))
    for report, first in _repeats(entries, lambda entry: entry.title and _normalised_title(entry.title)):
        report.errors.append(report.problem_at(("title",), f"the same title is already used by {first.path}"))


def _name_position(report: FileReport, index: int) -> tuple[int, int]:
    position = report.source_map.position(("members", index, "name"))
    return position.line, position.column


def _identity_warnings(reports: list[FileReport], others: Iterable[Path] = ()) -> None:
    """Members that look like one organisation written two ways, or two under one identifier."""
    records = [
        found
        for report in reports
        if report.partnership is not None
        for index, member in enumerate(report.partnership.members)
        for found in [record(report.path, _name_position(report, index), index, member.model_dump(), checked=True)]
        if found is not None
    ]
    found = warnings_by_file(records + unchecked_records(others, wanted_keys(records)))
    for report in reports:
        report.warnings += found.get(report.path, [])


def _check_files(paths: list[Path], settings: Settings) -> list[FileReport]:
    context = LabelContext(settings.label)
    terms = settings.vocabularies
    return [check_file(path, terms, context) for path in paths]


def check_paths(paths: list[Path], settings: Settings) -> CheckReport:
    reports = _check_files(partnership_files(paths), settings)
    directory_problems(reports)
    _identity_warnings(reports)
    return CheckReport(reports)


def check_in_directory(paths: list[Path], directory: Path, settings: Settings) -> CheckReport:
    """Check ``paths`` fully; the other files of ``directory`` count only for unique slugs and titles."""
    reports = _check_files(paths, settings)
    checked = {path.resolve() for path in paths}
    unchecked = [path for path in partnership_files([directory]) if path.resolve() not in checked]
    directory_problems(reports, [listing(path) for path in unchecked])
    _identity_warnings(reports, unchecked)
    return CheckReport(reports)
