"""An open project being edited: locked file, private working copy, fast Save."""

# Every change applied to the document is written to the working copy at once
# (only the rows it touched) and committed at once when it comes alone. Changes
# that follow each other within QUIET_SECONDS (undoing a thousand steps, a script)
# are committed as a group: when the editor's event loop goes idle (it calls
# flush()) or at the latest GROUP_SECONDS after the group began, so a crash loses
# at most a moment's work. Save only has to copy the working copy over the user's
# file with VACUUM INTO and an atomic rename. Use a session from one thread.

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sqlite3
import time
import weakref
from pathlib import Path

from sqlalchemy import delete

from blueprint.model import Document, EntitiesChanged, Entity

from . import locking
from .commit import write_change
from .errors import ProjectFileError
from .files import (
    DB_ERRORS,
    build_memory,
    load_document,
    open_project,
    replace_atomically,
    target_of,
    write_all,
)
from .rows import MAPPING
from .sqlitefile import Guard, describe, sa_connect
from .workingcopy import WorkingCopy

log = logging.getLogger(__name__)
GROUP_SECONDS = 1.0  # the longest a written change waits for its commit
QUIET_SECONDS = 0.05  # a change this long after the last commit commits at once
_open_sessions: weakref.WeakSet[EditSession] = weakref.WeakSet()


@atexit.register
def _release_at_exit() -> None:
    """A program that ends without closing its sessions still frees their files;
    the working copies stay, for recovery if they hold unsaved work."""
    for session in list(_open_sessions):
        if session._file_lock is not None:
            session._file_lock.release()


def lock_path_for(path: Path) -> Path:
    target = target_of(path)
    return target.with_name(f".~lock.{target.name}#")


