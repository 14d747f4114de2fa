"""Finding and restoring the work of a Blueprint that did not close its projects."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import locking
from .errors import ProjectFileError
from .files import DB_ERRORS, open_project
from .session import EditSession, file_state_of
from .sqlitefile import describe
from .workingcopy import WorkingCopy, working_folder


@dataclass(frozen=True)
class Recovery:
    """Unsaved work in a working copy whose program is gone."""

    original: Path | None  # the project file it was opened from, if any
    working_copy: Path
    modified: datetime
    title: str
    data_dir: Path | None = None

    def restore(self) -> EditSession:
        """Open the recovered project for editing (unsaved, against its original
        file); the old working copy is replaced by the new session's."""
        wc = WorkingCopy(self.working_copy)
        lock = _take(wc)
        try:
            _checkpoint(wc)
            opened = open_project(wc.db)
            data = opened.conn.serialize()
            opened.conn.close()
            session = EditSession._start(
                opened.document,
                self.original,
                data,
                file_state_of(self.original),
                self.data_dir,
                changed=True,  # compare with the file when asked
            )
            if self.original is not None:
                session._lock_file(self.original)
            wc.remove()  # while still locked: no one else may pick it up
        finally:
            lock.release()
        return session

    def discard(self) -> None:
        """Delete the recovered work."""
        wc = WorkingCopy(self.working_copy)
        lock = _take(wc)
        wc.remove()
        lock.release()


def _take(wc: WorkingCopy) -> locking.Lock:
    try:
        got = locking.acquire(wc.lock)
    except OSError as exc:
        raise ProjectFileError(wc.db, f"cannot be locked ({exc})") from None
    if isinstance(got, locking.Holder):
        raise ProjectFileError(wc.db, f"is in use by {got}")
    return got


def _checkpoint(wc: WorkingCopy) -> None:
    """Fold the write-ahead log into the database file (our own file; SQLite
    drops any frame a crash left half-written)."""
    try:
        conn = sqlite3.connect(wc.db, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except DB_ERRORS as exc:
        raise ProjectFileError(wc.db, describe(exc)) from None


def _title(wc: WorkingCopy) -> str:
    try:
        conn = sqlite3.connect(f"{wc.db.as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT title FROM project").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return "Untitled project"
    return row[0] if row and isinstance(row[0], str) else "Untitled project"


def find_recoveries(data_dir: Path | None = None) -> list[Recovery]:
    """Working copies with unsaved work whose owner process is gone, newest first.
    Orphans without unsaved work are deleted on the way."""
    folder = working_folder(data_dir)
    found: list[Recovery] = []
    for db in sorted(folder.glob("*.blueprint")):
        wc = WorkingCopy(db)
        if locking.holder_of(wc.lock) is not None:
            continue  # its program is still running
        meta = wc.read_meta() or {}
        # the note is written before the first edit can be committed: a copy
        # without one, or marked clean, holds nothing the file does not
        if meta.get("dirty") is not True:
            with contextlib.suppress(OSError):
                lock = locking.acquire(wc.lock)
                if isinstance(lock, locking.Lock):
                    wc.remove()
                    lock.release()
            continue
        original = meta.get("original")
        found.append(
            Recovery(
                original=Path(original) if isinstance(original, str) else None,
                working_copy=db,
                modified=datetime.fromtimestamp(wc.modified()),
                title=_title(wc),
                data_dir=data_dir,
            )
        )
    return sorted(found, key=lambda r: r.modified, reverse=True)
