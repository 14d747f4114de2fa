"""Files are untrusted: every bad file is refused with one line, and left untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from blueprint.store import (
    EditSession,
    ProjectFileError,
    check_file,
    load_document,
    save_document,
)
from blueprint.store.sqlitefile import open_memory

from .helpers import fingerprint, sample_document, siblings, sql


@pytest.fixture
def valid(tmp_path) -> Path:
    path = tmp_path / "p.blueprint"
    save_document(sample_document(), path)
    return path


def refused(path: Path, reason: str, data_dir: Path | None = None) -> ProjectFileError:
    """Every way in refuses the file with `reason`, leaving it byte-for-byte as it
    was and adding nothing beside it."""
    before, names = fingerprint(path), siblings(path)
    for open_it in (load_document, lambda p: EditSession.open(p, data_dir)):
        with pytest.raises(ProjectFileError) as info:
            open_it(path)
        message = str(info.value)
        assert message == f"{path}: {info.value.reason}"
        assert "\n" not in message
        assert reason in info.value.reason, message
    report = check_file(path)
    assert not report.ok and report.problems
    assert fingerprint(path) == before
    assert siblings(path) == names
    return info.value


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.blueprint"
    path.write_text("hello, these are notes\n" * 20)
    refused(path, "is not a Blueprint project (not an SQLite database)")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.blueprint"
    path.write_bytes(b"")
    refused(path, "is empty")


@pytest.mark.parametrize("keep", [10, 99, 4096, 20000])
def test_truncated_file(valid, keep):
    valid.write_bytes(valid.read_bytes()[:keep])
    refused(valid, "is truncated")


def test_appended_garbage(valid):
    valid.write_bytes(valid.read_bytes() + b"\x00garbage" * 100)
    refused(valid, "unexpected bytes at the end")


def test_another_programs_database(valid):
    sql(valid, "PRAGMA application_id = 305419896")
    refused(valid, "is another program's SQLite database (application id 0x12345678)")


def test_a_plain_sqlite_database(tmp_path):
    path = tmp_path / "plain.db"
    sql(path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
    refused(path, "is an SQLite database, not a Blueprint project")


def test_newer_version(valid):
    sql(valid, "PRAGMA user_version = 2")
    refused(valid, "was saved by a newer Blueprint (file version 2; this version")


def test_unknown_older_version(valid):
    sql(valid, "PRAGMA user_version = 0")
    refused(valid, "has an unknown file version 0")


def test_damaged_page(valid):
    data = bytearray(valid.read_bytes())
    page = 4096
    data[3 * page + 8 : 3 * page + 200] = b"\xff" * 192  # inside a b-tree page
    valid.write_bytes(bytes(data))
    refused(valid, "damaged")


@pytest.mark.parametrize(
    "statement, reason",
    [
        (
            "CREATE TRIGGER wipe AFTER UPDATE ON node BEGIN DELETE FROM edge; END",
            "contains triggers or views, which project files never have (wipe)",
        ),
        ("CREATE VIEW v AS SELECT * FROM node", "contains triggers or views"),
        ("CREATE TABLE extra (x)", "has an unexpected database schema (table extra)"),
        ("CREATE INDEX nx ON node (label)", "unexpected database schema (index nx)"),
        (
            "DROP INDEX node_lane_id",
            "is missing parts of its schema (index node_lane_id)",
        ),
    ],
)
def test_unexpected_schema(valid, statement, reason):
    sql(valid, statement)
    refused(valid, reason)


def test_a_table_redefined_with_the_same_name(valid):
    sql(
        valid,
        "DROP TABLE stage",
        "CREATE TABLE stage (id TEXT PRIMARY KEY, diagram_id TEXT, name TEXT,"
        " width FLOAT, position INTEGER DEFAULT (random()))",
    )
    refused(valid, "unexpected database schema (table stage)")


def test_text_that_is_not_utf8(valid):
    sql(valid, "UPDATE node SET label = CAST(X'4142C328FF' AS TEXT) WHERE id = 'n1'")
    refused(valid, "contains text that is not valid UTF-8 (column label)")


@pytest.mark.parametrize(
    "statement, reason",
    [
        ("UPDATE node SET x = 'far away' WHERE id = 'n1'", "node.x: must be a number"),
        ("UPDATE node SET label = '' WHERE id = 'n1'", "node.label: must not be empty"),
        ("UPDATE node SET fail_point = 2 WHERE id = 'n1'", "CHECK constraint failed"),
        ("UPDATE node SET kind = 'spaceship' WHERE id = 'n1'", "node.kind: unknown"),
        ("UPDATE edge SET waypoints = '[[1, 2' WHERE id = 'e1'", "is not valid JSON"),
        (
            "UPDATE annotation SET gap = 6 WHERE id = 'a1'",
            "gap.gap: must be from 1 to 5",
        ),
        ("UPDATE annotation SET kind = 'poem' WHERE id = 'a4'", "CHECK constraint"),
        ("UPDATE node SET duration = -1 WHERE id = 'n2'", "node.duration: must be at"),
        ("UPDATE project SET logo = X'00010203'", "project.logo"),
        ("DELETE FROM project", "has no project information"),
        ("UPDATE node SET lane_id = 'g0' WHERE id = 'n1'", "in another diagram"),
    ],
)
def test_invalid_values_are_refused_by_the_model(valid, statement, reason):
    conn = sqlite3.connect(valid)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")  # a hostile writer would
    conn.execute(statement)
    conn.commit()
    conn.close()
    refused(valid, reason)


def test_a_journal_beside_the_file_means_someone_is_writing(valid):
    journal = valid.with_name(valid.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
    refused(
        valid, "is being changed by another program (p.blueprint-journal beside it)"
    )


def test_folders_and_missing_files(tmp_path):
    folder = tmp_path / "folder.blueprint"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match="is a folder"):
        load_document(folder)
    with pytest.raises(ProjectFileError, match="no such file"):
        EditSession.open(tmp_path / "missing.blueprint")
    assert check_file(tmp_path / "missing.blueprint").problems == ["no such file"]


def test_a_wal_mode_file_without_its_log_opens(valid):
    conn = sqlite3.connect(valid)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # checkpointed and the log removed; the header still says WAL
    assert valid.read_bytes()[18] == 2
    assert load_document(valid).state() == sample_document().state()


def test_the_guard_stops_a_trigger_even_past_the_schema_check(valid):
    sql(valid, "CREATE TRIGGER wipe AFTER UPDATE ON node BEGIN DELETE FROM edge; END")
    conn, _ = open_memory(valid.read_bytes(), writable=True)
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute("UPDATE node SET label = 'x' WHERE id = 'n1'")
    assert conn.execute("SELECT count(*) FROM edge").fetchone()[0] == 3
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute("CREATE TABLE sneaky (x)")
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute("ATTACH DATABASE ':memory:' AS other")
