"""End to end: a real git repository, a pull request commit, and exactly what validate.yml runs.

validate.yml calls ``scripts/pr-check`` (asserted in test_workflow_files.py); so does this test,
then it hands the artifact to the comment renderer as comment.yml does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check.report import Report
from generator.pullrequest import changes
from generator.pullrequest.comment import MARKER
from generator.settings import Settings
from tests.check.partnership_factory import partnership, write
from tests.conftest import PARTNERSHIPS, ROOT, require_tool

PR_CHECK = ROOT / "scripts" / "pr-check"
BASE_FILES = ("batteries-value-chain", "blue-bioeconomy", "circular-textiles", "precision-farming")
UNCHANGED_TITLE = "Precision Farming and Digital Agriculture Partnership"  # precision-farming.yml


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=_git_env()
    ).stdout.strip()


def _git_env() -> dict[str, str]:
    names = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    return {**os.environ, **names, "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}


def base_repository(root: Path) -> Path:
    require_tool("git")
    repo = root / "repo"
    (repo / "partnerships").mkdir(parents=True)
    for slug in BASE_FILES:
        shutil.copy(PARTNERSHIPS / f"{slug}.yml", repo / "partnerships")
    (repo / "README.md").write_text("# directory\n")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    git(repo, "switch", "--quiet", "-c", "pull-request")
    return repo


def commit(repo: Path) -> tuple[str, str]:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "pull request")
    return git(repo, "rev-parse", "main"), git(repo, "rev-parse", "HEAD")


def pr_check(repo: Path, author: str, permission: str = "read") -> tuple[subprocess.CompletedProcess, Path]:
    base, head = git(repo, "rev-parse", "main"), git(repo, "rev-parse", "HEAD")
    out, summary = repo.parent / "artifact", repo.parent / "summary.md"
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    result = subprocess.run(
        ["bash", str(PR_CHECK), base, head, "42", author, permission, str(out)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return result, out


def line_of(path: Path, prefix: str) -> int:
    return next(number for number, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(prefix))


@pytest.fixture
def mixed_pull_request(tmp_path):
    """A good partnership, two bad ones, an edit by a non-maintainer, a rename, a deletion, a README edit."""
    repo = base_repository(tmp_path)
    folder = repo / "partnerships"
    write(
        folder,
        partnership(title="Hydrogen Valleys Partnership for Smart Specialisation", thematic_area="Hydrogen"),
        "good-new",
    )
    write(folder, partnership(title="Energy Clusters Partnership", platform="energie"), "bad-new")
    write(folder, partnership(title=UNCHANGED_TITLE), "copy-cat")
    edited = folder / "batteries-value-chain.yml"
    edited.write_text(edited.read_text().replace("acronym: BATT-S3", "acronym: BATT"))
    git(repo, "mv", "partnerships/blue-bioeconomy.yml", "partnerships/blue-bio.yml")
    git(repo, "rm", "--quiet", "partnerships/circular-textiles.yml")
    (repo / "README.md").write_text("# directory, edited\n")
    commit(repo)
    return repo


def test_a_mixed_pull_request_fails_with_annotations_summary_and_artifact(mixed_pull_request):
    repo = mixed_pull_request
    result, out = pr_check(repo, "newcomer")
    assert result.returncode == 1, result.stderr
    annotations = result.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in annotations)

    bad = repo / "partnerships" / "bad-new.yml"
    platform = f"::error file=partnerships/bad-new.yml,line={line_of(bad, 'platform:')},col=11,"
    assert any(line.startswith(platform) and "did you mean 'energy'" in line for line in annotations)
    copy = repo / "partnerships" / "copy-cat.yml"
    title = f"::error file=partnerships/copy-cat.yml,line={line_of(copy, 'title:')},col=8,"
    assert any(
        line.startswith(title) and "already used by partnerships/precision-farming.yml" in line for line in annotations
    )
    assert not any("good-new.yml" in line for line in annotations)

    def finding(level: str, path: str, kind: str) -> str:
        return next(
            line for line in annotations if line.startswith(f"::{level} file={path},") and f"%3A {kind}::" in line
        )

    ownership = finding("error", "partnerships/batteries-value-chain.yml", "ownership")
    assert "@newcomer is not one of its maintainers" in ownership
    assert "(@ingrid-battcluster, @pawel-cellnet) or of the repository must approve" in ownership
    assert "slug changes from 'blue-bioeconomy' to 'blue-bio'" in finding(
        "warning", "partnerships/blue-bio.yml", "rename"
    )
    assert "ownership" in finding("error", "partnerships/blue-bio.yml", "ownership")
    assert "deletes the partnership 'circular-textiles'" in finding(
        "warning", "partnerships/circular-textiles.yml", "deletion"
    )
    assert "a maintainer of the repository must review it" in finding("error", "README.md", "outside")

    summary = (repo.parent / "summary.md").read_text()
    assert "## ESCP-S3 partnership check" in summary
    assert "### `partnerships/good-new.yml` — ✅ meets the ESCP-S3 criteria (self-assessed)" in summary
    assert "### `partnerships/bad-new.yml` — ❌ invalid" in summary
    assert "| `README.md` | ❌ needs review |" in summary

    assert sorted(path.name for path in out.iterdir()) == ["pull-request.json", "report.json", "report.md"]
    pull = json.loads((out / "pull-request.json").read_text())
    assert pull == {"pr": 42, "head_sha": git(repo, "rev-parse", "HEAD"), "base_sha": git(repo, "rev-parse", "main")}
    report = json.loads((out / "report.json").read_text())
    assert [file["path"] for file in report["files"]] == [
        "partnerships/bad-new.yml",
        "partnerships/batteries-value-chain.yml",
        "partnerships/blue-bio.yml",
        "partnerships/copy-cat.yml",
        "partnerships/good-new.yml",
    ]
    assert report["summary"] == {"files": 5, "valid": 3, "criteria_met": 3, "label_awarded": 1}
    statuses = {change["path"]: change["status"] for change in report["changes"]["files"]}
    assert statuses["partnerships/blue-bio.yml"] == "renamed"
    assert statuses["partnerships/circular-textiles.yml"] == "deleted"
    assert (out / "report.md").read_text() == summary


def test_the_artifact_renders_the_sticky_comment(mixed_pull_request):
    _, out = pr_check(mixed_pull_request, "newcomer")
    output = mixed_pull_request.parent / "github_output"
    head = git(mixed_pull_request, "rev-parse", "HEAD")
    command = [sys.executable, "-m", "generator.pullrequest.comment", str(out), "--github-output", str(output)]
    result = subprocess.run([*command, "--head-sha", head], capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    text = output.read_text()
    assert "pr<<ESCP_" in text and "\n42\n" in text
    assert f"{MARKER}\n## ESCP-S3 partnership check" in text
    assert "| `platform` | ❌ fail |" not in text  # an invalid file gets its errors, not a verdict table
    assert "### What to do" in text and f"Commit `{head}` does not pass yet" in text
    other = "0" * 40
    refused = subprocess.run([*command, "--head-sha", other], capture_output=True, text=True, check=False, cwd=ROOT)
    assert refused.returncode == 1 and "refusing the artifact" in refused.stderr


def test_a_maintainer_editing_their_partnership_passes(tmp_path):
    repo = base_repository(tmp_path)
    edited = repo / "partnerships" / "batteries-value-chain.yml"
    edited.write_text(edited.read_text().replace("acronym: BATT-S3", "acronym: BATT"))
    commit(repo)
    result, out = pr_check(repo, "Pawel-CellNet")  # GitHub logins are case-insensitive
    assert result.returncode == 0, result.stdout
    assert "::error" not in result.stdout
    assert json.loads((out / "report.json").read_text())["changes"]["findings"] == []


@pytest.fixture
def readme_edit_and_deletion(tmp_path):
    repo = base_repository(tmp_path)
    (repo / "README.md").write_text("# directory, edited\n")
    git(repo, "rm", "--quiet", "partnerships/circular-textiles.yml")
    commit(repo)
    return repo


@pytest.mark.parametrize("permission", ["admin", "maintain", "write"])
def test_a_repository_maintainer_may_change_other_files_and_any_partnership(readme_edit_and_deletion, permission):
    result, _ = pr_check(readme_edit_and_deletion, "owner", permission)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "::warning file=partnerships/circular-textiles.yml,line=1,col=1,title=escp review%3A deletion::"
        "deletes the partnership 'circular-textiles'"
    ]


LETTER = b"%PDF-1.4\n"


def add_letter(repo: Path, path: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_bytes(LETTER)


def findings(out: Path) -> list[tuple[str, str, bool]]:
    return [
        (f["kind"], f["path"], f["blocking"])
        for f in json.loads((out / "report.json").read_text())["changes"]["findings"]
    ]


def with_base_letter(tmp_path: Path) -> Path:
    """The base branch holds a letter of batteries-value-chain (maintainers ingrid-battcluster, pawel-cellnet)."""
    repo = base_repository(tmp_path)
    git(repo, "switch", "--quiet", "main")
    add_letter(repo, "evidence/batteries-value-chain/letter.pdf")
    commit(repo)
    git(repo, "switch", "--quiet", "pull-request")
    git(repo, "merge", "--quiet", "--ff-only", "main")
    return repo


def test_a_partnership_maintainer_may_add_and_change_its_own_letters(tmp_path):
    repo = with_base_letter(tmp_path)
    add_letter(repo, "evidence/batteries-value-chain/letter.pdf")
    (repo / "evidence/batteries-value-chain/letter.pdf").write_bytes(LETTER + b"% signed\n")
    add_letter(repo, "evidence/batteries-value-chain/second-letter.pdf")
    commit(repo)
    result, out = pr_check(repo, "ingrid-battcluster")
    assert result.returncode == 0, result.stdout
    assert findings(out) == []


@pytest.mark.parametrize("change", ["overwrite", "delete", "add", "rename away"])
def test_nobody_else_may_touch_a_partnerships_letters(tmp_path, change):
    """evidence/ was open to all: anyone could overwrite or delete another partnership's letter."""
    repo = with_base_letter(tmp_path)
    letter = "evidence/batteries-value-chain/letter.pdf"
    if change == "overwrite":
        (repo / letter).write_bytes(b"%PDF-1.4\n% forged\n")
    elif change == "delete":
        git(repo, "rm", "--quiet", letter)
    elif change == "add":
        add_letter(repo, "evidence/batteries-value-chain/forged.pdf")
    else:
        (repo / "evidence" / "newcomer-partnership").mkdir()
        git(repo, "mv", letter, "evidence/newcomer-partnership/letter.pdf")
    commit(repo)
    result, out = pr_check(repo, "newcomer")
    assert result.returncode == 1, result.stdout
    assert ("ownership", True) in {(kind, blocking) for kind, _, blocking in findings(out)}
    assert (
        "a support letter of the partnership 'batteries-value-chain', but @newcomer is not one of its maintainers"
        in (result.stdout)
    )


