"""Atom feed of the newest partnerships. Dates come from the files' ``added`` field, never the clock."""

from __future__ import annotations

import datetime
import re
from xml.etree import ElementTree as ET

from generator.structure import SiteData, urls
from generator.structure.directory import Entry

ATOM = "http://www.w3.org/2005/Atom"
FEED_LENGTH = 20
EPOCH = datetime.date(1970, 1, 1)
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0 Char


def _timestamp(date: datetime.date | None) -> str:
    return f"{(date or EPOCH).isoformat()}T00:00:00Z"


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (the reader refuses them; this stays safe anyway)."""
    return NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {name: xml_text(value) for name, value in attributes.items()})
    element.text = None if text is None else xml_text(text)
    return element


def _entry(feed: ET.Element, entry: Entry, site_url: str) -> None:
    p = entry.partnership
    url = site_url + urls.partnership(entry.slug)
    item = _element(feed, "entry")
    _element(item, "id", url)
    _element(item, "title", f"{p.title} ({p.acronym})" if p.acronym else p.title)
    _element(item, "link", href=url)
    _element(item, "updated", _timestamp(entry.added))
    _element(item, "summary", p.summary)
    for sector in p.sectors:
        _element(item, "category", term=sector)
    if entry.criteria_met:
        _element(item, "category", term="criteria-met", label="Meets the ESCP-S3 criteria (self-assessed)")
    if p.label is not None:
        _element(item, "category", term="label-awarded", label=f"ESCP-S3 label awarded {p.label.awarded.isoformat()}")


def atom_feed(data: SiteData) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _element(feed, "id", data.site_url + urls.FEED)
    _element(feed, "title", "ESCP-S3 Directory: new partnerships")
    _element(feed, "link", href=data.site_url)
    _element(feed, "link", rel="self", href=data.site_url + urls.FEED)
    _element(feed, "updated", _timestamp(datetime.date.fromisoformat(data.updated) if data.updated else None))
    _element(_element(feed, "author"), "name", "ESCP-S3 Directory")
    for entry in data.newest(FEED_LENGTH):
        _entry(feed, entry, data.site_url)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
