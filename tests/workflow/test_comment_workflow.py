"""comment.yml's own scripts, run under node against real git repositories and a fake GitHub API.

The vouch job must relay a verdict only from a run of ``.github/workflows/validate.yml`` whose file
at the run's head commit is the default branch's; the comment job must then post either that
verdict or a comment that gives none, and never leave an older verdict standing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, require_tool
from tests.workflow.test_pr_check import base_repository, commit, git

WORKFLOW = ROOT / ".github" / "workflows" / "comment.yml"
VALIDATE = ".github/workflows/validate.yml"
HARNESS = Path(__file__).with_name("github_script.js")
MARKER = "<!-- escp-check -->"
OLD_PASSES = f"{MARKER}\n## ESCP-S3 partnership check\n\nCommit `{'0' * 40}` passes the ESCP-S3 check."


def script(job: str) -> str:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (step,) = [step for step in workflow["jobs"][job]["steps"] if "script" in step.get("with", {})]
    return step["with"]["script"]


def run_script(job: str, scenario: dict, folder: Path) -> dict:
    node = require_tool("node")
    (folder / f"{job}.js").write_text(script(job), encoding="utf-8")
    (folder / f"{job}.json").write_text(json.dumps(scenario), encoding="utf-8")
    result = subprocess.run(
        [node, str(HARNESS), str(folder / f"{job}.js"), str(folder / f"{job}.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def repo(tmp_path):
    """The default branch holds the real validate.yml; the pull request branch starts from it."""
    repo = base_repository(tmp_path)
    git(repo, "switch", "--quiet", "main")
    (repo / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(ROOT / VALIDATE, repo / VALIDATE)
    commit(repo)
    git(repo, "switch", "--quiet", "pull-request")
    git(repo, "merge", "--quiet", "--ff-only", "main")
    return repo


def pull_request_commit(repo: Path, change: str) -> str:
    if change == "edits validate.yml":
        workflow = repo / VALIDATE
        workflow.write_text(workflow.read_text() + "      - run: echo forged report\n")
    elif change == "deletes validate.yml":
        (repo / VALIDATE).unlink()
    elif change == "adds a workflow named validate":
        (repo / ".github" / "workflows" / "forged.yml").write_text("name: validate\non: pull_request\n")
    partnership = repo / "partnerships" / "batteries-value-chain.yml"
    partnership.write_text(partnership.read_text().replace("acronym: BATT-S3", "acronym: BATT"))
    return commit(repo)[1]


def event(head_sha: str, path: str = VALIDATE, conclusion: str | None = "success", action: str = "completed") -> dict:
    fork = {"full_name": "contributor/escp-directory", "owner": {"login": "contributor"}}
    run = {
        "path": path,
        "head_sha": head_sha,
        "head_branch": "pull-request",
        "head_repository": fork,
        "conclusion": conclusion,
        "event": "pull_request",
        "pull_requests": [],  # empty for pull requests from forks
    }
    repository = {"default_branch": "main", "full_name": "escp/escp-directory"}
    return {"action": action, "workflow_run": run, "repository": repository}


def vouch(repo: Path, payload: dict) -> dict:
    scenario = {"repository": str(repo), "owner": "escp", "repo": "escp-directory", "payload": payload}
    scenario |= {"pulls": [], "comments": {}, "env": {}}
    return run_script("vouch", scenario, repo.parent)


def test_an_unchanged_validate_workflow_is_vouched_for(repo):
    head = pull_request_commit(repo, "edits a partnership only")
    result = vouch(repo, event(head))
    assert result["outputs"] == {"relay": "true", "reason": ""}
    assert ["getContent", "escp/escp-directory", VALIDATE, head] in result["calls"]
    assert ["getContent", "escp/escp-directory", VALIDATE, "main"] in result["calls"]


@pytest.mark.parametrize("change", ["edits validate.yml", "deletes validate.yml"])
def test_a_pull_request_that_changes_validate_yml_gets_no_verdict(repo, change):
    head = pull_request_commit(repo, change)
    result = vouch(repo, event(head))
    assert result["outputs"] == {"relay": "false", "reason": "changes-checks"}
    assert any("is not the default branch's" in message for _, message in result["messages"])


def test_a_run_of_another_workflow_named_validate_gets_no_verdict(repo):
    head = pull_request_commit(repo, "adds a workflow named validate")
    result = vouch(repo, event(head, path=".github/workflows/forged.yml"))
    assert result["outputs"] == {"relay": "false", "reason": "changes-checks"}
    assert not [call for call in result["calls"] if call[0] == "getContent"]  # decided from the path alone


@pytest.mark.parametrize("conclusion", ["cancelled", "timed_out", "startup_failure"])
def test_a_run_that_did_not_finish_gets_no_verdict(repo, conclusion):
    head = pull_request_commit(repo, "edits a partnership only")
    assert vouch(repo, event(head, conclusion=conclusion))["outputs"] == {"relay": "false", "reason": "unfinished"}


def test_a_requested_run_is_said_to_be_running_and_a_changed_validate_yml_still_gets_no_verdict(repo):
    head = pull_request_commit(repo, "edits a partnership only")
    result = vouch(repo, event(head, conclusion=None, action="requested"))
    assert result["outputs"] == {"relay": "false", "reason": "running"}
    head = pull_request_commit(repo, "edits validate.yml")
    result = vouch(repo, event(head, conclusion=None, action="requested"))
    assert result["outputs"] == {"relay": "false", "reason": "changes-checks"}


def pull(number: int, head_sha: str, owner: str = "contributor") -> dict:
    head_repo = {"full_name": f"{owner}/escp-directory", "owner": {"login": owner}}
    base = {"repo": {"full_name": "escp/escp-directory"}}
    return {"number": number, "state": "open", "head": {"sha": head_sha, "ref": "pull-request", "repo": head_repo}} | {
        "base": base
    }


def comment(
    tmp_path: Path, head_sha: str, env: dict, pulls: list[dict] | None = None, standing: str = OLD_PASSES
) -> dict:
    bot = {"id": 901, "user": {"login": "github-actions[bot]"}, "body": standing}
    forged = {"id": 902, "user": {"login": "mallory"}, "body": f"{MARKER}\npasses"}
    scenario = {"repository": str(tmp_path), "owner": "escp", "repo": "escp-directory", "payload": event(head_sha)}
    scenario |= {"pulls": [pull(7, head_sha)] if pulls is None else pulls, "comments": {"7": [forged, bot]}}
    scenario["env"] = {"RELAY": "", "REASON": "", "RENDERED": "skipped", "PR_NUMBER": "", "BODY": ""} | env
    return run_script("comment", scenario, tmp_path)


def writes(result: dict) -> list[list]:
    return [call for call in result["calls"] if call[0] in {"createComment", "updateComment"}]


HEAD = "c" * 40


def test_a_vouched_report_replaces_the_sticky_comment(tmp_path):
    body = f"{MARKER}\n## ESCP-S3 partnership check\n\nCommit `{HEAD}` does not pass yet the ESCP-S3 check.\n"
    result = comment(tmp_path, HEAD, {"RELAY": "true", "RENDERED": "success", "PR_NUMBER": "7", "BODY": body})
    assert writes(result) == [["updateComment", 901, body]]  # the bot's comment, never mallory's
    assert ["pulls.list", "contributor:pull-request", "open"] in result["calls"]


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"RELAY": "false", "REASON": "changes-checks"}, "this pull request changes the checks"),
        ({"RELAY": "false", "REASON": "unfinished"}, "the check did not finish (success)"),
        ({"RELAY": "true", "RENDERED": "failure"}, "the check ran, but its report could not be read"),
        ({"RELAY": "false", "REASON": "running"}, "the check of this commit is running"),
        ({"RELAY": "false", "REASON": "anything else"}, "this pull request changes the checks"),
    ],
)
def test_without_a_verdict_the_older_passes_comment_is_replaced_by_one_that_says_why(tmp_path, env, says):
    result = comment(tmp_path, HEAD, env)
    ((kind, comment_id, body),) = writes(result)
    assert (kind, comment_id) == ("updateComment", 901)
    assert body.startswith(MARKER + "\n") and f"**No verdict** for commit `{HEAD}`: {says}" in body
    assert "passes" not in body


def test_a_rendered_report_about_another_pull_request_is_not_posted(tmp_path):
    body = f"{MARKER}\nCommit `{HEAD}` passes the ESCP-S3 check.\n"
    result = comment(tmp_path, HEAD, {"RELAY": "true", "RENDERED": "success", "PR_NUMBER": "8", "BODY": body})
    assert ["failed", "The rendered comment is malformed or not about pull request #8."] in result["messages"]
    ((kind, comment_id, posted),) = writes(result)
    assert (kind, comment_id) == ("updateComment", 901) and "**No verdict**" in posted


def test_nothing_is_posted_when_the_pull_request_has_moved_on_or_comes_from_elsewhere(tmp_path):
    moved_on = comment(tmp_path, HEAD, {"RELAY": "false", "REASON": "changes-checks"}, [pull(7, "d" * 40)])
    assert writes(moved_on) == []
    assert moved_on["messages"][0][0] == "notice"
    other_fork = comment(tmp_path, HEAD, {"RELAY": "false", "REASON": "changes-checks"}, [pull(7, HEAD, "mallory")])
    assert writes(other_fork) == []


def test_a_new_pull_request_gets_a_new_comment(tmp_path):
    result = comment(tmp_path, HEAD, {"RELAY": "false", "REASON": "changes-checks"}, [pull(9, HEAD)])
    ((kind, number, body),) = writes(result)
    assert (kind, number) == ("createComment", 9) and body.startswith(MARKER)


def test_a_run_requested_after_the_verdict_of_its_commit_leaves_that_verdict_standing(tmp_path):
    verdict = f"{MARKER}\n## ESCP-S3 partnership check\n\n<sub>Commit `{HEAD}` passes the ESCP-S3 check.</sub>\n"
    assert writes(comment(tmp_path, HEAD, {"RELAY": "false", "REASON": "running"}, standing=verdict)) == []
