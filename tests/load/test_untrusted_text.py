"""Hidden characters, numbers too long to print, empty documents and positions inside the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import read_partnership_file
from generator.load.listing import read_title
from generator.load.reader import LoadedFile, parse_text, read_yaml
from generator.load.text import lines_of


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "p.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    return read_partnership_file(path)


def problems_of(text: str):
    loaded = LoadedFile(Path("p.yml"))
    parse_text(text, loaded)
    return loaded.problems


def test_a_line_separator_cannot_hide_a_field(tmp_path):
    text = "title: A\ncity: Wrocław  # old office\u2028    website: https://evil.example\nsummary: s\n"
    loaded = load(tmp_path, text)
    [problem] = loaded.problems
    assert (problem.line, problem.column) == (2, 28)
    assert "U+2028 (LINE SEPARATOR) is not allowed in partnership files" in problem.message
    assert "website" not in (loaded.data or {})


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\u2028", "LINE SEPARATOR"),
        ("\u2029", "PARAGRAPH SEPARATOR"),
        ("\x85", "NEXT LINE"),
        ("\x00", "a control character"),
        ("\x1b", "a control character"),
        ("\x7f", "a control character"),
        ("\x9b", "a control character"),
        ("\ufffe", "a noncharacter"),
        ("\uffff", "a noncharacter"),
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\u2069", "POP DIRECTIONAL ISOLATE"),
    ],
)
def test_refused_characters_are_located_in_values_and_comments(character, name):
    text = f"title: Alpha\n# note{character}\nsummary: a{character}b\n"
    first, second = problems_of(text)
    assert (first.line, first.column, second.line, second.column) == (2, 7, 3, 11)
    assert f"U+{ord(character):04X} ({name})" in first.message
    assert first.message.endswith("remove it")


def test_lines_stay_right_after_a_refused_line_break():
    problems = problems_of("a: 1\u2028\u2029\x85\nb: [1, 2\n")
    assert [p.line for p in problems] == [1, 1, 1, 2]
    assert "YAML syntax error" in problems[-1].message


def test_an_unpaired_surrogate_is_refused(tmp_path):
    [problem] = load(tmp_path, b"title: A\nsummary: x\xed\xa0\x80\n").problems
    assert (problem.line, problem.column) == (2, 11)
    assert "surrogate" in problem.message
    assert "surrogate" in problems_of("a: x\ud800\n")[0].message  # text from elsewhere (git)


def test_escapes_cannot_smuggle_refused_characters():
    for escape in ("\\e", "\\x07", "\\L", "\\N", "\\u202E", "\\0"):
        [problem] = problems_of(f'title: "ok {escape}"\n')
        assert "the escape for U+" in problem.message, escape


def test_many_refused_characters_are_counted_not_listed():
    problems = problems_of("a: " + "\x01" * 500 + "\n")
    assert len(problems) == 21
    assert "480 more characters" in problems[-1].message


def test_lines_after_a_lone_cr_are_counted(tmp_path):
    [problem] = load(tmp_path, b"title: A\rsummary: caf\xe9\r").problems
    assert (problem.line, problem.column) == (2, 13)
    [problem] = problems_of("a: 1\rb: [1\r")
    assert problem.line == 2


@pytest.mark.parametrize("text", ["a: 'x\n", "a: [1\n", "a: 'x", "a: 1\rb: [\r", "a: {\n\n\n"])
def test_errors_at_the_end_are_inside_the_file(text):
    lines = lines_of(text)
    for problem in problems_of(text):
        assert problem.line <= len(lines)
        assert problem.column <= len(lines[problem.line - 1]) + 1


@pytest.mark.parametrize("number", ["1" * 4301, "0x" + "f" * 3600, "-" + "9" * 5000, "0o" + "7" * 4000])
def test_numbers_too_long_to_print_are_refused(number):
    [problem] = problems_of(f"title: A\nsummary: {number}\n")
    assert (problem.line, problem.column, problem.field) == (2, 10, "summary")
    assert "put it in quotes" in problem.message


@pytest.mark.parametrize("text", ["---\n", "~\n", "null\n", "--- null\n...\n", "# only a comment\n---\n"])
def test_an_empty_or_null_document_is_an_error(text):
    [problem] = problems_of(text)
    assert "no data" in problem.message or "empty" in problem.message


def test_yaml_12_special_floats_are_case_exact():
    loaded = LoadedFile(Path("p.yml"))
    data = read_yaml("[.inf, .Inf, -.INF, .NaN, .iNf, .nAn, .INf, +.iNF]\n", loaded)
    assert data[:3] == [float("inf"), float("inf"), float("-inf")]
    assert data[3] != data[3]
    assert data[4:] == [".iNf", ".nAn", ".INf", "+.iNF"]


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("{ ?foo: bar }\n", {"?foo": "bar"}),  # libyaml: {"foo": "bar"}
        ("foo: |\n  x\n   ", {"foo": "x\n \n"}),  # libyaml drops the last line of spaces
    ],
)
def test_libyaml_readings_that_yaml_12_corrects(text, data):
    loaded = LoadedFile(Path("p.yml"))
    assert read_yaml(text, loaded) == data
    assert loaded.problems == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('key: "value"# comment\n', 1),  # SU5Z
        ("a: [b, c]#x\n", 1),  # 9JBA
        ("a: [b,#x\n  c]\n", 1),  # CVW2
        ("block: ># comment\n  scalar\n", 1),  # X4QW
        ("%YAML 1.1#...\n---\na: 1\n", 1),  # MUS6/00
        ('foo: "bar\n\tbaz"\n', 2),  # DK95/01
        ("---\nflow: [a,\nb,\nc]\n", 3),  # 9C9N
        ('---\nquoted: "a\nb\nc"\n', 3),  # QB6E
        ("empty block scalar: >\n \n  \n   \n # comment\n", 5),  # S98Z
        ("a: [-]\n", 1),  # YJV2
        ("a: [?x]\n", 1),  # HM87/01
    ],
)
def test_what_libyaml_accepts_and_yaml_12_refuses(text, line):
    problems = problems_of(text)
    assert problems, text
    assert problems[0].line == line


def test_comments_and_text_that_look_glued_are_fine():
    loaded = LoadedFile(Path("p.yml"))
    text = "# see [x]#y, 'a'#b\na: \"#1\" # ok\nb: [x, 'y#z', \"q,#r\"] # c]#d\nc: C#\nd: '#'\n"
    assert read_yaml(text, loaded) == {"a": "#1", "b": ["x", "y#z", "q,#r"], "c": "C#", "d": "#"}
    assert loaded.problems == []


def test_the_quick_title_reader_agrees_on_hidden_line_breaks(tmp_path):
    path = tmp_path / "p.yml"
    path.write_text("title: Batteries\u2028other: x\n", encoding="utf-8")
    assert read_title(path) is None
    path.write_text("title: Batteries ł\n", encoding="utf-8")
    assert read_title(path) == "Batteries ł"
