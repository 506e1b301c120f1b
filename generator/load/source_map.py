"""Positions of YAML nodes, keyed by their path in the data (``("members", 0, "region")``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

DataPath = tuple[str | int, ...]  # steps from the document's root: keys and list indexes


class Position(NamedTuple):  # a tuple: one is made for every node of every file
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceMap:
    # Plain (line, column) tuples: one is stored for every node of every file, so no class.
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, data: Any, loc: tuple[Any, ...]) -> tuple[DataPath, Position]:
        """The deepest node of ``loc`` present in the file, and where it stands.

        ``loc`` comes from Pydantic and may hold steps that are not in the data: the tag of a
        union member, or the name of a missing field. Those are skipped, and the position is
        that of the nearest node that exists (the mapping that lacks the field).
        """
        path: DataPath = ()
        node = data
        for step in loc:
            if (isinstance(node, dict) and step in node) or (
                isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            ):
                node = node[step]
            else:
                continue
            path = (*path, step)
        return path, self.position(path)

    def position(self, path: DataPath) -> Position:
        """Where the value at ``path`` stands, else its key; the file's start if neither is known."""
        return Position(*(self.values.get(path) or self.keys.get(path) or (1, 1)))

    def only(self, paths: Iterable[DataPath]) -> SourceMap:
        """The positions of ``paths`` alone: a file's map holds hundreds, a directory's check needs a few later."""
        wanted = list(paths)
        return SourceMap(
            {path: self.values[path] for path in wanted if path in self.values},
            {path: self.keys[path] for path in wanted if path in self.keys},
        )

    def key_position(self, path: DataPath) -> Position:
        return Position(*(self.keys.get(path) or self.values.get(path, (1, 1))))


def dotted(path: tuple[Any, ...]) -> str:
    """``("members", 2, "region")`` → ``members[2].region``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text
