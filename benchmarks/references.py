"""The floors each stage is compared with, measured on the same files in the same run."""

from __future__ import annotations

import sys
from pathlib import Path

BARE_LOAD = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""

PLAIN_SITE_CONFIG = """site_name: Plain reference
docs_dir: docs
site_dir: site
theme:
  name: material
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: /partnerships/
"""


def bare_load_command(partnerships: Path) -> list[str]:
    """A bare libyaml load of every file: the floor for checking."""
    return [sys.executable, "-c", BARE_LOAD, str(partnerships)]


def plain_markdown_project(folder: Path, partnerships: Path) -> Path:
    """A plain mkdocs-material project with one hand-written page per partnership file.

    Each page holds the partnership file's text as Markdown paragraphs, so it has the same size;
    only the home page is in the navigation. This is the floor for building.
    """
    docs = folder / "docs"
    (docs / "partnerships").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for path in sorted(partnerships.glob("*.yml")):
        text = path.read_text(encoding="utf-8").replace("#", "")
        (docs / "partnerships" / f"{path.stem}.md").write_text(f"# {path.stem}\n\n{text}\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(PLAIN_SITE_CONFIG, encoding="utf-8")
    return folder


def plain_build_command() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "mkdocs.yml"]
