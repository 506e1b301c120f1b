"""Asking to join a partnership that seeks partners: a pre-filled GitHub issue, and an e-mail subject.

The issue opens the form ``.github/ISSUE_TEMPLATE/join.yml`` with the partnership and its maintainers
(mentioned, so GitHub notifies them) already filled in; the visitor adds their organisation, country,
region, type and why. Every value is percent-encoded: a title from a partnership file cannot add a
parameter or leave the query.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from generator.structure.directory import Entry

JOIN_FORM = "join.yml"
JOIN_LABEL = "join"
# The ids of the form's fields that the link fills in; tests/workflow checks the form has them.
PREFILLED_FIELDS = ("partnership", "maintainers")


def join_title(entry: Entry) -> str:
    return f"Joining {entry.partnership.acronym or entry.partnership.title}"


def join_issue_url(repository: str, entry: Entry) -> str:
    """``repository``'s new-issue address with the join form chosen and the partnership filled in."""
    partnership = entry.partnership
    query = {
        "template": JOIN_FORM,
        "labels": JOIN_LABEL,
        "title": join_title(entry),
        "partnership": f"{partnership.title} ({entry.slug})",
        "maintainers": " ".join(f"@{handle}" for handle in partnership.maintainers),
    }
    return f"{repository.rstrip('/')}/issues/new?{urlencode(query, quote_via=quote)}"
