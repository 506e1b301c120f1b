"""``escp new``: its file passes ``escp check`` unchanged, user input is emitted safely, nothing is overwritten."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.commands.new.skeleton import SCHEMA_COMMENT, slugify, to_yaml
from generator.load import LoadedFile
from generator.load.reader import parse_text
from tests.conftest import PARTNERSHIPS, ROOT

FULL = [
    "--title", "Baltic Batteries Partnership",
    "--platform", "industrial-modernisation",
    "--thematic-area", "Batteries",
    "--summary", "Clusters around the Baltic Sea join forces on battery cells and recycling.",
    "--sector", "energy", "--sector", "advanced-manufacturing",
    "--s3-priority", "Energy storage",
    "--activity", "matchmaking",
    "--contact-email", "contact@example.org",
    "--maintainer", "ana-example",
    "--coordinator-name", "Alpha Cluster (fictional)",
    "--coordinator-type", "cluster-organisation", "--coordinator-legal-entity", "yes",
    "--coordinator-country", "PT", "--coordinator-region", "PT11",
    "--coordinator-strategy", "RIS3 Norte", "--coordinator-priority", "Batteries",
    "--coordinator-url", "https://ris3.example.org/norte",
    "--partner", "name=Beta Cluster (fictional);type=cluster-organisation;legal_entity=yes;"
                 "country=DE;region=DE21;strategy=RIS3 Bayern;priority=Energy;url=https://ris3.example.org/bayern",
    "--partner", "name=Gamma Network;type=business-network;legal_entity=true;"
                 "country=FR;region=FR10;strategy=SRI;priority=Mobility;url=https://ris3.example.org/idf",
]  # fmt: skip


def escp(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)


def test_a_complete_answer_set_gives_a_file_meeting_the_criteria_that_passes_check_unchanged(tmp_path):
    (tmp_path / "partnerships").mkdir()
    result = escp("new", *FULL, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    path = tmp_path / "partnerships" / "baltic-batteries-partnership.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    assert "meets the ESCP-S3 criteria (self-assessed)" in result.stdout
    check = escp("check", str(path), cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    assert path.read_text(encoding="utf-8") == text


def test_the_skeleton_is_checked_against_the_whole_directory(tmp_path):
    repo = tmp_path
    shutil.copytree(PARTNERSHIPS, repo / "partnerships")
    args = [
        arg.replace("Baltic Batteries Partnership", "Batteries Value Chain Partnership for Smart Specialisation")
        for arg in FULL
    ]
    result = escp("new", *args, "--slug", "batteries-again", cwd=repo)
    assert result.returncode == 1
    assert "the same title is already used by partnerships/batteries-value-chain.yml" in result.stdout


def test_a_minimal_skeleton_is_valid_and_says_which_criteria_are_missing(tmp_path):
    (tmp_path / "partnerships").mkdir()
    minimal = FULL[: FULL.index("--coordinator-strategy")]
    result = escp("new", *minimal, "--slug", "minimal", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "✗ NOT MET countries" in result.stdout and "✗ NOT MET s3-support" in result.stdout
    check = escp("check", "--format", "json", "partnerships/minimal.yml", cwd=tmp_path)
    assert '"valid": true' in check.stdout


def test_new_never_overwrites(tmp_path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "baltic-batteries-partnership.yml").write_text("mine\n")
    result = escp("new", *FULL, cwd=tmp_path)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert (folder / "baltic-batteries-partnership.yml").read_text() == "mine\n"


def test_missing_flags_without_a_terminal_are_named(tmp_path):
    (tmp_path / "partnerships").mkdir()
    result = escp("new", "--title", "Baltic Batteries Partnership", cwd=tmp_path)
    assert result.returncode == 2
    assert "missing --platform, --summary" in result.stderr
    assert list((tmp_path / "partnerships").iterdir()) == []


def assert_refused(tmp_path: Path, args: list[str], expected: str) -> None:
    """``escp new`` with ``args`` is a usage error saying ``expected``, and writes nothing."""
    (tmp_path / "partnerships").mkdir(exist_ok=True)
    result = escp("new", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr
    assert list((tmp_path / "partnerships").iterdir()) == []


def test_invalid_answers_write_nothing(tmp_path):
    args = [arg.replace("PT11", "DE21") for arg in FULL]
    assert_refused(tmp_path, args, "--coordinator-region: DE21 (Oberbayern) lies in DE, not in PT")


def test_a_member_given_by_flags_without_type_or_legal_status_is_an_error(tmp_path):
    without_type = [arg.replace("type=business-network;", "") for arg in FULL]
    assert_refused(tmp_path, without_type, "type= missing")
    assert_refused(tmp_path, without_type, "never assumes a member's type or legal status")
    without_status = [arg for arg in FULL if arg not in ("--coordinator-legal-entity", "yes")]
    assert_refused(tmp_path, without_status, "missing --coordinator-legal-entity")
    wrong = [arg.replace("legal_entity=true", "legal_entity=perhaps") for arg in FULL]
    assert_refused(tmp_path, wrong, "--partner legal_entity=: answer yes or no, not 'perhaps'")


def test_a_member_without_legal_entity_is_written_as_such(tmp_path):
    (tmp_path / "partnerships").mkdir()
    args = [arg.replace("legal_entity=true", "legal_entity=no") for arg in FULL]
    result = escp("new", *args, cwd=tmp_path)
    text = (tmp_path / "partnerships" / "baltic-batteries-partnership.yml").read_text()
    assert "legal_entity: false" in text
    assert "✗ NOT MET member-types" in result.stdout


def test_a_cluster_run_by_a_legal_entity_counts_through_it(tmp_path):
    (tmp_path / "partnerships").mkdir()
    runner = "legal_entity=no;managed_by=Gamma Association"
    args = [arg.replace("legal_entity=true", runner) for arg in FULL]
    result = escp("new", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (tmp_path / "partnerships" / "baltic-batteries-partnership.yml").read_text()
    assert "legal_entity: false\n    managed_by:\n      name: Gamma Association\n" in text
    assert "'Gamma Network' through 'Gamma Association', the legal entity that runs it" in result.stdout
    assert "✓ met member-types" in result.stdout


def test_managed_by_is_refused_for_a_member_with_its_own_legal_entity(tmp_path):
    args = [arg.replace("legal_entity=true", "legal_entity=true;managed_by=Gamma Association") for arg in FULL]
    assert_refused(tmp_path, args, "--partner managed_by=: only for a member whose legal entity is no")


def test_hostile_text_is_quoted_and_reads_back_unchanged():
    strings = ["NO", "yes", "0o17", "1e3", "null", "a: b # c", "- item", "@everyone", "'quoted'", "line\nbreak\n", "~"]
    data = {"title": "x", "values": strings, "nested": {"key": "*alias"}}
    loaded = LoadedFile(Path("x.yml"))
    parse_text(to_yaml(data), loaded)
    assert loaded.problems == []
    assert loaded.data == data


def test_slugs_are_ascii_kebab_case():
    assert (
        slugify("Łódź Textile & Fashion — Circular (TEX-2) Partnership")
        == "lodz-textile-fashion-circular-tex-2-partnership"
    )
    assert len(slugify("word " * 40)) <= 60


def test_a_region_flag_may_be_a_region_name_but_a_town_needs_its_code(tmp_path):
    (tmp_path / "partnerships").mkdir()
    by_name = [arg.replace("PT11", "Norte") for arg in FULL]
    result = escp("new", *by_name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "region: PT11" in (tmp_path / "partnerships" / "baltic-batteries-partnership.yml").read_text()
    by_town = [arg.replace("PT11", "Braga") for arg in FULL]
    result = escp("new", *by_town, "--slug", "by-town", cwd=tmp_path)
    assert result.returncode == 2
    expected = "--coordinator-region: 'Braga' is not a region's code or name; choose one code: PT112 Cávado"
    assert expected in result.stderr


def test_the_registration_guide_s_commands_work_as_written(tmp_path):
    """Steps 2 and 3 of content/register.md, copied from the guide, in a new branch with an uncommitted file."""
    guide = (ROOT / "content" / "register.md").read_text(encoding="utf-8")
    blocks = [re.sub(r"^    ", "", block, flags=re.MULTILINE) for block in re.findall(r"```sh\n(.*?)```", guide, re.S)]
    new = next(block for block in blocks if block.startswith("escp new"))
    check = next(block for block in blocks if block.startswith("escp check"))
    repo = tmp_path / "escp-directory"
    (repo / "partnerships").mkdir(parents=True)
    shutil.copy(ROOT / "site-config.yml", repo)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q", "--initial-branch=main"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run([*git, *command], cwd=repo, check=True, env={**env, "GIT_CONFIG_GLOBAL": os.devnull})
    subprocess.run([*git, "switch", "-q", "-c", "register-my-partnership"], cwd=repo, check=True)
    written = subprocess.run(["bash", "-c", new], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert written.returncode == 0, written.stdout + written.stderr
    assert written.stdout.count("✓ met") == 4, written.stdout  # the example meets every criterion
    for line in check.splitlines():
        command = re.sub(r"\s+#.*$", "", line)
        result = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
        assert "1 file: 1 valid" in result.stdout, command  # status 0: valid, and every criterion met


def test_the_registration_guide_s_region_lookup_prints_what_it_shows():
    guide = (ROOT / "content" / "register.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```console\n\$ (escp regions .*?)\n(.*?)```", guide, re.S)
    command, shown = example
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown
