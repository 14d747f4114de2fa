"""Reading, saving and checking whole project files."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError

from blueprint.model import Document, DomainError, Entity, ProjectInfo
from blueprint.model.document import paused_gc

from .errors import ProjectFileError
from .migrations import create_schema, migrate
from .rows import MAPPING, SELECTS, rows_by_table
from .schema import SCHEMA_VERSION
from .sqlitefile import (
    Guard,
    Header,
    check_sidecars,
    describe,
    fsync_path,
    harden,
    open_memory,
    parse_header,
    read_bytes,
    sa_connect,
    structure_problems,
    verify,
)

# what reading a damaged database can raise (besides our own errors)
DB_ERRORS = (sqlite3.Error, SQLAlchemyError, UnicodeDecodeError)


@dataclass
class Opened:
    """A validated project read into a private in-memory database."""

    conn: sqlite3.Connection
    guard: Guard
    header: Header
    document: Document
    migrated_from: int | None  # the file's older version, if it was upgraded


def read_document(path: Path, conn: sqlite3.Connection) -> Document:
    """Every row through the model's constructors, then the references."""
    with paused_gc():
        return _read_document(path, conn)


def _read_document(path: Path, conn: sqlite3.Connection) -> Document:
    entities: list[Entity] = []
    for table, _, build in MAPPING.values():
        rows = conn.execute(SELECTS[table]).fetchall()
        try:
            entities.extend(map(build, rows))
        except DomainError:
            for row in rows:  # the rare bad file: find the row to name
                try:
                    build(row)
                except DomainError as exc:
                    ident = str(row[0])[:64]
                    raise ProjectFileError(
                        path, f"has an invalid {table.name} {ident!r}: {exc}"
                    ) from None
            raise
    if not entities or not isinstance(entities[0], ProjectInfo):
        raise ProjectFileError(path, "has no project information")
    try:
        doc = Document.from_entities(entities)
    except DomainError as exc:
        raise ProjectFileError(path, f"is inconsistent: {exc}") from None
    return doc


def open_project(path: str | Path) -> Opened:
    """Read, check and (if older) upgrade a file into memory; the file itself is
    only read, never locked or written."""
    path = Path(path)
    data = read_bytes(path)
    header = parse_header(path, data)
    check_sidecars(path)
    conn = None
    try:
        old = header.user_version != SCHEMA_VERSION
        conn, guard = open_memory(data, writable=old)
        verify(path, conn, header.user_version)
        if old:
            conn, guard = migrate(path, conn, guard, header.user_version)
            verify(path, conn, SCHEMA_VERSION)
        doc = read_document(path, conn)
        return Opened(conn, guard, header, doc, header.user_version if old else None)
    except DB_ERRORS as exc:
        if conn is not None:
            conn.close()
        raise ProjectFileError(path, describe(exc)) from None
    except ProjectFileError:
        if conn is not None:
            conn.close()
        raise


def load_document(path: str | Path) -> Document:
    """The project in a file; the file is left byte-for-byte untouched."""
    opened = open_project(path)
    opened.conn.close()
    return opened.document


# -- writing -------------------------------------------------------------------------


def build_memory(doc: Document) -> tuple[sqlite3.Connection, Guard]:
    """A new in-memory database holding the whole document."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    guard = harden(conn, writable=True)
    create_schema(conn, guard)
    write_all(conn, doc)
    return conn, guard


def write_all(conn: sqlite3.Connection, doc: Document) -> None:
    """Insert every entity in one transaction (into an empty database)."""
    sa = sa_connect(conn)
    try:
        with sa.begin():
            for table, rows in rows_by_table(doc.entities()):
                sa.execute(insert(table), rows)
    finally:
        sa.close()


def target_of(path: Path) -> Path:
    """The file a save replaces: through a symbolic link, not over it."""
    return path.resolve() if path.is_symlink() else path


def replace_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write a complete temporary file beside `path` with `write(tmp)`, make it
    durable, then rename it over `path`: a crash at any moment leaves the old or
    the new file, never a mixture."""
    target = target_of(Path(path))
    folder = target.parent
    check_sidecars(target)
    if target.exists() and not os.access(target, os.W_OK):
        # the user made it read-only: never replace it behind their back
        raise ProjectFileError(path, "could not be saved (the file is read-only)")
    tmp = folder / f".{target.name}.{uuid.uuid4().hex[:12]}.saving"
    try:
        write(tmp)
        fsync_path(tmp)
        with contextlib.suppress(OSError):  # keep the permissions the user gave it
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = exc.strerror or str(exc)
        raise ProjectFileError(path, f"could not be saved ({reason})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_path(folder, directory=True)
    _remove_leftovers(target)


LEFTOVER_AGE = 600.0  # seconds; no save takes this long


def _remove_leftovers(target: Path) -> None:
    """Delete temporary files that saves killed long ago left beside the file."""
    prefix, now = f".{target.name}.", time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".saving"):
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > LEFTOVER_AGE:
                        os.unlink(entry.path)


