"""The Markdown report of a check: job summaries and pull-request comments.

Everything from a partnership file is untrusted; it is escaped so that it renders as plain text
and cannot open HTML, links, images or mentions in the comment.
"""

from __future__ import annotations

import html
import re

from generator.check.runner import CheckReport, FileReport

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape(text: str) -> str:
    """Untrusted text as inert Markdown: no HTML, links, emphasis, table breaks or @-mentions."""
    text = html.escape(" ".join(text.split()), quote=True)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return text.replace("@", "@\u200b")


def _file_section(file: FileReport) -> list[str]:
    verdict = "✅ labelled ESCP-S3" if file.labelled else ("❌ invalid" if not file.valid else "❌ misses criteria")
    lines = [f"### `{escape(file.path.as_posix())}` — {verdict}", ""]
    if file.errors:
        lines += ["| line | field | problem |", "|---:|---|---|"]
        lines += [f"| {p.line}:{p.column} | {escape(p.field) or '—'} | {escape(p.message)} |" for p in file.errors]
        lines.append("")
    if file.criteria:
        lines += ["| criterion | verdict | evidence |", "|---|---|---|"]
        lines += [f"| `{v.id}` | {'✅ pass' if v.passed else '❌ fail'} | {escape(v.message)} |" for v in file.criteria]
        lines.append("")
    if file.warnings:
        lines += [f"- ⚠️ line {p.line}: {escape(p.field)}: {escape(p.message)}" for p in file.warnings]
        lines.append("")
    return lines


def markdown_report(report: CheckReport) -> str:
    labelled = sum(file.labelled for file in report.files)
    lines = ["## ESCP-S3 partnership check", "", f"{labelled} of {len(report.files)} files labelled ESCP-S3.", ""]
    for file in report.files:
        lines += _file_section(file)
    return "\n".join(lines)
