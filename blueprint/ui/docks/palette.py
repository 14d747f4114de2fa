"""The palette: the current notation's node kinds, searchable, dragged to the canvas."""

from __future__ import annotations

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.notations import NODE_KINDS, NOTATIONS
from blueprint.ui.icons import icon, node_kind_icon
from blueprint.ui.models_help import term_tooltip

try:  # the canvas defines the payload it accepts; the same string until it exists
    from blueprint.ui.canvas import NODE_KIND_MIME
except ImportError:  # pragma: no cover - only while the canvas is being written
    NODE_KIND_MIME = "application/x-blueprint-node-kind"

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class _KindModel(QStandardItemModel):
    """Node kinds as items whose drag payload is the kind id."""

    def mimeTypes(self) -> list[str]:
        return [NODE_KIND_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        kinds = [i.data(KIND_ROLE) for i in indexes if i.data(KIND_ROLE)]
        if kinds:
            data.setData(NODE_KIND_MIME, kinds[0].encode("utf-8"))
            data.setText(NODE_KINDS[kinds[0]].name)
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class _KindList(QListView):
    """Enter or double click adds the kind; a drag carries it to the canvas."""

    activated_kind = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.doubleClicked.connect(self._activate)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind:
            self.activated_kind.emit(kind)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)


class PaletteDock(QDockWidget):
    """Lists the node kinds of a notation; emits `kind_activated` to add one."""

    kind_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Palette", parent)
        self.setObjectName("palette_dock")
        self.setAccessibleName("Palette")
        self._notation: str | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search shapes")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName("Search shapes")

        self.model = _KindModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.list = _KindList()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName("Shapes")
        self.list.setIconSize(QSize(32, 32))
        self.list.setSpacing(1)
        self.list.setUniformItemSizes(True)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated_kind.connect(self.kind_activated)
        self.search.returnPressed.connect(self._add_first_match)

        self.hint = QLabel("Drag a shape onto the diagram, or press Enter to add it.")
        self.hint.setObjectName("dock_hint")
        self.hint.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.setWidget(body)

    @property
    def notation(self) -> str | None:
        return self._notation

    def set_notation(self, notation_id: str | None) -> None:
        """Show the node kinds a notation's palette offers (none without a diagram)."""
        if notation_id == self._notation:
            return
        self._notation = notation_id
        self.model.clear()
        kinds = NOTATIONS[notation_id].node_kinds if notation_id in NOTATIONS else ()
        for kind_id in kinds:
            kind = NODE_KINDS[kind_id]
            item = QStandardItem(node_kind_icon(kind_id), kind.name)
            item.setData(kind_id, KIND_ROLE)
            item.setData(f"{kind.name} {kind.description} {kind_id}", SEARCH_ROLE)
            item.setToolTip(term_tooltip("node_kind", kind_id))
            item.setEditable(False)
            item.setDragEnabled(True)
            self.model.appendRow(item)
        self.setEnabled(bool(kinds))

    def kinds_shown(self) -> list[str]:
        """The kinds currently listed (after the search filter)."""
        return [
            self.proxy.index(row, 0).data(KIND_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def _add_first_match(self) -> None:
        shown = self.kinds_shown()
        if shown:
            self.kind_activated.emit(shown[0])
