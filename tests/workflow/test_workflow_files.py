"""The workflow files: schema-valid, clean under zizmor, actionlint and shellcheck, pinned, read-only by
default, bounded in time."""

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


@pytest.mark.parametrize("persona", ["regular", "pedantic", "auditor"])
def test_zizmor_finds_nothing_in_any_persona(persona):
    tool = require_tool("zizmor")
    result = subprocess.run(
        [tool, "--offline", f"--persona={persona}", str(WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing_and_shellchecks_every_run_step():
    tool = require_tool("actionlint")
    require_tool("shellcheck")  # actionlint checks the run: scripts with it, and skips that silently without
    result = subprocess.run(
        [tool, "-no-color", "-verbose", *map(str, FILES)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'Rule "shellcheck" was disabled' not in result.stderr


SHELL_SCRIPTS = [ROOT / ".ci" / "run", ROOT / "scripts" / "test", ROOT / "scripts" / "pr-check"]


def test_the_shell_scripts_are_shellcheck_clean():
    tool = require_tool("shellcheck")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    shebangs = {
        ROOT / name
        for name in tracked.stdout.split("\0")
        if name
        and (ROOT / name).is_file()
        and (ROOT / name).read_bytes()[:64].startswith((b"#!/bin/sh", b"#!/usr/bin/env bash", b"#!/bin/bash"))
    }
    assert shebangs <= set(SHELL_SCRIPTS), "a new shell script: add it to SHELL_SCRIPTS"
    result = subprocess.run([tool, *map(str, SHELL_SCRIPTS)], capture_output=True, text=True, check=False)
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
    jobs = workflow["jobs"]
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert jobs["render"]["permissions"] == {"actions": "read", "contents": "read"}
    assert jobs["vouch"]["permissions"] == {"contents": "read"}
    assert jobs["render"]["if"] == "needs.vouch.outputs.relay == 'true'"  # the artifact is read only when vouched for
    for step in steps(workflow):
        assert "ref" not in step.get("with", {}), "the comment workflow checks out the default branch only"
    for job in ("vouch", "comment"):
        script = jobs[job]["steps"][0]["with"]["script"]
        assert "${{" not in script  # untrusted values reach the scripts through the environment only
    # what the scripts do is tested in test_comment_workflow.py


def test_no_workflow_trusts_the_author_association():
    for path in FILES:
        assert "author_association" not in path.read_text(), path.name


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
    assert run["env"]["PERMISSION"] == "${{ steps.permission.outputs.permission }}"
    permission = next(step for step in job["steps"] if step.get("id") == "permission")
    assert 'gh api "repos/$GITHUB_REPOSITORY/collaborators/$AUTHOR/permission" --jq .permission' in permission["run"]
    assert "permission=none" in permission["run"]  # a failed lookup never makes a maintainer
    assert all("${{" not in step.get("run", "") for step in job["steps"])


def test_deploy_builds_with_escp_build_and_publishes_the_site_folder():
    workflow = load(WORKFLOWS / "deploy.yml")
    assert workflow[True]["push"] == {"branches": ["main"]}
    build = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "escp build" for step in build)
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
