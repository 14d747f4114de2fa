"""The Presentation Steps dialog: choose the walk, reorder steps, hide some."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueprint.model import Document
from blueprint.ui.icons import icon

from .sequence import arrange, default_arrangement, encode, merged
from .steps import Step, catalogue

ID_ROLE = Qt.ItemDataRole.UserRole


class PresentationStepsDialog(QDialog):
    """Edits a diagram's presentation order; `value()` is for Diagram.presentation."""

    def __init__(
        self, parent: QWidget | None, document: Document, diagram_id: str
    ) -> None:
        super().__init__(parent)
        diagram = document.diagram(diagram_id)
        self.setWindowTitle(f"Presentation Steps — {diagram.name}")
        self.setAccessibleName("Presentation steps")
        self.steps: list[Step] = catalogue(document, diagram_id)
        self._by_id = {s.id: s for s in self.steps}

        intro = QLabel(
            "The order in which Present (F5) shows this diagram. Untick a step to "
            "leave it out; drag or use Move Up and Move Down to reorder."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Steps")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)

        self.lanes_walk = QPushButton("&Lanes Top-Down")
        self.lanes_walk.setToolTip("Start again from the lanes, top to bottom")
        self.stages_walk = QPushButton("&Stages Along the Path")
        self.stages_walk.setToolTip(
            "Start again from the stages along the customer's path"
        )
        self.stages_walk.setEnabled(any(s.kind == "stage" for s in self.steps))
        self.lanes_walk.clicked.connect(lambda: self.use_walk("lanes"))
        self.stages_walk.clicked.connect(lambda: self.use_walk("stages"))
        self.up = QPushButton(icon("move-up"), "Move &Up")
        self.down = QPushButton(icon("move-down"), "Move &Down")
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.activated.connect(lambda d=delta: self.move_current(d))

        walks = QHBoxLayout()
        walks.addWidget(QLabel("Walk through:"))
        walks.addWidget(self.lanes_walk)
        walks.addWidget(self.stages_walk)
        walks.addStretch(1)
        moves = QVBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(moves)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(walks)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self.resize(560, 560)

        self._fill(*arrange(self.steps, diagram.presentation))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)  # Space ticks at once

    def _fill(self, shown: list[str], hidden: list[str]) -> None:
        self.list.clear()
        off = set(hidden)
        for step_id in merged(self.steps, shown, hidden):
            step = self._by_id[step_id]
            item = QListWidgetItem(f"{step.section}  ·  {step.title}")
            item.setData(ID_ROLE, step_id)
            item.setToolTip(step.text)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            checked = step_id not in off
            item.setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def use_walk(self, walk: str) -> None:
        self._fill(*default_arrangement(self.steps, walk))

    def move_current(self, delta: int) -> None:
        row = self.list.currentRow()
        to = row + delta
        if row < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)

    def arrangement(self) -> tuple[list[str], list[str]]:
        """(shown, hidden) step ids as the list shows them."""
        shown: list[str] = []
        hidden: list[str] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            on = item.checkState() == Qt.CheckState.Checked
            (shown if on else hidden).append(item.data(ID_ROLE))
        return shown, hidden

    def value(self) -> tuple[str, ...]:
        return encode(self.steps, *self.arrangement())
