"""A large directory in the explorer: results are listed a page at a time, the count is always whole.

The site has more partnerships than two pages of results (``LARGE_DIRECTORY``); every expectation
is computed from the partnership data.
"""

from __future__ import annotations

from collections import Counter

from tests.browser.conftest import LARGE_DIRECTORY
from tests.browser.pages import MORE, counts, listed_slugs, open_explorer, press, shown_slugs, status
from tests.browser.test_explorer import member_countries, text_matches

PAGE = 50  # the explorer lists this many results at a time


def test_results_are_listed_a_page_at_a_time_and_show_more_lists_the_next(page, large_url, large_site):
    everyone = [entry.slug for entry in large_site.directory.entries]
    assert len(everyone) == LARGE_DIRECTORY > 2 * PAGE
    open_explorer(page, large_url)
    assert status(page) == f"{LARGE_DIRECTORY} partnerships"
    assert listed_slugs(page) == everyone[:PAGE]
    assert page.inner_text(MORE) == f"Show {PAGE} more ({PAGE} of {LARGE_DIRECTORY} shown)"

    press(page, MORE)
    page.wait_for_function(f"() => document.querySelectorAll('.escp-result').length === {2 * PAGE}")
    assert listed_slugs(page) == everyone[: 2 * PAGE]
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.rstrip("/").endswith(everyone[PAGE]), "keyboard users go on from the first new result"
    rest = LARGE_DIRECTORY - 2 * PAGE
    assert page.inner_text(MORE) == f"Show {rest} more ({2 * PAGE} of {LARGE_DIRECTORY} shown)"

    press(page, MORE)
    page.wait_for_function(f"() => document.querySelectorAll('.escp-result').length === {LARGE_DIRECTORY}")
    assert listed_slugs(page) == everyone
    assert not page.is_visible(MORE)
    assert status(page) == f"{LARGE_DIRECTORY} partnerships", "showing more changes no count"


def test_a_search_announces_every_match_and_lists_the_first_page(page, large_url, large_site):
    expected = text_matches(large_site, "France")
    assert PAGE < len(expected) < LARGE_DIRECTORY, "the case must need more than one page"
    open_explorer(page, large_url, "?search=France")
    assert status(page) == f"{len(expected)} of {LARGE_DIRECTORY} partnerships match"
    assert page.get_attribute(".escp-explorer [role=status]", "aria-atomic") == "true"
    assert len(listed_slugs(page)) == PAGE
    assert sorted(shown_slugs(page)) == expected


def test_a_new_search_starts_again_from_the_first_page(page, large_url, large_site):
    open_explorer(page, large_url)
    press(page, MORE)
    page.wait_for_function(f"() => document.querySelectorAll('.escp-result').length === {2 * PAGE}")
    press(page, "input[name=platform][value=energy]")
    on_energy = [e.slug for e in large_site.directory.entries if e.partnership.platform == "energy"]
    page.wait_for_function(f"() => document.querySelector('[role=status]').textContent.includes('{len(on_energy)} of')")
    assert listed_slugs(page) == on_energy[:PAGE]


def test_counts_stay_exact_over_the_whole_directory_not_the_page_shown(page, large_url, large_site):
    entries = large_site.directory.entries
    open_explorer(page, large_url)
    assert counts(page, "platform") == Counter(e.partnership.platform for e in entries)
    press(page, "input[name=platform][value=energy]")
    page.wait_for_function("() => location.search === '?platform=energy'")
    on_energy = [e for e in entries if e.partnership.platform == "energy"]
    page.wait_for_function(f"() => document.querySelector('[role=status]').textContent.includes('{len(on_energy)} of')")
    countries = counts(page, "country")
    assert countries == {code: sum(code in member_countries(e) for e in on_energy) for code in countries}


def test_without_javascript_every_partnership_of_a_large_directory_is_listed(no_script_page, large_url, large_site):
    no_script_page.goto(f"{large_url}explorer/")
    assert listed_slugs(no_script_page) == [entry.slug for entry in large_site.directory.entries]
    assert not no_script_page.is_visible(MORE)
