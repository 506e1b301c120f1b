"""Reading untrusted YAML: every refusal has a test, with file line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import read_partnership_file
from generator.load.reader import MAX_FILE_BYTES


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "p.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_partnership_file(path)


def only(problems, fragment: str):
    matching = [p for p in problems if fragment in p.message]
    assert matching, f"no problem mentions {fragment!r}: {problems}"
    return matching[0]


def test_yaml_12_booleans_keep_norway_and_friends_as_text(tmp_path):
    loaded = load(tmp_path, "a: NO\nb: on\nc: yes\nd: Off\ne: true\nf: FALSE\n")
    assert loaded.data == {"a": "NO", "b": "on", "c": "yes", "d": "Off", "e": True, "f": False}
    assert loaded.problems == []


def test_core_schema_numbers_nulls_and_dates(tmp_path):
    loaded = load(tmp_path, "a: 12\nb: 0x1F\nc: 1.5\nd: ~\ne:\nf: 2020-01-31\ng: '12'\n")
    assert loaded.data == {"a": 12, "b": 31, "c": 1.5, "d": None, "e": None, "f": "2020-01-31", "g": "12"}


def test_anchor_and_alias_are_refused_at_their_position(tmp_path):
    loaded = load(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert only(loaded.problems, "anchors").line == 1
    alias = only(loaded.problems, "aliases")
    assert (alias.line, alias.column, alias.field) == (2, 4, "b")


def test_billion_laughs_is_refused_without_expansion(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    loaded = load(tmp_path, "\n".join(lines) + "\n")
    assert len(str(loaded.data)) < 10_000
    assert any("aliases" in p.message for p in loaded.problems)


def test_merge_key_is_refused(tmp_path):
    problem = only(load(tmp_path, "a: 1\n<<: {b: 2}\n").problems, "merge keys")
    assert problem.line == 2


def test_duplicate_key_names_both_lines(tmp_path):
    problem = only(load(tmp_path, "title: A\nsummary: x\ntitle: B\n").problems, "duplicate key")
    assert (problem.line, problem.field) == (3, "title")
    assert "line 1" in problem.message


def test_nested_duplicate_key(tmp_path):
    problem = only(load(tmp_path, "contact:\n  email: a@b.eu\n  email: c@d.eu\n").problems, "duplicate key")
    assert (problem.line, problem.field) == (3, "contact.email")


def test_python_tags_are_refused(tmp_path):
    problem = only(load(tmp_path, "a: !!python/object/apply:os.system ['echo hi']\n").problems, "tag")
    assert problem.line == 1


def test_several_documents_are_refused(tmp_path):
    assert only(load(tmp_path, "a: 1\n---\nb: 2\n").problems, "several YAML documents").line == 2


def test_top_level_must_be_a_mapping(tmp_path):
    only(load(tmp_path, "- a\n- b\n").problems, "expected a mapping")


def test_empty_file(tmp_path):
    only(load(tmp_path, "").problems, "empty")


def test_non_utf8_bytes_are_located(tmp_path):
    problem = only(load(tmp_path, b"title: ok\nsummary: caf\xe9\n").problems, "not valid UTF-8")
    assert (problem.line, problem.column) == (2, 13)


def test_oversized_file_is_refused_before_parsing(tmp_path):
    only(load(tmp_path, "a: " + "x" * MAX_FILE_BYTES + "\n").problems, "at most")


def test_syntax_error_is_located(tmp_path):
    problem = only(load(tmp_path, "a: [1, 2\nb: 3\n").problems, "YAML syntax error")
    assert problem.line == 2


@pytest.mark.parametrize("text", ["a: 1\n\tb: 2\n", "a: 'unterminated\n"])
def test_malformed_yaml_never_raises(tmp_path, text):
    assert load(tmp_path, text).problems
