"""The built application and the pip-installed package, end to end.

Too slow for the main suite (about two minutes with a warm pip cache; the first run
downloads PyInstaller and the dependencies from PyPI), so it runs only when asked:

    BLUEPRINT_TEST_BUNDLE=1 .venv/bin/python -m pytest tests/packaging/test_bundle.py

It builds the bundle with packaging/build and runs packaging/smoke on it (with
BLUEPRINT_BUNDLE_DIR=DIR it smokes that bundle instead of building), and installs
this tree with `pip install` (not editable) into a fresh venv and runs it there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .desktop_files import PACKAGING, ROOT

pytestmark = pytest.mark.skipif(
    os.environ.get("BLUEPRINT_TEST_BUNDLE") != "1",
    reason="slow: set BLUEPRINT_TEST_BUNDLE=1 to build and smoke-test the bundle",
)


def test_built_bundle_passes_the_smoke_test():
    bundle = os.environ.get("BLUEPRINT_BUNDLE_DIR")
    if not bundle:
        build = subprocess.run(
            [str(PACKAGING / "build")], capture_output=True, text=True, timeout=1800
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
        bundle = str(PACKAGING / "dist" / "blueprint")
    smoke = subprocess.run(
        [str(PACKAGING / "smoke"), bundle], capture_output=True, text=True, timeout=600
    )
    print(smoke.stdout)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert " 0 failed" in smoke.stdout.splitlines()[-1]


def _copy_tree(target: Path) -> None:
    skip = {".git", ".venv", ".hypothesis", ".ruff_cache", "build", "dist", ".build"}
    shutil.copytree(
        ROOT,
        target,
        ignore=lambda folder, names: [
            n
            for n in names
            if n in skip or n == "__pycache__" or n.endswith(".egg-info")
        ],
    )


def test_pip_install_gives_a_working_command_with_its_resources(tmp_path: Path):
    source, venv, work = tmp_path / "src", tmp_path / "venv", tmp_path / "work"
    _copy_tree(source)
    work.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
         str(source)],
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert pip.returncode == 0, pip.stderr[-3000:]
    shutil.rmtree(source)  # nothing may lean on the tree it was installed from
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def run(*args: str) -> str:
        result = subprocess.run(
            args, cwd=work, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
        return result.stdout

    blueprint, python = str(venv / "bin" / "blueprint"), str(venv / "bin" / "python")
    assert run(blueprint, "--version").strip().startswith("blueprint ")
    assert run(python, "-m", "blueprint", "--version") == run(blueprint, "--version")
    template = run(blueprint, "templates").split("\t")[0]
    run(blueprint, "new", "p.blueprint", "--template", template)
    run(blueprint, "report", "p.blueprint", "-o", "p.pdf")
    assert (work / "p.pdf").read_bytes().startswith(b"%PDF-")
    probe = "from blueprint.resources import resource_dir; print(resource_dir())"
    resources = Path(run(python, "-c", probe).strip())
    assert resources.is_relative_to(venv), resources
    for part in ("fonts", "examples", "icons", "app"):
        assert (resources / part).is_dir(), part
