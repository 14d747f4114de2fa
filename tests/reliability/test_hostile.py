"""Hostile files are refused before anything is written: not the file, not a
working copy, not a lock; the editor shows one line and opens nothing.

tests/store/test_untrusted.py covers the current schema through the store; this
adds huge value claims, altered table definitions, hostile files of the older
schema (whose upgrade would run statements a trigger could hook), and the editor.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from blueprint.model import Change, NoteText
from blueprint.store import (
    APPLICATION_ID,
    EditSession,
    ProjectFileError,
    check_file,
    load_document,
    migrations,
    save_document,
)
from blueprint.store.ddl import SCHEMA_DDL
from tests.store.helpers import fingerprint, sample_document, siblings, sql
from tests.store.test_migration import V0, make_v0_file, upgrade_0_to_1

PNG = b"\x89PNG\r\n\x1a\n"


def nothing_written(data_dir: Path) -> set[str]:
    return {str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if p.is_file()}


def refused_everywhere(path: Path, reason: str, data_dir: Path) -> None:
    """Every way in refuses with one line naming the file; the file, its folder
    and the data folder are as they were."""
    before, names, data = fingerprint(path), siblings(path), nothing_written(data_dir)
    for open_it in (load_document, EditSession.open):
        with pytest.raises(ProjectFileError) as info:
            open_it(path)
        message = str(info.value)
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert reason in message, message
    report = check_file(path)
    assert not report.ok and report.problems
    assert fingerprint(path) == before
    assert siblings(path) == names
    assert nothing_written(data_dir) == data


@pytest.fixture
def valid(tmp_path) -> Path:
    path = tmp_path / "p.blueprint"
    save_document(sample_document(), path)
    return path


# -- huge claims ----------------------------------------------------------------------


def _varint(value: int, size: int) -> bytes:
    """SQLite's big-endian varint of exactly `size` bytes (size < 9)."""
    out = [(value >> (7 * (size - 1 - i))) & 0x7F for i in range(size)]
    return bytes(b | 0x80 for b in out[:-1]) + bytes(out[-1:])


def test_a_record_claiming_a_huge_blob_is_refused(tmp_path, isolated):
    doc = sample_document()
    logo = PNG + bytes(range(256)) * 4100  # about 1 MB: a 4-byte serial type
    doc.set_project_info(logo=logo)
    path = tmp_path / "claim.blueprint"
    save_document(doc, path)
    data = bytearray(path.read_bytes())
    honest = _varint(2 * len(logo) + 12, 4)
    assert data.count(honest) == 1, "the logo's serial type is not unique"
    at = data.index(honest)
    data[at : at + 4] = _varint(2 * 200_000_000 + 12, 4)  # "a 200 MB logo"
    path.write_bytes(bytes(data))
    refused_everywhere(path, "", isolated)


def test_a_value_over_the_size_limit_is_refused(valid, isolated):
    conn = sqlite3.connect(valid)
    conn.execute("UPDATE annotation SET text = ? WHERE id = 'a4'", ("x" * 34_000_000,))
    conn.commit()
    conn.close()
    refused_everywhere(valid, "value larger than 32 MB", isolated)


def test_a_text_over_the_models_limit_is_refused(valid, isolated):
    sql(valid, "UPDATE node SET label = printf('%.3000000c', 'x') WHERE id = 'n1'")
    refused_everywhere(valid, "node.label", isolated)


def test_a_header_claiming_more_pages_than_the_file_has(valid, isolated):
    data = bytearray(valid.read_bytes())
    data[28:32] = (10**6).to_bytes(4, "big")  # the header's page count
    valid.write_bytes(bytes(data))
    before = fingerprint(valid)
    try:
        doc = load_document(valid)  # SQLite trusts the file's size over this
    except ProjectFileError as exc:
        assert "\n" not in str(exc)
    else:
        assert doc.state() == sample_document().state()
    assert fingerprint(valid) == before
    assert nothing_written(isolated) == set()


# -- altered definitions ------------------------------------------------------------


