"""Real builds of the site in temporary folders: a project is a copy of the configuration, pages and theme."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.plugin.build import build_site

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "partnerships"


def new_project(folder: Path, partnership_files: list[Path] | None = None) -> Path:
    """A project in ``folder`` with the repository's configuration, pages and theme, and these files."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "site-config.yml", folder / "site-config.yml")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "theme", folder / "theme")
    (folder / "partnerships").mkdir()
    for path in BUNDLED.glob("*.yml") if partnership_files is None else partnership_files:
        shutil.copy(path, folder / "partnerships" / path.name)
    return folder


def build(project: Path, site_dir: Path | None = None) -> Path:
    return build_site(project / "site-config.yml", site_dir or project / "site").site_dir


def add_copies(project: Path, copies: int) -> None:
    """``copies`` more partnerships: the bundled ones again under new slugs and titles."""
    sources = sorted(BUNDLED.glob("*.yml"))
    for number in range(copies):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^title: (.*)$", rf"title: \1 {number}", text, count=1, flags=re.MULTILINE)
        (project / "partnerships" / f"{source.stem}-copy-{number}.yml").write_text(text, encoding="utf-8")
