"""The undo history: every step of the open project, click one to go back to it."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QUndoView, QWidget

from blueprint.ui.icons import icon


class HistoryDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("History", parent)
        self.setObjectName("history_dock")
        self.setAccessibleName("Undo history")
        self.view = QUndoView()
        self.view.setEmptyLabel("Opened project")
        self.view.setCleanIcon(icon("save"))
        self.view.setAccessibleName("Undo history")
        self.setWidget(self.view)

    def set_stack(self, stack: QUndoStack | None) -> None:
        self.view.setStack(stack)
