"""The Preferences dialog: grid and snapping, autosave interval, the author's name,
theme, colour-blind-safe colours and the default page size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blueprint.ui.settings import (
    AUTOSAVE_RANGE,
    GRID_RANGE,
    PAGE_SIZES,
    THEMES,
    Preferences,
)

PAGE_SIZE_TITLES = {"A4": "A4", "A3": "A3", "letter": "Letter"}
THEME_TITLES = {"light": "Light", "dark": "Dark"}


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
        self.theme = _choice(THEMES, THEME_TITLES, prefs.theme, "Theme")
        self.theme.setToolTip(
            "Colours of menus, panels and dialogs. Diagrams stay on white paper."
        )
        self.colour_blind = QCheckBox("Use &colour-blind-safe colours")
        self.colour_blind.setChecked(prefs.colour_blind)
        self.colour_blind.setAccessibleName("Colour-blind-safe colours")
        self.colour_blind.setToolTip(
            "Ratings, severities and highlights in colours that stay distinct "
            "with the common colour-vision deficiencies (Okabe & Ito)."
        )
        self.page_size = _choice(
            PAGE_SIZES, PAGE_SIZE_TITLES, prefs.page_size, "Default page size"
        )
        self.page_size.setToolTip("The page size reports and printing start with.")

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
        files_form.addRow("Default &page size:", self.page_size)
        looks = QGroupBox("Appearance")
        looks_form = QFormLayout(looks)
        looks_form.addRow("&Theme:", self.theme)
        looks_form.addRow("", self.colour_blind)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(canvas)
        layout.addWidget(files)
        layout.addWidget(looks)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def preferences(self) -> Preferences:
        return Preferences(
            grid_size=self.grid_size.value(),
            snap_to_grid=self.snap.isChecked(),
            autosave_seconds=self.autosave.value(),
            author=self.author.text().strip(),
            theme=self.theme.currentData(),
            page_size=self.page_size.currentData(),
            colour_blind=self.colour_blind.isChecked(),
        )


def _choice(
    keys: tuple[str, ...], titles: dict[str, str], current: str, name: str
) -> QComboBox:
    box = QComboBox()
    for key in keys:
        box.addItem(titles.get(key, key), key)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setAccessibleName(name)
    return box
