"""The explorer in a browser: facets, full-text search, counts, URL state, keyboard, phones, no JavaScript.

Every expectation is computed from the partnership data, not from the explorer's own code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token

from generator.explorer.stemmer import stem
from generator.explorer.text import fold, index_documents
from generator.structure.directory import Entry
from tests.browser.conftest import BuiltSite
from tests.browser.pages import checked, counts, open_explorer, press, search, shown_slugs, status

Predicate = Callable[[BuiltSite, Entry], bool]


def member_countries(entry: Entry) -> set[str]:
    return {member.country for member in entry.partnership.members}


def named_countries(entry: Entry) -> set[str]:
    """Countries a partnership names anywhere: members, associates, countries it seeks partners in."""
    partnership = entry.partnership
    seeking = set(partnership.seeking_partners.countries) if partnership.seeking_partners else set()
    return member_countries(entry) | {associate.country for associate in partnership.associates} | seeking


def categories(site: BuiltSite, entry: Entry) -> set[str | None]:
    return {site.directory.context.classification(member).category for member in entry.partnership.members}


def where(site: BuiltSite, predicate: Predicate) -> list[str]:
    return sorted(entry.slug for entry in site.directory.entries if predicate(site, entry))


FACET_CASES: dict[str, Predicate] = {
    "?platform=energy": lambda _, e: e.partnership.platform == "energy",
    "?country=IT&country=SE": lambda _, e: bool(member_countries(e) & {"IT", "SE"}),
    "?platform=agri-food&country=DE": lambda _, e: (
        e.partnership.platform == "agri-food" and "DE" in member_countries(e)
    ),
    "?category=transition&member=science-park": lambda s, e: (
        "transition" in categories(s, e) and any(m.type == "science-park" for m in e.partnership.members)
    ),
    "?open=yes&sector=maritime": lambda _, e: (
        e.partnership.seeking_partners is not None and "maritime" in e.partnership.sectors
    ),
    "?technology=photonics&technology=cybersecurity": lambda _, e: bool(
        {"photonics", "cybersecurity"} & set(e.partnership.technology_fields)
    ),
}


@pytest.mark.parametrize("query", list(FACET_CASES))
def test_facets_show_the_partnerships_that_have_the_chosen_values(page, base_url, built_site, query):
    expected = where(built_site, FACET_CASES[query])
    assert 0 < len(expected) < len(built_site.directory.entries), "the case must discriminate"
    open_explorer(page, base_url, query)
    assert sorted(shown_slugs(page)) == expected
    assert status(page) == f"{len(expected)} of {len(built_site.directory.entries)} partnerships match"


def _words(text: str) -> set[str]:
    """Words as lunr indexes them: lower case, split on spaces and hyphens, trimmed of non-word ends."""
    trimmed = (re.sub(r"^\W+|\W+$", "", word) for word in re.split(r"[\s\-]+", fold(text).lower()))
    return {word for word in trimmed if word}


def mentions(words: set[str], query_word: str) -> bool:
    """A query word matches a word that starts with it or has the same stem."""
    return any(word.startswith(query_word) or stem(word) == stem(query_word) for word in words)


def text_matches(site: BuiltSite, text: str) -> list[str]:
    """Partnerships matching every word of ``text``; a country code matches the country's name."""
    documents = index_documents(site.directory)
    words = {doc["ref"]: _words(doc["title"] + " " + doc["body"]) for doc in documents}
    found = set(words)
    for query_word in _words(text):
        code = query_word.upper()
        by_country = {str(i) for i, entry in enumerate(site.directory.entries) if code in named_countries(entry)}
        by_text = {ref for ref, held in words.items() if mentions(held, query_word)}
        found &= by_country | (by_text if stop_word_filter(Token(query_word)) else set())
    return sorted(site.directory.entries[int(ref)].slug for ref in found)


SEARCHES = ["hydrogen", "hydro", "hydrogen germany", "malmo", "Norway", "NO", "no", "it", "Hostilix"]


@pytest.mark.parametrize("text", SEARCHES)
def test_search_finds_the_partnerships_that_mention_every_word(page, base_url, built_site, text):
    expected = text_matches(built_site, text)
    assert 0 < len(expected) < len(built_site.directory.entries), "the case must discriminate"
    open_explorer(page, base_url)
    search(page, text)
    assert sorted(shown_slugs(page)) == expected


def test_a_country_code_finds_what_its_name_finds(page, base_url):
    """ "no", "it" and "be" are English stop words: codes are matched through the country's name."""
    open_explorer(page, base_url, "?search=Norway")
    by_name = sorted(shown_slugs(page))
    for code in ("NO", "no"):
        search(page, code)
        assert sorted(shown_slugs(page)) == by_name


def test_title_matches_come_first(page, base_url, built_site):
    open_explorer(page, base_url, "?search=hydrogen")
    first = built_site.directory.by_slug(shown_slugs(page)[0])
    assert "hydrogen" in first.partnership.title.lower()


def test_search_and_facets_combine(page, base_url, built_site):
    def on_energy_in_spain(entry: Entry) -> bool:
        return entry.partnership.platform == "energy" and "ES" in member_countries(entry)

    matches = text_matches(built_site, "grid")
    expected = [slug for slug in matches if on_energy_in_spain(built_site.directory.by_slug(slug))]
    assert expected
    open_explorer(page, base_url, "?search=grid&country=ES&platform=energy")
    assert sorted(shown_slugs(page)) == expected


