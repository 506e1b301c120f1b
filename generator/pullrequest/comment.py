"""The pull-request comment, rendered from the validate workflow's artifact — which is untrusted.

A pull request can change the workflow that made the artifact, so nothing in it is believed:
each file is size-limited, the JSON must have the exact shape of ``escp check --format json``
(ids, SHAs and counts by pattern and range), the head SHA must be the one GitHub reports for the
workflow run, and every string is escaped again by the Markdown report. The comment workflow
then confirms the pull request number and head SHA through the API before it writes.

    python -m generator.pullrequest.comment ARTIFACT_DIR --head-sha SHA --github-output FILE
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.check.report import MAX_REPORT_BYTES, Report
from generator.pullrequest.markdown import markdown_report

MARKER = "<!-- escp-check -->"
MAX_PULL_REQUEST_BYTES = 1024
MAX_COMMENT_CHARS = 60_000
SHA = Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")]


class PullRequestRef(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    pr: Annotated[int, Field(gt=0, lt=10**10)]
    head_sha: SHA
    base_sha: SHA


class ArtifactError(Exception):
    """The artifact is missing, too large, malformed or about another commit."""


def _read(folder: Path, name: str, limit: int) -> bytes:
    path = folder / name
    if path.is_symlink() or not path.is_file():
        raise ArtifactError(f"{name} is missing from the artifact")
    if path.stat().st_size > limit:
        raise ArtifactError(f"{name} is larger than {limit:,} bytes")
    return path.read_bytes()


def read_artifact(folder: Path, head_sha: str) -> tuple[PullRequestRef, Report]:
    """The pull request and the report in ``folder``, if they are well-formed and about ``head_sha``.

    The report is read with the models that wrote it; its summary is computed again, never read.
    """
    try:
        pull = PullRequestRef.model_validate_json(_read(folder, "pull-request.json", MAX_PULL_REQUEST_BYTES))
        report = Report.model_validate_json(_read(folder, "report.json", MAX_REPORT_BYTES))
    except ValidationError as error:
        raise ArtifactError(f"the artifact is malformed: {error.error_count()} problems") from None
    if pull.head_sha != head_sha:
        raise ArtifactError(f"the artifact is about commit {pull.head_sha}, but the run checked {head_sha}")
    return pull, report


def _fitted(text: str, limit: int = MAX_COMMENT_CHARS) -> str:
    """``text`` cut after its last whole line within ``limit``, ending with how many lines and files are left out."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    kept, size = 0, 0
    while size + len(lines[kept]) + 1 <= limit - 200:  # room for the closing note
        size += len(lines[kept]) + 1
        kept += 1
    rest = [line for line in lines[kept:] if line.strip() and not line.startswith("|--")]
    files = sum(line.startswith("### `") for line in rest)
    return "\n".join(
        [
            *lines[:kept],
            "",
            f"… and {len(rest):,} more lines ({files:,} more files): the full report is in the summary "
            "of the validate run.",
        ]
    )


def comment_body(pull: PullRequestRef, report: Report) -> str:
    text = _fitted(markdown_report(report))
    verdict = "passes" if report.ok else "does not pass yet"
    return f"{MARKER}\n{text}\n\n<sub>Commit `{pull.head_sha}` {verdict} the ESCP-S3 check.</sub>\n"


def github_output(values: dict[str, str]) -> str:
    """``name<<DELIMITER`` blocks for ``$GITHUB_OUTPUT``, with a delimiter no value contains."""
    delimiter = f"ESCP_{secrets.token_hex(16)}"
    return "".join(f"{name}<<{delimiter}\n{value}\n{delimiter}\n" for name, value in values.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.pullrequest.comment", description=__doc__.splitlines()[0]
    )
    parser.add_argument("artifact", type=Path, help="folder holding pull-request.json and report.json")
    parser.add_argument("--head-sha", required=True, help="head SHA of the workflow run, from the event")
    parser.add_argument("--github-output", type=Path, required=True, help="append pr and body to this file")
    args = parser.parse_args(argv)
    try:
        pull, report = read_artifact(args.artifact, args.head_sha)
    except ArtifactError as error:
        print(f"refusing the artifact: {error}", file=sys.stderr)
        return 1
    with args.github_output.open("a", encoding="utf-8") as handle:
        handle.write(github_output({"pr": str(pull.pr), "body": comment_body(pull, report)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
