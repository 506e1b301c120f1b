"""The comment renderer trusts nothing in the artifact: shapes, sizes, SHAs, and every string."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.check import check_paths
from generator.check.output import save_report
from generator.check.report import MAX_PROBLEMS, MAX_REPORT_BYTES, Report
from generator.pullrequest.comment import (
    MARKER,
    MAX_COMMENT_CHARS,
    ArtifactError,
    comment_body,
    github_output,
    read_artifact,
)
from generator.settings import Settings
from tests.check.partnership_factory import partnership, write

HEAD = "a" * 40
HOSTILE = "<img src=x onerror=alert(1)> [click](https://evil.example) @everyone | ![x](y) `code`"


def artifact(folder: Path, report: dict, pull: dict | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    pull = pull or {"pr": 7, "head_sha": HEAD, "base_sha": "b" * 40}
    (folder / "pull-request.json").write_text(json.dumps(pull))
    (folder / "report.json").write_text(json.dumps(report))
    return folder


def hostile_report() -> dict:
    problem = {"line": 3, "column": 1, "field": HOSTILE, "message": HOSTILE}
    file = {
        "path": f"partnerships/{HOSTILE}.yml",
        "slug": "x",
        "valid": False,
        "criteria_met": False,
        "label": None,
        "errors": [problem],
        "criteria": [],
        "warnings": [problem],
    }
    finding = {"kind": "ownership", "path": HOSTILE, "blocking": True, "message": HOSTILE}
    changes = {"base": HEAD, "author": HOSTILE, "repository_maintainer": False, "files": [], "findings": [finding]}
    return {"files": [file], "summary": {"files": 1}, "changes": changes}


def test_every_untrusted_string_is_inert_in_the_comment(tmp_path):
    pull, report = read_artifact(artifact(tmp_path, hostile_report()), HEAD)
    body = comment_body(pull, report)
    assert body.startswith(MARKER + "\n")
    outside_code = re.sub(r"`[^`]*`", "", body)  # code spans are inert: no HTML, links or mentions
    assert "<img" not in outside_code and "](https" not in outside_code and "![" not in outside_code
    assert "@everyone" not in outside_code
    assert "| ❌ needs approval |" in body
    for line in body.splitlines():
        if line.startswith("|"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4, line  # three cells: none injected


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"pull": {"pr": 7, "head_sha": "c" * 40, "base_sha": "b" * 40}}, "about commit"),
        ({"pull": {"pr": "7", "head_sha": HEAD, "base_sha": "b" * 40}}, "malformed"),
        ({"pull": {"pr": 7, "head_sha": HEAD, "base_sha": "b" * 40, "extra": 1}}, "malformed"),
        ({"criterion_id": "x` @everyone"}, "malformed"),
        ({"message": "x" * 6000}, "malformed"),
    ],
)
def test_malformed_or_foreign_artifacts_are_refused(tmp_path, change, reason):
    report = hostile_report()
    report["files"][0]["criteria"] = [
        {
            "id": change.get("criterion_id", "countries"),
            "passed": True,
            "status": "met",
            "message": change.get("message", "ok"),
        }
    ]
    with pytest.raises(ArtifactError, match=reason):
        read_artifact(artifact(tmp_path, report, change.get("pull")), HEAD)


def test_oversized_missing_and_linked_files_are_refused(tmp_path):
    folder = artifact(tmp_path / "big", hostile_report())
    (folder / "report.json").write_text(" " * (MAX_REPORT_BYTES + 1))
    with pytest.raises(ArtifactError, match="larger than"):
        read_artifact(folder, HEAD)
    (folder / "report.json").unlink()
    with pytest.raises(ArtifactError, match="missing"):
        read_artifact(folder, HEAD)
    (folder / "report.json").symlink_to("/etc/hostname")
    with pytest.raises(ArtifactError, match="missing"):
        read_artifact(folder, HEAD)


def test_a_long_report_is_cut_to_fit_a_comment_and_says_how_much_is_left_out(tmp_path):
    report = hostile_report()
    problem = {"line": 1, "column": 1, "field": "f", "message": "m" * 4000}
    report["files"][0]["errors"] = [problem] * 40
    report["files"].append(report["files"][0] | {"path": "partnerships/second.yml"})
    body = comment_body(*read_artifact(artifact(tmp_path, report), HEAD))
    assert len(body) < MAX_COMMENT_CHARS + 500
    kept = body.count("| 1:1 | f |")
    assert 0 < kept < 80
    more = re.search(r"\n\n… and (\d+) more lines \(1 more files\): the full report is in the summary", body)
    assert more and int(more.group(1)) > 80 - kept  # the rows left out, the second file's heading, the hints…
    assert body.rstrip().endswith("does not pass yet the ESCP-S3 check.</sub>")


def test_what_the_checker_writes_the_comment_reads_however_long(tmp_path):
    """The reading limits are the writing limits: a long report is cut with "and N more", never refused."""
    unknown = {f"unknown_{key}": key for key in range(12)}  # each an error, as are the missing type, country…
    members = [{"name": f"Member {index}"} | unknown for index in range(100)]
    folder = tmp_path / "partnerships"
    write(folder, partnership(members=members, title="A" * 5), "many-errors")
    write(folder, partnership(members=members, title="B" * 5), "more-errors")
    report = check_paths([folder], Settings())
    assert len(report.files[0].errors) > MAX_PROBLEMS
    save_report(report, tmp_path / "artifact")
    (tmp_path / "artifact" / "pull-request.json").write_text(json.dumps({"pr": 7, "head_sha": HEAD, "base_sha": HEAD}))
    pull, record = read_artifact(tmp_path / "artifact", HEAD)
    assert len(record.files[0].errors) == MAX_PROBLEMS + 1
    assert record.files[0].errors[-1].message.startswith(f"… and {len(report.files[0].errors) - MAX_PROBLEMS:,} more")
    body = comment_body(pull, record)
    assert "more lines (1 more files)" in body and "does not pass yet" in body


def test_a_report_too_large_for_the_artifact_keeps_every_verdict(tmp_path):
    report = Report.model_validate_json(json.dumps(hostile_report() | {"version": 2}))
    errors = report.files[0].errors * 20
    files = [report.files[0].model_copy(update={"path": f"partnerships/f{i}.yml", "errors": errors}) for i in range(20)]
    report = report.model_copy(update={"files": files})
    smaller = report.within(len(report.text().encode()) // 2)
    assert len(smaller.text().encode()) <= len(report.text().encode()) // 2
    assert [(f.path, f.valid, f.criteria_met) for f in smaller.files] == [
        (f.path, f.valid, f.criteria_met) for f in files
    ]
    assert smaller.files[0] == files[0] and "errors left out" in smaller.files[-1].errors[0].message
    assert not smaller.ok


def test_output_blocks_use_a_delimiter_the_body_cannot_forge():
    text = github_output({"pr": "7", "body": "ESCP_x\nbody<<EOF"})
    delimiter = text.split("<<", 1)[1].split("\n", 1)[0]
    assert delimiter.startswith("ESCP_") and len(delimiter) == 37
    assert text.count(delimiter) == 4


BARE_ADDRESSES = "Alpha https://evil.example/login www.evil.example HTTP://EVIL.EXAMPLE ftp://x.example WWW.x.example"


def test_bare_addresses_in_member_names_are_not_links_on_github(tmp_path):
    """GitHub's Markdown (cmark-gfm with its autolink extension) links bare URLs and www. addresses."""
    import cmarkgfm  # a test extra: GitHub's own Markdown library

    report = hostile_report()
    verdict = {
        "id": "member-types",
        "passed": False,
        "status": "not-met",
        "message": f"'{BARE_ADDRESSES}' is not a cluster",
    }
    report["files"][0] |= {"valid": True, "errors": [], "criteria": [verdict]}
    body = comment_body(*read_artifact(artifact(tmp_path, report), HEAD))
    rendered = cmarkgfm.github_flavored_markdown_to_html(body)
    assert "<a " not in rendered.replace('<a href="https://github.com', "")
    text = re.sub(r"<[^>]+>", "", rendered)  # GitHub also links addresses in the rendered text
    assert not re.search(r"://|www\.", text, re.IGNORECASE), text
    assert "evil.example/login" in text and "Alpha https:\u200d//evil" in text  # still readable
