"""The real ``escp check`` and ``escp schema`` commands: exit codes and the three formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema  # with check-jsonschema, in the test extra

from generator.check.report import Report
from tests.check.partnership_factory import VALID, partnership, write
from tests.conftest import PARTNERSHIPS, ROOT

JSON_FILE_KEYS = {"path", "slug", "valid", "criteria_met", "label", "errors", "criteria", "warnings"}


def escp(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def test_bundled_partnerships_pass():
    result = escp("check")
    assert result.returncode == 0, result.stdout
    count = len(list(PARTNERSHIPS.glob("*.yml")))
    assert count >= 8
    assert f"{count} files: {count} valid, {count} meet the ESCP-S3 criteria (self-assessed)" in result.stdout
    assert "labelled" not in result.stdout
    one = escp("check", str(PARTNERSHIPS / "blue-bioeconomy.yml"))
    assert "\n1 file: 1 valid, 1 meets the ESCP-S3 criteria (self-assessed)" in one.stdout


def test_json_format_has_the_stable_keys(tmp_path):
    write(tmp_path, partnership(), "good")
    write(tmp_path, partnership(title="Short", sectors=["agrifood"]), "bad")
    result = escp("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["version"] == 2
    assert report["summary"] == {"files": 2, "valid": 1, "criteria_met": 1, "label_awarded": 0}
    bad, good = report["files"]
    assert set(bad) == set(good) == JSON_FILE_KEYS
    assert set(bad["errors"][0]) == {"line", "column", "field", "message"}
    assert {c["id"] for c in good["criteria"]} == {"member-types", "countries", "cohesion-region", "s3-support"}
    assert set(good["criteria"][0]) == {"id", "passed", "status", "message"}
    assert good["criteria_met"] is True and good["label"] is None


def test_a_file_missing_a_criterion_exits_1(tmp_path):
    members = [VALID["members"][0], {**VALID["members"][1], "s3_support": None}, VALID["members"][2]]
    result = escp("check", str(write(tmp_path, partnership(members=members))))
    assert result.returncode == 1
    assert "✗ NOT MET s3-support" in result.stdout


def test_usage_errors_exit_2(tmp_path):
    assert escp("check", str(tmp_path / "missing")).returncode == 2
    assert escp("check", "--format", "xml").returncode == 2
    assert escp("--config", str(tmp_path / "nope.yml"), "check").returncode == 2


def test_text_format_is_clickable_and_plain_when_not_a_tty(tmp_path):
    path = write(tmp_path, partnership(platform="energie"))
    result = escp("check", str(path))
    assert f"{path}:3:11: error: platform: unknown platform id 'energie'; did you mean 'energy'?" in result.stdout
    assert "\033[" not in result.stdout


def test_github_format_escapes_annotations_and_writes_the_summary(tmp_path):
    summary = tmp_path / "summary.md"
    hostile = partnership(title="Evil, title: 100%\nnext <script>alert(1)</script> @everyone", platform="nope")
    path = write(tmp_path / "p", hostile)
    result = escp("check", "--format", "github", str(path), env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=") for line in lines)
    platform_line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("platform"))
    assert any(f"line={platform_line},col=11" in line and "title=escp check%3A platform::" in line for line in lines)
    markdown = summary.read_text()
    assert "<script>" not in markdown
    assert "@everyone" not in markdown
    assert "ESCP-S3 partnership check" in markdown


def test_github_annotation_for_a_failed_criterion_points_at_the_member(tmp_path):
    members = [VALID["members"][0], {**VALID["members"][1], "type": "university"}, VALID["members"][2]]
    path = write(tmp_path, partnership(members=members))
    result = escp("check", "--format", "github", str(path))
    line = next(line for line in result.stdout.splitlines() if "member-types" in line)
    type_line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "university" in text)
    assert f"line={type_line}," in line


def test_directory_wide_unique_titles_and_slugs(tmp_path):
    write(tmp_path / "a", partnership(), "one")
    write(tmp_path / "a", partnership(title="  BATTERIES partnership for smart   specialisation "), "two")
    write(tmp_path / "b", partnership(title="Another unique title here"), "one")
    report = json.loads(escp("check", "--format", "json", str(tmp_path / "a"), str(tmp_path / "b")).stdout)
    messages = [e["message"] for f in report["files"] for e in f["errors"]]
    assert any("same title is already used" in m for m in messages)
    assert any("slug 'one' is already used" in m for m in messages)


def test_thresholds_come_from_site_config(tmp_path):
    (tmp_path / "site-config.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - escp:\n      label:\n        min_countries: 4\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    write(tmp_path / "partnerships", partnership())
    result = escp("check", cwd=tmp_path, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "at least 4 are needed" in result.stdout


def test_schema_is_current_and_every_bundled_file_references_it():
    schema = escp("schema")
    assert schema.returncode == 0
    assert json.loads(schema.stdout) == json.loads((ROOT / "schema" / "partnership.schema.json").read_text())
    for path in PARTNERSHIPS.glob("*.yml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=../schema/partnership.schema.json\n")


def test_schema_lists_the_vocabularies():
    schema = json.loads(escp("schema").stdout)
    member = schema["$defs"]["Member"]["properties"]
    assert "cluster-organisation" in member["type"]["enum"]
    assert schema["properties"]["platform"]["enum"] == ["industrial-modernisation", "energy", "agri-food"]
    assert schema["additionalProperties"] is False


def test_report_schema_is_current_and_the_json_report_reads_back_with_the_same_models(tmp_path):
    schema = escp("schema", "--report")
    assert schema.returncode == 0
    assert json.loads(schema.stdout) == json.loads((ROOT / "schema" / "report.schema.json").read_text())
    write(tmp_path, partnership(members=[]), "broken")
    output = escp("check", "--format", "json", str(PARTNERSHIPS), str(tmp_path)).stdout
    report = Report.model_validate_json(output)
    assert report.text() == output
    assert report.summary.files == report.summary.valid + 1
    jsonschema.validate(json.loads(output), json.loads(schema.stdout))


def test_an_undetermined_criterion_fails_the_check_and_says_so(tmp_path):
    members = [{**VALID["members"][0], "country": "BE", "region": "BE3"}, *VALID["members"][1:]]
    write(tmp_path, partnership(members=members), "wallonia")
    result = escp("check", str(tmp_path))
    assert result.returncode == 1
    assert "wallonia.yml: ESCP-S3 criteria undetermined (counted as not met)" in result.stdout
    assert "? UNDETERMINED cohesion-region:" in result.stdout


def test_a_recorded_label_is_named_apart_from_the_criteria(tmp_path):
    label = {"awarded": "2017-06-01", "by": "European Commission", "reference": "https://example.org/escp"}
    write(tmp_path, partnership(label=label), "awarded")
    result = escp("check", "--format", "json", str(tmp_path))
    report = json.loads(result.stdout)
    assert report["files"][0]["label"] == label
    assert report["summary"] == {"files": 1, "valid": 1, "criteria_met": 1, "label_awarded": 1}
    text = escp("check", str(tmp_path)).stdout
    assert "meets the ESCP-S3 criteria (self-assessed); ESCP-S3 label awarded 2017-06-01 by European Commission" in text


def test_a_symbolic_link_and_a_reserved_file_name_are_refused(tmp_path):
    outside = write(tmp_path / "elsewhere", partnership(), "secret")
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "linked.yml").symlink_to(outside)
    write(folder, partnership(title="The partnership named index"), "index")
    result = escp("check", "--format", "json", str(folder))
    assert result.returncode == 1
    by_slug = {checked["slug"]: checked for checked in json.loads(result.stdout)["files"]}
    [linked] = by_slug["linked"]["errors"]
    assert linked["message"] == "the file is a symbolic link; put the partnership file itself here"
    assert by_slug["linked"]["criteria"] == []  # nothing of the linked file is read
    [reserved] = by_slug["index"]["errors"]
    assert "file name 'index' is reserved for the site's own pages (reserved: index)" in reserved["message"]
