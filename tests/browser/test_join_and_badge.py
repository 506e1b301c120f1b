"""Asking to join and the badge in Chromium: the issue link's URL, the e-mail with its subject, no-JS, the SVG."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

from generator.render.join import JOIN_FORM, join_title
from tests.browser.conftest import HOSTILE_SLUG
from tests.browser.pages import open_explorer, shown_slugs

SEEKING = "batteries-value-chain"
CLOSED = "smart-grids-flexibility"
JOIN = "a.md-button:text-is('Ask to join')"


def test_ask_to_join_opens_the_join_form_addressed_to_the_maintainers(page, base_url, built_site):
    for slug in (SEEKING, HOSTILE_SLUG):
        entry = built_site.directory.by_slug(slug)
        page.goto(f"{base_url}partnerships/{slug}/")
        parts = urlsplit(page.get_attribute(JOIN, "href"))
        repository = built_site.directory.settings.repository
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{repository}/issues/new"
        fields = parse_qs(parts.query, strict_parsing=True)
        assert fields["template"] == [JOIN_FORM]
        assert fields["title"] == [join_title(entry)]
        assert fields["partnership"] == [f"{entry.partnership.title} ({slug})"]
        assert fields["maintainers"] == [" ".join(f"@{handle}" for handle in entry.partnership.maintainers)]
        # The page script turned the spelled address into a mailto link with the same subject.
        mailto = page.get_attribute("#ask-to-join ~ p a[href^='mailto:']", "href")
        assert mailto == f"mailto:{entry.partnership.contact.email}?subject={quote(join_title(entry), safe='')}"


def test_a_partnership_not_seeking_partners_has_no_join_link(page, base_url, built_site):
    assert built_site.directory.by_slug(CLOSED).partnership.seeking_partners is None
    page.goto(f"{base_url}partnerships/{CLOSED}/")
    assert page.query_selector(JOIN) is None
    assert page.query_selector("#ask-to-join") is None


def test_without_javascript_the_join_link_works_and_the_address_is_readable(no_script_page, base_url):
    no_script_page.goto(f"{base_url}partnerships/{SEEKING}/")
    assert no_script_page.get_attribute(JOIN, "href").startswith("https://github.com/")
    text = no_script_page.inner_text("#ask-to-join ~ p:has(.escp-email)")
    assert "secretariat [at] batt-s3 [dot] example [dot] org" in text
    assert "“Joining BATT-S3”" in text
    assert no_script_page.query_selector("a[href^='mailto:']") is None  # not in the HTML for scrapers


def test_the_badge_is_shown_on_the_page_and_served_as_svg(page, base_url):
    page.goto(f"{base_url}partnerships/{SEEKING}/")
    image = page.locator("#badge ~ p img")
    assert image.get_attribute("alt") == "ESCP-S3 label 2017"  # the label recorded in the file comes first
    width = image.evaluate("img => img.complete && img.naturalWidth")
    assert width == int(image.evaluate("img => img.width")) and width > 100
    snippets = page.locator("pre.escp-snippet code").all_inner_texts()
    assert snippets[0].startswith("[![ESCP-S3 label 2017](https://")
    assert snippets[1].startswith('<a href="https://') and f"partnerships/{SEEKING}/badge.svg" in snippets[1]
    response = page.goto(f"{base_url}partnerships/{SEEKING}/badge.svg")
    assert response.headers["content-type"] == "image/svg+xml"
    assert page.locator("svg title").text_content() == "ESCP-S3 label 2017"


def test_the_explorer_filters_by_the_country_a_partnership_welcomes(page, base_url, built_site):
    def welcomes(entry, code: str) -> bool:
        seeking = entry.partnership.seeking_partners
        return seeking is not None and (not seeking.countries or code in seeking.countries)

    for code in ("PL", "IT"):
        open_explorer(page, base_url, f"?open-to={code}")
        expected = sorted(e.slug for e in built_site.directory.entries if welcomes(e, code))
        assert expected
        assert sorted(shown_slugs(page)) == expected
