"""In-place text editing of labels and names: Enter commits, Escape cancels,
Shift+Enter starts a new line, clicking elsewhere commits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import theme

from . import style


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
