"""Opening project files as untrusted input: header, hardened connections, checks."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.pool import NullPool

from .ddl import SCHEMA_DDL
from .errors import ProjectFileError
from .schema import APPLICATION_ID, SCHEMA_VERSION, objects_of, schema_objects

MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real project; refuse, don't swap
MAX_VALUE_BYTES = 32 * 1024 * 1024  # one text or blob (the model allows 2M characters)
# statistics tables ANALYZE may add (in another tool): data for the planner only
HARMLESS_OBJECTS = {"sqlite_stat1", "sqlite_stat4"}

_DDL_ACTIONS = frozenset(
    getattr(sqlite3, name)
    for name in dir(sqlite3)
    if name.startswith(("SQLITE_CREATE_", "SQLITE_DROP_"))
    or name == "SQLITE_ALTER_TABLE"
)
_ATTACH_ACTIONS = frozenset({sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH})


class Guard:
    """An authorizer: nothing stored in a file (trigger or view) may run, and schema
    changes or ATTACH happen only while our own code allows them."""

    def __init__(self) -> None:
        self.ddl = False

    def __call__(
        self,
        action: int,
        arg1: str | None,
        arg2: str | None,
        db: str | None,
        source: str | None,
    ) -> int:
        if source is not None:  # the statement comes from a trigger or a view
            return sqlite3.SQLITE_DENY
        if action in _DDL_ACTIONS or action in _ATTACH_ACTIONS:
            return sqlite3.SQLITE_OK if self.ddl else sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    @contextmanager
    def allowing_ddl(self) -> Iterator[None]:
        self.ddl = True
        try:
            yield
        finally:
            self.ddl = False


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a project file say."""

    page_size: int
    page_count: int | None  # None when the header's count is not trustworthy
    user_version: int
    application_id: int
    wal: bool


def read_bytes(path: Path) -> bytes:
    """The whole file, with every way of not being a readable file as one error."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ProjectFileError(path, "is a folder, not a project file")
        if not stat.S_ISREG(info.st_mode):
            raise ProjectFileError(path, "is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            size = info.st_size / 1024 / 1024
            raise ProjectFileError(path, f"is too large for a project ({size:,.0f} MB)")
        with path.open("rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ProjectFileError(path, "no such file") from None
    except PermissionError:
        raise ProjectFileError(path, "permission denied") from None
    except OSError as exc:
        raise ProjectFileError(
            path, f"cannot be read ({exc.strerror or exc})"
        ) from None


def parse_header(path: Path, data: bytes) -> Header:
    """Check the SQLite header and our application id and version; refuse with a
    reason the user can act on."""
    if not data:
        raise ProjectFileError(path, "is empty, not a Blueprint project")
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data[: len(MAGIC)]):
            raise ProjectFileError(path, "is truncated")
        raise ProjectFileError(
            path, "is not a Blueprint project (not an SQLite database)"
        )
    if len(data) < 100:
        raise ProjectFileError(path, "is truncated")
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise ProjectFileError(path, "is damaged (invalid page size in the header)")
    if data[18] not in (1, 2) or data[19] not in (1, 2):
        # other format versions make SQLite open the file read-only or not at all
        raise ProjectFileError(
            path, "is damaged (unknown file format version in the header)"
        )
    application_id = int.from_bytes(data[68:72], "big", signed=True)
    user_version = int.from_bytes(data[60:64], "big", signed=True)
    if application_id != APPLICATION_ID:
        if application_id == 0:
            raise ProjectFileError(
                path, "is an SQLite database, not a Blueprint project"
            )
        raise ProjectFileError(
            path,
            "is another program's SQLite database "
            f"(application id {application_id & 0xFFFFFFFF:#010x})",
        )
    if user_version > SCHEMA_VERSION:
        raise ProjectFileError(
            path,
            f"was saved by a newer Blueprint (file version {user_version}; this "
            f"version reads up to {SCHEMA_VERSION}); please update Blueprint",
        )
    if user_version not in SCHEMA_DDL:
        raise ProjectFileError(path, f"has an unknown file version {user_version}")
    # the page count is valid when the change counter matches "version valid for"
    count = int.from_bytes(data[28:32], "big")
    page_count = count if count and data[24:28] == data[92:96] else None
    size = len(data)
    if page_count is not None:
        expected = page_count * page_size
        if size < expected:
            raise ProjectFileError(
                path, f"is truncated ({size:,} of {expected:,} bytes)"
            )
        if size > expected:
            raise ProjectFileError(
                path, f"is damaged ({size - expected:,} unexpected bytes at the end)"
            )
    elif size % page_size:
        raise ProjectFileError(path, "is truncated or damaged (partial page)")
    wal = data[18] == 2 or data[19] == 2
    return Header(page_size, page_count, user_version, application_id, wal)


def harden(conn: sqlite3.Connection, *, writable: bool) -> Guard:
    """Settings for a connection to a database we did not write ourselves."""
    for pragma in (
        "trusted_schema = OFF",  # schema functions: innocuous ones only
        "cell_size_check = ON",  # detect corrupt cells early
        "mmap_size = 0",  # corruption must raise errors, never fault
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    if not writable:
        conn.execute("PRAGMA query_only = ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 1)  # VACUUM INTO needs one
    guard = Guard()
    conn.set_authorizer(guard)
    return guard


def open_memory(
    data: bytes, *, writable: bool = False
) -> tuple[sqlite3.Connection, Guard]:
    """A private in-memory copy of a file's bytes: reading it can neither change
    nor lock the file, and works from read-only media."""
    if data[18] == 2 or data[19] == 2:
        buffer = bytearray(data)
        buffer[18] = buffer[19] = 1  # a WAL-mode header cannot be deserialized
        data = bytes(buffer)
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.deserialize(data)
    return conn, harden(conn, writable=writable)


def open_file(path: Path, *, create: bool = False) -> tuple[sqlite3.Connection, Guard]:
    """A read-write connection to a private file of ours (working copy, new file)."""
    mode = "rwc" if create else "rw"
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    return conn, harden(conn, writable=True)


def verify(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuse a damaged file and any schema but exactly ours: a trigger or view
    could run SQL of the file's author when we read or write."""
    problems = structure_problems(conn, version, quick=True, limit=1)
    if problems:
        raise ProjectFileError(path, problems[0])


