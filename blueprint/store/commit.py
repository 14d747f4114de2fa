"""Writing one applied change to a database: only the rows it touched."""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    Connection,
    Delete,
    Table,
    Update,
    bindparam,
    delete,
    insert,
    update,
)

from blueprint.model import EntitiesChanged

from .rows import MAPPING, TYPE_ORDER, rows_by_table


@cache
def _update(table: Table) -> Update:
    values = {c.name: bindparam(c.name) for c in table.columns if c.name != "id"}
    return update(table).where(table.c.id == bindparam("_id")).values(values)


@cache
def _delete(table: Table) -> Delete:
    return delete(table).where(table.c.id == bindparam("_id"))


def write_change(conn: Connection, event: EntitiesChanged) -> None:
    """Insert, update and delete the changed rows (inside the caller's transaction).

    Updates go before deletes: a change that moves nodes out of a lane and deletes
    the lane must not let ON DELETE CASCADE take the moved nodes with it.
    """
    # references are checked at commit, when the whole change is in place
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table, rows in rows_by_table(event.added):
        conn.execute(insert(table), rows)
    for table, rows in rows_by_table(new for _, new in event.updated):
        for row in rows:
            row["_id"] = row.pop("id")
        conn.execute(_update(table), rows)
    by_type: dict[type, list[dict[str, str]]] = {}
    for e in event.removed:
        by_type.setdefault(type(e), []).append({"_id": e.id})
    # children first, so cascades find nothing left to do
    for kind in sorted(by_type, key=TYPE_ORDER.__getitem__, reverse=True):
        conn.execute(_delete(MAPPING[kind][0]), by_type[kind])
