"""The workflow files: schema-valid, clean under zizmor, pinned, read-only by default, bounded in time."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, require_tool

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def load(path: Path) -> dict:
    # PyYAML reads the key "on" as True (YAML 1.1); workflows are read as GitHub reads them otherwise
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_four_workflows_exist():
    assert [path.name for path in FILES] == ["comment.yml", "deploy.yml", "tests.yml", "validate.yml"]


def test_workflows_match_the_github_workflow_schema():
    tool = require_tool("check-jsonschema")
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    tool = require_tool("zizmor")
    result = subprocess.run(
        [tool, "--offline", "--min-severity", "medium", str(WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_only_zizmor_exception_is_the_workflow_run_trigger_of_the_comment():
    ignores = [(path.name, line) for path in FILES for line in path.read_text().splitlines() if "zizmor:" in line]
    assert len(ignores) == 1
    name, line = ignores[0]
    assert name == "comment.yml"
    assert "ignore[dangerous-triggers]" in line and "workflow_run" in line


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_actions_are_pinned_to_full_commit_shas_with_their_version(path):
    raw_uses = [line.split("uses:", 1)[1].strip() for line in path.read_text().splitlines() if "uses:" in line]
    assert raw_uses
    for uses in raw_uses:
        assert PINNED.match(uses), uses


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_checkouts_drop_credentials_and_jobs_have_timeouts(path):
    workflow = load(path)
    assert "concurrency" in workflow
    for job in workflow["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 20
    checkouts = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_permissions_are_read_only_by_default(path):
    workflow = load(path)
    assert workflow["permissions"] in ({"contents": "read"}, {})
    writes = {
        name: {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        for name, job in workflow["jobs"].items()
    }
    expected = {"comment.yml": {"comment": {"pull-requests"}}, "deploy.yml": {"deploy": {"pages", "id-token"}}}
    assert {name: scopes for name, scopes in writes.items() if scopes} == expected.get(path.name, {})


def test_the_comment_job_can_only_comment_and_nothing_there_runs_pull_request_code():
    workflow = load(WORKFLOWS / "comment.yml")
    assert set(workflow[True]) == {"workflow_run"}
    assert workflow["jobs"]["comment"]["permissions"] == {"pull-requests": "write"}
    assert workflow["jobs"]["render"]["permissions"] == {"actions": "read", "contents": "read"}
    for step in steps(workflow):
        assert "ref" not in step.get("with", {}), "the comment workflow checks out the default branch only"
    script = workflow["jobs"]["comment"]["steps"][0]["with"]["script"]
    assert "${{" not in script  # untrusted values reach the script through the environment only
    assert "pull.head.sha !== run.head_sha" in script and "<!-- escp-check -->" in script


def test_validate_runs_the_shared_script_with_the_base_branch_checker():
    workflow = load(WORKFLOWS / "validate.yml")
    assert set(workflow[True]) == {"pull_request"}
    job = workflow["jobs"]["check"]
    tool, pr = job["steps"][0], job["steps"][1]
    assert tool["with"] == {
        "ref": "${{ github.event.pull_request.base.sha }}",
        "path": "tool",
        "persist-credentials": False,
    }
    assert pr["with"]["path"] == "pr"
    run = next(step for step in job["steps"] if "pr-check" in step.get("run", ""))
    assert run["working-directory"] == "pr"
    assert run["run"].startswith("../tool/scripts/pr-check ")
    assert all("${{" not in step.get("run", "") for step in job["steps"])


def test_deploy_builds_with_escp_build_and_publishes_the_site_folder():
    workflow = load(WORKFLOWS / "deploy.yml")
    assert workflow[True]["push"] == {"branches": ["main"]}
    build = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "escp build" for step in build)
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
