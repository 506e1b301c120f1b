"""The Jinja environment for the generated content: the theme's folders, autoescape always on.

MkDocs' own template environment does not escape; every fragment that shows partnership data is
therefore rendered here, and handed to MkDocs as finished HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from generator.criteria import CRITERIA
from generator.criteria.context import category_label
from generator.render.markup import LINK_REL, encoded_email, render_description, safe_href, spelled_email
from generator.render.region_maps import SiteMaps
from generator.structure import SiteData, urls
from generator.structure.countries import region_view
from generator.structure.directory import Entry
from generator.structure.urls import Links
from generator.validate import Member


class Renderer:
    def __init__(self, theme_dirs: Sequence[str], data: SiteData) -> None:
        self.data = data
        self.maps = SiteMaps(data)
        self.cards: dict[tuple[str, str, str], Markup] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(theme_dirs)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        terms = data.directory.terms
        self.env.globals.update(
            data=data,
            terms=terms,
            criteria=CRITERIA,
            label_context=data.directory.context,
            link_rel=LINK_REL,
            label=terms.label,
            country=data.directory.context.country,
            region=lambda code: region_view(code, data.directory),
            member_category=self._member_category,
            verdicts=_verdicts,
            description=render_description,
            maps=self.maps,
            shared_card=self._card,
        )
        self.env.filters.update(safe_href=safe_href, encoded_email=encoded_email, spelled_email=spelled_email)

    def _member_category(self, member: Member) -> str:
        """The member's category of region in a visitor's words."""
        classification = self.data.directory.context.classification(member)
        if classification.undetermined:
            return "region not known precisely: its NUTS 2 regions differ in category"
        return f"{category_label(classification.category)} region"

    def _card(self, entry: Entry, url: Links, heading: str) -> Markup:
        """A partnership's card, rendered once for all the pages in one folder: a region's, a country's and a
        platform's pages list the same partnerships again and again."""
        key = (entry.slug, url.root, heading)
        if key not in self.cards:
            self.cards[key] = self.env.get_template("escp/card.html").module.card(entry, url, heading)  # type: ignore[attr-defined]
        return self.cards[key]

    def render(self, template: str, url: Links, context: dict[str, Any]) -> str:
        """``template`` from the theme's ``escp/`` folder; ``url`` gives the site's addresses as seen from the page."""
        return self.env.get_template(f"escp/{template}").render(url=url, urls=urls, **context)


def _verdicts(entry: Entry) -> list[tuple[str, Any]]:
    """Each criterion's title with the entry's verdict on it, in the order of CRITERIA."""
    by_id = {verdict.id: verdict for verdict in entry.verdicts}
    return [(criterion.title, by_id[criterion.id]) for criterion in CRITERIA if criterion.id in by_id]
