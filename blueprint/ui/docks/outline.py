"""The project outline: open, add, rename, duplicate, delete and order diagrams."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from blueprint.model import Diagram, DomainError, EntitiesChanged
from blueprint.model.edits import duplicate_diagram
from blueprint.model.factory import add_diagram
from blueprint.ui.dialogs.prompts import Prompts
from blueprint.ui.icons import icon, notation_icon
from blueprint.ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _DiagramList(QListWidget):
    """Reordered by drag and drop; reports the move, and the document decides."""

    moved = Signal(str, int)  # diagram id, new index

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        own = self.model().mimeTypes()[0]
        if item is None or not event.mimeData().hasFormat(own):
            event.ignore()
            return
        pos = event.position().toPoint()
        target = self.indexAt(pos)
        row = target.row() if target.isValid() else self.count()
        if target.isValid() and pos.y() > self.visualRect(target).center().y():
            row += 1  # the lower half of an item means after it
        if row > self.row(item):
            row -= 1
        # Copy, not Move: Qt would otherwise delete the dragged row itself after the
        # list has been rebuilt from the document.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.moved.emit(item.data(ID_ROLE), max(row, 0))


class OutlineDock(QDockWidget):
    """Emits `open_requested(diagram_id)` on double click or Enter."""

    open_requested = Signal(str)

    def __init__(self, prompts: Callable[[], Prompts], parent: QWidget | None = None):
        super().__init__("Outline", parent)
        self.setObjectName("outline_dock")
        self.setAccessibleName("Project outline")
        self._prompts = prompts
        self._session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._loading = False
        self._current: str | None = None

        self.list = _DiagramList()
        self.list.setAccessibleName("Diagrams")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.itemActivated.connect(self._activated)
        self.list.itemChanged.connect(self._renamed)
        self.list.moved.connect(self._move)
        self.list.currentItemChanged.connect(lambda *_: self._update_actions())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)

        def action(text: str, icon_name: str, slot, shortcut=None) -> QAction:
            a = QAction(icon(icon_name), text, self)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                # Shortcuts of the list only, so Delete keeps deleting nodes elsewhere.
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list.addAction(a)
            return a

        self.add_action = action("Add Diagram…", "add", self.add_diagram)
        self.duplicate_action = action(
            "Duplicate Diagram", "duplicate", self.duplicate_current
        )
        self.rename_action = action(
            "Rename Diagram", "rename", self.rename_current, "F2"
        )
        self.delete_action = action(
            "Delete Diagram…",
            "delete",
            self.delete_current,
            QKeySequence.StandardKey.Delete,
        )
        self.up_action = action(
            "Move Up", "move-up", lambda: self._step(-1), "Ctrl+Shift+Up"
        )
        self.down_action = action(
            "Move Down", "move-down", lambda: self._step(1), "Ctrl+Shift+Down"
        )

        bar = QToolBar()
        bar.setObjectName("outline_toolbar")
        bar.setAccessibleName("Diagram commands")
        bar.setIconSize(bar.iconSize() * 0.75)
        for a in (
            self.add_action,
            self.duplicate_action,
            self.rename_action,
            self.delete_action,
            self.up_action,
            self.down_action,
        ):
            bar.addAction(a)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self._update_actions()

    # -- session -----------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._session = session
        if session is not None:
            self._unsubscribe = session.document.events.subscribe(self._on_change)
        self.refresh()

    def _on_change(self, event: EntitiesChanged) -> None:
        if self._loading:
            return
        touched = (*event.added, *event.removed, *(new for _, new in event.updated))
        if any(isinstance(e, Diagram) for e in touched):
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        keep = select or self._selected() or self._current
        self._loading = True
        try:
            self.list.clear()
            if self._session is not None:
                for d in self._session.document.diagrams():
                    item = QListWidgetItem(notation_icon(d.notation), d.name)
                    item.setData(ID_ROLE, d.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    item.setToolTip(f"{d.name} ({d.notation.replace('-', ' ')})")
                    self.list.addItem(item)
                    if d.id == keep:
                        self.list.setCurrentItem(item)
        finally:
            self._loading = False
        self._update_actions()

    def diagram_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def set_current(self, diagram_id: str | None) -> None:
        """Highlight the diagram shown in the current tab."""
        self._current = diagram_id
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == diagram_id:
                self.list.setCurrentRow(i)
                break
        self._update_actions()

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _update_actions(self) -> None:
        has = self._selected() is not None and self._session is not None
        count = self.list.count()
        row = self.list.currentRow()
        self.add_action.setEnabled(self._session is not None)
        self.duplicate_action.setEnabled(has)
        self.rename_action.setEnabled(has)
        # A project keeps at least one diagram to draw on.
        self.delete_action.setEnabled(has and count > 1)
        self.up_action.setEnabled(has and row > 0)
        self.down_action.setEnabled(has and 0 <= row < count - 1)

    # -- commands ----------------------------------------------------------------

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(ID_ROLE))

    def add_diagram(self) -> None:
        if self._session is None:
            return
        doc = self._session.document
        current = doc.get(self._current or "")
        notation = current.notation if isinstance(current, Diagram) else "blank"
        answer = self._prompts().new_diagram(
            self.window(), f"Diagram {len(doc.diagrams()) + 1}", notation
        )
        if answer is None:
            return
        notation, name = answer
        before = {d.id for d in doc.diagrams()}
        try:
            Diagram(id="check", name=name, notation=notation)
        except DomainError as error:
            self._prompts().error(self.window(), "Add Diagram", str(error))
            return
        self._session.push(
            f"Add diagram “{name}”", lambda: add_diagram(doc, notation, name)
        )
        self._open_new(before)

    def duplicate_current(self) -> None:
        diagram_id = self._selected()
        if self._session is None or diagram_id is None:
            return
        doc = self._session.document
        source = doc.diagram(diagram_id)
        name = f"{source.name} copy"[:200]
        before = {d.id for d in doc.diagrams()}
        self._session.push(
            f"Duplicate diagram “{source.name}”",
            lambda: doc.apply(duplicate_diagram(doc, diagram_id, name)),
        )
        self._open_new(before)

    def _open_new(self, before: set[str]) -> None:
        assert self._session is not None
        added = [d.id for d in self._session.document.diagrams() if d.id not in before]
        if added:
            self.open_requested.emit(added[0])

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._loading or self._session is None:
            return
        diagram_id = item.data(ID_ROLE)
        name = item.text().strip()
        # Not rebuilt from inside the item's own change signal: the list is
        # refreshed once control is back in the event loop.
        self._loading = True
        try:
            self._session.update(diagram_id, "Rename diagram", name=name)
        except DomainError as error:
            self._prompts().error(self.window(), "Rename Diagram", str(error))
        finally:
            self._loading = False
        QTimer.singleShot(0, self.refresh)

    def delete_current(self) -> None:
        diagram_id = self._selected()
        if self._session is None or diagram_id is None or self.list.count() < 2:
            return
        doc = self._session.document
        name = doc.diagram(diagram_id).name
        count = len(doc.nodes(diagram_id))
        detail = f" and its {count} node{'s' if count != 1 else ''}" if count else ""
        if not self._prompts().confirm(
            self.window(),
            "Delete Diagram",
            f"Delete the diagram “{name}”{detail}? You can undo this.",
            "Delete",
        ):
            return
        self._session.push(f"Delete diagram “{name}”", lambda: doc.remove([diagram_id]))

    def _move(self, diagram_id: str, index: int) -> None:
        if self._session is None:
            return
        doc = self._session.document
        ids = [d.id for d in doc.diagrams()]
        if diagram_id in ids and ids.index(diagram_id) != index:
            self._session.push(
                "Reorder diagrams", lambda: doc.move_diagram(diagram_id, index)
            )
        self.refresh(select=diagram_id)

    def _step(self, delta: int) -> None:
        diagram_id = self._selected()
        if diagram_id is not None:
            self._move(diagram_id, self.list.currentRow() + delta)

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.add_action)
        if self._selected() is not None:
            menu.addSeparator()
            for a in (
                self.duplicate_action,
                self.rename_action,
                self.up_action,
                self.down_action,
            ):
                menu.addAction(a)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.exec(self.list.viewport().mapToGlobal(pos))
