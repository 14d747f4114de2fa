"""Window tests run against real files in tmp dirs, with settings kept in tmp too,
and with every question to the user answered by a scripted `FakePrompts`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from blueprint.ui.dialogs.prompts import Prompts, Unsaved


class FakePrompts(Prompts):
    """Answers from queues; records what was asked. An unexpected question fails."""

    def __init__(self) -> None:
        self.unsaved: list[Unsaved] = []
        self.save_paths: list[str | None] = []
        self.open_paths: list[str | None] = []
        self.confirms: list[bool] = []
        self.new_diagrams: list[tuple[str, str] | None] = []
        self.recovery_action = "restore"
        self.asked_unsaved: list[str] = []
        self.errors: list[str] = []
        self.offered: list[list[Any]] = []

    def unsaved_changes(self, parent, name: str) -> Unsaved:
        self.asked_unsaved.append(name)
        return self.unsaved.pop(0)

    def error(self, parent, title: str, message: str) -> None:
        self.errors.append(message)

    def confirm(self, parent, title: str, text: str, action: str) -> bool:
        return self.confirms.pop(0)

    def open_path(self, parent) -> str | None:
        return self.open_paths.pop(0)

    def save_path(self, parent, suggested: str) -> str | None:
        return self.save_paths.pop(0)

    def export_path(self, parent, suggested: str, suffix: str) -> str | None:
        return self.save_paths.pop(0)

    def new_diagram(self, parent, default_name: str, notation_id: str):
        return self.new_diagrams.pop(0)

    def recoveries(self, parent, recoveries: Sequence[Any]) -> list[tuple[Any, str]]:
        self.offered.append(list(recoveries))
        return [(r, self.recovery_action) for r in recoveries]


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch) -> Iterator[None]:
    """Working copies and settings in tmp; nothing of the user's is read or written."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(data))
    conf = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(conf))
    yield


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def workspace(qtbot, prompts):
    from blueprint.ui.app import Workspace, application

    application()  # fonts and style, as in a real run
    ws = Workspace(prompts)
    yield ws
    for window in list(ws.windows):
        window.shutdown(save_state=False)
        window.hide()
        window.deleteLater()
    # delete them now, so windows do not pile up over the tests
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def window(workspace, qtbot):
    """A window on a new project, shown."""
    w = workspace.new_project()
    qtbot.waitExposed(w)
    return w