def structure_problems(
    conn: sqlite3.Connection, version: int, *, quick: bool, limit: int = 20
) -> list[str]:
    check = "quick_check" if quick else "integrity_check"
    # messages and schema text of a damaged file may be any bytes
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {check}({limit})")]
        if rows != ["ok"]:
            return [f"is damaged ({_one_line(str(m))})" for m in rows[:limit]]
        found = schema_objects(conn)
    finally:
        conn.text_factory = str
    expected = objects_of(SCHEMA_DDL[version])
    extra = {o for o in found - expected if o[1] not in HARMLESS_OBJECTS}
    problems: list[str] = []
    code = sorted(name for kind, name, _, _ in extra if kind in ("trigger", "view"))
    if code:
        problems.append(
            "contains triggers or views, which project files never have "
            f"({', '.join(code[:3])})"
        )
    elif extra:
        names = sorted({f"{kind} {name}" for kind, name, _, _ in extra})
        problems.append(f"has an unexpected database schema ({', '.join(names[:3])})")
    missing = sorted({f"{kind} {name}" for kind, name, _, _ in expected - found})
    if missing and not extra:
        problems.append(f"is missing parts of its schema ({', '.join(missing[:3])})")
    return problems


class _Borrowed:
    """A sqlite3 connection lent to SQLAlchemy: closing it is left to its owner."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self._raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    def close(self) -> None:
        pass


_lending = threading.local()


def _lent() -> _Borrowed:
    raw = _lending.conn
    _lending.conn = None
    return _Borrowed(raw)


# one engine for every connection, so statements are compiled once per process
# (an engine per file would compile every SELECT again on each open)
_ENGINE = create_engine("sqlite://", creator=_lent, poolclass=NullPool)


@event.listens_for(_ENGINE, "begin")
def _begin(sa_conn: Connection) -> None:
    # the driver's implicit transactions are off (isolation_level=None); begin
    # explicitly so a SQLAlchemy transaction is a SQLite transaction
    sa_conn.exec_driver_sql("BEGIN")


def sa_connect(conn: sqlite3.Connection) -> Connection:
    """A SQLAlchemy connection over one of our sqlite3 connections; closing it
    leaves the sqlite3 connection open."""
    _lending.conn = conn
    try:
        return _ENGINE.connect()
    finally:
        _lending.conn = None


def fsync_path(path: Path, *, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:  # some systems cannot open folders; the rename still holds
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def check_sidecars(path: Path) -> None:
    """Refuse a file another program is in the middle of changing: its journal or
    WAL holds changes our private copy of the bytes would not see."""
    for suffix in ("-journal", "-wal"):
        side = path.with_name(path.name + suffix)
        try:
            size = side.stat().st_size
        except OSError:
            continue
        if size > 0:
            raise ProjectFileError(
                path, f"is being changed by another program ({side.name} beside it)"
            )


_REASONS = (
    ("file is not a database", "is damaged (not a valid database)"),
    ("malformed", "is damaged (malformed database)"),
    ("could not decode to utf-8", "contains text that is not valid UTF-8"),
    ("can't decode", "contains text that is not valid UTF-8"),
    ("not authorized", "tried to run code stored in the file"),
    ("too big", "contains a value larger than 32 MB"),
    ("no such table", "is missing a table"),
    ("no such column", "is missing a column"),
)


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(exc: BaseException) -> str:
    """A user-facing reason for a database error while reading a file."""
    orig = getattr(exc, "orig", None) or exc  # unwrap SQLAlchemy's DBAPIError
    message = _one_line(str(orig)) or type(orig).__name__
    lowered = message.lower()
    for needle, reason in _REASONS:
        if needle in lowered:
            if needle == "could not decode to utf-8" and "column" in lowered:
                column = message.split("column", 1)[1].split("with text")[0]
                column = column.strip().strip("'\"")
                return f"{reason} (column {column})"
            return reason
    return f"could not be read ({message})"