def _encoding_error(path: Path, exc: UnicodeEncodeError) -> ProjectFileError:
    return ProjectFileError(
        path,
        "could not be saved: some text holds characters that are not valid "
        f"Unicode ({exc.object[max(0, exc.start - 10) : exc.end + 10]!r})",
    )


def save_document(doc: Document, path: str | Path) -> None:
    """Write the whole document to `path` atomically (rollback-journal file)."""
    path = Path(path)
    try:
        conn, _ = build_memory(doc)
    except UnicodeEncodeError as exc:
        raise _encoding_error(path, exc) from None
    except DB_ERRORS as exc:
        raise ProjectFileError(path, f"could not be saved ({describe(exc)})") from None
    try:
        data = conn.serialize()
    finally:
        conn.close()
    replace_atomically(path, lambda tmp: tmp.write_bytes(data))


# -- checking ------------------------------------------------------------------------


@dataclass
class CheckReport:
    """What `check_file` found; `ok` is False when the file cannot be used as is."""

    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    schema_version: int | None = None
    size_bytes: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    annotations_by_kind: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["path"] = str(self.path)
        return out


def counts_of(doc: Document) -> tuple[dict[str, int], dict[str, int]]:
    diagrams = doc.diagrams()
    counts = {
        "diagrams": len(diagrams),
        "lanes": sum(len(doc.lanes(d.id)) for d in diagrams),
        "lines": sum(len(doc.lines(d.id)) for d in diagrams),
        "stages": sum(len(doc.stages(d.id)) for d in diagrams),
        "nodes": sum(len(doc.nodes(d.id)) for d in diagrams),
        "edges": sum(len(doc.edges(d.id)) for d in diagrams),
        "annotations": len(doc.annotations()),
    }
    kinds: dict[str, int] = {}
    for a in doc.annotations():
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    return counts, kinds


def check_file(path: str | Path) -> CheckReport:
    """A full integrity check (every page, index and reference, every value through
    the model); never raises for a bad file, the report says what is wrong."""
    path = Path(path)
    report = CheckReport(path, ok=False)
    try:
        data = read_bytes(path)
        report.size_bytes = len(data)
        header = parse_header(path, data)
        report.schema_version = header.user_version
        check_sidecars(path)
    except ProjectFileError as exc:
        report.problems.append(exc.reason)
        return report
    conn = None
    try:
        conn, _ = open_memory(data)
        report.problems += structure_problems(conn, header.user_version, quick=False)
        if not report.problems:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                report.problems.append(
                    f"has {len(broken):,} broken references (first in {broken[0][0]})"
                )
    except DB_ERRORS as exc:
        report.problems.append(describe(exc))
    finally:
        if conn is not None:
            conn.close()
    if report.problems:
        return report
    try:
        opened = open_project(path)
    except ProjectFileError as exc:
        report.problems.append(exc.reason)
        return report
    opened.conn.close()
    if opened.migrated_from is not None:
        report.notes.append(
            f"file version {opened.migrated_from} is upgraded to {SCHEMA_VERSION} "
            "when saved"
        )
    report.counts, report.annotations_by_kind = counts_of(opened.document)
    report.ok = True
    return report
