"""The page ``escp serve`` shows while a partnership file is invalid: every problem, with file and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import jinja2

from generator.check.visible import visible
from generator.load import Problem
from generator.wording import count


def problems_page(theme_dirs: Sequence[str], problems: Sequence[tuple[Path, Problem]]) -> str:
    """A standalone HTML page (autoescaped; hidden characters made visible) listing ``problems``."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(list(theme_dirs)), autoescape=True)
    shown = [
        (visible(str(path)), replace(problem, field=visible(problem.field), message=visible(problem.message)))
        for path, problem in problems
    ]
    return env.get_template("escp/problems.html").render(problems=shown, count=count(len(problems), "problem"))