class EditSession:
    """What the editor holds for one open project: its document, file, lock and
    working copy (see the comment at the top of this module)."""

    document: Document
    path: Path | None
    read_only: bool
    lock_holder: str | None  # who has the file open for editing, when read_only
    read_only_reason: str | None

    def __init__(
        self,
        document: Document,
        path: Path | None,
        working_copy: WorkingCopy,
        working_lock: locking.Lock,
        conn: sqlite3.Connection,
        guard: Guard,
        file_state: dict[str, Entity] | None,
        *,
        changed: bool = False,
    ) -> None:
        self.document = document
        self.path = path
        self.working_copy = working_copy
        self._working_lock = working_lock
        self._raw = conn
        self._guard = guard
        self._sa = sa_connect(conn)
        self._file_lock: locking.Lock | None = None
        self.read_only = False
        self.lock_holder = None
        self.read_only_reason = None
        self._file_state = file_state  # what the file holds; None: differs anyway
        self._changes = int(changed)  # edits since open or save
        self._sync_error: str | None = None  # set when a commit failed
        # ids changed since the last commit -> the entity the working copy holds
        self._pending: dict[str, Entity | None] = {}
        self._group_started = 0.0
        self._last_commit = 0.0
        self._closed = False
        # the note recovery reads: whose working copy, and is there unsaved work
        self._marked_dirty = file_state is None or changed
        working_copy.write_meta(path, dirty=self._marked_dirty)
        self._unsubscribe = document.events.subscribe(self._on_change)
        _open_sessions.add(self)

    # -- starting -----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, data_dir: Path | None = None) -> EditSession:
        """Validate the file, lock it (or open it read-only if another program has
        it), and copy it into a private working copy."""
        path = Path(path).absolute()
        opened = open_project(path)
        try:
            data = opened.conn.serialize()
        finally:
            opened.conn.close()
        # an upgraded file differs from its working copy until it is saved
        upgraded = opened.migrated_from is not None
        file_state = None if upgraded else opened.document.state()
        session = cls._start(opened.document, path, data, file_state, data_dir)
        session._lock_file(path)
        return session

    @classmethod
    def create(cls, doc: Document, data_dir: Path | None = None) -> EditSession:
        """A new project that has no file yet (save it with save_as)."""
        try:
            conn, _ = build_memory(doc)
        except (*DB_ERRORS, UnicodeEncodeError) as exc:
            raise ProjectFileError("untitled", describe(exc)) from None
        try:
            data = conn.serialize()
        finally:
            conn.close()
        return cls._start(doc, None, data, None, data_dir)

    @classmethod
    def _start(
        cls,
        doc: Document,
        path: Path | None,
        data: bytes,
        file_state: dict[str, Entity] | None,
        data_dir: Path | None,
        *,
        changed: bool = False,
    ) -> EditSession:
        wc, wc_lock = WorkingCopy.new(data_dir)
        conn = None
        try:
            conn, guard = wc.create(data)
            return cls(doc, path, wc, wc_lock, conn, guard, file_state, changed=changed)
        except (OSError, *DB_ERRORS) as exc:
            if conn is not None:
                conn.close()
            wc.remove()
            wc_lock.release()
            reason = getattr(exc, "strerror", None) or describe(exc)
            raise ProjectFileError(
                wc.db, f"could not create the working copy ({reason})"
            ) from None

    def _lock_file(self, path: Path) -> None:
        if path.exists() and not os.access(path, os.W_OK):
            self.read_only = True
            self.read_only_reason = "the file is read-only"
            return
        try:
            got = locking.acquire(lock_path_for(path))
        except OSError as exc:
            self.read_only = True
            self.read_only_reason = (
                f"no lock can be made beside the file ({exc.strerror or exc})"
            )
            return
        if isinstance(got, locking.Holder):
            self.read_only = True
            self.lock_holder = str(got)
            self.read_only_reason = f"it is open for editing by {got}"
        else:
            self._file_lock = got

    # -- editing ------------------------------------------------------------------

    def _on_change(self, event: EntitiesChanged) -> None:
        """Note one applied change for the working copy; never raises (the other
        listeners, such as the canvas, must still see the change)."""
        if self._closed:
            return
        self._changes += 1
        if self._sync_error is None:
            if not self._pending:
                self._group_started = time.monotonic()
            # per id: what the working copy holds (None: nothing). Later changes
            # to the same row fold into one write; undo then redo writes none
            for e in event.added:
                self._pending.setdefault(e.id, None)
            for old, _ in event.updated:
                self._pending.setdefault(old.id, old)
            for e in event.removed:
                self._pending.setdefault(e.id, e)
            now = time.monotonic()
            if (
                now - self._last_commit >= QUIET_SECONDS
                or now - self._group_started >= GROUP_SECONDS
            ):
                self.flush()
        if not self._marked_dirty:
            self._marked_dirty = True
            with contextlib.suppress(OSError):
                self.working_copy.write_meta(self.path, dirty=True)

    def flush(self) -> None:
        """Write and commit the net effect of the changes noted since the last
        commit, in one transaction; never raises."""
        pending, self._pending = self._pending, {}
        if not pending or self._closed or self._sync_error is not None:
            return
        get = self.document.get
        added, updated, removed = [], [], []
        for entity_id, held in pending.items():
            now = get(entity_id)
            if now is None:
                if held is not None:
                    removed.append(held)
            elif held is None:
                added.append(now)
            elif now is not held:  # frozen entities: unchanged means identical
                updated.append((held, now))
        try:
            with self._sa.begin():
                write_change(
                    self._sa,
                    EntitiesChanged(tuple(added), tuple(updated), tuple(removed)),
                )
            self._last_commit = time.monotonic()
        except (*DB_ERRORS, UnicodeEncodeError) as exc:
            # the working copy no longer matches: it is rewritten whole on save
            self._sync_error = describe(exc)
            log.warning("working copy out of date: %s", self._sync_error)

    @property
    def has_unsaved_changes(self) -> bool:
        """True when the file (if any) differs from the project being edited."""
        if self._file_state is None or self._sync_error is not None:
            return True
        if self._changes == 0:
            return False
        # frozen entities: an undo back to the saved state restores the very same
        # objects, so this is mostly identity checks
        return self.document.state() != self._file_state

    def checkpoint(self) -> None:
        """Autosave: make the unsaved work in the working copy durable on disk for
        recovery (repairing it first if a commit failed); the file is untouched."""
        self._check_open()
        self._resync()
        try:
            # with synchronous=NORMAL a checkpoint syncs the log and the database
            self._raw.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as exc:
            raise ProjectFileError(self.working_copy.db, describe(exc)) from None
        if self.has_unsaved_changes and not self._marked_dirty:
            self._marked_dirty = True
            with contextlib.suppress(OSError):
                self.working_copy.write_meta(self.path, dirty=True)

    # -- saving -------------------------------------------------------------------

    def save(self) -> None:
        """Write the project to its file atomically; fast at any size."""
        if self.path is None:
            raise ProjectFileError(
                "untitled", "has not been saved yet: choose a file with Save As"
            )
        if self.read_only:
            raise ProjectFileError(
                self.path,
                f"cannot be saved: {self.read_only_reason}; save a copy with Save As",
            )
        self._save_to(self.path)

    def save_as(self, path: str | Path) -> None:
        """Save to another file, which becomes the session's file (and lock)."""
        path = Path(path).absolute()
        same = self.path is not None and target_of(path) == target_of(self.path)
        if same and not self.read_only:
            self.save()
            return
        try:
            got = locking.acquire(lock_path_for(path))
        except OSError:
            got = None  # the save itself will say why the folder is unusable
        if isinstance(got, locking.Holder):
            raise ProjectFileError(path, f"is open for editing by {got}")
        try:
            self._save_to(path)
        except BaseException:
            if got is not None:
                got.release()
            raise
        if self._file_lock is not None:
            self._file_lock.release()
        self._file_lock = got
        self.path = path
        self.read_only = False
        self.lock_holder = self.read_only_reason = None
        with contextlib.suppress(OSError):
            self.working_copy.write_meta(path, dirty=False)

    def _save_to(self, path: Path) -> None:
        self._check_open()
        self._resync()
        replace_atomically(path, self._vacuum_into)
        self._file_state = self.document.state()
        self._changes = 0
        self._marked_dirty = False
        with contextlib.suppress(OSError):
            self.working_copy.write_meta(path, dirty=False)

    def _vacuum_into(self, tmp: Path) -> None:
        # a compact copy of the working copy, written without a journal (a
        # half-written temporary file is simply thrown away); the output is in
        # rollback-journal mode whatever the working copy uses
        try:
            with self._guard.allowing_ddl():
                self._raw.execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.Error as exc:  # a write failed: SQLite's own words
            raise OSError(str(exc) or type(exc).__name__) from None

    def _resync(self) -> None:
        """Commit pending changes; after a failed commit, make the working copy
        match the document again."""
        if self._sync_error is not None:
            self._pending.clear()
        self.flush()
        if self._sync_error is None:
            return
        try:
            with self._sa.begin():
                for table, _, _ in reversed(MAPPING.values()):
                    self._sa.execute(delete(table))
            write_all(self._raw, self.document)
        except (*DB_ERRORS, UnicodeEncodeError) as exc:
            raise ProjectFileError(
                self.working_copy.db, f"could not be updated ({describe(exc)})"
            ) from None
        self._sync_error = None

    # -- closing ------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectFileError(self.path or "untitled", "is closed")

    def close(self) -> None:
        """Stop editing: release the file and delete the working copy (ask the user
        about unsaved changes before)."""
        if self._closed:
            return
        self._closed = True
        _open_sessions.discard(self)
        self._unsubscribe()
        with contextlib.suppress(*DB_ERRORS):
            self._sa.close()
            self._raw.close()
        if self._file_lock is not None:
            self._file_lock.release()
        self.working_copy.remove()
        self._working_lock.release()  # last: until now recovery must keep off

    def __enter__(self) -> EditSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "read-only" if self.read_only else "editing"
        return f"<EditSession {self.path or 'untitled'} ({state})>"


def file_state_of(path: Path | None) -> dict[str, Entity] | None:
    """What a file holds now, or None if it cannot be read."""
    if path is None:
        return None
    try:
        return load_document(path).state()
    except ProjectFileError:
        return None
