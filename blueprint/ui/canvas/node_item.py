"""The scene item of one node: shape, wrapped label, badges, hover connect handles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import layout, theme
from blueprint.model import Node
from blueprint.model.notations import NODE_KINDS

from . import geometry, style

if TYPE_CHECKING:
    from .scene import DiagramScene

MARGIN = 24.0  # room around the frame for badges and connect handles
HANDLE_OFFSET = 12.0  # connect handles sit this far outside each side
HANDLE_RADIUS = 6.5
SIDES = ("top", "right", "bottom", "left")
LOD_TEXT = 0.4  # below this zoom labels and badges are not drawn
LOD_OUTLINE = 0.12


class NodeItem(QGraphicsItem):
    """Draws a node from the latest model entity; never changes the model itself."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node_id = node.id
        self.node = node
        self.w, self.h = node.width, node.height
        self.look = theme.node_look(node)
        self.shape_name = self.look.shape
        self.gap_badges: list[int] = []
        self._badges: list[layout.Badge] = []
        self._badge_key: tuple | None = None
        self.quality: list[str] = []  # dot colours
        self.highlight: str | None = None
        self.highlight_fill: str | None = None  # a heat map's colour for the body
        self.hovered = False
        self._selected = False
        self._layout_key: tuple | None = None
        self._lines: list[tuple[QPointF, str]] = []
        self._elided = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setPos(node.x, node.y)

    # -- model sync -------------------------------------------------------------------

    def sync(self, node: Node) -> bool:
        """Take a new version of the node; True if its frame changed."""
        old = self.node
        self.node = node
        moved = (old.x, old.y, old.width, old.height) != (
            node.x,
            node.y,
            node.width,
            node.height,
        )
        if (old.width, old.height) != (node.width, node.height) or (
            self.w,
            self.h,
        ) != (node.width, node.height):
            self.prepareGeometryChange()
            self.w, self.h = node.width, node.height
            self._follow_handles()
        if (self.x(), self.y()) != (node.x, node.y):
            self.setPos(node.x, node.y)
        self.look = theme.node_look(node)
        self.shape_name = self.look.shape
        self.update()
        return moved or (self.w, self.h) != (old.width, old.height)

    def set_frame(self, x: float, y: float, w: float, h: float) -> None:
        """Preview a frame during a gesture (the model changes on release)."""
        if (w, h) != (self.w, self.h):
            self.prepareGeometryChange()
            self.w, self.h = w, h
            self._follow_handles()
        self.setPos(x, y)
        self.update()

    def _follow_handles(self) -> None:
        for child in self.childItems():
            follow = getattr(child, "follow", None)
            if follow is not None:
                follow()

    def set_annotations(self, gaps: list[int], quality: list[str]) -> None:
        self.gap_badges, self.quality = gaps, quality
        self.update()

    def frame(self) -> tuple[float, float, float, float]:
        return (self.x(), self.y(), self.w, self.h)

    def rect(self) -> layout.Rect:
        return layout.Rect(self.x(), self.y(), self.w, self.h)

    def box(self) -> geometry.Box:
        return geometry.Box(self.x(), self.y(), self.w, self.h, self.shape_name)

    # -- geometry ---------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(-MARGIN, -MARGIN, self.w + 2 * MARGIN, self.h + 2 * MARGIN)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.w, self.h))  # the whole frame is grabbable
        if self.hovered:
            for side in SIDES:
                c = self.handle_centre(side)
                path.addEllipse(c, HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    def handle_centre(self, side: str) -> QPointF:
        w, h, o = self.w, self.h, HANDLE_OFFSET
        return {
            "top": QPointF(w / 2, -o),
            "right": QPointF(w + o, h / 2),
            "bottom": QPointF(w / 2, h + o),
            "left": QPointF(-o, h / 2),
        }[side]

    def handle_at(self, local: QPointF) -> str | None:
        """The connect handle under a point in item coordinates, if shown there."""
        if not self.hovered:
            return None
        for side in SIDES:
            d = local - self.handle_centre(side)
            if d.x() ** 2 + d.y() ** 2 <= (HANDLE_RADIUS + 2) ** 2:
                return side
        return None

    # -- painting ---------------------------------------------------------------------

    def _layout(self) -> None:
        key = (self.node.label, self.w, self.h, self.shape_name)
        if key == self._layout_key:
            return
        self._layout_key = key
        fm = style.metrics()
        area = style.text_rect(self.shape_name, self.w, self.h)
        step = fm.lineSpacing()
        max_lines = max(1, int(area.height() // step))
        # the same wrapping as the report's, measured with the canvas's font
        lines = layout.wrap_label(
            self.node.label, area.width(), fm.horizontalAdvance, max_lines
        )
        shown = "".join("".join(line.split()) for line in lines)
        self._elided = shown.removesuffix(layout.ELLIPSIS) != "".join(
            self.node.label.split()
        )
        top = area.top() + max((area.height() - step * len(lines)) / 2, 0)
        self._lines = []
        for i, line in enumerate(lines):
            x = area.left() + (area.width() - fm.horizontalAdvance(line)) / 2
            self._lines.append((QPointF(x, top + i * step + fm.ascent()), line))
        tip = self.node.label if self._elided else self.node.description
        self.setToolTip(tip[:2000])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        look = self.look
        outline = style.outline(self.shape_name, self.w, self.h)
        selected = self._selected
        if lod < LOD_OUTLINE:  # an overview: a plain block in the node's colour
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(style.NO_PEN)
            painter.setBrush(style.brush(theme.SELECTION if selected else look.stroke))
            painter.drawRect(QRectF(0, 0, self.w, self.h))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            return
        if self.highlight:
            painter.setPen(style.pen(self.highlight, 6.0, cosmetic=False))
            painter.setBrush(style.NO_BRUSH)
            painter.drawPath(outline)
        painter.setBrush(style.brush(self.highlight_fill or look.fill))
        painter.setPen(style.pen(look.stroke, 1.2))
        painter.drawPath(outline)
        deco = style.decoration(self.shape_name, self.w, self.h)
        if deco is not None:
            painter.setBrush(style.NO_BRUSH)
            painter.drawPath(deco)
        if selected:
            painter.setBrush(style.NO_BRUSH)
            painter.setPen(style.pen(theme.SELECTION, 2.0))
            painter.drawPath(outline)
        if lod < LOD_TEXT:
            return
        self._layout()
        painter.setFont(style.font())
        painter.setPen(style.pen(look.text))
        for pos, line in self._lines:
            painter.drawText(pos, line)
        self._paint_badges(painter)
        if self.hovered:
            self._paint_handles(painter)

    def _paint_badges(self, painter: QPainter) -> None:
        painter.setFont(style.font(7.5, bold=True))
        key = (self.node, self.w, self.h, tuple(self.gap_badges))
        if key != self._badge_key:
            self._badge_key = key
            at_origin = self.node.evolve(x=0.0, y=0.0, width=self.w, height=self.h)
            self._badges = layout.node_badges(at_origin, self.gap_badges)
        for badge in self._badges:
            rect = QRectF(
                badge.cx - badge.w / 2, badge.cy - badge.h / 2, badge.w, badge.h
            )
            painter.setPen(style.pen("#ffffff", 1.5))
            painter.setBrush(style.brush(badge.colour))
            if badge.kind == "gap":
                painter.drawRoundedRect(rect, 4, 4)
            else:
                painter.drawEllipse(rect)
            painter.setPen(style.pen("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge.text)
        x = self.w - 8.0  # quality ratings: dots on the bottom edge, from the right
        for colour in self.quality:
            painter.setPen(style.pen("#ffffff", 1.2))
            painter.setBrush(style.brush(colour))
            painter.drawEllipse(QPointF(x, self.h), 4.5, 4.5)
            x -= 11

    def _paint_handles(self, painter: QPainter) -> None:
        painter.setPen(style.pen("#ffffff", 1.2))
        painter.setBrush(style.brush(theme.SELECTION, 220))
        r = HANDLE_RADIUS
        for side in SIDES:
            c = self.handle_centre(side)
            painter.drawEllipse(c, r, r)
            dx, dy = {
                "top": (0, -1),
                "right": (1, 0),
                "bottom": (0, 1),
                "left": (-1, 0),
            }[side]
            tip = c + QPointF(dx * 3.5, dy * 3.5)
            back = c - QPointF(dx * 2.5, dy * 2.5)
            painter.setBrush(style.brush("#ffffff"))
            painter.setPen(style.NO_PEN)
            painter.drawPolygon(
                QPolygonF(
                    [
                        tip,
                        back + QPointF(-dy * 3, dx * 3),
                        back + QPointF(dy * 3, -dx * 3),
                    ]
                )
            )
            painter.setPen(style.pen("#ffffff", 1.2))
            painter.setBrush(style.brush(theme.SELECTION, 220))

    # -- interaction ------------------------------------------------------------------

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._selected = bool(value)
        return value  # what QGraphicsItem.itemChange returns

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self._layout()
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        on_handle = self.handle_at(event.pos()) is not None
        self.setCursor(
            Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.ArrowCursor
        )
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        if event.button() == Qt.MouseButton.LeftButton:
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if self.handle_at(event.pos()) is not None or alt:
                scene.begin_connect(self, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            scene.begin_move(self, event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        scene.edit_label(self.node_id)
        event.accept()

    def kind_name(self) -> str:
        return NODE_KINDS[self.node.kind].name
