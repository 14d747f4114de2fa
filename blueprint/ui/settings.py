"""Preferences, recent files and window layout, kept between runs in QSettings.

Keys other features may read (QSettings(ORGANISATION, APPLICATION)):
- `preferences/colour_blind` (bool): use the colour-blind-safe palette (Okabe & Ito,
  `theme.CB_*`) for highlights, ratings and severities. Read it as
  `load_preferences().colour_blind`, or `workspace.preferences.colour_blind` in a
  window; `Workspace.preferences_changed` tells when it changed.
- `preferences/theme` ("light" or "dark"): the chrome's theme; the diagram paper
  stays light whatever it is.
- `preferences/page_size` ("A4", "A3" or "letter"): the default for reports and print.
"""

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
THEMES = ("light", "dark")
PAGE_SIZES = ("A4", "A3", "letter")  # the report's names


@dataclass(frozen=True)
class Preferences:
    grid_size: int = 10
    snap_to_grid: bool = True
    autosave_seconds: int = 60
    author: str = ""
    theme: str = "light"
    page_size: str = "A4"
    colour_blind: bool = False


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
    author = s.value("preferences/author", default.author)
    theme = s.value("preferences/theme", default.theme)
    page_size = s.value("preferences/page_size", default.page_size)
    return Preferences(
        grid_size=_clamp(grid, GRID_RANGE),
        snap_to_grid=_flag(s.value("preferences/snap_to_grid", default.snap_to_grid)),
        autosave_seconds=_clamp(autosave, AUTOSAVE_RANGE),
        author=author if isinstance(author, str) else "",
        theme=theme if theme in THEMES else default.theme,
        page_size=page_size if page_size in PAGE_SIZES else default.page_size,
        colour_blind=_flag(s.value("preferences/colour_blind", False)),
    )


def _flag(value: object) -> bool:
    if isinstance(value, str):  # QSettings' ini files give back strings
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def save_preferences(prefs: Preferences) -> None:
    s = _settings()
    s.setValue("preferences/grid_size", prefs.grid_size)
    s.setValue("preferences/snap_to_grid", prefs.snap_to_grid)
    s.setValue("preferences/autosave_seconds", prefs.autosave_seconds)
    s.setValue("preferences/author", prefs.author)
    s.setValue("preferences/theme", prefs.theme)
    s.setValue("preferences/page_size", prefs.page_size)
    s.setValue("preferences/colour_blind", prefs.colour_blind)
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
