"""The README's commands work as written."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks():
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_readme_starts_with_the_two_commands():
    first, second = _blocks()[:2]
    assert first.strip().startswith("python3 -m venv .venv")
    assert first.strip().endswith(".venv/bin/blueprint")
    assert "pytest" in second
    assert README.index(first) < README.index("## ")


def test_ci_runs_the_readme_test_command_exactly():
    test_command = _blocks()[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def _inline_commands():
    return [
        c
        for c in re.findall(r"`(blueprint [^`]+)`", README)
        if "FILE" not in c and "x." not in c
    ]


def test_tour_commands_run(tmp_path):
    commands = _inline_commands()
    assert any(c.startswith("blueprint new") for c in commands)
    assert any(c.startswith("blueprint report") for c in commands)
    env = dict(os.environ, BLUEPRINT_DATA_DIR=str(tmp_path / "data"))
    for command in commands:
        args = shlex.split(command)[1:]
        if len(args) == 1 and args[0].endswith(".blueprint"):
            args += ["--screenshot", "shot.png"]  # the editor, rendered and closed
        result = subprocess.run(
            [sys.executable, "-m", "blueprint", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, f"{command}: {result.stderr}"
    assert (tmp_path / "visit.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "shot.png").exists()


def test_readme_screenshot_exists():
    for image in re.findall(r"\]\((resources/[^)]+\.png)\)", README):
        assert (ROOT / image).is_file(), image
