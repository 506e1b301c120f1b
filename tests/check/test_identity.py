"""One organisation, one identity: spellings, legal ids and regions that disagree across files are
warned about (never merged or split silently), naming the other file and line."""

from __future__ import annotations

import copy

import pytest

from generator.check.identity import spelling_key
from generator.check.runner import check_in_directory, check_paths
from generator.settings import settings_from
from tests.check.partnership_factory import VALID, partnership, write


def members(*changes: dict) -> list[dict]:
    """VALID's members with ``changes`` applied to the first ones."""
    listed = copy.deepcopy(VALID["members"])
    for member, change in zip(listed, changes, strict=False):
        member.update(change)
    return listed


def two_files(tmp_path, first: list[dict], second: list[dict]):
    write(tmp_path, partnership(members=first), "first")
    write(
        tmp_path, partnership(title="Second Batteries Partnership for Smart Specialisation", members=second), "second"
    )
    report = check_paths([tmp_path], settings_from(None))
    return {file.slug: [w.message for w in file.warnings if "members" in w.field] for file in report.files}, report


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("AgroTransilvania Cluster", "Agro Transilvania Cluster"),
        ("Clúster Agroalimentario de Andalucía", "Cluster Agroalimentario de Andalucia"),
        ("Baltic Batteries GmbH", "Baltic Batteries"),
        ("Silesia Automotive Sp. z o.o.", "Silesia Automotive"),
        ("Nordic Wood AB", "Nordic-Wood"),
        ("Kokkola Chemicals Oy", "KOKKOLA CHEMICALS"),
        ("Energy Cluster e.V.", "Energy Cluster"),
        ("Andalucía Aerospace, S.L.", "Andalucia Aerospace"),
    ],
)
def test_spellings_of_one_name_share_a_key(one, other):
    assert spelling_key(one) == spelling_key(other)


def test_different_names_keep_different_keys():
    assert spelling_key("Alpha Cluster") != spelling_key("Alpha Cluster Network")
    assert spelling_key("AB Cluster") == "abcluster"  # a legal form is only stripped at the end


def test_two_spellings_in_one_country_are_warned_in_both_files_with_the_other_line(tmp_path):
    found, report = two_files(
        tmp_path,
        members({"name": "AgroTransilvania Cluster", "country": "RO", "region": "RO11"}),
        members({}, {"name": "Agro Transilvania Cluster S.R.L.", "country": "RO", "region": "RO11"}),
    )
    first, second = found["first"], found["second"]
    assert len(first) == 1 and len(second) == 1
    assert "'AgroTransilvania Cluster' looks like 'Agro Transilvania Cluster S.R.L.'" in first[0]
    line = next(w.line for w in report.files[1].warnings if "members" in w.field)
    assert f"{tmp_path / 'second.yml'}:{line}" in first[0]
    assert "first.yml:" in second[0]
    assert all(file.valid for file in report.files)  # a warning, never an error


def test_the_same_spelling_in_another_country_is_another_organisation(tmp_path):
    found, _ = two_files(
        tmp_path,
        members({"name": "Alpha Cluster"}),
        members({"name": "Alpha-Cluster", "country": "ES", "region": "ES61"}),
    )
    assert found == {"first": [], "second": []}


def test_different_legal_ids_declare_different_organisations(tmp_path):
    found, _ = two_files(
        tmp_path,
        members({"name": "Alpha Cluster", "legal_id": "PT500"}),
        members({"name": "Alpha Cluster Lda", "legal_id": "PT501"}),
    )
    assert found == {"first": [], "second": []}


def test_one_legal_id_with_two_names_or_two_regions(tmp_path):
    found, _ = two_files(
        tmp_path,
        members({"legal_id": "PIC 999"}),
        members({"name": "Omega Cluster", "legal_id": "PIC999", "region": "PT15"}),
    )
    assert any("legal_id PIC 999 is also given to 'Omega Cluster'" in message for message in found["first"])
    assert any("is in region PT11 here but in PT15" in message for message in found["first"])


def test_one_name_with_two_legal_ids(tmp_path):
    found, _ = two_files(tmp_path, members({"legal_id": "PT500"}), members({"legal_id": "PT501"}))
    assert any("'Alpha Cluster (fictional)' has legal_id PT500 here but PT501 in" in m for m in found["first"])


def test_a_pull_request_check_compares_with_the_files_it_does_not_check(tmp_path):
    write(
        tmp_path,
        partnership(members=members({"name": "AgroTransilvania Cluster", "country": "RO", "region": "RO11"})),
        "base",
    )
    new = write(
        tmp_path,
        partnership(
            title="Second Batteries Partnership for Smart Specialisation",
            members=members({}, {"name": "Agro-Transilvania Cluster", "country": "RO", "region": "RO11"}),
        ),
        "new",
    )
    report = check_in_directory([new], tmp_path, settings_from(None))
    messages = [w.message for w in report.files[0].warnings]
    assert any("looks like 'AgroTransilvania Cluster' in " in m and "base.yml:" in m for m in messages)
