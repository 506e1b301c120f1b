"""Partnership files that are not checked, read only as far as the directory-wide rules need.

A pull request changes one or two files of a directory that may hold a thousand. Slugs come
from file names; titles are read from the libyaml event stream, which is abandoned as soon as
the top-level ``title`` is found (it is the first field of every file written by ``escp new``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.load.reader import MAX_FILE_BYTES, NOT_SEEN_BY_LIBYAML, Loader


@dataclass(frozen=True)
class Listing:
    """A partnership file as the directory-wide rules see it: path, slug and title."""

    path: Path
    slug: str
    title: str | None


def _top_level_title(events: Iterator[yaml.Event]) -> str | None:
    depth, key_next, is_title = 0, True, False
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if (depth == 1 and not isinstance(event, yaml.MappingStartEvent)) or (depth == 2 and is_title):
                return None
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            key_next = True
        elif depth == 1 and isinstance(event, yaml.NodeEvent):
            if is_title:
                return event.value if isinstance(event, yaml.ScalarEvent) else None
            is_title = key_next and isinstance(event, yaml.ScalarEvent) and event.value == "title"
            key_next = not key_next
    return None


def read_title(path: Path) -> str | None:
    """The top-level ``title`` of a partnership file; None when it cannot be read cheaply."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            return None
        text = raw.decode("utf-8-sig")
        if not text.isascii() and any(character in text for character in NOT_SEEN_BY_LIBYAML):
            return None  # the reader refuses the file; libyaml would read these as line breaks
        return _top_level_title(iter(yaml.parse(text, Loader=Loader)))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def listing(path: Path) -> Listing:
    return Listing(path, path.stem, read_title(path))
