"""Every address of the site: the one module that knows the URL scheme.

Addresses are relative to the site's root (``partnerships/<slug>/``). Pages are declared by their
address, and their source path in the docs folder is derived from it (``partnerships/<slug>.md``);
templates ask a :class:`Links` bound to the page's way back to the root, never write a path.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

HOME = ""
ORGANISATIONS = "organisations/"
COUNTRIES = "countries/"
REGIONS = "regions/"
CRITERIA = "criteria/"
EXPLORER = "explorer/"
DATA = "data/"
STATISTICS = "statistics/"
# Files, at stable addresses: the exports and the explorer's data
FEED = "feed.xml"
PARTNERSHIPS_JSON = "data/partnerships.json"
PARTNERSHIPS_CSV = "data/partnerships.csv"
ORGANISATIONS_CSV = "data/organisations.csv"
STATISTICS_JSON = "data/statistics.json"
PARTNERSHIP_SCHEMA = "schema/partnership.schema.json"
REPORT_SCHEMA = "schema/report.schema.json"
# The explorer's data, written at build time beside the theme's explorer.js: the facets are small and
# make the filters work; the index is the bulk and only search needs it. Its worker loads both.
EXPLORER_FACETS = "assets/escp/explorer-facets.json"
EXPLORER_INDEX = "assets/escp/explorer-index.json"
EXPLORER_SCRIPT = "assets/escp/explorer.js"
EXPLORER_WORKER = "assets/escp/explorer-worker.js"
EXPLORER_STYLE = "assets/escp/explorer.css"
LUNR_SCRIPT = "assets/escp/vendor/lunr.js"
MAP_GEOMETRY = "assets/escp/nuts2.svg"  # written at build time: the shapes every map points into


def partnership(slug: str) -> str:
    return f"partnerships/{quote(slug)}/"


def badge(slug: str) -> str:
    """The partnership's SVG badge, beside its page."""
    return f"{partnership(slug)}badge.svg"


def platform(platform_id: str) -> str:
    return f"platforms/{quote(platform_id)}/"


def country(code: str) -> str:
    return f"countries/{quote(code.lower())}/"


def region(code: str) -> str:
    """A NUTS 2 region of the map: ``regions/pl21/``."""
    return f"{REGIONS}{quote(code.lower())}/"


def organisation(organisation_id: str) -> str:
    return f"{ORGANISATIONS}#{quote(organisation_id)}"


def criterion(criterion_id: str) -> str:
    return f"{CRITERIA}#{quote(criterion_id)}"


def explorer(**filters: str) -> str:
    """The explorer with filters set, e.g. ``explorer(country="PL")`` → ``explorer/?country=PL``."""
    return f"{EXPLORER}?{urlencode(filters)}" if filters else EXPLORER


def open_to(country_code: str) -> str:
    """The explorer listing the partnerships open to new partners from a country (ISO code)."""
    return explorer(**{"open-to": country_code})


def source(url: str) -> str:
    """The page's path as if in the docs folder: ``partnerships/x/`` → ``partnerships/x.md``, root → ``index.md``."""
    return f"{url.rstrip('/')}.md" if url.strip("/") else "index.md"


@dataclass(frozen=True)
class Links:
    """The site's addresses as seen from one page: ``root`` leads from that page to the site's root."""

    root: str

    def __call__(self, url: str) -> str:
        """Any address of the site (also files such as ``data/partnerships.csv``), relative to the page."""
        return f"{self.root}{url}"

    @property
    def home(self) -> str:
        return self(HOME) or "./"

    @property
    def organisations(self) -> str:
        return self(ORGANISATIONS)

    @property
    def organisations_csv(self) -> str:
        return self(ORGANISATIONS_CSV)

    @property
    def countries(self) -> str:
        return self(COUNTRIES)

    @property
    def regions(self) -> str:
        return self(REGIONS)

    @property
    def map_geometry(self) -> str:
        return self(MAP_GEOMETRY)

    @property
    def criteria(self) -> str:
        return self(CRITERIA)

    @property
    def feed(self) -> str:
        return self(FEED)

    def partnership(self, slug: str) -> str:
        return self(partnership(slug))

    def badge(self, slug: str) -> str:
        return self(badge(slug))

    def platform(self, platform_id: str) -> str:
        return self(platform(platform_id))

    def country(self, code: str) -> str:
        return self(country(code))

    def region(self, code: str) -> str:
        return self(region(code))

    def organisation(self, organisation_id: str) -> str:
        return self(organisation(organisation_id))

    def criterion(self, criterion_id: str) -> str:
        return self(criterion(criterion_id))

    def explorer(self, **filters: str) -> str:
        return self(explorer(**filters))

    def open_to(self, country_code: str) -> str:
        return self(open_to(country_code))
