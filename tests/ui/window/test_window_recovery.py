"""Crash recovery: an editor killed with unsaved work, and the next start's offer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from blueprint.model.factory import new_document
from blueprint.store import EditSession, find_recoveries
from blueprint.ui.dialogs.recovery import RecoveryDialog

ROOT = Path(__file__).resolve().parents[3]

# A real editor: opens FILE and starts a new project, edits both, says so, waits.
EDITOR = """
import sys
from blueprint.ui.app import Workspace, application
app = application()
ws = Workspace()
saved = ws.open_path(sys.argv[1])
saved.add_node("action")
fresh = ws.new_project()
fresh.add_node("decision")
fresh.add_node("note")
app.processEvents()  # the event loop turns once, as in any running editor
print("edited", flush=True)
sys.stdin.read()  # until killed
"""


@pytest.fixture
def crashed_editor(tmp_path) -> Path:
    """A saved project plus an untitled one, both edited by an editor killed -9."""
    path = tmp_path / "hotel.blueprint"
    with EditSession.create(new_document("Hotel stay")) as session:
        session.save_as(path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "child-config"),
        "PYTHONPATH": str(ROOT),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "edited"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return path


def test_the_next_start_restores_unsaved_work_without_touching_the_file(
    qtbot, workspace, prompts, crashed_editor
):
    path = crashed_editor
    before = path.read_bytes()
    windows = workspace.offer_recovery()
    assert len(prompts.offered) == 1 and len(prompts.offered[0]) == 2
    assert len(windows) == 2
    by_path = {w.session.path: w for w in windows}
    restored, untitled = by_path[str(path)], by_path[None]

    assert path.read_bytes() == before  # never silently overwritten
    for window, kinds in ((restored, ["action"]), (untitled, ["decision", "note"])):
        session = window.session
        assert session.recovered and session.is_dirty
        assert window.isWindowModified()
        assert window.state_label.text() == "Recovered, not saved"
        nodes = session.document.nodes(session.document.diagrams()[0].id)
        assert sorted(n.kind for n in nodes) == kinds
        # no undo leads back to a "saved" state that the file does not hold
        assert not session.undo_stack.canUndo()

    assert restored.save()
    assert path.read_bytes() != before
    assert not restored.isWindowModified()
    prompts.save_paths.append(str(path.with_name("untitled.blueprint")))
    assert untitled.save()
    assert find_recoveries() == []


def test_recoveries_can_wait_for_later_or_be_discarded(
    qtbot, workspace, prompts, crashed_editor
):
    prompts.recovery_action = "keep"
    assert workspace.offer_recovery() == []
    assert len(find_recoveries()) == 2  # still there at the next start
    prompts.recovery_action = "discard"
    assert workspace.offer_recovery() == []
    assert find_recoveries() == []
    assert workspace.offer_recovery() == []
    assert len(prompts.offered) == 2  # nothing left to offer the third time


@dataclass(frozen=True)
class _Found:
    original: Path | None
    title: str
    modified: datetime


def test_the_recovery_dialog_lists_and_decides(qtbot):
    found = [
        _Found(Path("/projects/hotel.blueprint"), "Hotel", datetime(2025, 3, 1, 9, 30)),
        _Found(None, "Sketch", datetime(2025, 3, 2, 10, 0)),
    ]
    dialog = RecoveryDialog(None, found)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    text = dialog.list.item(0).text()
    assert "Hotel" in text and "/projects/hotel.blueprint" in text
    assert "2025-03-01 09:30" in text
    assert "never saved" in dialog.list.item(1).text()
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    (restore_button,) = [
        b for b in dialog.findChildren(QPushButton) if b.text() == "&Restore"
    ]
    qtbot.mouseClick(restore_button, Qt.MouseButton.LeftButton)
    assert dialog.decisions() == [(found[0], "restore"), (found[1], "keep")]
