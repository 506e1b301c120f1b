"""The comment renderer trusts nothing in the artifact: shapes, sizes, SHAs, and every string."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.pullrequest.comment import (
    MARKER,
    MAX_COMMENT_CHARS,
    ArtifactError,
    comment_body,
    github_output,
    read_artifact,
)

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
        "labelled": False,
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
        {"id": change.get("criterion_id", "countries"), "passed": True, "message": change.get("message", "ok")}
    ]
    with pytest.raises(ArtifactError, match=reason):
        read_artifact(artifact(tmp_path, report, change.get("pull")), HEAD)


def test_oversized_missing_and_linked_files_are_refused(tmp_path):
    folder = artifact(tmp_path / "big", hostile_report())
    (folder / "report.json").write_text(" " * (1024 * 1024 + 1))
    with pytest.raises(ArtifactError, match="larger than"):
        read_artifact(folder, HEAD)
    (folder / "report.json").unlink()
    with pytest.raises(ArtifactError, match="missing"):
        read_artifact(folder, HEAD)
    (folder / "report.json").symlink_to("/etc/hostname")
    with pytest.raises(ArtifactError, match="missing"):
        read_artifact(folder, HEAD)


def test_a_long_report_is_cut_to_fit_a_comment(tmp_path):
    report = hostile_report()
    problem = {"line": 1, "column": 1, "field": "f", "message": "m" * 4000}
    report["files"][0]["errors"] = [problem] * 40
    body = comment_body(*read_artifact(artifact(tmp_path, report), HEAD))
    assert len(body) < MAX_COMMENT_CHARS + 500
    assert "too long for a comment" in body


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
    verdict = {"id": "member-types", "passed": False, "message": f"'{BARE_ADDRESSES}' is not a cluster"}
    report["files"][0] |= {"valid": True, "errors": [], "criteria": [verdict]}
    body = comment_body(*read_artifact(artifact(tmp_path, report), HEAD))
    rendered = cmarkgfm.github_flavored_markdown_to_html(body)
    assert "<a " not in rendered.replace('<a href="https://github.com', "")
    text = re.sub(r"<[^>]+>", "", rendered)  # GitHub also links addresses in the rendered text
    assert not re.search(r"://|www\.", text, re.IGNORECASE), text
    assert "evil.example/login" in text and "Alpha https:\u200d//evil" in text  # still readable
