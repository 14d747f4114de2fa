"""Saving and loading whole files: lossless, atomic, rollback journal, untouched."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from blueprint.model import DomainError, Node
from blueprint.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    ProjectFileError,
    check_file,
    load_document,
    save_document,
)
from blueprint.store.ddl import SCHEMA_DDL
from blueprint.store.schema import ddl

from .helpers import fingerprint, grid_document, sample_document, siblings


def test_a_saved_project_loads_equal(tmp_path):
    doc = sample_document()
    path = tmp_path / "hotel.blueprint"
    save_document(doc, path)
    loaded = load_document(path)
    assert loaded.state() == doc.state()
    assert loaded.project.logo == doc.project.logo
    assert [d.name for d in loaded.diagrams()] == ["Overnight stay", "Gaps"]


def test_loading_leaves_the_file_and_its_folder_untouched(tmp_path):
    path = tmp_path / "hotel.blueprint"
    save_document(sample_document(), path)
    before, names = fingerprint(path), siblings(path)
    load_document(path)
    check_file(path)
    assert fingerprint(path) == before
    assert siblings(path) == names  # no journal, -wal, -shm or lock left behind


def test_a_saved_file_is_a_rollback_journal_database_of_ours(tmp_path):
    path = tmp_path / "p.blueprint"
    save_document(sample_document(), path)
    header = path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # not WAL: opens from read-only media
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
        assert {"project", "node", "edge", "annotation", "lane"} <= tables
        kinds = conn.execute("SELECT kind FROM annotation ORDER BY id").fetchall()
        assert [k[0] for k in kinds] == ["gap", "quality", "servqual", "note"]
    finally:
        conn.close()
    assert siblings(path) == {"p.blueprint"}


def test_saving_again_replaces_the_file_atomically(tmp_path):
    path = tmp_path / "p.blueprint"
    doc = sample_document()
    save_document(doc, path)
    doc.move_nodes({"n1": (600.0, 120.0)})
    inode = path.stat().st_ino
    save_document(doc, path)
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert load_document(path).get("n1").x == 600.0
    assert siblings(path) == {"p.blueprint"}


def test_a_save_clears_what_long_dead_saves_left_behind(tmp_path):
    path = tmp_path / "p.blueprint"
    old = tmp_path / ".p.blueprint.0123456789ab.saving"
    recent = tmp_path / ".p.blueprint.ba9876543210.saving"
    other = tmp_path / ".q.blueprint.0123456789ab.saving"
    for leftover in (old, recent, other):
        leftover.write_bytes(b"half a file")
        os.utime(leftover, (1, 1) if leftover is not recent else None)
    save_document(sample_document(), path)
    assert siblings(path) == {"p.blueprint", recent.name, other.name}


def test_save_keeps_permissions_and_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.blueprint"
    save_document(sample_document(), real)
    os.chmod(real, 0o600)
    link = tmp_path / "link.blueprint"
    link.symlink_to(real)
    doc = sample_document()
    doc.set_project_info(title="Through the link")
    save_document(doc, link)
    assert link.is_symlink()
    assert load_document(real).project.title == "Through the link"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_save_into_a_missing_folder_is_a_clean_error(tmp_path):
    path = tmp_path / "nowhere" / "p.blueprint"
    with pytest.raises(ProjectFileError) as info:
        save_document(sample_document(), path)
    assert info.value.path == path
    assert str(info.value).startswith(f"{path}: could not be saved")


def test_text_that_cannot_be_utf8_never_reaches_a_file(tmp_path):
    doc = sample_document()
    with pytest.raises(DomainError, match="node.label"):
        doc.update("n1", label="bad \ud800 surrogate")
    save_document(doc, tmp_path / "p.blueprint")
    assert load_document(tmp_path / "p.blueprint").state() == doc.state()


def test_error_message_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "x.blueprint"
    with pytest.raises(ProjectFileError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: no such file"
    assert info.value.reason == "no such file"


def test_check_reports_counts_and_annotation_kinds(tmp_path):
    path = tmp_path / "p.blueprint"
    save_document(sample_document(), path)
    report = check_file(path)
    assert report.ok and report.problems == []
    assert report.schema_version == SCHEMA_VERSION
    assert report.counts == {
        "diagrams": 2,
        "lanes": 5,
        "lines": 2,
        "stages": 2,
        "nodes": 5,
        "edges": 3,
        "annotations": 4,
    }
    assert report.annotations_by_kind == {
        "gap": 1,
        "quality": 1,
        "servqual": 1,
        "note": 1,
    }
    assert report.to_dict()["path"] == str(path)


def test_check_finds_a_broken_reference(tmp_path):
    path = tmp_path / "p.blueprint"
    save_document(sample_document(), path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE edge SET target_id = 'gone' WHERE id = 'e1'")
    conn.commit()
    conn.close()
    report = check_file(path)
    assert not report.ok
    assert report.problems == ["has 1 broken references (first in edge)"]
    with pytest.raises(ProjectFileError, match="edge.target_id: refers to a missing"):
        load_document(path)


def test_frozen_ddl_matches_the_sqlalchemy_tables():
    def norm(statements):
        return [" ".join(s.split()) for s in statements]

    assert norm(ddl()) == norm(SCHEMA_DDL[SCHEMA_VERSION])


def test_a_large_project_round_trips(tmp_path):
    doc = grid_document(2000, 3000)
    path = tmp_path / "big.blueprint"
    save_document(doc, path)
    loaded = load_document(path)
    assert loaded.state() == doc.state()
    assert isinstance(loaded.get("n001999"), Node)