def test_a_new_partnership_brings_its_letters_but_a_letter_needs_a_partnership(tmp_path):
    repo = base_repository(tmp_path)
    slug = "hydrogen-valleys"
    write(repo / "partnerships", partnership(title="Hydrogen Valleys Partnership", thematic_area="Hydrogen"), slug)
    add_letter(repo, f"evidence/{slug}/letter.pdf")
    add_letter(repo, "evidence/nobody/letter.pdf")
    add_letter(repo, "evidence/loose-letter.pdf")
    commit(repo)
    result, out = pr_check(repo, "newcomer")
    assert result.returncode == 1, result.stdout
    assert findings(out) == [
        ("outside", "evidence/loose-letter.pdf", True),
        ("evidence", "evidence/nobody/letter.pdf", True),
    ]
    assert "which has no file partnerships/nobody.yml here or in this pull request" in result.stdout


def test_a_partnership_may_reference_only_letters_in_its_own_folder(tmp_path):
    repo = with_base_letter(tmp_path)
    members = partnership()["members"]
    documents = ["evidence/batteries-value-chain/letter.pdf", "evidence/letter.pdf", "evidence/hydrogen/a.pdf"]
    for member, document in zip(members, documents, strict=True):
        member["s3_support"] = {"letter": {"authority": "MA", "date": "2017-01-01", "document": document}}
    path = write(repo / "partnerships", partnership(members=members, title="Hydrogen Partnership"), "hydrogen")
    add_letter(repo, "evidence/hydrogen/a.pdf")
    commit(repo)
    result, _ = pr_check(repo, "newcomer")
    assert result.returncode == 1
    lines = [number for number, text in enumerate(path.read_text().splitlines(), 1) if "document:" in text]
    errors = [line for line in result.stdout.splitlines() if "is not in this partnership's folder" in line]
    assert [line.split(",line=")[1].split(",")[0] for line in errors] == [str(lines[0]), str(lines[1])]
    assert "only reference its own support letters, stored under evidence/hydrogen/" in errors[0]


