"""In-place text editing of labels and names: Enter commits, Escape cancels,
Shift+Enter starts a new line, clicking elsewhere commits."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import layout, theme
from blueprint.model import Edge, Lane, Node, Stage

from . import style

if TYPE_CHECKING:
    from .scene import DiagramScene


class InplaceEditor(QGraphicsTextItem):
    """A text box laid over what it edits; calls on_commit(text) or on_cancel()."""

    def __init__(
        self,
        text: str,
        rect: QRectF,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None],
        *,
        multiline: bool = True,
        centred: bool = True,
    ) -> None:
        super().__init__()
        self._on_commit = on_commit
        self._on_cancel = on_cancel
        self._multiline = multiline
        self._done = False
        self.setFont(style.font())
        self.setDefaultTextColor(style.color(theme.INK))
        self.setPlainText(text)
        self.setTextWidth(max(rect.width(), 60))
        option = QTextOption(
            Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        height = self.boundingRect().height()
        self.setPos(rect.left(), rect.center().y() - height / 2)
        self.setZValue(1000)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)

    def start(self) -> None:
        """Focus and select all, as a design tool does on double click."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText()

    def commit(self) -> None:
        if not self._done:
            self._done = True
            self._on_commit(self.text())

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self._on_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if (
                self._multiline
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.textCursor().insertText("\n")
            else:
                self.commit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setPen(style.pen(theme.SELECTION, 1.5))
        painter.setBrush(style.brush("#ffffff"))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 3, 3)
        super().paint(painter, option, widget)


class LabelEditing:
    """Mixed into DiagramScene: opens and closes the in-place editor."""

    _editor: InplaceEditor | None = None

    def editing(self: DiagramScene) -> bool:
        return self._editor is not None

    def edit_label(self: DiagramScene, entity_id: str) -> InplaceEditor | None:
        """Open the in-place editor on a node, connector, lane or stage."""
        if self._editor is not None:
            self._editor.commit()
        e = self.document.get(entity_id)
        if isinstance(e, Node) and (item := self.node_item(entity_id)):
            rect = QRectF(item.x() + 4, item.y(), max(item.w - 8, 60), item.h)
            text, field, required = e.label, "label", True
        elif isinstance(e, Edge) and (edge_item := self.edge_item(entity_id)):
            rect = edge_item.label_rect()
            if rect.isEmpty():
                mx, my = layout.label_anchor(edge_item.points)
                rect = QRectF(mx - 70, my - 12, 140, 24)
            text, field, required = e.label, "label", False
        elif isinstance(e, Lane) and (lane_item := self.lane_item(entity_id)):
            rect = lane_item.header_rect().adjusted(6, 0, -6, 0)
            text, field, required = e.name, "name", True
        elif isinstance(e, Stage) and entity_id in self._stages:
            rect = self._stages[entity_id].header_rect()
            text, field, required = e.name, "name", True
        else:
            return None

        def commit(value: str) -> None:
            self._close_editor()
            value = value.strip() if required else value
            if (required and not value) or value == text:
                return
            self._push(
                f"Rename {e.kind_name}" if field == "name" else "Edit label",
                lambda: self.document.update(entity_id, **{field: value}),
            )

        editor = InplaceEditor(
            text, rect, commit, self._close_editor, multiline=not isinstance(e, Stage)
        )
        self._editor = editor
        self.addItem(editor)
        editor.start()
        return editor

    def _close_editor(self: DiagramScene) -> None:
        editor, self._editor = self._editor, None
        if editor is None:
            return
        editor.hide()
        # removed later: this may run inside the editor's own key or focus handler
        QTimer.singleShot(
            0, lambda: editor.scene() is not None and self.removeItem(editor)
        )

    def current_editor(self: DiagramScene) -> InplaceEditor | None:
        return self._editor
