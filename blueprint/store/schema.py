"""The tables of a project file (SQLAlchemy Core) and the constants in its header."""

from __future__ import annotations

import sqlite3
from functools import cache

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

# "Blpr": PRAGMA application_id, so other programs (and `file`) can tell our files
APPLICATION_ID = 0x426C7072
SCHEMA_VERSION = 1  # PRAGMA user_version; every change adds a step in migrations.py

metadata = MetaData()


def _id(name: str = "id") -> Column:
    return Column(name, Text, primary_key=True)


def _parent(name: str, table: str, *, nullable: bool = False) -> Column:
    return Column(
        name, Text, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable
    )


def _flag(name: str) -> Column:
    return Column(name, Integer, CheckConstraint(f"{name} IN (0, 1)"), nullable=False)


project_table = Table(
    "project",
    metadata,
    _id(),
    Column("title", Text, nullable=False),
    Column("client", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("modified", Text, nullable=False),
    Column("accent_colour", Text, nullable=False),
    Column("logo", LargeBinary),  # PNG or JPEG bytes for the report cover
    CheckConstraint("id = 'project'", name="one_project"),
)

diagram_table = Table(
    "diagram",
    metadata,
    _id(),
    Column("name", Text, nullable=False),
    Column("notation", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("zoom", Float, nullable=False),
    Column("scroll_x", Float, nullable=False),
    Column("scroll_y", Float, nullable=False),
    Column("presentation", Text, nullable=False),  # JSON list of step ids
)

lane_table = Table(
    "lane",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("height", Float, nullable=False),
    Column("position", Integer, nullable=False),
)

line_table = Table(
    "dividing_line",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    Column("kind", Text, nullable=False),
    _parent("below_lane_id", "lane"),
)

stage_table = Table(
    "stage",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    Column("name", Text, nullable=False),
    Column("width", Float, nullable=False),
    Column("position", Integer, nullable=False),
)

node_table = Table(
    "node",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    _parent("lane_id", "lane"),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("width", Float, nullable=False),
    Column("height", Float, nullable=False),
    Column("fill", Text),
    Column("stroke", Text),
    Column("text_colour", Text),
    Column("duration", Float),  # minutes
    Column("wait_time", Float),  # minutes
    _flag("moment_of_truth"),
    _flag("fail_point"),
    _flag("wait_point"),
)

edge_table = Table(
    "edge",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    _parent("source_id", "node"),
    _parent("target_id", "node"),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("support_type", Text),
    Column("gap", Integer),
    Column("routing", Text, nullable=False),
    Column("waypoints", Text, nullable=False),  # JSON list of [x, y]
)

# One table for every kind of annotation; a NULL node_id and edge_id means the
# annotation is on the whole diagram. The body columns of other kinds stay NULL.
annotation_table = Table(
    "annotation",
    metadata,
    _id(),
    _parent("diagram_id", "diagram"),
    _parent("node_id", "node", nullable=True),
    _parent("edge_id", "edge", nullable=True),
    Column("kind", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("gap", Integer),
    Column("finding", Text),
    Column("cause", Text),
    Column("severity", Integer),
    Column("remedy", Text),
    Column("owner", Text),
    Column("status", Text),
    Column("criterion", Text),
    Column("rating", Integer),
    Column("evidence", Text),
    Column("dimension", Text),
    Column("expectation", Float),
    Column("perception", Float),
    Column("weight", Float),
    Column("text", Text),
    CheckConstraint("kind IN ('gap', 'quality', 'servqual', 'note')", name="kind"),
    CheckConstraint("node_id IS NULL OR edge_id IS NULL", name="one_target"),
)

# Every column that refers to a parent is indexed: deleting a parent looks its
# children up through these, so a delete costs the same in any size of project.
for _table in metadata.sorted_tables:
    for _column in _table.columns:
        if _column.foreign_keys:
            Index(f"{_table.name}_{_column.name}", _column)

# parents before children: the order to insert in (and the reverse to delete in)
TABLES: tuple[Table, ...] = (
    project_table,
    diagram_table,
    lane_table,
    line_table,
    stage_table,
    node_table,
    edge_table,
    annotation_table,
)


@cache
def ddl() -> tuple[str, ...]:
    """The CREATE statements of the current schema, in order."""
    dialect = sqlite_dialect.dialect()
    out: list[str] = []
    for table in TABLES:
        out.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            out.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return tuple(out)


SchemaObject = tuple[str, str, str, str | None]  # type, name, tbl_name, sql


def schema_objects(conn: sqlite3.Connection) -> set[SchemaObject]:
    """What a database's sqlite_schema holds (without root pages)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema")
    return {tuple(row) for row in rows}  # type: ignore[misc]


@cache
def objects_of(statements: tuple[str, ...]) -> frozenset[SchemaObject]:
    """The sqlite_schema rows a list of CREATE statements produces."""
    conn = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            conn.execute(statement)
        return frozenset(schema_objects(conn))
    finally:
        conn.close()
