"""Untrusted text made safe for HTML: Markdown without raw HTML, sanitised; links and e-mail addresses.

Everything from a partnership file is data. Templates escape it (autoescape); the only markup that
reaches a page from data is the ``description``, rendered here and then cleaned by nh3.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

LINK_SCHEMES = frozenset({"https", "http", "mailto"})
LINK_REL = "nofollow ugc noopener"

ALLOWED_TAGS = frozenset(
    {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li"}
    | {"a", "table", "thead", "tbody", "tr", "th", "td", "del", "sub", "sup"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an absolute https, http or mailto link; None for anything else."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in LINK_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return url.strip()


def _keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return safe_href(value)
    return value


@cache
def _markdown() -> markdown.Markdown:
    """One converter for every description (reset before each): building one takes longer than converting."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Raw HTML in the source stays text: it is escaped like any other character.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def _demoted_heading(match: re.Match[str]) -> str:
    level = min(max(int(match.group(2)) + 1, 3), 6)
    return f"<{match.group(1)}h{level}>"


def render_description(source: str) -> Markup:
    """The description's Markdown as sanitised HTML; its headings start at level 3, under the page's h2."""
    html = re.sub(r"<(/?)h([1-6])>", _demoted_heading, _markdown().reset().convert(source))
    return Markup(
        nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            attribute_filter=_keep_safe_links,
            url_schemes=set(LINK_SCHEMES),
            link_rel=LINK_REL,
            strip_comments=True,
        )
    )


def encoded_email(address: str) -> str:
    """The address in base64, for the page script that turns it back into a link."""
    return base64.b64encode(address.encode("utf-8")).decode("ascii")


def spelled_email(address: str) -> str:
    """``name [at] example [dot] org``: readable by people, not matched by naive scrapers."""
    user, _, domain = address.rpartition("@")
    return f"{user} [at] {domain.replace('.', ' [dot] ')}"
