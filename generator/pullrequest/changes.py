"""``escp check --changed-since BASE``: check what a pull request changes, and who may change it.

The files are the changes since the merge base of BASE and HEAD, in the working tree: committed,
staged and not yet staged (``git diff --raw -M MERGE_BASE``, which gives each path's mode), and
untracked files in the partnerships folder and ``evidence/``, so a contributor can check a new file
before committing it. In CI the working tree is a clean checkout of the pull request, so this is
exactly what it changes.
An existing partnership may be changed, renamed or deleted by a maintainer listed in the BASE
version of the file, or by a maintainer of the repository. Support letters belong to a partnership:
``evidence/<slug>/…`` is owned by the maintainers of ``partnerships/<slug>.yml`` in BASE, and may
be added only with that partnership's file when BASE has none. Renames (a new slug) and deletions
are always reported. Files outside the partnerships folder and ``evidence/<slug>/`` need a
repository maintainer's review. Symbolic links, submodules and file names that are not UTF-8 are
refused, for everyone. Only a repository maintainer may add, change or remove a partnership's
recorded ``label`` (an award is a fact the directory vouches for, not a self-assessment).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from generator.check.report import MAX_CHANGES
from generator.check.runner import PARTNERSHIP_SUFFIXES, CheckReport, UsageError, check_in_directory
from generator.load.reader import LoadedFile, parse_text
from generator.settings import Settings

EVIDENCE_DIR = "evidence"
STATUSES = {"A": "added", "C": "added", "M": "modified", "T": "modified", "R": "renamed", "D": "deleted"}
KINDS = {"120000": "symlink", "160000": "submodule"}  # git's modes; any other is a file


@dataclass(frozen=True)
class Change:
    status: str  # one of STATUSES' values
    path: str  # the path after the change (the old path for a deletion); see ``utf8``
    old_path: str | None = None  # set for renames
    kind: str = "file"  # file, symlink or submodule: what the change leaves (what it removes, for a deletion)
    utf8: bool = True  # False: a path is not UTF-8, and shows its undecodable bytes as \xNN


@dataclass(frozen=True)
class Finding:
    """Something about a change that a maintainer must know; ``blocking`` ones fail the gate."""

    kind: str  # ownership, rename, deletion or outside
    path: str
    message: str
    blocking: bool


@dataclass
class ChangeReview:
    base: str
    author: str | None
    repository_maintainer: bool
    changes: list[Change]
    findings: list[Finding] = field(default_factory=list)
    partnership_files: list[str] = field(default_factory=list)  # added or changed: checked in full

    @property
    def ok(self) -> bool:
        return not any(finding.blocking for finding in self.findings)


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        check=False,
    )
    if result.returncode != 0:
        raise UsageError(f"git {' '.join(args)}: {result.stderr.strip() or 'failed'}")
    return result.stdout


def _readable(path: str) -> tuple[str, bool]:
    """``path`` as git gave it (undecodable bytes as surrogates) shown as text, and whether it is UTF-8."""
    shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return shown, shown == path


def _change(header: str, paths: list[str]) -> Change:
    """One entry of ``git diff --raw -z``: ``:OLDMODE NEWMODE OLDSHA NEWSHA STATUS`` and its paths."""
    old_mode, new_mode, _, _, letter = header.removeprefix(":").split(" ")
    status = STATUSES.get(letter[:1], "modified")
    kind = KINDS.get(old_mode if status == "deleted" else new_mode, "file")
    shown = [_readable(path) for path in paths]
    utf8 = all(ok for _, ok in shown)
    if letter[:1] == "R":
        return Change(status, shown[1][0], shown[0][0], kind, utf8)
    return Change(status, shown[-1][0], None, kind, utf8)  # a copy (C) is an addition of its second path


def _untracked(root: Path, path: str) -> Change:
    shown, utf8 = _readable(path)
    return Change("added", shown, None, "symlink" if (root / path).is_symlink() else "file", utf8)


def changed_files(root: Path, base: str, untracked_wanted: Callable[[str], bool]) -> list[Change]:
    """What the working tree changes since the merge base of ``base`` and HEAD, with the untracked files
    that ``untracked_wanted`` accepts (as added)."""
    git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    merge_base = git(root, "merge-base", base, "HEAD").strip()
    fields = git(root, "diff", "--raw", "-z", "-M", "--no-abbrev", merge_base, "--").split("\0")
    changes, index = [], 0
    while index < len(fields) - 1:
        header = fields[index]
        count = 2 if header.split(" ")[-1][:1] in "RC" else 1
        changes.append(_change(header, fields[index + 1 : index + 1 + count]))
        index += 1 + count
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    changes += [_untracked(root, path) for path in untracked if path and untracked_wanted(path)]
    return changes


class _Reviewer:
    def __init__(self, root: Path, review: ChangeReview, partnerships_dir: str) -> None:
        self.root = root
        self.review = review
        self.folder = PurePosixPath(partnerships_dir)

    @cached_property
    def new_slugs(self) -> set[str]:
        """The partnerships this pull request adds: their evidence folders may come with them."""
        return {
            PurePosixPath(change.path).stem
            for change in self.review.changes
            if change.status in {"added", "renamed"} and change.kind == "file" and self.is_partnership(change.path)
        }

    def is_partnership(self, path: str) -> bool:
        file = PurePosixPath(path)
        return file.parent == self.folder and file.suffix in PARTNERSHIP_SUFFIXES

    @staticmethod
    def evidence_slug(path: str) -> str | None:
        """The partnership that ``evidence/<slug>/…`` belongs to; None for any other path."""
        parts = PurePosixPath(path).parts
        return parts[1] if len(parts) >= 3 and parts[0] == EVIDENCE_DIR else None

    def is_open(self, path: str) -> bool:
        return self.is_partnership(path) or self.evidence_slug(path) is not None

    def add(self, kind: str, path: str, message: str, blocking: bool = False) -> None:
        self.review.findings.append(Finding(kind, path, message, blocking))

    def base_data(self, path: str) -> dict[str, Any] | None:
        """The data of ``path`` in BASE; None when BASE has no such file."""
        if not git(self.root, "ls-tree", "--name-only", self.review.base, "--", path).strip():
            return None
        return _mapping(git(self.root, "show", f"{self.review.base}:{path}"), path)

    def base_maintainers(self, path: str) -> list[str] | None:
        """The maintainers of ``path`` in BASE; None when BASE has no such file."""
        data = self.base_data(path)
        if data is None:
            return None
        handles = data.get("maintainers")
        return [str(handle).removeprefix("@") for handle in handles] if isinstance(handles, list) else []

    def owner(self, slug: str) -> tuple[str, list[str]] | None:
        """The partnership file of ``slug`` in BASE and its maintainers; None when BASE has none."""
        for suffix in PARTNERSHIP_SUFFIXES:
            path = str(self.folder / f"{slug}{suffix}")
            maintainers = self.base_maintainers(path)
            if maintainers is not None:
                return path, maintainers
        return None

    def label(self, change: Change, old_path: str) -> None:
        """Only a repository maintainer may add, change or remove the recorded ESCP-S3 label."""
        if self.review.repository_maintainer:
            return
        before = (self.base_data(old_path) or {}).get("label")
        file = self.root / change.path
        if not file.is_file():
            return
        after = _mapping(file.read_text(encoding="utf-8", errors="replace"), change.path).get("label")
        if before == after:
            return
        did = "adds" if before is None else ("removes" if after is None else "changes")
        who = f"@{self.review.author}" if self.review.author else "the author (not known: no --author)"
        self.add(
            "label",
            change.path,
            f"{did} the recorded ESCP-S3 label, but {who} is not a maintainer of the repository: only they may "
            "record an awarded label, with its evidence. Leave the label block out (the check says whether the "
            "file meets the criteria) and ask a maintainer of the repository to record an award",
            blocking=True,
        )

    def approve(self, path: str, what: str, maintainers: list[str]) -> None:
        """A blocking finding unless the author maintains the partnership or the repository."""
        review = self.review
        if review.repository_maintainer:
            return
        author = review.author
        if author is not None and author.removeprefix("@").casefold() in {m.casefold() for m in maintainers}:
            return
        who = f"@{author} is not one of its maintainers" if author else "the author is not known (no --author)"
        handles = ", ".join(f"@{handle}" for handle in maintainers) or "none listed"
        self.add(
            "ownership",
            path,
            f"{what}, but {who}: a maintainer of the partnership ({handles}) or of the repository must approve",
            blocking=True,
        )

    def ownership(self, change: Change, old_path: str) -> None:
        maintainers = self.base_maintainers(old_path)
        if maintainers is not None:
            self.approve(change.path, f"{change.status} an existing partnership", maintainers)

    def evidence(self, change: Change, path: str, slug: str) -> None:
        """``evidence/<slug>/…`` belongs to the partnership ``slug``: in BASE, or added by this pull request."""
        owner = self.owner(slug)
        what = f"{change.status} {path}, a support letter of the partnership '{slug}'"
        if owner is not None:
            self.approve(change.path, what, owner[1])
        elif slug not in self.new_slugs and not self.review.repository_maintainer:
            self.add(
                "evidence",
                change.path,
                f"{what}, which has no file {self.folder}/{slug}.yml here or in this pull request: "
                f"support letters go in the folder {EVIDENCE_DIR}/<slug>/ of the partnership that references them",
                blocking=True,
            )

    def outside(self, change: Change) -> None:
        paths = [path for path in (change.old_path, change.path) if path is not None]
        if self.review.repository_maintainer or all(self.is_open(path) for path in paths):
            return
        self.add(
            "outside",
            change.path,
            f"{change.status} a file outside {self.folder}/ (partnership files) and {EVIDENCE_DIR}/<slug>/ "
            "(their support letters): a maintainer of the repository must review it",
            blocking=True,
        )

    def new_file(self, change: Change) -> None:
        if change.kind == "symlink":
            self.add("symlink", change.path, "symbolic links are not accepted; add the file itself", blocking=True)
        elif change.kind == "submodule":
            message = "submodules (links to another repository) are not accepted; add the files themselves"
            self.add("submodule", change.path, message, blocking=True)
        elif self.is_partnership(change.path):
            self.review.partnership_files.append(change.path)

    def judge(self, change: Change) -> None:
        if not change.utf8:
            message = f"the file name {change.path} is not valid UTF-8 (its other bytes are shown as \\xNN); rename it"
            self.add("file-name", change.path, message, blocking=True)
            return
        self.outside(change)
        if change.status != "deleted":
            self.new_file(change)
        if change.kind != "file":
            return
        for path in dict.fromkeys(path for path in (change.old_path, change.path) if path is not None):
            slug = self.evidence_slug(path)
            if slug is not None:
                self.evidence(change, path, slug)
        old_path = change.old_path or change.path
        if not self.is_partnership(old_path):
            return
        if change.status == "renamed":
            old_slug, new_slug = PurePosixPath(old_path).stem, PurePosixPath(change.path).stem
            self.add(
                "rename",
                change.path,
                f"renamed from {old_path}: the slug changes from '{old_slug}' to '{new_slug}', "
                "so the partnership's page moves to a new address",
            )
        elif change.status == "deleted":
            self.add("deletion", change.path, f"deletes the partnership '{PurePosixPath(old_path).stem}'")
        self.ownership(change, old_path)
        if change.status != "deleted":
            self.label(change, old_path)


def _mapping(text: str, path: str) -> dict[str, Any]:
    """A partnership file's top-level mapping, empty when the text is not one (its check says why)."""
    loaded = LoadedFile(Path(path))
    parse_text(text, loaded)
    return loaded.data if isinstance(loaded.data, dict) else {}