@pytest.mark.parametrize(
    "statements, reason",
    [
        (  # the same columns without the table's CHECK constraint
            [
                "CREATE TABLE annotation2 AS SELECT * FROM annotation",
                "DROP TABLE annotation",
                "ALTER TABLE annotation2 RENAME TO annotation",
            ],
            "unexpected database schema",
        ),
        (  # one column more, with a default
            ["ALTER TABLE node ADD COLUMN extra TEXT DEFAULT 'x'"],
            "unexpected database schema (table node)",
        ),
        (  # an index on an expression, run on every write
            ["CREATE INDEX sneaky ON node (upper(label))"],
            "unexpected database schema (index sneaky)",
        ),
        (  # a trigger named like one of our indexes
            [
                "DROP INDEX node_lane_id",
                "CREATE TRIGGER node_lane_id AFTER INSERT ON node"
                " BEGIN DELETE FROM edge; END",
            ],
            "contains triggers or views",
        ),
        (["CREATE VIEW project_view AS SELECT * FROM project"], "triggers or views"),
    ],
)
def test_altered_definitions_are_refused(valid, isolated, statements, reason):
    sql(valid, *statements)
    refused_everywhere(valid, reason, isolated)


@pytest.mark.parametrize(
    "pragma, reason",
    [
        ("application_id = 1", "another program's SQLite database"),
        (f"application_id = {APPLICATION_ID + 1}", "another program's"),
        ("user_version = 99", "newer Blueprint (file version 99"),
        ("user_version = -1", "unknown file version"),
    ],
)
def test_wrong_identity_or_future_version(valid, isolated, pragma, reason):
    sql(valid, f"PRAGMA {pragma}")
    refused_everywhere(valid, reason, isolated)


# -- the older schema ---------------------------------------------------------------


@pytest.fixture
def version_0(monkeypatch):
    monkeypatch.setitem(SCHEMA_DDL, 0, V0)
    monkeypatch.setitem(migrations.STEPS, 0, upgrade_0_to_1)


@pytest.mark.parametrize(
    "statement",
    [
        # the upgrade updates node rows: a trigger there would run inside it
        "CREATE TRIGGER t AFTER UPDATE ON node BEGIN DELETE FROM annotation; END",
        "CREATE TRIGGER t BEFORE INSERT ON edge BEGIN SELECT 1; END",
        "CREATE VIEW v AS SELECT * FROM node",
    ],
)
def test_hostile_older_files_are_refused_before_their_upgrade(
    version_0, tmp_path, isolated, statement, monkeypatch
):
    path = make_v0_file(tmp_path / "old.blueprint")
    sql(path, statement)
    ran = []
    monkeypatch.setitem(migrations.STEPS, 0, lambda conn: ran.append(conn))
    refused_everywhere(path, "contains triggers or views", isolated)
    assert not ran, "the upgrade ran on a hostile file"
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM annotation").fetchone()[0] == 1
    conn.close()


# -- in the editor --------------------------------------------------------------------


def test_the_editor_shows_one_line_and_opens_nothing(
    qtbot, workspace, prompts, valid, isolated
):
    sql(valid, "CREATE TRIGGER wipe AFTER UPDATE ON node BEGIN DELETE FROM edge; END")
    before, names = fingerprint(valid), siblings(valid)
    assert workspace.open_path(str(valid)) is None
    assert workspace.windows == []
    (message,) = prompts.errors
    assert message.startswith(str(valid)) and "\n" not in message
    assert "triggers or views" in message
    assert fingerprint(valid) == before and siblings(valid) == names
    assert nothing_written(isolated) == set()
    window = workspace.new_project()  # and the editor goes on
    assert window.session.document.diagrams()


def test_a_huge_note_from_a_hostile_file_is_refused_but_a_large_one_opens(
    valid, isolated
):
    """The model's limit (2 million characters) is the line: just under opens."""
    doc = load_document(valid)
    doc.apply(Change(puts=(doc.get("a4").evolve(body=NoteText("y" * 1_999_999)),)))
    save_document(doc, valid)
    assert load_document(valid).get("a4").body.text == "y" * 1_999_999
    sql(valid, "UPDATE annotation SET text = text || 'yy' WHERE id = 'a4'")
    refused_everywhere(valid, "note.text", isolated)


@pytest.mark.parametrize("byte, value", [(18, 3), (19, 3), (18, 0)])
def test_an_unknown_file_format_version_is_refused_by_every_way_in(
    valid, isolated, byte, value
):
    """Found by the long fuzz: SQLite opens such a file read-only, so it could be
    read but not edited (the working copy could not be written)."""
    data = bytearray(valid.read_bytes())
    data[byte] = value
    valid.write_bytes(bytes(data))
    refused_everywhere(valid, "unknown file format version", isolated)
