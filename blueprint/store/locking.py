"""Lock files: one writer per project file, and liveness of working copies."""

# A lock is a small JSON file naming its holder, kept open with an exclusive
# flock for as long as it is held. The kernel drops the flock when the holder
# dies, however it dies, so a lock whose flock can be taken is stale. The file is
# created under a temporary name, flocked and written, and only then linked into
# place, so no one can ever see an unlocked or empty lock file of a live holder.

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: fall back to process ids only
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Holder:
    """Who holds a lock."""

    user: str
    host: str
    pid: int
    since: str = ""

    def __str__(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid})"

    @classmethod
    def me(cls) -> Holder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown user"
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        return cls(user, socket.gethostname(), os.getpid(), stamp)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except OSError:
        return False
    return True


def _try_flock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_holder(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 65536).decode("utf-8"))
        return Holder(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_holder(fd: int, holder: Holder) -> None:
    data = json.dumps(vars(holder)).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)


class Lock:
    """A held lock; `release()` (or process exit) frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __del__(self) -> None:  # a forgotten lock is freed, not leaked
        with contextlib.suppress(Exception):
            self.release()

    def release(self) -> None:
        if self._fd is None:
            return
        # unlink while still flocked: a waiter that opened the old file notices
        # (see the inode check in acquire) and starts again
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def acquire(path: Path) -> Lock | Holder:
    """Take the lock file at `path`, or say who holds it. Raises OSError when the
    folder does not allow creating it (read-only media)."""
    me = Holder.me()
    for _ in range(20):
        lock = _create(path, me)
        if lock is not None:
            return lock
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue  # released meanwhile: try again
        except PermissionError:  # another user's lock: we could not take it over
            return holder_of(path) or Holder("another user", "unknown host", 0)
        if not _try_flock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            return holder or Holder("unknown user", "unknown host", 0)
        # we hold the flock of a lock file: its holder is gone, unless the file
        # was replaced meanwhile, or it belongs to another machine
        holder = _read_holder(fd)
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            continue
        remote = holder is not None and holder.host != me.host
        if remote or (fcntl is None and holder is not None and _pid_alive(holder.pid)):
            os.close(fd)
            return holder  # type: ignore[return-value]
        _write_holder(fd, me)  # a stale lock: take it over
        return Lock(path, fd)
    raise OSError(f"could not take the lock {path}")


def _create(path: Path, me: Holder) -> Lock | None:
    """A new lock file, flocked before it appears under its name; None if one
    exists already."""
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.new")
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        _try_flock(fd)
        _write_holder(fd, me)
        try:
            os.link(tmp, path)
        except FileExistsError:
            os.close(fd)
            return None
        except OSError:  # a file system without hard links (FAT): exclusive create
            os.close(fd)
            return _create_exclusive(path, me)
        return Lock(path, fd)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _create_exclusive(path: Path, me: Holder) -> Lock | None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return None
    _try_flock(fd)
    _write_holder(fd, me)
    return Lock(path, fd)


def holder_of(path: Path) -> Holder | None:
    """Who holds the lock at `path` now, or None if it is free or stale."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        if _try_flock(fd) and fcntl is not None:
            return None
        holder = _read_holder(fd)
        if fcntl is None and holder is not None and not _pid_alive(holder.pid):
            return None
        return holder
    finally:
        os.close(fd)
