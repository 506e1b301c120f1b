"""A partnership with markup and scripts in every text field appears in the built site only as inert text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from site_html import Element, page, parse
from site_project import build, new_project

HOSTILE = Path(__file__).with_name("hostile.yml")
MARKER = "pwned"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "xlink:href", "data")
SAFE_SCHEMES = ("https:", "http:", "mailto:")
SEARCH_MARKUP = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # what Material's search index may hold


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("hostile"))
    shutil.copy(HOSTILE, project / "partnerships" / "hostile.yml")
    return build(project)


def html_pages(site: Path) -> list[tuple[Path, Element]]:
    return [(path, parse(path)) for path in sorted(site.rglob("*.html"))]


def test_the_hostile_partnership_is_listed(site: Path) -> None:
    assert (site / "partnerships/hostile/index.html").is_file()
    heading = page(site, "partnerships/hostile/").find("h1")
    assert '<script>alert("pwned-title")</script> Hostile Partnership' in heading.text
    assert [child.tag for child in heading.children if isinstance(child, Element)] == ["span"]  # the acronym


def test_no_element_has_an_event_handler(site: Path) -> None:
    for path, document in html_pages(site):
        handlers = [(e.tag, name) for e in document.iter() for name in e.attrs if name.lower().startswith("on")]
        assert handlers == [], path


def test_links_and_sources_use_safe_schemes_only(site: Path) -> None:
    for path, document in html_pages(site):
        for element in document.iter():
            for name in URL_ATTRIBUTES:
                value = "".join((element.attrs.get(name) or "").split()).lower()
                scheme = value.split("/", 1)[0] if ":" in value.split("/", 1)[0] else ""
                assert not scheme or scheme.startswith(SAFE_SCHEMES), (path, element.tag, name, value)


def test_no_script_or_embedded_content_comes_from_the_data(site: Path) -> None:
    for path, document in html_pages(site):
        for script in document.find_all("script"):
            assert MARKER not in script.text, path
            assert MARKER not in (script.attrs.get("src") or ""), path
        assert not [
            e.tag
            for e in document.iter()
            if e.tag in {"iframe", "svg", "object", "embed", "img"} and MARKER in json.dumps(e.attrs)
        ], path
        assert not [e for e in document.find_all("img") if e.attrs.get("src") == "x"], path


def test_every_field_is_shown_as_text(site: Path) -> None:
    article = page(site, "partnerships/hostile/").find("article")
    text = article.text
    for shown in (
        '<img src=x onerror=alert("pwned-area")>',
        '<script>alert("pwned-summary")</script>',
        '<script>alert("pwned-heading")</script>',
        '<div onmouseover=alert("pwned-div")>hover</div>',
        '<script>alert("pwned-priority")</script> Energy storage',
        '<script>alert("pwned-contact")</script>',
        '<img src=x onerror=alert("pwned-member")> Hostilix Cluster',
        '<script>alert("pwned-city")</script>',
        '<script>alert("pwned-strategy")</script>',
        '<script>alert("pwned-authority")</script>',
        'Third Hostilix Network </li></ol><script>alert("pwned-escape")</script>',
        '<script>alert("pwned-associate")</script>',
        '<script>alert("pwned-profile")</script>',
        "<a href=\"javascript:alert('pwned-note')\">note</a>",
    ):
        assert shown in text, shown
    description_links = article.find("div", **{"class": "escp-description"}).find_all("a")
    assert [a.text for a in description_links if a.attrs.get("href")] == []
    assert all(
        a.attrs.get("rel") == "nofollow ugc noopener"
        for a in article.find_all("a")
        if "hostile" in (a.attrs.get("href") or "")
    )


def test_the_search_index_holds_only_escaped_text(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if doc["location"].startswith("partnerships/hostile/")]
    assert docs
    for doc in index["docs"]:
        for field in ("title", "text"):
            elements = parse(doc[field]).iter()[1:]
            assert {e.tag for e in elements} <= SEARCH_MARKUP, (doc["location"], field)
            assert all(not e.attrs for e in elements)


def test_the_feed_holds_the_title_as_text(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [entry.find("{http://www.w3.org/2005/Atom}title") for entry in feed]
    hostile = next(title for title in titles if title is not None and MARKER in (title.text or ""))
    assert list(hostile) == []
    assert hostile.attrib.get("type", "text") == "text"
