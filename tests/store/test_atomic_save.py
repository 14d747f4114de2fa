"""Saving is atomic: processes killed at random moments during saves never leave a
damaged or mixed file. BLUEPRINT_LONG=1 runs ten times as many kills."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueprint.store import check_file, find_recoveries, load_document, save_document

from .helpers import grid_document

KILLS = 150 if os.environ.get("BLUEPRINT_LONG") else 15  # per mode
SIZE = 600  # nodes: a save takes tens of milliseconds, several fit in a round
HELPER = Path(__file__).with_name("save_loop.py")
TITLE = re.compile(r"round (\d+) save (\d+)")


def check_consistent(path: Path) -> str:
    """The file is complete, passes integrity_check, and is one saved state."""
    report = check_file(path)  # PRAGMA integrity_check and the model's checks
    assert report.ok, report.problems
    assert report.counts["nodes"] == SIZE
    doc = load_document(path)
    title = doc.project.title
    if title != "initial":
        match = TITLE.fullmatch(title)
        assert match, title
        # title and position were saved together: never one without the other
        assert doc.get("n000001").x == float(match.group(2))
    assert not path.with_name(path.name + "-journal").exists()
    assert not path.with_name(path.name + "-wal").exists()
    return title


@pytest.mark.parametrize("mode", ["document", "session"])
def test_saves_killed_at_random_moments_leave_a_whole_file(mode, tmp_path, data_dir):
    path = tmp_path / "project.blueprint"
    doc = grid_document(SIZE, SIZE * 3 // 2)
    doc.set_project_info(title="initial")
    save_document(doc, path)
    env = {**os.environ, "BLUEPRINT_DATA_DIR": str(data_dir)}
    helper = subprocess.Popen(
        [sys.executable, str(HELPER), mode, str(path), str(SIZE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    rng = random.Random(1234)
    titles = set()
    try:
        assert helper.stdout.readline() == "ready\n"
        for round_ in range(KILLS):
            helper.stdin.write(f"{round_}\n")
            helper.stdin.flush()
            pid = int(helper.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            status = helper.stdout.readline()
            assert status == f"status {signal.SIGKILL}\n", f"saver died: {status}"
            titles.add(check_consistent(path))
    finally:
        helper.stdin.close()
        helper.wait(timeout=30)
    # the kills landed between and inside saves, not only before the first one
    assert len(titles) > KILLS // 2, titles
    if mode == "session":
        # each killed editor left its unsaved work for recovery, intact
        found = find_recoveries()
        assert found
        with found[0].restore() as s:
            assert TITLE.fullmatch(s.document.project.title)
