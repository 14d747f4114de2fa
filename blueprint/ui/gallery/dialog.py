"""File > New: the template gallery in a dialog; picking a card starts the project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.templates import TEMPLATES

from .widget import TemplateGallery

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


class NewProjectDialog(QDialog):
    """Emits `template_chosen(id)` when the user creates a project from a card."""

    template_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_project_dialog")
        self.setWindowTitle("New Project")
        self.setAccessibleName("New project")
        heading = QLabel("Start from a template")
        heading.setObjectName("gallery_heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1f2328;")
        hint = QLabel(
            "Each template is a diagram laid out as the literature draws it. "
            "Double-click a card or press Enter to create the project."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        self.gallery = TemplateGallery()
        self.gallery.template_chosen.connect(self._choose)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("&Create")
        buttons.accepted.connect(self._create_current)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.gallery, 1)
        layout.addWidget(buttons)
        # four cards a row where the screen allows, so every template shows at once
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1110, 660
        if screen is not None:
            width = min(width, round(screen.width() * 0.92))
            height = min(height, round(screen.height() * 0.9))
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the cards, not the Create button: arrows and Enter work at once
        self.gallery.setFocus(Qt.FocusReason.OtherFocusReason)

    def _create_current(self) -> None:
        current = self.gallery.current_template()
        if current is not None:
            self._choose(current)

    def _choose(self, template_id: str) -> None:
        if template_id in TEMPLATES:
            self.accept()
            self.template_chosen.emit(template_id)


def ask_new_project(window: MainWindow) -> NewProjectDialog:
    """Show the gallery for File > New; the chosen template becomes a new project
    (in this window if it holds an untouched one, as File > New always did)."""
    dialog = NewProjectDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    workspace = window.workspace
    dialog.template_chosen.connect(
        lambda t: workspace.new_project(window, None if t == "blank" else t)
    )
    dialog.open()
    return dialog
