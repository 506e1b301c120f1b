"""The README's first command, exactly as written, in a fresh copy of the repository, under a
Python that refuses system-wide installs (PEP 668, as Debian's and Ubuntu's own ``python3`` do)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT

SYSTEM_BIN = "/usr/bin"
SYSTEM_PYTHON = Path(SYSTEM_BIN) / "python3"
PROJECT_VERSION = re.search(r'^version = "(.+)"$', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)


def readme_commands() -> list[str]:
    """The commands of the README's first code block, without their comments."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None, "the README starts with a sh code block"
    return [re.sub(r"\s+#.*$", "", line) for line in block.group(1).splitlines()]


def fresh_clone(target: Path) -> Path:
    """The repository's tracked files as they are in the working tree, nothing else (no .venv, no site/)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
            (target / name).chmod(source.stat().st_mode)
    return target


def system_environment() -> dict[str, str]:
    """This process's environment with the system's Python first and no virtual environment active."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.pop("PIP_BREAK_SYSTEM_PACKAGES", None)
    env["PATH"] = f"{SYSTEM_BIN}:/bin"
    return env


def externally_managed() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = "import sys, sysconfig; print(sys.version_info >= (3, 11), sysconfig.get_path('stdlib'))"
    result = subprocess.run([str(SYSTEM_PYTHON), "-c", probe], capture_output=True, text=True, check=True)
    recent, stdlib = result.stdout.split()
    return recent == "True" and (Path(stdlib) / "EXTERNALLY-MANAGED").exists()


@pytest.mark.slow
def test_the_readme_first_command_works_where_system_wide_pip_is_refused(tmp_path):
    if not externally_managed():
        message = f"{SYSTEM_PYTHON} is not a Python >= 3.11 that refuses system-wide installs (PEP 668)"
        if IN_CI:
            pytest.fail(f"{message}: in CI this test must run")
        pytest.skip(message)
    clone = fresh_clone(tmp_path / "escp-directory")
    env = system_environment()

    refused = subprocess.run(
        ["python3", "-m", "pip", "install", "-e", "."], cwd=clone, env=env, capture_output=True, text=True, check=False
    )
    assert refused.returncode != 0
    assert "externally-managed-environment" in refused.stderr

    first = readme_commands()[0]
    result = subprocess.run(["bash", "-c", first], cwd=clone, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert (clone / "site" / "index.html").is_file()
    assert (clone / ".venv" / "bin" / "python").exists()
    ignore = ["git", "check-ignore", ".venv/", "site/"]
    ignored = subprocess.run(ignore, cwd=ROOT, capture_output=True, text=True, check=False)
    assert ignored.stdout.split() == [".venv/", "site/"], "the virtual environment and the site are git-ignored"

    version = subprocess.run(
        [str(clone / ".venv" / "bin" / "escp"), "--version"], capture_output=True, text=True, check=True
    )
    assert PROJECT_VERSION is not None
    assert version.stdout.strip() == f"escp {PROJECT_VERSION.group(1)}"


def test_scripts_test_uses_the_same_virtual_environment():
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in script
    assert "install -y -qq --no-install-recommends" in script
    assert "pip install" not in script.replace(".venv/bin/python -m pip install", "")
