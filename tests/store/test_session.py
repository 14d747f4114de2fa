"""Edit sessions: locked file, working copy committed per edit, save, recovery."""

from __future__ import annotations

import getpass
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from blueprint.model import Node, new_id
from blueprint.model.factory import new_document
from blueprint.store import (
    EditSession,
    ProjectFileError,
    commit,
    default_data_dir,
    find_recoveries,
    load_document,
    locking,
    save_document,
)
from blueprint.store.session import lock_path_for

from .helpers import fingerprint, grid_document, sample_document, siblings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "files").mkdir()
    path = tmp_path / "files" / "hotel.blueprint"
    save_document(sample_document(), path)
    return path


def rows(db: Path, query: str) -> list[tuple]:
    """What another connection sees in a working copy (WAL: committed rows)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_every_edit_is_committed_to_the_working_copy_by_the_next_idle(project):
    before = fingerprint(project)
    with EditSession.open(project) as s:
        db = s.working_copy.db
        assert rows(db, "PRAGMA journal_mode") == [("wal",)]
        s.document.move_nodes({"n1": (700.0, 110.0)})
        s.flush()  # what the editor does whenever its event loop goes idle
        assert rows(db, "SELECT x FROM node WHERE id = 'n1'") == [(700.0,)]
        node = Node(new_id(), "d1", "l3", label="Deliver bags", y=250.0)
        s.document.add([node])
        s.flush()
        assert rows(db, f"SELECT label FROM node WHERE id = '{node.id}'") == [
            ("Deliver bags",)
        ]
        s.document.remove(["n2"])  # cascades to its edges and annotations
        s.flush()
        assert rows(db, "SELECT id FROM edge ORDER BY id") == [("e3",)]
        assert rows(db, "SELECT id FROM annotation ORDER BY id") == [("a2",), ("a4",)]
        assert fingerprint(project) == before  # only Save writes the user's file


def test_a_lone_edit_commits_at_once_and_a_burst_within_a_second(project, monkeypatch):
    import time

    from blueprint.store import session as session_module

    with EditSession.open(project) as s:
        db = s.working_copy.db
        time.sleep(session_module.QUIET_SECONDS)
        s.document.move_nodes({"n1": (700.0, 110.0)})  # alone: committed at once
        assert rows(db, "SELECT x FROM node WHERE id = 'n1'") == [(700.0,)]
        for x in range(710, 800, 10):  # a burst: grouped, not yet committed
            s.document.move_nodes({"n1": (float(x), 110.0)})
        assert rows(db, "SELECT x FROM node WHERE id = 'n1'") != [(790.0,)]
        monkeypatch.setattr(session_module, "GROUP_SECONDS", 0.0)
        s.document.move_nodes({"n1": (800.0, 110.0)})  # the group is old enough
        assert rows(db, "SELECT x FROM node WHERE id = 'n1'") == [(800.0,)]


def test_a_burst_writes_only_its_net_effect(project):
    with EditSession.open(project) as s:
        before = s._raw.total_changes
        for x in range(700, 800, 10):
            s.document.move_nodes({"n1": (float(x), 110.0)})
        inverse = s.document.remove(["n2"])
        s.document.apply(inverse)  # deleted and restored: the row never goes
        s.flush()
        assert s._raw.total_changes - before <= 2  # n1 moved (+ the first commit)
        assert rows(s.working_copy.db, "SELECT x FROM node WHERE id = 'n1'") == [
            (790.0,)
        ]


def test_an_edit_writes_only_the_rows_it_changed():
    counts = []
    for size in (100, 3000):
        with EditSession.create(grid_document(size, size * 3 // 2)) as s:
            touched: list[int] = []

            def count(e, touched=touched):
                touched.append(len(e.added) + len(e.updated) + len(e.removed))

            s.document.events.subscribe(count)
            before = s._raw.total_changes
            s.document.move_nodes({"n000050": (900.0, 100.0)})
            s.document.update("n000051", label="Renamed")
            s.flush()  # as the editor does when its event loop goes idle
            moved_and_renamed = s._raw.total_changes - before
            s.document.remove(["n000052"])  # with its connectors
            s.flush()
            assert s._raw.total_changes - before == sum(touched)
            counts.append(moved_and_renamed)
    assert counts == [2, 2]  # one row each, whatever the size of the project


def test_a_checkpoint_puts_the_unsaved_work_into_the_working_copy_file(
    project, tmp_path
):
    with EditSession.open(project) as s:
        s.document.set_project_info(title="Checkpointed")
        s.checkpoint()
        alone = tmp_path / "alone.blueprint"  # the database file without its log
        alone.write_bytes(s.working_copy.db.read_bytes())
        assert load_document(alone).project.title == "Checkpointed"
        assert load_document(project).project.title != "Checkpointed"


def test_removing_a_lane_keeps_the_nodes_moved_out_of_it(project):
    with EditSession.open(project) as s:
        s.document.remove_lane("l2", keep_nodes=True)
        s.save()
        assert load_document(project).state() == s.document.state()
        assert rows(s.working_copy.db, "SELECT count(*) FROM node")[0][0] == 5


def test_unsaved_changes_follow_the_document_through_undo_and_save(project):
    with EditSession.open(project) as s:
        assert not s.has_unsaved_changes
        undo = s.document.move_nodes({"n1": (650.0, 110.0)})
        assert s.has_unsaved_changes
        s.document.apply(undo)
        assert not s.has_unsaved_changes  # back to what the file holds
        s.document.set_project_info(title="Renamed")
        s.save()
        assert not s.has_unsaved_changes
        assert load_document(project).state() == s.document.state()
        assert project.read_bytes()[18:20] == b"\x01\x01"
        assert siblings(project) == {project.name, lock_path_for(project).name}
    assert siblings(project) == {project.name}  # lock and working copy gone


def test_a_second_session_is_read_only_and_names_the_holder(project):
    first = EditSession.open(project)
    try:
        second = EditSession.open(project)
        assert not first.read_only and first.lock_holder is None
        assert second.read_only
        me = f"{getpass.getuser()} on {socket.gethostname()} (process {os.getpid()})"
        assert second.lock_holder == me
        second.document.set_project_info(title="Mine")
        with pytest.raises(ProjectFileError, match=re.escape(f"editing by {me};")):
            second.save()
        copy = project.with_name("copy.blueprint")
        second.save_as(copy)  # a copy elsewhere is fine, and is then second's
        assert not second.read_only
        assert load_document(copy).project.title == "Mine"
        with pytest.raises(ProjectFileError, match="is open for editing by"):
            first.save_as(copy)
        second.close()
    finally:
        first.close()
    with EditSession.open(project) as third:
        assert not third.read_only


def test_a_stale_lock_of_a_dead_process_is_taken_over(project):
    lock = lock_path_for(project)
    dead = {"user": "bo", "host": socket.gethostname(), "pid": 999999, "since": ""}
    lock.write_text(json.dumps(dead))
    with EditSession.open(project) as s:
        assert not s.read_only
        assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert not lock.exists()


def test_a_lock_held_on_another_machine_is_respected(project):
    lock = lock_path_for(project)
    remote = {"user": "bo", "host": "elsewhere", "pid": 1, "since": ""}
    lock.write_text(json.dumps(remote))
    with EditSession.open(project) as s:
        assert s.read_only and s.lock_holder == "bo on elsewhere (process 1)"


def test_new_project_is_saved_with_save_as(tmp_path):
    doc = new_document("Fresh")
    with EditSession.create(doc) as s:
        assert s.path is None and s.has_unsaved_changes
        with pytest.raises(ProjectFileError, match="choose a file with Save As"):
            s.save()
        target = tmp_path / "fresh.blueprint"
        s.save_as(target)
        assert s.path == target and not s.has_unsaved_changes
        assert load_document(target).state() == doc.state()
        assert locking.holder_of(lock_path_for(target)) is not None


def test_save_as_moves_the_lock(project):
    with EditSession.open(project) as s:
        other = project.with_name("other.blueprint")
        s.save_as(other)
        assert locking.holder_of(lock_path_for(project)) is None
        assert locking.holder_of(lock_path_for(other)) is not None


def test_a_failed_commit_is_repaired_on_save(project, monkeypatch):
    with EditSession.open(project) as s:

        def fail(conn, event):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr("blueprint.store.session.write_change", fail)
        s.document.move_nodes({"n1": (800.0, 110.0)})  # no exception reaches here
        monkeypatch.setattr("blueprint.store.session.write_change", commit.write_change)
        assert s.has_unsaved_changes
        s.save()
        assert load_document(project).get("n1").x == 800.0


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_read_only_files_and_folders_open_read_only(project):
    os.chmod(project, 0o444)
    with EditSession.open(project) as s:
        assert s.read_only and s.read_only_reason == "the file is read-only"
    os.chmod(project, 0o644)
    os.chmod(project.parent, 0o555)
    try:
        with EditSession.open(project) as s:
            assert s.read_only and "no lock can be made" in s.read_only_reason
    finally:
        os.chmod(project.parent, 0o755)


def test_a_file_we_may_not_write_opens_read_only(project, monkeypatch):
    # (as root the permission bits do not stop writes, so ask os.access directly)
    monkeypatch.setattr("blueprint.store.session.os.access", lambda p, mode: False)
    with EditSession.open(project) as s:
        assert s.read_only and s.read_only_reason == "the file is read-only"
        with pytest.raises(ProjectFileError, match="the file is read-only; save a"):
            s.save()


def test_the_data_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "explicit"))
    assert default_data_dir() == tmp_path / "explicit"
    monkeypatch.delenv("BLUEPRINT_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "blueprint"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "blueprint"


def test_an_unusable_data_folder_is_a_clean_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(blocker))
    with pytest.raises(ProjectFileError, match="cannot hold working copies"):
        EditSession.create(new_document())


# -- recovery -----------------------------------------------------------------------


def crash(session: EditSession) -> None:
    """What the death of the owner process leaves: files, no locks."""
    session._unsubscribe()
    session._sa.close()
    session._raw.close()
    if session._file_lock is not None:
        session._file_lock.release()
    session._working_lock.release()


def test_unsaved_work_of_a_dead_session_is_recovered(project, data_dir):
    s = EditSession.open(project)
    s.document.set_project_info(title="After the crash")
    s.document.move_nodes({"n3": (900.0, 250.0)})
    s.flush()  # the editor went idle after the gesture
    expected = s.document.state()
    crash(s)
    found = find_recoveries()
    assert len(found) == 1
    r = found[0]
    assert r.original == project and r.title == "After the crash"
    assert r.working_copy.parent == data_dir / "working"
    restored = r.restore()
    try:
        assert restored.document.state() == expected
        assert restored.path == project and not restored.read_only
        assert restored.has_unsaved_changes
        assert find_recoveries() == []  # the live session is not offered again
        restored.save()
    finally:
        restored.close()
    assert load_document(project).state() == expected
    assert list((data_dir / "working").iterdir()) == []


def test_work_is_recovered_when_its_file_was_deleted_meanwhile(project):
    s = EditSession.open(project)
    s.document.set_project_info(title="Orphaned")
    crash(s)
    project.unlink()
    with find_recoveries()[0].restore() as restored:
        assert not restored.read_only and restored.has_unsaved_changes
        restored.save()
    assert load_document(project).project.title == "Orphaned"


def test_recovery_can_be_discarded_and_clean_orphans_disappear(project, data_dir):
    dirty = EditSession.open(project)
    dirty.document.set_project_info(title="Discard me")
    crash(dirty)
    clean = EditSession.create(new_document("Saved"))
    clean.save_as(project.with_name("saved.blueprint"))
    crash(clean)
    live = EditSession.create(new_document("Alive"))
    try:
        found = find_recoveries()
        assert [r.title for r in found] == ["Discard me"]
        found[0].discard()
        assert find_recoveries() == []
        assert [p.suffix for p in (data_dir / "working").iterdir()].count(
            ".blueprint"
        ) == 1
    finally:
        live.close()


def test_a_killed_editor_leaves_a_recoverable_working_copy(project, data_dir):
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from blueprint.store import EditSession
        s = EditSession.open({str(project)!r})
        s.document.set_project_info(title="Killed mid-edit")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "BLUEPRINT_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-c", script], env=env, timeout=60)
    assert result.returncode == -9
    found = find_recoveries()
    assert [r.title for r in found] == ["Killed mid-edit"]
    with found[0].restore() as s:  # the dead process's lock is stale: ours now
        assert not s.read_only
        assert s.document.project.title == "Killed mid-edit"


def test_a_program_ending_without_close_frees_the_file(project, data_dir):
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from blueprint.store import EditSession
        kept = EditSession.open({str(project)!r})
        kept.document.set_project_info(title="Never closed")
        """
    )
    env = {**os.environ, "BLUEPRINT_DATA_DIR": str(data_dir)}
    subprocess.run([sys.executable, "-c", script], env=env, timeout=60, check=True)
    assert not lock_path_for(project).exists()
    assert [r.title for r in find_recoveries()] == ["Never closed"]
