"""The text of an untrusted file before YAML sees it: UTF-8, refused characters, line and column.

Lines are counted the way YAML 1.2 and editors count them: a line ends at LF, CR LF or a lone
CR. Columns count characters (a tab is one), both from 1.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from generator.load.problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_REPORTED_CHARACTERS = 20  # refused characters reported one by one; the rest are counted

# Refused anywhere in a partnership file, comments included (README "Reading untrusted files").
LINE_BREAKS_OF_YAML_11 = "\x85\u2028\u2029"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
BREAK = re.compile(r"\r\n?|\n")
NAMES = {"\x85": "NEXT LINE"}  # control characters have no name in unicodedata, only aliases


def describe(character: str) -> str:
    """``U+2028 (LINE SEPARATOR)``, or ``U+001B (a control character)``."""
    name = NAMES.get(character) or unicodedata.name(character, "")
    if not name:
        kind = "an unpaired surrogate" if "\ud800" <= character <= "\udfff" else "a control character"
        name = "a noncharacter" if character in "\ufffe\uffff" else kind
    return f"U+{ord(character):04X} ({name})"


def why_refused(character: str) -> str:
    """What the character does to a reader of the file, in a reviewer's words."""
    if character in LINE_BREAKS_OF_YAML_11:
        return (
            "editors show it as a space or nothing, but YAML 1.1 readers take it for a line break, "
            "so the text after it can become a field nobody sees"
        )
    if character in BIDI_CONTROLS:
        return 'it makes editors show the text around it in another order than it is stored ("Trojan source")'
    return "it is invisible in editors and breaks web pages and the Atom feed"


def refusal(character: str) -> str:
    return (
        f"the character {describe(character)} is not allowed in partnership files: {why_refused(character)}; remove it"
    )


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    crlf = text.count("\r\n", 0, index)
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - crlf + 1
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return line, index - start + 1


def lines_of(text: str) -> list[str]:
    """The file's lines as editors show them: a final line break does not start another."""
    lines = BREAK.split(text)
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def inside(text: str, problem: Problem) -> Problem:
    """The problem moved inside the file: one found at its end is on its last line, after the text."""
    lines = lines_of(text)
    line = min(max(problem.line, 1), len(lines))
    column = min(max(problem.column, 1), len(lines[line - 1]) + 1)
    return problem if (line, column) == (problem.line, problem.column) else replace(problem, line=line, column=column)


def refused_characters(text: str) -> tuple[str, list[Problem]]:
    """The text with every refused character replaced by a space, and a problem for each.

    The replacement keeps every other position right, so the file's other problems are still
    found and located; the file is invalid anyway.
    """
    found = list(REFUSED.finditer(text))
    if not found:
        return text, []
    problems = [Problem(*line_column(text, m.start()), "", refusal(m.group())) for m in found[:MAX_REPORTED_CHARACTERS]]
    if len(found) > MAX_REPORTED_CHARACTERS:
        line, column = line_column(text, found[MAX_REPORTED_CHARACTERS].start())
        more = len(found) - MAX_REPORTED_CHARACTERS
        problems.append(Problem(line, column, "", f"{more:,} more characters that are not allowed follow; remove them"))
    return REFUSED.sub(" ", text), problems


def decode(raw: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, an optional byte order mark), or why it is refused."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(1, 1, "", f"the file is {len(raw):,} bytes; at most {MAX_FILE_BYTES:,} bytes are accepted")
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8-sig")
        if raw[error.start : error.start + 2] >= b"\xed\xa0" and raw[error.start] == 0xED:
            reason = "an encoded surrogate (U+D800 to U+DFFF), which is not valid UTF-8"
        else:
            reason = f"the byte 0x{raw[error.start]:02x}, which is not valid UTF-8"
        return None, [Problem(*line_column(before, len(before)), "", f"the file holds {reason}; save it as UTF-8")]
