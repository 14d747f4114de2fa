"""Private working copies in the user's data folder, where every edit is committed."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import locking
from .errors import ProjectFileError
from .sqlitefile import Guard, fsync_path, open_file


def default_data_dir() -> Path:
    """$BLUEPRINT_DATA_DIR, else $XDG_DATA_HOME/blueprint, else
    ~/.local/share/blueprint."""
    explicit = os.environ.get("BLUEPRINT_DATA_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "blueprint"


def working_folder(data_dir: Path | None) -> Path:
    folder = (data_dir or default_data_dir()) / "working"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ProjectFileError(
            folder, f"cannot hold working copies ({exc.strerror or exc})"
        ) from None
    return folder


@dataclass(frozen=True)
class WorkingCopy:
    """The files of one working copy: the database (WAL), a JSON note saying whose
    it is and whether it holds unsaved work, and the owner's lock."""

    db: Path

    @property
    def meta(self) -> Path:
        return self.db.with_suffix(".json")

    @property
    def lock(self) -> Path:
        return self.db.with_suffix(".lock")

    @classmethod
    def new(cls, data_dir: Path | None) -> tuple[WorkingCopy, locking.Lock]:
        wc = cls(working_folder(data_dir) / f"{uuid.uuid4().hex}.blueprint")
        try:
            lock = locking.acquire(wc.lock)
        except OSError as exc:
            raise ProjectFileError(
                wc.db, f"cannot create a working copy ({exc.strerror or exc})"
            ) from None
        assert isinstance(lock, locking.Lock), "a new working copy's lock is free"
        return wc, lock

    def write_meta(self, original: Path | None, *, dirty: bool) -> None:
        """Atomically, so recovery never reads half a note."""
        data = {
            "original": str(original) if original is not None else None,
            "dirty": dirty,
            "owner": vars(locking.Holder.me()),
        }
        tmp = self.meta.with_suffix(".json.new")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.meta)

    def read_meta(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def files(self) -> list[Path]:
        names = (self.db.name, f"{self.db.name}-wal", f"{self.db.name}-shm")
        return [self.db.with_name(n) for n in names] + [self.meta]

    def remove(self) -> None:
        for path in self.files():
            with contextlib.suppress(OSError):
                path.unlink()

    def create(self, data: bytes) -> tuple[sqlite3.Connection, Guard]:
        """Write a validated database image and open it for edits: WAL, so each
        commit appends a little to the log instead of rewriting pages."""
        with self.db.open("xb") as f:
            f.write(data)
        fsync_path(self.db)
        conn, guard = open_file(self.db)
        conn.execute("PRAGMA journal_mode = WAL")
        # a crash of the program loses nothing committed; a power cut at most
        # the last moments before the operating system wrote the log out
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn, guard

    def modified(self) -> float:
        times = [p.stat().st_mtime for p in self.files()[:2] if p.exists()]
        return max(times, default=0.0)
