"""The New Diagram dialog: a name and a notation chosen from the catalogue."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.notations import NOTATIONS
from blueprint.ui.icons import notation_icon


class NewDiagramDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, default_name: str, notation_id: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Diagram")
        self.setAccessibleName("New diagram")
        self.name = QLineEdit(default_name)
        self.name.setAccessibleName("Diagram name")
        self.notations = QListWidget()
        self.notations.setAccessibleName("Notation")
        self.notations.setIconSize(QSize(20, 20))
        for notation in NOTATIONS.values():
            item = QListWidgetItem(notation_icon(notation.id, 20), notation.name)
            item.setData(Qt.ItemDataRole.UserRole, notation.id)
            item.setToolTip(notation.source or notation.description)
            self.notations.addItem(item)
            if notation.id == notation_id:
                self.notations.setCurrentItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(48)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        self.notations.currentItemChanged.connect(self._describe)
        self.notations.itemDoubleClicked.connect(lambda _item: self.accept())
        self._describe()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add Diagram")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("N&otation:", self.notations)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        self.resize(460, 420)
        self.name.selectAll()

    def _describe(self) -> None:
        item = self.notations.currentItem()
        if item is None:
            self.description.clear()
            return
        self.description.setText(
            NOTATIONS[item.data(Qt.ItemDataRole.UserRole)].description
        )

    def choice(self) -> tuple[str, str] | None:
        item = self.notations.currentItem()
        name = self.name.text().strip()
        if item is None or not name:
            return None
        return item.data(Qt.ItemDataRole.UserRole), name