def test_counts_say_how_many_partnerships_each_option_would_show(page, base_url, built_site):
    entries = built_site.directory.entries
    open_explorer(page, base_url)
    platforms = Counter(e.partnership.platform for e in entries)
    assert counts(page, "platform") == platforms

    press(page, "input[name=platform][value=energy]")
    on_energy = [e for e in entries if e.partnership.platform == "energy"]
    countries = counts(page, "country")
    assert countries == {code: sum(code in member_countries(e) for e in on_energy) for code in countries}
    assert counts(page, "platform") == platforms, "a facet's own options count as if it had no selection"
    assert countries["SE"] != sum("SE" in member_countries(e) for e in entries), "the counts must have changed"


def test_the_url_holds_the_state_and_the_back_button_restores_it(page, base_url, built_site):
    open_explorer(page, base_url, "?search=energy&platform=energy&country=DE")
    assert page.input_value("#escp-explorer-q") == "energy"
    assert sorted(checked(page)) == [("country", "DE"), ("platform", "energy")]
    before = shown_slugs(page)

    press(page, "input[name=country][value=ES]")
    assert page.url.endswith("explorer/?search=energy&platform=energy&country=DE&country=ES")
    assert len(shown_slugs(page)) > len(before)

    page.go_back()
    page.wait_for_function("() => !document.querySelector('input[name=country][value=ES]').checked")
    assert shown_slugs(page) == before
    page.go_forward()
    page.wait_for_function("() => document.querySelector('input[name=country][value=ES]').checked")

    page.reload()
    page.wait_for_selector("[data-explorer-ready]")
    assert sorted(checked(page)) == [("country", "DE"), ("country", "ES"), ("platform", "energy")]


def test_typing_then_filtering_makes_one_history_step_each(page, base_url):
    open_explorer(page, base_url)
    search(page, "hydro")
    search(page, "hydrogen")
    press(page, "input[name=platform][value=energy]")
    page.go_back()
    page.wait_for_function("() => location.search === '?search=hydrogen'")
    assert checked(page) == []
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert page.input_value("#escp-explorer-q") == ""


def test_unknown_values_in_the_url_are_ignored(page, base_url, built_site):
    open_explorer(page, base_url, "?platform=nonsense&country=%3Cscript%3E")
    assert checked(page) == []
    assert len(shown_slugs(page)) == len(built_site.directory.entries)


def test_clear_all_filters(page, base_url, built_site):
    open_explorer(page, base_url, "?search=hydrogen&platform=energy")
    press(page, "text=Clear all filters")
    page.wait_for_function("() => location.search === ''")
    assert checked(page) == [] and page.input_value("#escp-explorer-q") == ""
    assert status(page) == f"{len(built_site.directory.entries)} partnerships"


def test_no_match_is_announced(page, base_url):
    open_explorer(page, base_url, "?search=zzzzqqq")
    assert shown_slugs(page) == []
    assert status(page).startswith("No partnership matches")


def test_the_home_search_box_opens_the_explorer(page, base_url, built_site):
    page.goto(base_url)
    page.fill("form[action$='explorer/'] input[name=search]", "hydrogen")
    page.press("form[action$='explorer/'] input[name=search]", "Enter")
    page.wait_for_selector("[data-explorer-ready]")
    assert page.input_value("#escp-explorer-q") == "hydrogen"
    assert sorted(shown_slugs(page)) == text_matches(built_site, "hydrogen")


def test_keyboard_alone_searches_and_filters(page, base_url):
    open_explorer(page, base_url)
    page.focus("#escp-explorer-q")
    page.keyboard.type("energy")
    page.wait_for_function("() => location.search === '?search=energy'")
    page.keyboard.press("Tab")  # the "Filters" disclosure
    page.keyboard.press("Tab")  # the first option of the first facet
    assert page.evaluate("document.activeElement.name") == "platform"
    page.keyboard.press("Space")
    page.wait_for_function("() => new URLSearchParams(location.search).getAll('platform').length === 1")


def test_on_a_phone_filters_fold_away_and_nothing_overflows(phone_page, base_url):
    open_explorer(phone_page, base_url)
    assert not phone_page.is_visible("input[name=platform]")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    press(phone_page, ".escp-explorer__facets summary")
    press(phone_page, "input[name=platform][value=energy]")
    assert phone_page.inner_text("[data-explorer-active]") == "(1 selected)"
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_without_javascript_every_partnership_is_listed(no_script_page, base_url, built_site):
    no_script_page.goto(f"{base_url}explorer/?platform=energy")
    assert sorted(shown_slugs(no_script_page)) == sorted(entry.slug for entry in built_site.directory.entries)
    assert not no_script_page.is_visible("#escp-explorer-filters")


def test_browser_and_build_stem_every_indexed_word_alike(page, base_url, built_site):
    """The index is stemmed by lunr.py, queries by lunr.js: a difference makes words unfindable."""
    documents = index_documents(built_site.directory)
    words = sorted({word for doc in documents for word in _words(doc["title"] + " " + doc["body"])})
    open_explorer(page, base_url)
    page.add_script_tag(url=f"{base_url}assets/escp/vendor/lunr.js")  # the explorer's worker runs this file
    in_browser = page.evaluate("words => words.map(word => lunr.stemmer(new lunr.Token(word)).toString())", words)
    assert {w: b for w, b in zip(words, in_browser, strict=True) if stem(w) != b} == {}
