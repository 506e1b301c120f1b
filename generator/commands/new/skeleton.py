"""A new partnership file, written from data by a YAML emitter — never by pasting text into a template.

Every string goes through the emitter, which quotes whatever YAML would read back as something
else: PyYAML quotes YAML 1.1 look-alikes (``NO``, ``on``, ``2024-01-01``), and strings that the
directory's YAML 1.2 reader would turn into a number, boolean or null are quoted here as well.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from generator.load.reader import NumberTooLong, resolve_plain

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/partnership.schema.json"
MAX_SLUG = 60
# Latin letters that Unicode does not decompose into an ASCII letter plus a mark
UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
    }
)
MEMBER_FIELDS = ("name", "type", "legal_entity", "managed_by", "country", "region", "city", "website")
SUPPORT_FIELDS = ("strategy", "priority", "url")


class _Dumper(yaml.SafeDumper):
    """Block style, indented lists, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    try:
        plain = resolve_plain(value) == value
    except NumberTooLong:
        plain = False
    style = None if plain else "'"  # otherwise it would read back as another type, or be refused
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any]) -> str:
    """The file's text: the schema comment, then ``data`` in block style."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"{SCHEMA_COMMENT}\n{body}"


def slugify(title: str) -> str:
    """Lower-case ASCII words of ``title`` joined by hyphens, at most MAX_SLUG characters."""
    decomposed = unicodedata.normalize("NFKD", title.translate(UNDECOMPOSED))
    ascii_title = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = ""
    for word in re.findall(r"[a-z0-9]+", ascii_title.lower()):
        if len(slug) + len(word) + 1 > MAX_SLUG:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def member(answers: dict[str, Any], role: str) -> dict[str, Any]:
    """A member entry from answers keyed by MEMBER_FIELDS and SUPPORT_FIELDS; blank answers are left out."""
    entry = {key: answers[key] for key in MEMBER_FIELDS if answers.get(key) not in (None, "")}
    if "managed_by" in entry:
        entry["managed_by"] = {"name": entry["managed_by"]}
    entry["role"] = role
    support = {key: answers[key] for key in SUPPORT_FIELDS if answers.get(key)}
    if support:
        entry["s3_support"] = support
    return entry


def partnership(answers: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """The partnership's data in the order of the documentation; blank optional answers are left out."""
    contact = {"email": answers["contact_email"], "name": answers.get("contact_name")}
    data = {
        "title": answers["title"],
        "acronym": answers.get("acronym"),
        "platform": answers["platform"],
        "thematic_area": answers.get("thematic_area"),
        "summary": answers["summary"],
        "description": answers.get("description") or f"## Vision\n\n{answers['summary']}\n",
        "sectors": answers["sectors"],
        "technology_fields": answers.get("technology_fields"),
        "s3_priorities": answers["s3_priorities"],
        "activities": answers["activities"],
        "website": answers.get("website"),
        "contact": {key: value for key, value in contact.items() if value},
        "members": members,
        "maintainers": answers["maintainers"],
        "added": answers.get("added"),
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}
