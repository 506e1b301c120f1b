"""``escp new`` at a terminal: the allowed values first, each answer checked as typed and asked again
when wrong, nothing assumed about a member, and Ctrl-C or Ctrl-D ends it cleanly, writing nothing."""

from __future__ import annotations

import pytest

from tests.workflow.terminal import CTRL_C, CTRL_D, Terminal

PARTNERSHIP_FLAGS = [
    "--title", "Danube Agri-Food Partnership", "--acronym", "DAFP", "--platform", "agri-food",
    "--thematic-area", "Food processing", "--summary", "Clusters along the Danube.", "--sector", "agri-food",
    "--technology-field", "industrial-biotechnology", "--s3-priority", "Food processing", "--activity", "matchmaking",
    "--contact-email", "info@example.org", "--contact-name", "Ana", "--maintainer", "ana-example",
]  # fmt: skip


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "partnerships").mkdir()
    return tmp_path / "partnerships"


def test_the_dialogue_checks_each_answer_and_asks_again(folder):
    terminal = Terminal("new", "--title", "Danube Agri-Food Partnership", cwd=folder.parent)
    terminal.expect("Acronym (blank to skip): ")
    terminal.send("")
    shown = terminal.expect("Thematic S3 platform: ")
    assert "Thematic S3 platform, one of:" in shown and "agri-food" in shown  # the allowed values come first
    terminal.send("agrifood")
    assert "unknown platform id 'agrifood'; did you mean 'agri-food'?" in terminal.expect("Thematic S3 platform: ")
    terminal.send("agri-food")
    terminal.expect("Thematic area, e.g. Batteries (blank to skip): ")
    terminal.send("Food processing")
    terminal.expect("Summary in plain text (at most 300 characters): ")
    terminal.send("x" * 301)
    assert "at most 300 characters" in terminal.expect("Summary in plain text (at most 300 characters): ")
    terminal.send("Clusters along the Danube.")
    terminal.expect("Sectors (several: separate with ;): ")
    terminal.send("agri-food; bioeconomy")
    terminal.expect("Technology fields (several: separate with ;) (blank to skip): ")
    terminal.send("")
    terminal.expect("Smart-specialisation priority areas (several: separate with ;): ")
    terminal.send("Food processing")
    terminal.expect("Joint activities (several: separate with ;): ")
    terminal.send("matchmaking")
    terminal.expect("Contact e-mail address: ")
    terminal.send("not an address")
    terminal.expect("Contact e-mail address: ")
    terminal.send("info@example.org")
    terminal.expect("Contact person (blank to skip): ")
    terminal.send("")
    terminal.expect("GitHub logins allowed to change the file (several: separate with ;): ")
    terminal.send("ana-example")

    terminal.expect("The coordinator:")
    terminal.expect("Organisation name: ")
    terminal.send("Danube Food Cluster")
    shown = terminal.expect("Kind of organisation: ")
    assert "cluster-organisation" in shown and "science-park" in shown
    terminal.send("")
    assert "an answer is required" in terminal.expect("Kind of organisation: ")  # no default is assumed
    terminal.send("cluster-organization")
    assert "did you mean 'cluster-organisation'?" in terminal.expect("Kind of organisation: ")
    terminal.send("cluster-organisation")
    terminal.expect("Has it its own legal entity (legal personality)? yes or no: ")
    terminal.send("maybe")
    assert "answer yes or no, not 'maybe'" in terminal.expect("yes or no: ")
    terminal.send("no")
    terminal.expect(
        "Name of the legal entity that runs it (association, agency, company; blank if none) (blank to skip): "
    )
    terminal.send("")  # none named: the member is written as it is, and fails member-types
    terminal.expect("Country: two-letter code (PL, DE, EL…) or English name: ")
    terminal.send("Ruritania")
    terminal.expect("or English name: ")
    terminal.send("Romania")
    shown = terminal.expect("Region: NUTS 2 or 3 code, region name or town: ")
    assert "RO31   Sud-Muntenia" in shown  # the country's regions, listed before the question
    terminal.send("PL22")
    assert "PL22 (Śląskie) lies in PL, not in RO" in terminal.expect("region name or town: ")
    terminal.send("Zzyzx")
    assert "no NUTS region or place of RO is called 'Zzyzx'" in terminal.expect("region name or town: ")
    terminal.send("Pitesti")  # a town, without its diacritics: its region is offered
    shown = terminal.expect("Which one? 1-1, or a code: ")
    assert "1. RO311 Argeş (NUTS 3 in RO31; Piteşti lies there)" in shown
    terminal.send("1")
    terminal.expect("City (blank to skip): ")
    terminal.send("Giurgiu")
    terminal.expect("(blank: add s3_support later) (blank to skip): ")
    terminal.send("")
    terminal.expect("Priority of that strategy it serves (blank to skip): ")
    terminal.send("")
    terminal.expect("Link to the published strategy (the evidence the criterion needs) (blank to skip): ")
    terminal.send("")
    terminal.expect("Add a partner organisation now? [y/N]: ")
    terminal.send("n")
    terminal.expect("wrote ")
    assert terminal.wait() == 0  # written and checked: valid, the criteria not met yet
    assert "member-types: 1 of 1 member does not qualify" in terminal.output
    text = (folder / "danube-agri-food-partnership.yml").read_text(encoding="utf-8")
    assert "type: cluster-organisation" in text
    assert "legal_entity: false" in text
    assert "country: RO" in text and "region: RO311" in text and "city: Giurgiu" in text


@pytest.mark.parametrize(("key", "status"), [(CTRL_C, 130), (CTRL_D, 1)], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_or_ctrl_d_ends_cleanly_writing_nothing(folder, key, status):
    terminal = Terminal("new", *PARTNERSHIP_FLAGS, cwd=folder.parent)
    terminal.expect("Organisation name: ")
    terminal.send("Danube Food Cluster")
    terminal.expect("Kind of organisation: ")
    terminal.press(key)
    assert terminal.wait() == status
    assert "escp new: stopped; nothing was written" in terminal.output
    assert "Traceback" not in terminal.output
    assert list(folder.iterdir()) == []
