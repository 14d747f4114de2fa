"""Two editors on one file, as separate processes: the second is read-only and
told who holds the file; racing openers get exactly one writer; the lock of a
killed editor is stale and taken over, and its unsaved work is offered back.

The store and window tests cover a second session in the same process; here the
holders are real other processes.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from blueprint.store import EditSession, find_recoveries, load_document, save_document
from blueprint.store.session import lock_path_for
from tests.store.helpers import sample_document

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from blueprint.store import EditSession
    session = EditSession.open(sys.argv[1])
    if session.read_only:
        print("read-only", session.lock_holder, flush=True)
    else:
        session.document.set_project_info(title="Unsaved title of the first editor")
        print("holding", flush=True)
    sys.stdin.read()  # until told to stop, or killed
    session.close()
    """
)

RACER = textwrap.dedent(
    """
    import sys
    from blueprint.store import EditSession
    sys.stdin.readline()  # everyone starts together
    session = EditSession.open(sys.argv[1])
    print("read-only" if session.read_only else "writer", session.lock_holder,
          flush=True)
    sys.stdin.read()
    session.close()
    """
)


def start(script: str, path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def me_as(pid: int) -> str:
    return f"{getpass.getuser()} on {socket.gethostname()} (process {pid})"


@pytest.fixture
def project(tmp_path) -> Path:
    path = tmp_path / "shared.blueprint"
    save_document(sample_document(), path)
    return path


@pytest.fixture
def holder(project):
    child = start(HOLDER, project)
    assert child.stdout.readline() == "holding\n"
    yield child
    if child.poll() is None:
        child.stdin.close()
        child.wait(timeout=30)


def test_the_second_editor_is_read_only_and_names_the_holder(
    qtbot, workspace, holder, project
):
    with EditSession.open(project) as second:
        assert second.read_only and second.lock_holder == me_as(holder.pid)
    window = workspace.open_path(str(project))
    assert window is not None and window.session.read_only
    assert window.session.lock_holder == me_as(holder.pid)
    assert "(read-only)" in window.windowTitle()
    assert window.banner.isVisibleTo(window)
    assert f"process {holder.pid}" in window._banner_text.text()
    # the holder's file is untouched by the reader
    assert load_document(project).state() == sample_document().state()


def test_racing_editors_get_exactly_one_writer(project):
    racers = [start(RACER, project) for _ in range(4)]
    try:
        for r in racers:
            r.stdin.write("go\n")
            r.stdin.flush()
        answers = [r.stdout.readline().split(" ", 1) for r in racers]
    finally:
        for r in racers:
            r.stdin.close()
            r.wait(timeout=30)
    writers = [i for i, (kind, _) in enumerate(answers) if kind == "writer"]
    assert len(writers) == 1, answers
    winner = me_as(racers[writers[0]].pid)
    for i, (kind, who) in enumerate(answers):
        if i not in writers:
            assert kind == "read-only" and who.strip() == winner, answers


def test_a_killed_editors_lock_is_stale_and_its_work_comes_back(
    holder, project, isolated
):
    lock = lock_path_for(project)
    assert lock.exists()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    assert lock.exists()  # a dead process cannot clean up: the lock is stale
    with EditSession.open(project) as session:
        assert not session.read_only and session.lock_holder is None
        assert json.loads(lock.read_text())["pid"] == os.getpid()  # taken over
    (found,) = find_recoveries(isolated)
    assert found.original == project
    with found.restore() as restored:
        assert restored.document.project.title == "Unsaved title of the first editor"
        assert not restored.read_only
    assert load_document(project).state() == sample_document().state()
