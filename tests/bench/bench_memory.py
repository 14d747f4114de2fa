"""Benchmark: memory of the editor with the stress diagram open, against an empty one.

A fresh process (so nothing else inflates it) starts the editor with a new empty
project, paints it and reads its resident set size (VmRSS); then it opens the
stress-tier project file, paints it, lets the background connector routing finish
and reads it again. Verdict (issue 8): at most 150 MB more than the empty editor.
The peak (VmHWM) is reported too. `run(quick)` returns the rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import row

LIMIT_MB = 150.0
SETTLE_SECONDS = 20.0


def _status(field: str) -> float:
    """A /proc/self/status figure in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def probe(path: str) -> dict:
    """Run in the child: the editor empty, then with the project open."""
    import gc

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_editor import isolate, quiet_qt
    from PySide6.QtWidgets import QApplication

    from blueprint.ui.app import Workspace, application

    isolate(Path(tempfile.mkdtemp(prefix="bench-memory-")))
    application()
    quiet_qt()
    workspace = Workspace()
    empty = workspace.new_project()
    empty.grab()
    QApplication.processEvents()
    gc.collect()
    before = _status("VmRSS")
    started = time.perf_counter()
    window = workspace.open_path(path)
    assert window is not None
    window.grab()
    scene = window.current_scene()
    deadline = time.perf_counter() + SETTLE_SECONDS
    while not scene.routes_settled() and time.perf_counter() < deadline:
        QApplication.processEvents()
    settled = scene.routes_settled()
    window.grab()
    gc.collect()
    after = _status("VmRSS")
    return {
        "empty_mb": before,
        "open_mb": after,
        "peak_mb": _status("VmHWM"),
        "nodes": len(scene.document.nodes(scene.diagram_id)),
        "settled": settled,
        "seconds": time.perf_counter() - started,
    }


def run(quick: bool = False) -> list[dict]:
    from tiers import blueprint, tiers

    from blueprint.store import save_document

    tier = tiers(quick)["stress"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stress.blueprint"
        save_document(blueprint(tier)[0], path)
        done = subprocess.run(
            [sys.executable, __file__, "--probe", str(path)],
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    if done.returncode != 0:
        raise RuntimeError(f"memory probe failed:\n{done.stderr[-2000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    grown = found["open_mb"] - found["empty_mb"]
    return [
        row(
            f"memory: {tier.label} open vs an empty editor (MB)",
            found["open_mb"],
            found["empty_mb"],
            ratio=grown,
            ceiling=LIMIT_MB,
            ceiling_of=grown,
            unit="MB",
            limit=f"<= +{LIMIT_MB:g} MB",
            peak_mb=found["peak_mb"],
            routes_settled=found["settled"],
        )
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        print(json.dumps(probe(sys.argv[2])))
    else:
        for r in run(quick="--quick" in sys.argv):
            print(r)
