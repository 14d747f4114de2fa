"""A headless run that copied steps ends cleanly (Qt's offscreen clipboard used to
free the copied data twice at exit: a segmentation fault after all the work)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
sys.path.insert(0, {here!r})
from sample import hotel
from blueprint.ui.canvas import DiagramScene

app = QApplication([])
doc, diagram_id = hotel()
scene = DiagramScene(doc, diagram_id, QUndoStack())
scene.select_ids([n.id for n in doc.nodes(diagram_id)][:3])
assert scene.copy_selection(), "nothing was copied"
print("copied")
"""


def test_a_headless_run_that_copied_exits_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(here=str(Path(__file__).parent))],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip() == "copied", done.stderr
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
