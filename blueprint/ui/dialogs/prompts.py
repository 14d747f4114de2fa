"""Questions the editor asks the user, gathered in one replaceable object.

Windows ask through `Prompts`, never through QMessageBox or QFileDialog directly, so
a test can answer them (subclass and override) and real runs show native dialogs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from blueprint.ui import settings

FILE_SUFFIX = ".blueprint"
FILE_FILTER = "Blueprint projects (*.blueprint);;All files (*)"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts:
    """The real dialogs. Every method may be overridden by tests."""

    def unsaved_changes(self, parent: QWidget | None, name: str) -> Unsaved:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{name}” before closing?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(message)
        box.exec()

    def confirm(
        self, parent: QWidget | None, title: str, text: str, action: str
    ) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        ok = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def open_path(self, parent: QWidget | None) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, "Open Project", settings.last_folder(), FILE_FILTER
        )
        if path:
            settings.set_last_folder(os.path.dirname(path))
        return path or None

    def save_path(self, parent: QWidget | None, suggested: str) -> str | None:
        start = suggested
        if not os.path.dirname(suggested):
            start = os.path.join(settings.last_folder(), suggested)
        path, _ = QFileDialog.getSaveFileName(
            parent, "Save Project As", start, FILE_FILTER
        )
        if not path:
            return None
        if not os.path.splitext(path)[1]:
            path += FILE_SUFFIX
        settings.set_last_folder(os.path.dirname(path))
        return path

    def export_path(
        self, parent: QWidget | None, suggested: str, suffix: str
    ) -> str | None:
        kind = {
            ".png": "PNG images (*.png)",
            ".svg": "SVG drawings (*.svg)",
            ".pdf": "PDF documents (*.pdf)",
            ".csv": "CSV tables (*.csv)",
        }[suffix]
        title = {".pdf": "Export as PDF", ".csv": "Export as CSV"}.get(
            suffix, "Export Diagram"
        )
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kind)
        if not path:
            return None
        return path if path.lower().endswith(suffix) else path + suffix

    def new_diagram(
        self, parent: QWidget | None, default_name: str, notation_id: str
    ) -> tuple[str, str] | None:
        """(notation id, name) of a diagram to add, or None if cancelled."""
        from .new_diagram import NewDiagramDialog

        dialog = NewDiagramDialog(parent, default_name, notation_id)
        return dialog.choice() if dialog.exec() else None

    def recoveries(
        self, parent: QWidget | None, recoveries: Sequence[Any]
    ) -> list[tuple[Any, str]]:
        """What to do with each recovered project: 'restore', 'discard' or 'keep'."""
        from .recovery import RecoveryDialog

        dialog = RecoveryDialog(parent, recoveries)
        dialog.exec()
        return dialog.decisions()
