"""packaging/install-desktop puts Blueprint on a user's desktop and takes it off."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .desktop_files import APP_ID, PACKAGING, PNG_SIZES, desktop_entry

SCRIPT = PACKAGING / "install-desktop"


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in `blueprint` in a folder whose name needs quoting in Exec."""
    path = tmp_path / "My Apps" / "blueprint"
    path.parent.mkdir()
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_install_and_uninstall(tmp_path: Path, program: Path):
    home = tmp_path / "home"
    result = _run(home, "--exec", str(program))
    assert result.returncode == 0, result.stderr
    share = home / "share"
    entry = desktop_entry(share / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == f'"{program}" %f'
    assert entry["TryExec"] == str(program)
    assert entry["MimeType"] == "application/x-blueprint;"
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in PNG_SIZES:
        assert (share / "icons/hicolor" / f"{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()

    result = _run(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    left = [p for p in share.rglob("*") if APP_ID in p.name]
    assert left == []


def test_refuses_a_program_that_does_not_exist(tmp_path: Path):
    result = _run(tmp_path, "--exec", str(tmp_path / "nowhere" / "blueprint"))
    assert result.returncode == 1
    assert result.stderr.startswith("install-desktop: error: ")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "share" / "applications").exists()


def test_refuses_a_path_the_exec_key_cannot_carry(tmp_path: Path):
    odd = tmp_path / "a$b" / "blueprint"
    odd.parent.mkdir()
    odd.write_text("#!/bin/sh\n")
    odd.chmod(0o755)
    result = _run(tmp_path, "--exec", str(odd))
    assert result.returncode == 1
    assert "cannot be used in a menu entry" in result.stderr


def test_installed_type_recognises_projects_by_content(tmp_path: Path, program: Path):
    """Qt's MIME database (what the desktop uses too) reads the installed type: a
    project renamed without its extension is still a Blueprint project, and another
    program's SQLite file is not one."""
    from blueprint.store.schema import APPLICATION_ID

    home = tmp_path / "home"
    assert _run(home, "--exec", str(program)).returncode == 0
    for name, app_id in (("project", APPLICATION_ID), ("other.db", 0)):
        with sqlite3.connect(tmp_path / name) as conn:
            conn.execute(f"PRAGMA application_id = {app_id}")
            conn.execute("CREATE TABLE t (x)")
        conn.close()
    probe = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QCoreApplication, QMimeDatabase
        app = QCoreApplication([])
        db, mode = QMimeDatabase(), QMimeDatabase.MatchMode
        for path in sys.argv[1:]:
            print(db.mimeTypeForFile(path, mode.MatchContent).name())
        print(db.mimeTypeForFile("x.blueprint", mode.MatchExtension).name())
        """
    )
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    env["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            str(tmp_path / "project"),
            str(tmp_path / "other.db"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "application/x-blueprint",
        "application/vnd.sqlite3",
        "application/x-blueprint",
    ]
