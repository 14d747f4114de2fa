"""The eight resize handles shown on a single selected node, same size at any zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import theme

from . import style

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import DiagramScene

SIZE = 8.0  # device-independent pixels
CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
}


def handle_point(name: str, w: float, h: float) -> QPointF:
    x = 0.0 if "l" in name else (w if "r" in name else w / 2)
    y = 0.0 if "t" in name else (h if "b" in name else h / 2)
    return QPointF(x, y)


class ResizeHandle(QGraphicsItem):
    def __init__(self, name: str, parent: NodeItem) -> None:
        super().__init__(parent)
        self.name = name
        self.node_item = parent
        # constant on-screen size whatever the zoom
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(CURSORS[name])
        self.setZValue(50)
        self.follow()

    def follow(self) -> None:
        self.setPos(handle_point(self.name, self.node_item.w, self.node_item.h))

    def boundingRect(self) -> QRectF:
        return QRectF(-SIZE / 2 - 1, -SIZE / 2 - 1, SIZE + 2, SIZE + 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setPen(style.pen(theme.SELECTION, 1.2))
        painter.setBrush(style.brush("#ffffff"))
        painter.drawRect(QRectF(-SIZE / 2, -SIZE / 2, SIZE, SIZE))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        scene.begin_resize(self.node_item, self.name, event.scenePos())
        event.accept()


def show_handles(item: NodeItem, visible: bool) -> None:
    # The node keeps the Python objects: Qt owns the children, but a wrapper that
    # Python collects takes its paint() override with it.
    current: list[ResizeHandle] = item.__dict__.setdefault("_resize_handles", [])
    if visible and not current:
        current.extend(ResizeHandle(name, item) for name in CURSORS)
    elif not visible:
        scene = item.scene()
        for handle in current:
            if scene is not None:
                scene.removeItem(handle)
        current.clear()
    else:
        for handle in current:
            handle.follow()
