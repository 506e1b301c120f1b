"""Where libyaml and YAML 1.2 disagree, checked against the source text.

libyaml implements YAML 1.1 and is lenient: it accepts some inputs that YAML 1.2 forbids (a
comment glued to a quote or bracket, continuation lines that slip left of their block, a tab
taken for indentation) and reads a few others differently. The reader's event builder calls
these checks only for the rare events concerned, so ordinary files pay nothing. The text is
the reader's: line breaks are all LF (see ``reader.read_yaml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generator.load.problems import Problem
from generator.load.text import line_column

BLOCK_HEADER = re.compile(r"[|>](?:[1-9][-+]?|[-+][1-9]?)?")
YAML_DIRECTIVE = re.compile(r"^%YAML[ \t]+[0-9]+\.[0-9]+(?:[ \t]|$)", re.MULTILINE)
NO_SPACE_BEFORE_COMMENT = "a comment needs a space or a line break before its '#'"


@functools.cache
def _shallow_line(parent: int, comments: bool) -> re.Pattern[str]:
    """A line with text at most ``parent`` spaces in (tabs after them do not count)."""
    text = "[^ \t\n#]" if comments else "[^ \t\n]"
    return re.compile(f"\\n {{0,{parent}}}(?! )[ \t]*{text}")


class SourceChecks:
    """Checks of the source text, called by the event builder for the events concerned."""

    def __init__(self, text: str, problems: list[Problem]) -> None:
        self.text = text
        self.problems = problems

    def add(self, index: int, field: str, message: str) -> None:
        self.problems.append(Problem(*line_column(self.text, index), field, message))

    def lines_after(self, index: int, stop: int) -> Iterator[tuple[int, str]]:
        """Each line that starts after ``index`` and at or before ``stop``: its start and text."""
        text = self.text
        end = text.find("\n", index, stop)
        while end >= 0:
            start = end + 1
            end = text.find("\n", start)
            yield start, text[start : end if end >= 0 else len(text)]
            if end >= stop:
                return

    def directive(self, start: int, end: int) -> None:
        """libyaml reads ``%YAML 1.1#…`` as version 1.1; YAML 1.2 wants a space before a comment."""
        directives = self.text[start:end]
        if not YAML_DIRECTIVE.search(directives):
            self.add(
                start + max(directives.find("%YAML"), 0),
                "",
                f"the %YAML directive is malformed; {NO_SPACE_BEFORE_COMMENT}",
            )

    def glued_comment(self, index: int) -> None:
        """``index`` is just after a closing quote or bracket: a '#' there is a glued comment."""
        if self.text[index : index + 1] == "#":
            self.add(index, "", NO_SPACE_BEFORE_COMMENT)

    def glued_comments_after_commas(self, start: int, end: int, quoted: list[tuple[int, int]]) -> None:
        """``,#`` between ``start`` and ``end``, inside a flow collection but outside quotes and comments."""

        def in_quotes(position: int) -> bool:
            return any(first <= position < last for first, last in quoted)

        index = self.text.find(",#", start, end)
        while index >= 0:
            line_start = self.text.rfind("\n", 0, index) + 1
            comment = any(
                self.text[i] == "#" and self.text[i - 1] in " \t\n" and not in_quotes(i)
                for i in range(line_start, index)
            )
            if not comment and not in_quotes(index):
                self.add(index + 1, "", NO_SPACE_BEFORE_COMMENT)
            index = self.text.find(",#", index + 1, end)

    def indented(self, start: int, stop: int, parent: int, field: str, comments: bool) -> None:
        """A flow value continued on more lines must stay right of its block (libyaml lets it slip).

        ``parent`` is the column (from 0) of the enclosing block collection; tabs do not count as
        indentation. Lines that are empty, or only a comment inside […] or {…}, may be anywhere.
        """
        if parent < 0:
            return
        found = _shallow_line(parent, comments).search(self.text, start, stop + 1)
        if found is not None:
            line_start = found.start() + 1
            first = line_column(self.text, start)[0]
            message = (
                f"this line continues the value of line {first}: indent it by at least {parent + 1} "
                "spaces (tabs do not count as indentation)"
            )
            self.add(line_start, field, message)
            return

    def block_header(self, start: int, parent: int, field: str) -> None:
        """A block scalar's header (``|``, ``>-``, ``|2``…) and its leading empty lines."""
        header = BLOCK_HEADER.match(self.text, start)
        if header is None:
            return
        if self.text[header.end() : header.end() + 1] == "#":
            self.add(header.end(), field, NO_SPACE_BEFORE_COMMENT)
        if any(character.isdigit() for character in header.group()):
            return  # the indentation is given, not guessed from the first line
        deepest = 0
        for line_start, line in self.lines_after(start, len(self.text)):
            spaces = len(line) - len(line.lstrip(" "))
            if spaces < len(line):  # the first line with text sets the block's indentation
                if parent < spaces < deepest:
                    message = (
                        f"an empty line at the start of this block has more spaces ({deepest}) than its first "
                        f"line of text ({spaces}); remove the spaces from the empty lines"
                    )
                    self.add(line_start, field, message)
                return
            deepest = max(deepest, spaces)