def test_a_submodule_or_symlink_under_partnerships_is_refused_without_a_traceback(tmp_path):
    repo = base_repository(tmp_path)
    (repo / "partnerships" / "link.yml").symlink_to("precision-farming.yml")
    git(repo, "add", "--all")
    commit_sha = git(repo, "rev-parse", "HEAD")
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{commit_sha},partnerships/linked.yml")
    git(repo, "commit", "--quiet", "-m", "a submodule and a symbolic link")
    (repo / "partnerships" / "linked.yml").mkdir()  # as a checkout leaves a submodule it does not clone
    result, out = pr_check(repo, "newcomer", "admin")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert findings(out) == [("symlink", "partnerships/link.yml", True), ("submodule", "partnerships/linked.yml", True)]
    assert (
        "::error file=partnerships/linked.yml,line=1,col=1,title=escp review%3A submodule::submodules" in result.stdout
    )
    assert json.loads((out / "report.json").read_text())["files"] == []


def test_a_file_name_that_is_not_utf8_is_refused_without_a_traceback(tmp_path):
    repo = base_repository(tmp_path)
    shutil.copy(repo / "partnerships" / "precision-farming.yml", repo / "partnerships" / os.fsdecode(b"caf\xe9.yml"))
    commit(repo)
    result, out = pr_check(repo, "newcomer")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert findings(out) == [("file-name", "partnerships/caf\\xe9.yml", True)]
    assert "the file name partnerships/caf\\xe9.yml is not valid UTF-8" in result.stdout
    assert "| `partnerships/caf\\xe9.yml` | ❌ refused |" in (repo.parent / "summary.md").read_text()


