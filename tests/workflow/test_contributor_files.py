"""The contributor path around the workflows: issue forms, pull-request template, pre-commit hook, code owners."""

from __future__ import annotations

import re
import subprocess

import yaml

from generator.reference import vocabularies
from generator.render.join import JOIN_FORM, JOIN_LABEL, PREFILLED_FIELDS
from tests.conftest import ROOT, require_tool

GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))


def test_issue_forms_register_update_join_and_report_a_problem_match_github_schemas():
    tool = require_tool("check-jsonschema")
    forms = [path for path in FORMS if path.name != "config.yml"]
    assert sorted(path.stem for path in forms) == ["join", "problem", "register", "update"]
    for schema, paths in (("vendor.github-issue-forms", forms), ("vendor.github-issue-config", [FORMS[0]])):
        result = subprocess.run(
            [tool, "--builtin-schema", schema, *map(str, paths)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_join_form_has_the_fields_the_ask_to_join_link_fills_in():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / JOIN_FORM).read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert set(PREFILLED_FIELDS) <= set(fields)
    assert JOIN_LABEL in form["labels"]
    for asked in ("organisation", "country", "region", "type", "why"):
        assert asked in fields, asked
    required = {name for name, item in fields.items() if item.get("validations", {}).get("required")}
    assert {"organisation", "country", "type", "why", *PREFILLED_FIELDS} <= required
    member_types = [term.label for term in vocabularies().terms["member_types"].values()]
    assert fields["type"]["attributes"]["options"] == member_types


def test_the_pre_commit_hook_runs_escp_check_on_partnership_files_only():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "escp-check" and hook["entry"] == "escp check" and hook["language"] == "python"
    pattern = hook["files"]
    assert re.search(pattern, "partnerships/batteries-value-chain.yml")
    assert not re.search(pattern, "partnerships/sub/x.yml") and not re.search(pattern, "generator/x.yml")


def test_code_owners_cover_everything_and_the_workflows():
    rules = [line.split() for line in (GITHUB / "CODEOWNERS").read_text().splitlines() if line and line[0] != "#"]
    assert {rule[0] for rule in rules} >= {"*", "/.github/"}
    assert all(len(rule) >= 2 and rule[1].startswith("@") for rule in rules)


def test_the_pull_request_template_asks_for_the_local_check_and_consent():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert "escp check --changed-since main" in text and "agreed to be listed" in text
