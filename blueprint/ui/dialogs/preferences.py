"""The Preferences dialog: grid and snapping, autosave interval, the author's name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blueprint.ui.settings import AUTOSAVE_RANGE, GRID_RANGE, Preferences


class PreferencesDialog(QDialog):
    """`grid_sizes`: whether the canvas can draw other grids than its own; the
    grid size is only offered when it can, so no setting is without effect."""

    def __init__(
        self, parent: QWidget | None, prefs: Preferences, *, grid_sizes: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")

        self.grid_size = QSpinBox()
        self.grid_size.setRange(*GRID_RANGE)
        self.grid_size.setSuffix(" px")
        self.grid_size.setValue(prefs.grid_size)
        self.grid_size.setAccessibleName("Grid size")
        self.snap = QCheckBox("&Snap nodes to the grid")
        self.snap.setChecked(prefs.snap_to_grid)
        self.snap.setAccessibleName("Snap to grid")
        self.autosave = QSpinBox()
        self.autosave.setRange(*AUTOSAVE_RANGE)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setAccessibleName("Autosave interval")
        self.autosave.setToolTip(
            "How often unsaved work is secured in a recovery copy. Your project "
            "file itself changes only when you save."
        )
        self.author = QLineEdit(prefs.author)
        self.author.setPlaceholderText("Your name, for new projects and reports")
        self.author.setAccessibleName("Author name")

        canvas = QGroupBox("Canvas")
        canvas_form = QFormLayout(canvas)
        if grid_sizes:
            canvas_form.addRow("&Grid size:", self.grid_size)
        else:
            self.grid_size.hide()
        canvas_form.addRow("", self.snap)
        files = QGroupBox("Projects")
        files_form = QFormLayout(files)
        files_form.addRow("&Author name:", self.author)
        files_form.addRow("Secure unsaved work &every:", self.autosave)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(canvas)
        layout.addWidget(files)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def preferences(self) -> Preferences:
        return Preferences(
            grid_size=self.grid_size.value(),
            snap_to_grid=self.snap.isChecked(),
            autosave_seconds=self.autosave.value(),
            author=self.author.text().strip(),
        )
