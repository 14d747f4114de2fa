"""Old files always open: the first schema's fixture, and the upgrade machinery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from blueprint.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    EditSession,
    ProjectFileError,
    check_file,
    load_document,
    migrations,
    read_json,
)
from blueprint.store.ddl import SCHEMA_DDL
from blueprint.store.schema import objects_of, schema_objects

from .helpers import fingerprint, sample_document

DATA = Path(__file__).resolve().parents[1] / "data"


def statements(path: Path) -> tuple[str, ...]:
    text = "\n".join(
        line for line in path.read_text().splitlines() if not line.startswith("--")
    )
    return tuple(s.strip() for s in text.split(";") if s.strip())


# -- the first schema ---------------------------------------------------------------


def test_the_first_schema_is_frozen():
    """Files of version 1 exist in the world: its DDL may never change."""
    assert SCHEMA_DDL[1] == statements(DATA / "schema-v1.sql")


def test_the_version_1_fixture_opens_with_all_its_content():
    path = DATA / "project-v1.blueprint"
    before = fingerprint(path)
    doc = load_document(path)
    assert doc.state() == read_json(DATA / "project-v1.json").state()
    assert doc.state() == sample_document().state()
    assert doc.project.title == "Hotel stay — Überprüfung"
    assert doc.get("n2").fail_point and doc.get("n2").duration == 5.0
    assert {a.kind for a in doc.annotations()} == {"gap", "quality", "servqual", "note"}
    assert fingerprint(path) == before
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert schema_objects(conn) == objects_of(SCHEMA_DDL[1])
    finally:
        conn.close()


# -- upgrading (with a made-up version 0 older than the first) -----------------------

V0 = statements(DATA / "schema-v0-hypothetical.sql")


def upgrade_0_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        "ALTER TABLE project ADD COLUMN accent_colour TEXT NOT NULL DEFAULT '#1f6feb'"
    )
    conn.execute("ALTER TABLE node ADD COLUMN wait_point INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE node SET wait_point = 1 WHERE description LIKE '%queue%'")
    conn.execute("ALTER TABLE edge ADD COLUMN waypoints TEXT NOT NULL DEFAULT '[]'")


@pytest.fixture
def version_0(monkeypatch):
    monkeypatch.setitem(SCHEMA_DDL, 0, V0)
    monkeypatch.setitem(migrations.STEPS, 0, upgrade_0_to_1)


def make_v0_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    for statement in V0:
        conn.execute(statement)
    conn.executescript(
        """
        INSERT INTO project VALUES ('project', 'Old hotel', 'Client', 'Bo',
            '2020-01-01', '2020-01-02', NULL);
        INSERT INTO diagram
            VALUES ('d', 'Stay', 'service-blueprint', 0, 1.0, 0, 0, '[]');
        INSERT INTO lane VALUES ('l', 'd', 'Customer', 'customer', 120.0, 0);
        INSERT INTO node VALUES ('n1', 'd', 'l', 'action', 'Arrive', '', 10, 20,
            140, 60, NULL, NULL, NULL, NULL, NULL, 0, 1);
        INSERT INTO node VALUES ('n2', 'd', 'l', 'action', 'Check in', 'a queue',
            300, 20, 140, 60, '#ff0000', NULL, NULL, 4.5, NULL, 1, 0);
        INSERT INTO edge VALUES ('e', 'd', 'n1', 'n2', 'flow', 'then', NULL, NULL,
            'orthogonal');
        INSERT INTO annotation (id, diagram_id, node_id, kind, position, text)
            VALUES ('a', 'd', 'n2', 'note', 0, 'busy at six');
        """
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    return path


def check_upgraded(doc) -> None:
    assert doc.project.title == "Old hotel"
    assert doc.project.accent_colour == "#1f6feb"
    assert doc.get("n2").wait_point and not doc.get("n1").wait_point
    assert doc.get("n2").style.fill == "#ff0000" and doc.get("n2").duration == 4.5
    assert doc.get("e").waypoints == () and doc.get("e").label == "then"
    assert doc.annotations_of("n2")[0].body.text == "busy at six"


def test_an_older_file_is_upgraded_in_memory_and_left_untouched(version_0, tmp_path):
    path = make_v0_file(tmp_path / "old.blueprint")
    before = fingerprint(path)
    check_upgraded(load_document(path))
    report = check_file(path)
    assert report.ok and report.schema_version == 0
    assert report.notes == [
        f"file version 0 is upgraded to {SCHEMA_VERSION} when saved"
    ]
    assert fingerprint(path) == before


def test_saving_an_upgraded_file_writes_the_current_schema(version_0, tmp_path):
    path = make_v0_file(tmp_path / "old.blueprint")
    before = fingerprint(path)
    with EditSession.open(path) as session:
        assert session.has_unsaved_changes  # the file is still version 0
        assert fingerprint(path) == before
        session.save()
        assert not session.has_unsaved_changes
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert schema_objects(conn) == objects_of(SCHEMA_DDL[SCHEMA_VERSION])
    finally:
        conn.close()
    check_upgraded(load_document(path))


def test_a_failing_upgrade_is_a_clean_error(version_0, monkeypatch, tmp_path):
    def broken(conn):
        conn.execute("ALTER TABLE nothing ADD COLUMN x")

    monkeypatch.setitem(migrations.STEPS, 0, broken)
    path = make_v0_file(tmp_path / "old.blueprint")
    before = fingerprint(path)
    with pytest.raises(
        ProjectFileError, match="could not be upgraded from file version 0"
    ):
        load_document(path)
    assert fingerprint(path) == before


def test_a_version_without_an_upgrade_step_is_refused(version_0, monkeypatch, tmp_path):
    monkeypatch.delitem(migrations.STEPS, 0)
    path = make_v0_file(tmp_path / "old.blueprint")
    with pytest.raises(ProjectFileError, match="file version 0 cannot be upgraded"):
        load_document(path)


def test_an_older_file_is_checked_against_its_own_schema(version_0, tmp_path):
    path = make_v0_file(tmp_path / "old.blueprint")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON node BEGIN DELETE FROM edge; END")
    conn.close()
    with pytest.raises(ProjectFileError, match="contains triggers or views"):
        load_document(path)
