"""Writing one applied change to a database: only the rows it touched."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Connection, Table

from blueprint.model import EntitiesChanged

from .rows import MAPPING, TYPE_ORDER, rows_by_table

# Plain SQL on the DBAPI connection: this runs for every edit, undo and redo, and
# SQLAlchemy's statement machinery cost more than SQLite's own work here.


@cache
def _insert(table: Table) -> str:
    names = [c.name for c in table.columns]
    marks = ", ".join(f":{n}" for n in names)
    return f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"


@cache
def _update(table: Table) -> str:
    sets = ", ".join(f"{c.name} = :{c.name}" for c in table.columns if c.name != "id")
    return f"UPDATE {table.name} SET {sets} WHERE id = :id"


@cache
def _delete(table: Table) -> str:
    return f"DELETE FROM {table.name} WHERE id = ?"


def write_change(conn: Connection, event: EntitiesChanged) -> None:
    """Insert, update and delete the changed rows (inside the caller's transaction).

    Updates go before deletes: a change that moves nodes out of a lane and deletes
    the lane must not let ON DELETE CASCADE take the moved nodes with it.
    """
    raw = conn.connection.driver_connection
    assert raw is not None
    # references are checked at commit, when the whole change is in place
    raw.execute("PRAGMA defer_foreign_keys = ON")
    for table, rows in rows_by_table(event.added):
        raw.executemany(_insert(table), rows)
    for table, rows in rows_by_table(new for _, new in event.updated):
        raw.executemany(_update(table), rows)
    by_type: dict[type, list[tuple[str]]] = {}
    for e in event.removed:
        by_type.setdefault(type(e), []).append((e.id,))
    # children first, so cascades find nothing left to do
    for kind in sorted(by_type, key=TYPE_ORDER.__getitem__, reverse=True):
        raw.executemany(_delete(MAPPING[kind][0]), by_type[kind])
