"""Lane headers, stage columns and the dividing lines between lanes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import layout, theme
from blueprint.model import DividingLine, Lane, Stage
from blueprint.model.catalogue import LINE_KINDS
from blueprint.model.rules import LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT

from . import geometry, style

if TYPE_CHECKING:
    from .scene import DiagramScene

GRIP = 5.0  # half-height of the band at a lane's bottom edge that resizes it
BORDER = "#d0d7de"


class LaneItem(QGraphicsItem):
    """A lane's header (name on the left) and bottom border; the band's fill is
    drawn by the scene's background so the grid shows through."""

    def __init__(self, lane: Lane) -> None:
        super().__init__()
        self.lane_id = lane.id
        self.lane = lane
        self.top = 0.0
        self.width = 1000.0
        self._lines: list[str] = []
        self._key: tuple | None = None
        self.setZValue(1)
        self.setAcceptHoverEvents(True)

    def place(self, lane: Lane, top: float, width: float) -> None:
        self.prepareGeometryChange()
        self.lane, self.top, self.width = lane, top, width
        self.update()

    def header_rect(self) -> QRectF:
        return QRectF(0, self.top, LANE_HEADER_WIDTH, self.lane.height)

    def boundingRect(self) -> QRectF:
        return QRectF(0, self.top, self.width, self.lane.height + GRIP).adjusted(
            -1, -1, 1, 1
        )

    def shape(self) -> QPainterPath:
        # header and bottom edge only: the band itself lets clicks through to the
        # rubber band
        path = QPainterPath()
        path.addRect(self.header_rect())
        bottom = self.top + self.lane.height
        path.addRect(QRectF(0, bottom - GRIP, self.width, 2 * GRIP))
        return path

    def on_bottom_edge(self, scene_pos: QPointF) -> bool:
        return abs(scene_pos.y() - (self.top + self.lane.height)) <= GRIP

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        header = self.header_rect()
        painter.setPen(style.NO_PEN)
        painter.setBrush(
            style.brush(theme.LANE_HEADER_FILL.get(self.lane.role, "#e9ecef"))
        )
        painter.drawRect(header)
        bottom = self.top + self.lane.height
        painter.setPen(style.pen(BORDER))
        painter.drawLine(QPointF(0, bottom), QPointF(self.width, bottom))
        painter.setPen(style.pen("#afb8c1"))
        painter.drawLine(
            QPointF(LANE_HEADER_WIDTH, self.top), QPointF(LANE_HEADER_WIDTH, bottom)
        )
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.25:
            return
        fm = style.metrics(theme.LANE_TITLE_SIZE, True)
        key = (self.lane.name, self.lane.height)
        if key != self._key:
            self._key = key
            rows = max(1, int((self.lane.height - 12) // fm.lineSpacing()))
            self._lines = layout.wrap_label(
                self.lane.name, LANE_HEADER_WIDTH - 24, fm.horizontalAdvance, rows
            )
        painter.setFont(style.font(theme.LANE_TITLE_SIZE, True))
        painter.setPen(style.pen(theme.INK))
        step = fm.lineSpacing()
        y = self.top + (self.lane.height - step * len(self._lines)) / 2 + fm.ascent()
        for line in self._lines:
            painter.drawText(QPointF(14, y), line)
            y += step

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.on_bottom_edge(event.scenePos()):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.unsetCursor()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        if self.on_bottom_edge(event.scenePos()):
            scene.begin_lane_resize(self, event.scenePos())
        else:
            scene.begin_lane_move(self, event.scenePos())
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.header_rect().contains(event.scenePos()):
            scene: DiagramScene = self.scene()  # type: ignore[assignment]
            scene.edit_label(self.lane_id)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        lanes = scene.lane_ids()
        index = lanes.index(self.lane_id)
        menu = QMenu()
        menu.addAction("Rename lane", lambda: scene.edit_label(self.lane_id))
        menu.addAction("Insert lane above", lambda: scene.add_lane(index))
        menu.addAction("Insert lane below", lambda: scene.add_lane(index + 1))
        menu.addSeparator()
        menu.addAction("Delete lane…", lambda: scene.delete_lane(self.lane_id))
        menu.exec(event.screenPos())
        event.accept()


class StageItem(QGraphicsItem):
    """A stage's header above the lanes and its right-hand separator."""

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage_id = stage.id
        self.stage = stage
        self.left = LANE_HEADER_WIDTH
        self.height = 0.0
        self.setZValue(2)

    def place(self, stage: Stage, left: float, height: float) -> None:
        self.prepareGeometryChange()
        self.stage, self.left, self.height = stage, left, height
        self.update()

    def header_rect(self) -> QRectF:
        return QRectF(
            self.left, -STAGE_HEADER_HEIGHT, self.stage.width, STAGE_HEADER_HEIGHT
        )

    def boundingRect(self) -> QRectF:
        return QRectF(
            self.left - 1,
            -STAGE_HEADER_HEIGHT - 1,
            self.stage.width + 2,
            self.height + STAGE_HEADER_HEIGHT + 2,
        )

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.header_rect())
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        header = self.header_rect().adjusted(1, 2, -1, -4)
        painter.setPen(style.pen("#afb8c1"))
        painter.setBrush(style.brush("#f6f8fa"))
        painter.drawRoundedRect(header, 5, 5)
        right = self.left + self.stage.width
        painter.setPen(style.pen("#c4cbd3", 1.0, "dash"))
        painter.drawLine(QPointF(right, 0), QPointF(right, self.height))
        painter.setFont(style.font(theme.LANE_TITLE_SIZE, True))
        painter.setPen(style.pen(theme.INK))
        fm = style.metrics(theme.LANE_TITLE_SIZE, True)
        text = geometry.elide(
            self.stage.name, header.width() - 12, fm.horizontalAdvance
        )
        painter.drawText(header, Qt.AlignmentFlag.AlignCenter, text)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        scene.edit_label(self.stage_id)
        event.accept()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()  # a click on a stage header selects nothing


class DividingLineItem(QGraphicsItem):
    """A labelled line (interaction, visibility, ...) under a lane."""

    def __init__(self, line: DividingLine) -> None:
        super().__init__()
        self.line_id = line.id
        self.line = line
        self.y = 0.0
        self.width = 1000.0
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, line: DividingLine, y: float, width: float) -> None:
        self.prepareGeometryChange()
        self.line, self.y, self.width = line, y, width
        self.update()

    def label(self) -> str:
        return LINE_KINDS[self.line.kind].name

    def boundingRect(self) -> QRectF:
        return QRectF(0, self.y - 18, self.width, 22)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never takes clicks

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        colour, dash = theme.LINE_STYLE.get(self.line.kind, (theme.MUTED_INK, "dash"))
        painter.setPen(style.pen(colour, 2.0, dash))
        painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
            return
        painter.setFont(style.font(theme.LINE_LABEL_SIZE, True))
        fm = style.metrics(theme.LINE_LABEL_SIZE, True)
        text = self.label()
        rect = QRectF(LANE_HEADER_WIDTH + 8, self.y - fm.height() - 3, 0, fm.height())
        rect.setWidth(fm.horizontalAdvance(text) + 10)
        painter.setPen(style.NO_PEN)
        painter.setBrush(style.brush("#ffffff", 220))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(style.pen(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
