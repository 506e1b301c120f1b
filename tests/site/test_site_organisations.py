"""Organisations are merged across partnerships by legal id, else by normalised name and country."""

from __future__ import annotations

from pathlib import Path

from site_project import BUNDLED

from generator.settings import load_settings
from generator.structure.directory import load_directory
from generator.structure.organisations import normalised_name, organisations

SOURCE = (BUNDLED / "additive-manufacturing.yml").read_text(encoding="utf-8")


def merged(tmp_path: Path, second: str) -> dict[str, list[tuple[str, str, list[str]]]]:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "first.yml").write_text(SOURCE, encoding="utf-8")
    (folder / "second.yml").write_text(second, encoding="utf-8")
    directory = load_directory(folder, load_settings(None))
    found: dict[str, list[tuple[str, str, list[str]]]] = {}
    for org in organisations(directory):
        found.setdefault(normalised_name(org.name), []).append(
            (org.country, org.id, [entry.slug for entry in org.partnerships])
        )
    return found


def retitled(text: str) -> str:
    return text.replace("title: Additive Manufacturing", "title: Second Additive Manufacturing", 1)


def test_the_same_legal_id_is_one_organisation_whatever_its_name(tmp_path: Path) -> None:
    second = retitled(SOURCE).replace("Kempen Additive Manufacturing Cluster", "KAMC, Kempen AM cluster")
    found = merged(tmp_path, second)
    assert found["kempen additive manufacturing cluster fictional"] == [
        ("NL", "nl-kempen-additive-manufacturing-cluster-fictional", ["first", "second"])
    ]
    assert "kamc kempen am cluster fictional" not in found


def test_without_legal_id_the_name_and_country_decide(tmp_path: Path) -> None:
    second = retitled(SOURCE).replace(
        "name: Brno Municipal Development Agency", "name: BRNO municipal  development-agency"
    )
    second = second.replace("    country: IT\n    kind: company", "    country: FR\n    kind: company")
    found = merged(tmp_path, second)
    assert [slugs for _, _, slugs in found["brno municipal development agency fictional"]] == [["first", "second"]]
    layerforge = found["layerforge industrial printers s r l fictional"]
    assert [(country, slugs) for country, _, slugs in layerforge] == [("FR", ["second"]), ("IT", ["first"])]
    assert len({org_id for _, org_id, _ in layerforge}) == 2


def test_names_in_other_scripts_are_kept_apart() -> None:
    assert normalised_name("Ελληνικό Σύμπλεγμα") != normalised_name("Κυπριακό Σύμπλεγμα")
    assert normalised_name("Éire  Cluster") == normalised_name("eire-cluster")


def test_the_name_shown_follows_the_stated_rule_not_file_order() -> None:
    from generator.structure.organisations import display_name

    # the spelling used with its legal_id wins, even when another spelling is more frequent
    assert display_name([("Agro Transilvania", False), ("Agro Transilvania", False), ("AgroTransilvania", True)]) == (
        "AgroTransilvania"
    )
    # else the most frequent, whatever the order of the files
    spellings = [("Cluster Andalucia", False), ("Clúster Andalucía", False), ("Cluster Andalucia", False)]
    assert display_name(spellings) == display_name(spellings[::-1]) == "Cluster Andalucia"
    # else the one with diacritics, then the longest
    assert display_name([("Cluster Andalucia", False), ("Clúster Andalucía", False)]) == "Clúster Andalucía"
    assert display_name([("Clúster Andalucía", False), ("Cluster Andalucia", False)]) == "Clúster Andalucía"
    assert display_name([("Kempen AM", True), ("Kempen AM Cluster", True)]) == "Kempen AM Cluster"


def test_merged_spellings_show_the_same_name_in_either_file_order(tmp_path: Path) -> None:
    accented = SOURCE.replace("Manufacturing Cluster", "Manufacturing Clüster")
    shown = []
    for name, (first, second) in {"a": (SOURCE, accented), "b": (accented, SOURCE)}.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "first.yml").write_text(first, encoding="utf-8")
        (folder / "second.yml").write_text(retitled(second), encoding="utf-8")
        found = organisations(load_directory(folder, load_settings(None)))
        shown.append([org.name for org in found if org.name.startswith("Kempen")])
    assert shown == [["Kempen Additive Manufacturing Clüster (fictional)"]] * 2
