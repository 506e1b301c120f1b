"""The pull-request gate: only a repository maintainer may add, change or remove a recorded label."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pullrequest.changes import check_changes
from generator.settings import settings_from
from tests.check.partnership_factory import partnership, write
from tests.workflow.test_pr_check import base_repository, commit

LABEL = {"awarded": "2017-09-15", "by": "European Commission", "reference": "https://example.org/award"}
LABELLED = "partnerships/batteries-value-chain.yml"  # carries a recorded label in the bundled data
PARTNERSHIP_MAINTAINER = "ingrid-battcluster"  # one of its maintainers, not a repository maintainer


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = base_repository(tmp_path)
    monkeypatch.chdir(repo)
    return repo


def review(author: str, repository_maintainer: bool = False):
    base = "main"
    report = check_changes(base, author, repository_maintainer, Path("partnerships"), settings_from(None))
    return report, [finding for finding in report.changes.findings if finding.kind == "label"]


def edit(repo: Path, old: str, new: str) -> None:
    path = repo / LABELLED
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    commit(repo)


def test_a_new_partnership_with_a_label_from_a_contributor_is_rejected(repo):
    write(repo / "partnerships", partnership(label=LABEL), "self-awarded")
    commit(repo)
    report, findings = review("newcomer")
    assert not report.ok
    [finding] = findings
    assert finding.blocking and finding.path == "partnerships/self-awarded.yml"
    assert "adds the recorded ESCP-S3 label, but @newcomer is not a maintainer of the repository" in finding.message


def test_a_partnership_maintainer_may_not_change_its_label(repo):
    edit(repo, 'awarded: "2017-09-15"', 'awarded: "2016-09-15"')
    report, [finding] = review(PARTNERSHIP_MAINTAINER)
    assert not report.ok
    assert finding.message.startswith("changes the recorded ESCP-S3 label")


def test_nor_remove_it(repo):
    path = repo / LABELLED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("label:\n")
    path.write_text("".join(lines[:start] + lines[start + 4 :]), encoding="utf-8")
    commit(repo)
    _, [finding] = review(PARTNERSHIP_MAINTAINER)
    assert finding.message.startswith("removes the recorded ESCP-S3 label")


def test_other_edits_of_a_labelled_file_pass_and_a_repository_maintainer_may_record_a_label(repo):
    edit(repo, "acronym: BATT-S3", "acronym: BATT")
    report, findings = review(PARTNERSHIP_MAINTAINER)
    assert findings == [] and report.ok
    write(repo / "partnerships", partnership(label=LABEL), "awarded")
    commit(repo)
    report, findings = review("a-repository-maintainer", repository_maintainer=True)
    assert findings == [] and report.ok