@pytest.mark.parametrize("permission", ["triage", "read", "none"])
def test_an_organisation_member_or_collaborator_without_write_permission_is_not_a_repository_maintainer(
    readme_edit_and_deletion, permission
):
    """author_association MEMBER or COLLABORATOR once skipped the ownership checks: the permission decides."""
    result, out = pr_check(readme_edit_and_deletion, "org-member", permission)
    assert result.returncode == 1, result.stdout
    assert {(kind, blocking) for kind, _, blocking in findings(out)} >= {("outside", True), ("ownership", True)}


@pytest.mark.parametrize(
    "arguments",
    [
        ["main", "0" * 40, "42", "x", "none"],
        ["0" * 40, "0" * 40, "0", "x", "none"],
        ["0" * 40, "0" * 40, "1", "a b", "none"],
        ["0" * 40, "0" * 40, "1", "x", "MEMBER"],  # an author_association is not a permission
        ["0" * 40, "0" * 40, "1", "x", "OWNER"],
    ],
)
def test_pr_check_refuses_malformed_arguments(tmp_path, arguments):
    result = subprocess.run(
        ["bash", str(PR_CHECK), *arguments, str(tmp_path / "out")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "usage: pr-check" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_base_commit_is_a_usage_error(tmp_path):
    repo = base_repository(tmp_path)
    commit_sha = git(repo, "rev-parse", "HEAD")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "empty")
    missing = "f" * 40
    result = subprocess.run(
        ["bash", str(PR_CHECK), missing, commit_sha, "42", "x", "none", str(tmp_path / "out")],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "escp: error: git rev-parse" in result.stderr


def test_a_pull_request_of_more_files_than_are_reviewed_fails_with_a_finding_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(changes, "MAX_CHANGES", 5)  # MAX_CHANGES (3,000) files take a minute to commit and diff
    repo = base_repository(tmp_path)
    (repo / "docs").mkdir()
    for index in range(6):
        (repo / "docs" / f"page-{index}.md").write_text(f"{index}\n")
    commit(repo)
    monkeypatch.chdir(repo)
    report = changes.check_changes("main", "owner", True, Path("partnerships"), Settings())
    record = Report.of(report).changes
    assert record is not None and len(record.files) == 5
    assert [(f.kind, f.path, f.blocking) for f in record.findings] == [("too-many", "docs/page-5.md", True)]
    assert record.findings[0].message.startswith("this pull request changes 6 files; the check reviews the first 5")
    assert not report.ok
