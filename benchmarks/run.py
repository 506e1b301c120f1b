"""Run every benchmark and print the tables: ``python -m benchmarks.run [--sizes 100,1000,10000]``.

For each directory size it generates a deterministic synthetic directory, then measures the
stages against their floors on the same files in the same run. It prints each figure against its
goal (``benchmarks/goals.py``), then every figure measured, and writes them as JSON to
``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.browser import explorer_timings
from benchmarks.goals import goals_table, verdicts
from benchmarks.measure import measure
from benchmarks.references import bare_load_command, plain_build_command, plain_markdown_project
from benchmarks.serve import serve_reload
from benchmarks.sizes import site_sizes
from benchmarks.synthetic import LONE_REGION, write_directory

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("site-config.yml", "content", "theme")
ESCP = [sys.executable, "-m", "generator.cli"]
PR_SIZE = 1000  # the pull-request and `escp serve` cases: one changed file in a directory of this size
SAMPLE_SLUG = "synthetic-00000"  # the same partnership at every size


def project(folder: Path, count: int) -> Path:
    """A copy of the site project whose partnerships/ holds ``count`` synthetic files."""
    folder.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, folder / name)
    write_directory(folder, count)
    return folder


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def pull_request(folder: Path, changed: Path) -> None:
    """Make ``folder`` a git repository whose last commit changes one partnership file."""
    git(folder, "init", "--quiet")
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "--quiet", "-m", "base")
    changed.write_text(changed.read_text(encoding="utf-8").replace("Synthetic Contact", "Changed Contact"))
    git(folder, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "--quiet", "-am", "pr")


def measure_size(work: Path, count: int, runs: int) -> dict[str, Any]:
    folder = project(work / f"n{count}", count)
    partnerships = folder / "partnerships"
    row: dict[str, Any] = {"partnerships": count}
    row["check"] = measure([*ESCP, "check", "partnerships"], folder, runs).as_dict()
    row["bare_yaml_load"] = measure(bare_load_command(partnerships), folder, runs).as_dict()
    if count == PR_SIZE:
        pull_request(folder, partnerships / f"synthetic-{count // 2:05d}.yml")
        command = [*ESCP, "check", "--changed-since", "HEAD~1", "--author", "maintainer-500"]
        row["check_one_file"] = measure(command, folder, runs).as_dict()
    row["build"] = measure([*ESCP, "build"], folder, runs).as_dict()
    plain = plain_markdown_project(work / f"plain{count}", partnerships)
    row["plain_mkdocs_build"] = measure(plain_build_command(), plain, runs).as_dict()
    row.update(site_sizes(folder / "site", count, SAMPLE_SLUG))
    row.update(explorer_timings(folder / "site"))
    if count == PR_SIZE:
        row["serve_reload"] = serve_reload(folder, ESCP, SAMPLE_SLUG, runs)
    return row


def ratio(row: dict[str, Any], stage: str, floor: str) -> str:
    return f"{row[stage]['median_s'] / row[floor]['median_s']:.2f}×"


def seconds(row: dict[str, Any], stage: str) -> str:
    if stage not in row:
        return "—"
    figures = row[stage]
    return f"{figures['median_s']:.2f} s ±{figures['spread_s']:.2f}, {figures['peak_mib']:.0f} MiB"


def details(rows: list[dict[str, Any]]) -> str:
    """Every figure measured, with the floors behind the ratios."""
    header = (
        "| partnerships | check | bare YAML load | check ÷ load | one-file check (PR) | build | plain mkdocs build "
        "| build ÷ plain | explorer data /partnership (gzip) | search_index /partnership (gzip) | partnership page "
        "| explorer interactive | bytes until interactive / in all (gzip) | search | filter | serve: save → reload |"
    )
    lines = [header, "|" + "---:|" * 16]
    for row in rows:
        lines.append(
            f"| {row['partnerships']:,} | {seconds(row, 'check')} | {seconds(row, 'bare_yaml_load')} "
            f"| {ratio(row, 'check', 'bare_yaml_load')} | {seconds(row, 'check_one_file')} | {seconds(row, 'build')} "
            f"| {seconds(row, 'plain_mkdocs_build')} | {ratio(row, 'build', 'plain_mkdocs_build')} "
            f"| {row['explorer_bytes_per_partnership']:,} B ({row['explorer_gzip_bytes_per_partnership']:,} B) "
            f"| {row['search_index_bytes_per_partnership']:,} B ({row['search_index_gzip_bytes_per_partnership']:,} B) "
            f"| {row['partnership_page_bytes']:,} B | {row['interactive_ms']:,} ms "
            f"| {row['interactive_gzip_bytes']:,} B / {row['explorer_visit_gzip_bytes']:,} B | {row['search_ms']} ms "
            f"| {row['filter_ms']} ms | {seconds(row, 'serve_reload')} |"
        )
    return "\n".join(lines)


WEIGHTS = (  # the columns of the weights table: key in the results, heading
    ("home_page", "home page"),
    ("regions_page", "Regions page"),
    ("lone_region_page", f"region page ({LONE_REGION[1]}: one member)"),
    ("largest_region_page", "largest region page"),
    ("lone_country_page", f"country page ({LONE_REGION[0]}: one member)"),
    ("largest_country_page", "largest country page"),
    ("statistics_page", "statistics page"),
    ("partnership_page", "partnership page"),
    ("badge", "badge"),
    ("map_geometry", "map geometry (shared)"),
)


def weights_table(rows: list[dict[str, Any]]) -> str:
    """The pages with maps, the region pages, statistics and badges, gzipped, one column per directory size.

    The home page's target is 150 KB at 1,000 partnerships (it is a goal); a region page with the same members
    weighs the same at any size."""
    lines = ["| page (gzip) | " + " | ".join(f"{row['partnerships']:,}" for row in rows) + " |"]
    lines.append("|---|" + "---:|" * len(rows))
    for key, heading in WEIGHTS:
        lines.append(f"| {heading} | " + " | ".join(f"{row[f'{key}_gzip_bytes']:,} B" for row in rows) + " |")
    return "\n".join(lines)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="directory sizes (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="escp-bench-") as work:
        rows = []
        for count in sizes:
            rows.append(measure_size(Path(work), count, args.runs if count < 10_000 else min(args.runs, 2)))
            print(f"measured {count:,} partnerships", file=sys.stderr)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": machine(),
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],  # before and after: shared machine
        "rows": rows,
        "goals_met": verdicts(rows),
    }
    output = ROOT / "benchmarks" / "results" / "latest.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    loads = result["load_average"]
    print(f"{result['date']}, {result['machine']}, load average {loads[0]} before, {loads[1]} after")
    print(f"\n{goals_table(rows)}\n\n{details(rows)}\n\n{weights_table(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
