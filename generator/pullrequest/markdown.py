"""The Markdown report of a check: job summaries and pull-request comments.

Everything from a partnership file is untrusted; it is escaped so that it renders as plain text
and cannot open HTML, links, images or mentions in the comment. Bare addresses are broken with a
zero-width joiner (U+200D: ``https:<ZWJ>//``, ``www<ZWJ>.``): GitHub links them in rendered text even where
the Markdown is escaped.
"""

from __future__ import annotations

import html
import re

from generator.check.report import ChangesRecord, FileRecord, FindingRecord, Report
from generator.check.verdicts import file_verdict, label_text, summary_text
from generator.check.visible import visible
from generator.wording import count

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_AUTOLINKS = re.compile(r"(:)(//)|(www)(\.)", re.IGNORECASE)  # scheme://… and www.… become links
FINDING_LABELS = {
    "ownership": "needs approval",
    "outside": "needs review",
    "symlink": "refused",
    "submodule": "refused",
    "file-name": "refused",
    "evidence": "needs review",
    "too-many": "split it",
    "rename": "renamed",
    "deletion": "deleted",
    "label": "maintainers only",
}
STATUS_CELLS = {"met": "✅ met", "not-met": "❌ not met", "undetermined": "❔ undetermined (counted as not met)"}
HINTS = [
    "Fix each line listed above in your file, then run `escp check --changed-since main` (or "
    "`escp check partnerships/your-file.yml`) on your computer until it says *meets the ESCP-S3 criteria "
    "(self-assessed)*.",
    "Push the fix to the same branch: this check runs again and this report is updated.",
    "The registration guide explains every field and criterion, with examples (`content/register.md`).",
]


def _plain(text: str) -> str:
    """One line, its controls shown escaped, its bare addresses broken."""
    return _AUTOLINKS.sub("\\1\\3\u200d\\2\\4", " ".join(visible(text).split()))


def escape(text: str) -> str:
    """Untrusted text as inert Markdown: no HTML, links, emphasis, table breaks or @-mentions."""
    text = html.escape(_plain(text), quote=False)  # quotes are plain text in Markdown
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return text.replace("@", "@\u200b")


def code(text: str) -> str:
    """Untrusted text as an inert code span, safe inside a table cell."""
    return "`" + _plain(text).replace("`", "'").replace("|", "\\|") + "`"


def _file_section(file: FileRecord) -> list[str]:
    statuses = (verdict.status for verdict in file.criteria)
    if file.valid:
        verdict = f"{'✅' if file.criteria_met else '❌'} {file_verdict(file.criteria_met, statuses)}"
    else:
        verdict = "❌ invalid"
    lines = [f"### {code(file.path)} — {verdict}", ""]
    if file.label is not None:
        lines += [f"🏅 {escape(label_text(file.label))}, evidence: {code(file.label.reference)}", ""]
    if file.errors:
        lines += ["| line | field | problem |", "|---:|---|---|"]
        lines += [f"| {p.line}:{p.column} | {escape(p.field) or '—'} | {escape(p.message)} |" for p in file.errors]
        lines.append("")
    if file.criteria:
        lines += ["| criterion | verdict | evidence |", "|---|---|---|"]
        lines += [f"| `{v.id}` | {STATUS_CELLS[v.status]} | {escape(v.message)} |" for v in file.criteria]
        lines.append("")
    if file.warnings:
        lines += [f"- ⚠️ line {p.line}: {escape(p.field)}: {escape(p.message)}" for p in file.warnings]
        lines.append("")
    return lines


def _finding_row(finding: FindingRecord) -> str:
    label = f"{'❌' if finding.blocking else 'ℹ️'} {FINDING_LABELS.get(finding.kind, 'note')}"
    return f"| {code(finding.path)} | {label} | {escape(finding.message)} |"


def _changes_section(review: ChangesRecord) -> list[str]:
    lines = [f"{count(len(review.files), 'file')} changed since {code(review.base)}.", ""]
    if review.findings:
        lines += ["| file | | for the maintainers |", "|---|---|---|", *map(_finding_row, review.findings), ""]
    return lines


def markdown_report(report: Report) -> str:
    """The report as Markdown; ``report`` may come from an untrusted artifact: every string is escaped."""
    lines = ["## ESCP-S3 partnership check", "", f"{summary_text(report.summary)}.", ""]
    if report.changes is not None:
        lines += _changes_section(report.changes)
    for file in report.files:
        lines += _file_section(file)
    if not report.ok:
        lines += ["### What to do", "", *(f"- {hint}" for hint in HINTS), ""]
    return "\n".join(lines)
