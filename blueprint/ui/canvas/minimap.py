"""An overview in the view's corner for diagrams larger than the window: click or
drag in it to move there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from blueprint import theme

from . import style

if TYPE_CHECKING:
    from .view import DiagramView

WIDTH, HEIGHT = 200, 130
INSET = 12


class Minimap(QWidget):
    def __init__(self, view: DiagramView) -> None:
        super().__init__(view)
        self.view = view
        self._image: QImage | None = None
        self._dirty = True
        self._source = QRectF()
        self.setFixedSize(WIDTH, HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click or drag to move the view")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # redraw the overview at most ~7 times a second
        self._timer.timeout.connect(self._refresh)
        view.scene().changed.connect(self._scene_changed)
        self.hide()

    def _scene_changed(self, *_: object) -> None:
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def view_moved(self, *_: object) -> None:
        self.place()
        self.update()

    def place(self) -> None:
        port = self.view.viewport().geometry()
        self.move(port.right() - WIDTH - INSET, port.bottom() - HEIGHT - INSET)
        self._update_visibility()

    def _update_visibility(self) -> None:
        scene = self.view.diagram_scene()
        if scene is None:
            return
        content = scene.content_rect()
        visible = self.view.visible_scene_rect()
        needed = bool(scene.item_ids()["node"]) and not visible.contains(content)
        if needed != self.isVisible():
            self.setVisible(needed)
            if needed:
                self.raise_()

    def _refresh(self) -> None:
        self._update_visibility()
        if self.isVisible():
            self.update()

    def _mapping(self) -> tuple[float, QPointF]:
        src = self._source
        scale = min(
            (WIDTH - 8) / max(src.width(), 1), (HEIGHT - 8) / max(src.height(), 1)
        )
        offset = QPointF(
            (WIDTH - src.width() * scale) / 2 - src.left() * scale,
            (HEIGHT - src.height() * scale) / 2 - src.top() * scale,
        )
        return scale, offset

    def _render(self) -> None:
        scene = self.view.diagram_scene()
        self._source = scene.content_rect().adjusted(-20, -20, 20, 20)
        dpr = self.devicePixelRatioF()
        image = QImage(
            int(WIDTH * dpr),
            int(HEIGHT * dpr),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(dpr)  # drawn at the screen's own resolution
        image.fill(Qt.GlobalColor.transparent)
        scale, offset = self._mapping()
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(style.NO_PEN)
        p.setBrush(style.brush("#ffffff", 240))
        p.drawRoundedRect(QRectF(0, 0, WIDTH, HEIGHT), 6, 6)
        p.translate(offset)
        p.scale(scale, scale)
        width = scene.lane_width()
        for lane, top, bottom in scene.lane_spans():
            p.setBrush(style.brush(theme.LANE_HEADER_FILL.get(lane.role, "#e9ecef")))
            p.drawRect(QRectF(0, top, width, bottom - top))
        for node_id in scene.item_ids()["node"]:
            item = scene.node_item(node_id)
            if item is not None:
                p.setBrush(style.brush(item.look.stroke))
                p.drawRect(QRectF(item.x(), item.y(), item.w, item.h))
        p.end()
        self._image = image
        self._dirty = False

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dirty or self._image is None:
            self._render()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.drawImage(0, 0, self._image)
        scale, offset = self._mapping()
        seen = self.view.visible_scene_rect()
        frame = QRectF(
            seen.left() * scale + offset.x(),
            seen.top() * scale + offset.y(),
            seen.width() * scale,
            seen.height() * scale,
        ).intersected(QRectF(1, 1, WIDTH - 2, HEIGHT - 2))
        p.setPen(style.pen(theme.SELECTION, 1.5))
        p.setBrush(style.brush(theme.SELECTION, 30))
        p.drawRect(frame)
        p.setPen(style.pen("#afb8c1"))
        p.setBrush(style.NO_BRUSH)
        p.drawRoundedRect(QRectF(0.5, 0.5, WIDTH - 1, HEIGHT - 1), 6, 6)
        p.end()

    def _jump(self, event: QMouseEvent) -> None:
        scale, offset = self._mapping()
        pos = event.position()
        self.view.centerOn(
            QPointF((pos.x() - offset.x()) / scale, (pos.y() - offset.y()) / scale)
        )
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)
