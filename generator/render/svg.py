"""What every SVG the generator draws shares: escaped text, numbers without noise, the accessible root.

SVG from the generator is XML: text from a partnership file is escaped (``&``, ``<``, ``>`` and both
quotes) and loses the control characters XML cannot carry, so no data can add an element or an
attribute.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def text(value: object) -> Markup:
    """``value`` as XML text or attribute content."""
    return escape(NOT_IN_XML.sub("", str(value)))


def number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: ``12``, ``12.5``, ``0.33``."""
    rounded = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if rounded == "-0" else rounded


def accessible_root(element_id: str, title: str, description: str, attributes: str, body: str) -> Markup:
    """An ``<svg role="img">`` named by its ``<title>`` and described by its ``<desc>``.

    ``attributes`` and ``body`` are SVG markup built by the caller from escaped values.
    """
    ids = text(element_id)
    return Markup(
        f'<svg xmlns="{SVG_NAMESPACE}" {attributes} role="img" '
        f'aria-labelledby="{ids}-title" aria-describedby="{ids}-desc">'
        f'<title id="{ids}-title">{text(title)}</title><desc id="{ids}-desc">{text(description)}</desc>'
        f"{body}</svg>"
    )
