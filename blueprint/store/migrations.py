"""Upgrading files of older schema versions, in memory: the original stays untouched."""

# Each step upgrades a database of one user_version to the next with any SQL it
# needs (ALTER TABLE, UPDATE ...). The upgraded data is then copied into a fresh
# database made from the current DDL, so a migrated file has exactly the schema of
# a new one and passes the same checks. A new schema version adds its frozen DDL to
# ddl.SCHEMA_DDL, one step here and fixture files of the old version in tests/data.

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .ddl import SCHEMA_DDL
from .errors import ProjectFileError
from .schema import APPLICATION_ID, SCHEMA_VERSION, TABLES
from .sqlitefile import Guard, harden

Step = Callable[[sqlite3.Connection], None]

# user_version -> the step that upgrades a database of that version to the next
STEPS: dict[int, Step] = {}


def create_schema(conn: sqlite3.Connection, guard: Guard) -> None:
    """The current schema and header values in an empty database."""
    with guard.allowing_ddl():
        for statement in SCHEMA_DDL[SCHEMA_VERSION]:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(
    path: Path, old: sqlite3.Connection, old_guard: Guard, version: int
) -> tuple[sqlite3.Connection, Guard]:
    """Upgrade `old` (an in-memory copy at `version`) and return a new in-memory
    database of the current version holding its data."""
    try:
        old.execute("PRAGMA query_only = OFF")
        old.execute("PRAGMA foreign_keys = OFF")  # steps may rebuild tables
        with old_guard.allowing_ddl():
            old.execute("BEGIN IMMEDIATE")
            for step_version in range(version, SCHEMA_VERSION):
                step = STEPS.get(step_version)
                if step is None:
                    raise ProjectFileError(
                        path, f"file version {step_version} cannot be upgraded"
                    )
                step(old)
            old.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            old.execute("COMMIT")
        new = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        guard = harden(new, writable=True)
        create_schema(new, guard)
        new.execute("BEGIN")
        for table in TABLES:
            names = [c.name for c in table.columns]
            columns = ", ".join(names)
            marks = ", ".join("?" * len(names))
            rows = old.execute(f"SELECT {columns} FROM {table.name}")
            new.executemany(
                f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows
            )
        new.execute("COMMIT")
        return new, guard
    except sqlite3.Error as exc:
        raise ProjectFileError(
            path, f"could not be upgraded from file version {version} ({exc})"
        ) from None
    finally:
        old.close()
