"""Preferences, recent files and window layout, kept between runs in QSettings."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

ORGANISATION = "Blueprint"
APPLICATION = "Blueprint"
MAX_RECENT = 10

GRID_RANGE = (2, 100)
AUTOSAVE_RANGE = (10, 3600)  # seconds


@dataclass(frozen=True)
class Preferences:
    grid_size: int = 10
    snap_to_grid: bool = True
    autosave_seconds: int = 60
    author: str = ""


def _settings() -> QSettings:
    # Explicit names, so settings never depend on which QApplication created them.
    return QSettings(ORGANISATION, APPLICATION)


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return min(max(value, bounds[0]), bounds[1])


def load_preferences() -> Preferences:
    s = _settings()
    default = Preferences()
    try:
        grid = int(s.value("preferences/grid_size", default.grid_size))
        autosave = int(
            s.value("preferences/autosave_seconds", default.autosave_seconds)
        )
    except (TypeError, ValueError):  # a hand-edited settings file
        grid, autosave = default.grid_size, default.autosave_seconds
    snap = s.value("preferences/snap_to_grid", default.snap_to_grid)
    if isinstance(snap, str):
        snap = snap.lower() in ("true", "1", "yes")
    author = s.value("preferences/author", default.author)
    return Preferences(
        grid_size=_clamp(grid, GRID_RANGE),
        snap_to_grid=bool(snap),
        autosave_seconds=_clamp(autosave, AUTOSAVE_RANGE),
        author=author if isinstance(author, str) else "",
    )


def save_preferences(prefs: Preferences) -> None:
    s = _settings()
    s.setValue("preferences/grid_size", prefs.grid_size)
    s.setValue("preferences/snap_to_grid", prefs.snap_to_grid)
    s.setValue("preferences/autosave_seconds", prefs.autosave_seconds)
    s.setValue("preferences/author", prefs.author)
    s.sync()


# -- recent files ------------------------------------------------------------------


def recent_files() -> list[str]:
    value = _settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone entry as a string
        value = [value]
    if not isinstance(value, list):
        return []
    return [p for p in value if isinstance(p, str) and p][:MAX_RECENT]


def _store_recent(paths: list[str]) -> None:
    s = _settings()
    s.setValue("recent_files", paths[:MAX_RECENT])
    s.sync()


def add_recent_file(path: str) -> None:
    path = os.path.abspath(path)
    _store_recent([path, *(p for p in recent_files() if p != path)])


def remove_recent_file(path: str) -> None:
    path = os.path.abspath(path)
    _store_recent([p for p in recent_files() if p != path])


def clear_recent_files() -> None:
    _store_recent([])


def last_folder() -> str:
    value = _settings().value("last_folder", "")
    if isinstance(value, str) and value and os.path.isdir(value):
        return value
    return os.path.expanduser("~")


def set_last_folder(folder: str) -> None:
    _settings().setValue("last_folder", folder)


# -- window layout -----------------------------------------------------------------


def save_window_state(window: QMainWindow) -> None:
    s = _settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.sync()


def restore_window_state(window: QMainWindow) -> bool:
    """Restore the last window's size, position and docks; False if none was kept."""
    s = _settings()
    geometry = s.value("window/geometry")
    state = s.value("window/state")
    restored = False
    if isinstance(geometry, QByteArray | bytes):
        restored = window.restoreGeometry(QByteArray(geometry))
    if isinstance(state, QByteArray | bytes):
        window.restoreState(QByteArray(state))
    return restored
