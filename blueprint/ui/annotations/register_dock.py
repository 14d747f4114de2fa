"""The annotation register: every annotation of the project in one sortable,
filterable table; double click shows the annotated step; export as CSV."""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint.model import Document
from blueprint.ui.icons import icon

from .register import (
    COLUMNS,
    DIAGRAM,
    ID_ROLE,
    ITEM,
    OWNER,
    STATUS,
    TARGET,
    TYPE,
    VALUE,
    RegisterFilter,
    RegisterModel,
)
from .register_csv import write_csv

TYPES = (
    ("All types", None),
    ("Gaps", "gap"),
    ("Quality ratings", "quality"),
    ("SERVQUAL scores", "servqual"),
    ("Notes", "note"),
)
WIDTHS = {
    DIAGRAM: 120,
    TARGET: 150,
    TYPE: 72,
    ITEM: 170,
    VALUE: 100,
    STATUS: 86,
    OWNER: 100,
}


class RegisterDock(QDockWidget):
    """The register's table, its filter, type filter, count and CSV export."""

    jump_requested = Signal(str)  # annotation id
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Annotation Register", parent)
        self.setObjectName("register_dock")
        self.setAccessibleName("Annotation register")
        self.model = RegisterModel(self)
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(6)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by any text: step, owner, cause…")
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter.setAccessibleName("Filter annotations")
        self.filter.textChanged.connect(self._filter_changed)
        self.types = QComboBox()
        self.types.setAccessibleName("Annotation type")
        for text, kind in TYPES:
            self.types.addItem(text, kind)
        self.types.currentIndexChanged.connect(
            lambda i: self._kind_changed(self.types.itemData(i))
        )
        self.count = QLabel()
        self.count.setObjectName("dock_hint")
        self.export_button = QToolButton()
        self.export_button.setIcon(icon("export"))
        self.export_button.setText("Export CSV…")
        self.export_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.export_button.setToolTip("Export the annotations shown as a CSV table")
        self.export_button.setAccessibleName("Export register as CSV")
        self.export_button.clicked.connect(self.export_requested)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.types)
        bar.addWidget(self.count)
        bar.addWidget(self.export_button)
        column.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("register_table")
        self.table.setAccessibleName("Annotations")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Register columns: click one to sort")
        self.table.verticalHeader().setAccessibleName("Register rows")
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        for col, width in WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)  # Enter on a row
        column.addWidget(self.table, 1)
        self.setWidget(body)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_count()

    def set_document(self, doc: Document | None) -> None:
        self.model.set_document(doc)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _kind_changed(self, kind: str | None) -> None:
        self.proxy.set_kind(kind)
        self._update_count()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(f"{total} annotation{'s' if total != 1 else ''}")
        else:
            self.count.setText(f"{shown} of {total}")

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(index.data(ID_ROLE))

    def shown_ids(self) -> list[str]:
        return [r.id for r in self.proxy.shown_rows()]

    def column_texts(self, column: int) -> list[str]:
        """What a column shows, top to bottom (tests read the table this way)."""
        return [
            self.proxy.index(i, column).data() for i in range(self.proxy.rowCount())
        ]

    def export_csv(self, path: str) -> int:
        """Write the rows shown, in the order shown; raises OSError."""
        doc = self.model.document
        if doc is None:
            return 0
        return write_csv(doc, self.proxy.shown_rows(), os.fspath(path))


__all__ = ["COLUMNS", "RegisterDock"]
