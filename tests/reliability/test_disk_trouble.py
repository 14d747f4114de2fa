"""A full disk, read-only files and folders, a missing folder: Save, Save As, JSON,
draw.io and the report each fail with one clear line, leave the target and the
document as they were and no temporary files behind, and the work can still be
saved elsewhere. Run in a child process (trouble.py); as root, the child drops its
capabilities so that permission bits hold for it as for any user.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.interop.drawio import export_drawio
from blueprint.report import write_report
from blueprint.store import save_document, write_json
from tests.store.helpers import grid_document

RUNNER = Path(__file__).with_name("trouble.py")
OPERATIONS = ["json", "drawio", "report", "save", "save_as"]
ROOT = os.geteuid() == 0


def _drop_capabilities() -> None:  # in the child, before exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in range(64):
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP


def run_trouble(
    project: Path,
    target: Path,
    spare: Path,
    folder: Path,
    *,
    fsize: int | None = None,
    drop: bool = False,
) -> dict[str, dict]:
    """Every operation on project, writing into target, in a runner process;
    its results by operation (their errors are printed for the test's log)."""
    spec = {
        "project": str(project),
        "target": str(target),
        "spare": str(spare),
        "fsize": fsize,
    }
    path = folder / "spec.json"
    path.write_text(json.dumps(spec))
    done = subprocess.run(
        [sys.executable, str(RUNNER), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_drop_capabilities if drop and ROOT else None,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = {r["operation"]: r for r in json.loads(done.stdout.splitlines()[-1])}
    print({k: v["error"] for k, v in results.items()})
    return results


def project_files(folder: Path) -> Path:
    """A project and an older version of every output, in folder."""
    doc = grid_document(120, 180)  # every output is far over 40 KB
    doc.set_project_info(title="Troubled project")
    folder.mkdir(parents=True, exist_ok=True)
    project = folder / "project.blueprint"
    save_document(doc, project)
    old = grid_document(5, 4)
    save_document(old, folder / "copy.blueprint")
    write_json(old, folder / "project.json")
    export_drawio(old, folder / "project.drawio")
    write_report(old, folder / "report.pdf")
    return project


def assert_refused_cleanly(results: dict[str, dict], operations=OPERATIONS) -> None:
    for name in operations:
        r = results[name]
        assert r["error"], f"{name} succeeded: {r}"
        assert not r["error"].startswith("TRACEBACK"), r["error"]
        assert r["one_line"], f"{name}: {r['error']!r}"
        assert r["target_unchanged"], f"{name} changed {r['target']}"
        assert r["left_behind"] == [], f"{name} left {r['left_behind']}"
        assert r["document_unchanged"], name
        if name in ("save", "save_as"):
            assert r["unsaved_kept"] and r["usable_after"] is True, r


@pytest.fixture
def spare(tmp_path) -> Path:
    folder = tmp_path / "spare"
    folder.mkdir()
    return folder


def test_a_full_disk(tmp_path, spare):
    target = tmp_path / "full"
    project = project_files(target)
    results = run_trouble(project, target, spare, tmp_path, fsize=40_000)
    assert_refused_cleanly(results)


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str):
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("no tmpfs can be mounted here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.skipif(not ROOT or not shutil.which("mount"), reason="mounting needs root")
def test_a_really_full_file_system(tmp_path, spare):
    with small_tmpfs(tmp_path / "mnt", "1m") as mnt:
        project = project_files(mnt)
        free = shutil.disk_usage(mnt).free
        (mnt / "filler").write_bytes(b"\0" * max(0, free - 30_000))
        assert shutil.disk_usage(mnt).free < 40_000
        results = run_trouble(project, mnt, spare, tmp_path)
        assert_refused_cleanly(results)
        assert "disk is full" in results["save_as"]["error"]
        assert "No space left" in results["json"]["error"]


def test_read_only_files(tmp_path, spare):
    target = tmp_path / "locked"
    project = project_files(target)
    for p in target.iterdir():
        p.chmod(0o444)
    try:
        results = run_trouble(project, target, spare, tmp_path, drop=True)
    finally:
        for p in target.iterdir():
            p.chmod(0o644)
    assert results["save"]["read_only_session"]
    assert "read-only" in results["save"]["error"]
    assert_refused_cleanly(results)


def test_a_read_only_folder(tmp_path, spare):
    target = tmp_path / "shut"
    project = project_files(target)
    target.chmod(0o555)
    try:
        results = run_trouble(project, target, spare, tmp_path, drop=True)
    finally:
        target.chmod(0o755)
    assert results["save"]["read_only_session"]
    assert_refused_cleanly(results)


def test_a_missing_output_folder(tmp_path, spare):
    project = project_files(tmp_path / "here")
    results = run_trouble(project, tmp_path / "gone" / "away", spare, tmp_path)
    assert results["save"]["error"] is None  # its own folder is fine
    assert_refused_cleanly(results, ["json", "drawio", "report", "save_as"])
    assert not (tmp_path / "gone").exists()


@contextlib.contextmanager
def full_disk(limit: int):
    """This process may not write files beyond `limit` bytes (RLIMIT_FSIZE)."""
    import resource
    import signal

    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


def test_the_editor_stays_usable_after_failed_saves(
    qtbot, workspace, prompts, tmp_path
):
    folder = tmp_path / "work"
    project = project_files(folder)
    window = workspace.open_path(str(project))
    assert window is not None
    qtbot.waitExposed(window)
    doc = window.session.document
    diagram = window.current_diagram_id()
    node = doc.nodes(diagram)[0]
    window.session.update(node.id, "Rename", label="Renamed before a full disk")
    state, names = doc.state(), {p.name for p in folder.iterdir()}
    before = project.read_bytes()

    with full_disk(40_000):
        assert window.save() is False
    prompts.save_paths.append(str(tmp_path / "gone" / "copy.blueprint"))
    assert window.save_as() is False  # a folder that does not exist

    assert len(prompts.errors) == 2
    assert all("\n" not in e and "could not be saved" in e for e in prompts.errors)
    assert project.read_bytes() == before and doc.state() == state
    assert {p.name for p in folder.iterdir()} == names  # no temporary files
    assert window.session.is_dirty and window.isWindowModified()
    # still an editor: edit, undo, and save once the disk has room again
    window.session.update(node.id, "Rename", label="Renamed after")
    window.session.undo_stack.undo()
    assert doc.state() == state
    assert window.save() is True
    assert not window.session.is_dirty
    assert project.read_bytes() != before