def review_changes(root: Path, base: str, author: str | None, repository_maintainer: bool, folder: str) -> ChangeReview:
    review = ChangeReview(base, author, repository_maintainer, [])
    reviewer = _Reviewer(root, review, folder)
    changes = changed_files(root, base, reviewer.is_open)
    review.changes = changes[:MAX_CHANGES]
    if len(changes) > MAX_CHANGES:
        message = (
            f"this pull request changes {len(changes):,} files; the check reviews the first {MAX_CHANGES:,} "
            "(GitHub shows no more of a diff): split it into smaller pull requests"
        )
        review.findings.append(Finding("too-many", changes[MAX_CHANGES].path, message, blocking=True))
    for change in review.changes:
        reviewer.judge(change)
    return review


def _repository_folder(root: Path, folder: Path) -> str:
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{folder}: the partnerships folder is not inside the git repository {root}") from None


def check_changes(
    base: str, author: str | None, repository_maintainer: bool, partnerships: Path, settings: Settings
) -> CheckReport:
    """Check the partnership files changed since ``base`` in the git repository of the working directory."""
    root = Path(git(Path.cwd(), "rev-parse", "--show-toplevel").strip())
    folder = _repository_folder(root, partnerships)
    review = review_changes(root, base, author, repository_maintainer, folder)
    paths = [Path(os.path.relpath(root / path)) for path in review.partnership_files]
    report = check_in_directory(paths, partnerships, settings)
    report.changes = review
    return report
