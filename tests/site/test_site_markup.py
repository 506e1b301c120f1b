"""The helpers that make untrusted text safe: links, the description's Markdown and e-mail addresses."""

from __future__ import annotations

import base64

import pytest

from generator.render.markup import encoded_email, render_description, safe_href, spelled_email


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "http://example.org/path?q=1",
        "mailto:someone@example.org",
        " https://example.org/ ",
    ],
)
def test_web_and_mail_links_are_kept(url: str) -> None:
    assert safe_href(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "//evil.example.org/",
        "../relative.html",
        "https:no-host",
        "",
        None,
    ],
)
def test_other_links_are_dropped(url: str | None) -> None:
    assert safe_href(url) is None


def test_the_description_keeps_markdown_and_loses_html() -> None:
    html = render_description(
        "# Title\n\n## Vision\n\n**bold** [site](https://example.org/) [bad](javascript:alert(1))\n\n"
        "<b onclick=x>raw</b>\n\n| a |\n|---|\n| 1 |\n\n![pixel](https://tracker.example.org/p.png)"
    )
    assert "<h3>Title</h3>" in html
    assert "<h3>Vision</h3>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org/" rel="nofollow ugc noopener">site</a>' in html
    assert '<a rel="nofollow ugc noopener">bad</a>' in html
    assert "&lt;b onclick=x&gt;raw&lt;/b&gt;" in html
    assert "<table>" in html
    assert "<img" not in html


def test_addresses_are_neither_in_plain_text_nor_lost() -> None:
    assert spelled_email("info@cluster.example.org") == "info [at] cluster [dot] example [dot] org"
    encoded = encoded_email("info@cluster.example.org")
    assert "@" not in encoded
    assert base64.b64decode(encoded).decode() == "info@cluster.example.org"
