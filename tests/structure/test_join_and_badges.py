"""Asking to join (the pre-filled issue, the e-mail subject), the badges, the 'open to' facet and the statistics."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.explorer.facets import build_facets
from generator.export import export_files
from generator.export.badges import badge_embedding, badge_status
from generator.render.join import JOIN_FORM, PREFILLED_FIELDS, join_issue_url
from generator.render.pages import join_url, partnership_page
from generator.settings import ConfigError, settings_from
from tests.structure.conftest import SITE_URL, entry, member, site

REPOSITORY = "https://github.com/example-org/escp-directory"
HOSTILE_TITLE = 'Tricky & "title" #1 ?x=y <b>Batteries</b>\u202e'


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def test_the_join_link_opens_the_join_form_with_the_partnership_and_its_maintainers():
    seeking = entry("batt", title=HOSTILE_TITLE, acronym=None, maintainers=["ana-example", "Bo-2"])
    url = join_issue_url(REPOSITORY + "/", seeking)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == (
        "https",
        "github.com",
        "/example-org/escp-directory/issues/new",
        "",
    )
    assert query(url) == {
        "template": [JOIN_FORM],
        "labels": ["join"],
        "title": [f"Joining {HOSTILE_TITLE}"],
        "partnership": [f"{HOSTILE_TITLE} (batt)"],
        "maintainers": ["@ana-example @Bo-2"],
    }
    assert set(PREFILLED_FIELDS) <= set(query(url))
    assert all(char not in parts.query for char in ' "<>#\u202e')  # every value percent-encoded


def test_only_a_partnership_seeking_partners_in_a_directory_with_a_repository_gets_the_link():
    settings = settings_from({"repository": REPOSITORY})
    seeking = entry("open", settings, seeking_partners={"countries": []})
    closed = entry("closed", settings)
    data = site(seeking, closed, settings=settings)
    assert join_url(data, seeking) == join_issue_url(REPOSITORY, seeking)
    assert join_url(data, closed) is None
    assert join_url(site(seeking), seeking) is None  # no repository configured
    assert partnership_page(data, seeking).context["join_subject"] == "Joining BATT"


def test_the_repository_must_be_a_github_repository_address():
    assert settings_from({"repository": REPOSITORY}).repository == REPOSITORY
    for wrong in ("github.com/a/b", "https://gitlab.com/a/b", "https://github.com/a", "javascript:alert(1)"):
        with pytest.raises(ConfigError, match=r"repository: expected the repository's address, https://github.com/"):
            settings_from({"repository": wrong})


def test_every_partnership_has_a_badge_saying_what_its_verdicts_say():
    met = entry("met")
    unmet = entry("unmet", members=[member("Solo (fictional)", "DE", "DE21", role="coordinator")])
    assert met.criteria_met and not unmet.criteria_met
    files = export_files(site(met, unmet))
    for slug, message, title in (
        ("met", "criteria met", "Meets the ESCP-S3 criteria (self-assessed)"),
        ("unmet", "listed", "Listed in the ESCP-S3 directory"),
    ):
        svg = ET.fromstring(files[f"partnerships/{slug}/badge.svg"])
        assert [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")] == ["ESCP-S3", message]
        assert svg.find("{http://www.w3.org/2000/svg}title").text == title
    assert "label" not in badge_status(met).message  # meeting the criteria is not the label
    award = {"awarded": "2017-09-15", "by": "European Commission", "reference": "https://example.org/award"}
    assert badge_status(entry("awarded", label=award)).message == "label 2017"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def test_the_badge_snippets_link_the_badge_to_the_partnership_page():
    embed = badge_embedding(entry("met"), SITE_URL)
    badge, page = f"{SITE_URL}partnerships/met/badge.svg", f"{SITE_URL}partnerships/met/"
    assert embed.markdown == f"[![Meets the ESCP-S3 criteria (self-assessed)]({badge})]({page})"
    tags = Tags()
    tags.feed(embed.html)
    (link, image) = tags.found
    assert link == ("a", {"href": page})
    svg = ET.fromstring(export_files(site(entry("met")))["partnerships/met/badge.svg"])
    assert image == (
        "img",
        {"src": badge, "alt": "Meets the ESCP-S3 criteria (self-assessed)", "width": svg.get("width"), "height": "20"},
    )


def test_open_to_lists_a_partnership_under_the_countries_it_welcomes_or_every_country():
    anywhere = entry("anywhere", seeking_partners={"countries": []})
    some = entry("some", seeking_partners={"countries": ["PL", "UA"]})
    closed = entry("closed")
    data = site(anywhere, closed, some)
    facet = next(facet for facet in build_facets(data.directory) if facet.name == "open-to")
    values = dict(zip([e.slug for e in data.directory.entries], facet.entry_values, strict=True))
    assert values["closed"] == frozenset()
    assert values["some"] == {"PL", "UA"}
    assert {"PL", "UA", "DE", "PT", "FR"} <= values["anywhere"]  # eligible, members' and sought countries
    counts = {option.value: option.count for option in facet.options}
    assert (counts["PL"], counts["UA"], counts["FR"]) == (2, 2, 1)
