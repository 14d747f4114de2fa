"""The start-up offer to restore projects whose editor stopped without closing them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def describe(recovery: Any) -> str:
    """One line per recovery: title, where it was saved, when it was last changed."""
    title = getattr(recovery, "title", "") or "Untitled project"
    path = getattr(recovery, "original", None)
    where = str(path) if path else "never saved"
    when = getattr(recovery, "modified", None)
    if isinstance(when, int | float):
        when = datetime.fromtimestamp(when)
    stamp = when.strftime("%Y-%m-%d %H:%M") if isinstance(when, datetime) else ""
    return f"{title} — {where}" + (f" — changed {stamp}" if stamp else "")


class RecoveryDialog(QDialog):
    """Lists recoverable projects: restore or discard the checked ones, or wait."""

    def __init__(self, parent: QWidget | None, recoveries: Sequence[Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover Unsaved Work")
        self.setAccessibleName("Recover unsaved work")
        self._recoveries = list(recoveries)
        self._action = "keep"
        text = QLabel(
            "Blueprint stopped before these projects were saved or closed. "
            "Restore them to continue where you left off: each opens with its "
            "unsaved changes, and your saved file is only replaced when you save."
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Recoverable projects")
        for recovery in self._recoveries:
            item = QListWidgetItem(describe(recovery))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)

        buttons = QDialogButtonBox()
        restore = QPushButton("&Restore")
        restore.setDefault(True)
        discard = QPushButton("&Discard")
        later = QPushButton("Decide &Later")
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(lambda: self._finish("restore"))
        discard.clicked.connect(lambda: self._finish("discard"))
        later.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _finish(self, action: str) -> None:
        self._action = action
        self.accept()

    def decisions(self) -> list[tuple[Any, str]]:
        """Each recovery with 'restore', 'discard' or 'keep' (unchecked, or later)."""
        out = []
        for i, recovery in enumerate(self._recoveries):
            checked = self.list.item(i).checkState() == Qt.CheckState.Checked
            out.append((recovery, self._action if checked else "keep"))
        return out
