"""Every message a wrong value can cause is in plain words: wrong types and values are fed to every
field of the partnership model, and no message may carry Pydantic's own wording, a regex or a
Python type name. "Did you mean" suggests only close matches."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import LoadedFile
from generator.load.reader import parse_text
from generator.reference import vocabularies
from generator.validate import validate_partnership
from generator.wording import MAX_SHOWN, count
from tests.check.partnership_factory import VALID

WRONG: list[Any] = [
    123,
    1.5,
    True,
    None,
    [],
    {},
    "",
    "x" * 20_001,
    "?? !",
    "2024-13-45",
    ["a", "a"],
    [{"x": 1}],
    {"x": 1},
]
PYDANTIC_WORDING = re.compile(
    r"should|Input |valid (string|date|dictionary|list|integer|number)|pattern|\^|\$'|Value error|NoneType|"
    r"\bdict\b|\bstr\b|after validation|Datetimes|instance of|union|discriminator|literal",
    re.IGNORECASE,
)


def _complete() -> dict[str, Any]:
    """VALID with every optional field filled in, so that each one is reached."""
    data = copy.deepcopy(VALID)
    data["members"][0]["s3_support"] = {
        "letter": {"authority": "Managing Authority", "date": "2020-01-01", "document": "https://example.org/l.pdf"}
    }
    data["members"][1].update(legal_id="DE 123", city="Munich", website="https://beta.example.org")
    data["associates"] = [{"name": "U", "country": "PT", "kind": "university", "website": "https://u.example.org"}]
    data["seeking_partners"] = {"countries": ["PT"], "profiles": ["x"], "note": "n"}
    data.update(website="https://example.org", added="2024-01-01")
    return data


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list) and data:
        yield (*prefix, 0)
        yield from _paths(data[0], (*prefix, 0))


def _with(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _messages(data: dict[str, Any]) -> list[str]:
    loaded = LoadedFile(Path("p.yml"))
    parse_text(yaml.safe_dump(data, allow_unicode=True), loaded)
    validate_partnership(loaded, vocabularies())
    return [problem.message for problem in loaded.problems]


COMPLETE = _complete()


@pytest.mark.parametrize("path", list(_paths(COMPLETE)), ids=lambda path: ".".join(map(str, path)))
def test_no_message_carries_pydantic_wording(path):
    assert _messages(COMPLETE) == []
    seen = []
    for value in WRONG:
        for message in _messages(_with(COMPLETE, path, value)):
            seen.append(message)
            assert not PYDANTIC_WORDING.search(message), f"{path} = {value!r:.40}: {message}"
            assert "x" * (MAX_SHOWN + 1) not in message, "a long value is quoted in full"
    missing = _messages(_with(COMPLETE, path[:-1], {}) if path[:-1] else {})
    assert seen, f"no wrong value was refused at {path}"
    assert all(not PYDANTIC_WORDING.search(message) for message in missing)


def test_did_you_mean_suggests_only_close_matches():
    terms = vocabularies()
    assert terms.closest("platforms", "energie") == ["energy"]
    assert terms.closest("member_types", "cluster-organization") == ["cluster-organisation"]
    assert terms.closest("technology_fields", "biotechnology") == ["industrial-biotechnology"]
    assert terms.closest("platforms", "tourism") == []
    assert terms.closest("member_types", "clustr") == []
    message = _messages(_with(COMPLETE, ("platform",), "agriculture"))[0]
    assert "did you mean" not in message and "Allowed: industrial-modernisation, energy, agri-food" in message


def test_counted_nouns_agree():
    assert count(1, "file") == "1 file"
    assert count(2, "file") == "2 files"
    assert count(1, "entry", "entries") == "1 entry"
    assert count(1_000, "country", "countries") == "1,000 countries"
