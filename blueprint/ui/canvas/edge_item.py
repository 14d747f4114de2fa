"""The scene item of one connector: routed polyline, arrowhead, label, end handles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint import layout, theme
from blueprint.model import Edge
from blueprint.model.catalogue import SUPPORT_TYPES

from . import geometry, style

if TYPE_CHECKING:
    from .scene import DiagramScene

END_RADIUS = 5.0
LOD_DETAIL = 0.3  # below: plain thin lines, no arrowheads or labels
LOD_HIDDEN = 0.05  # below: connectors are not drawn at all
LABEL_SIZE = theme.LINE_LABEL_SIZE
LABEL_WIDTH = 220.0  # as the report's EDGE_LABEL_WIDTH
Frame = tuple[float, float, float, float]  # x, y, w, h


def edge_caption(edge: Edge) -> str:
    """What a connector shows: its label, else its gap number or support type."""
    if edge.label:
        return edge.label
    if edge.gap is not None:
        return f"Gap {edge.gap}"
    if edge.support_type is not None:
        return SUPPORT_TYPES[edge.support_type].name
    return ""


class EdgeItem(QGraphicsItem):
    """Draws a connector between two node items; rerouted when they move."""

    def __init__(self, edge: Edge) -> None:
        super().__init__()
        self.edge_id = edge.id
        self.edge = edge
        self.points: list[geometry.Point] = [(0.0, 0.0), (1.0, 0.0)]
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self._label_rect = QRectF()
        self._caption = edge_caption(edge)
        self._selected = False
        self._polyline = QPolygonF()
        # the ends' frames (and all else a quick route depends on) the shown route
        # was made for, and the route shown before it: a change that leaves the
        # ends where they were costs nothing, and undo puts the previous one back
        self._route_key: tuple | None = None
        self._previous: tuple | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(5)

    def sync(self, edge: Edge) -> bool:
        """Take a new version of the edge; True if it must be rerouted."""
        old, self.edge = self.edge, edge
        caption, self._caption = self._caption, edge_caption(edge)
        self.update()
        return (old.source_id, old.target_id, old.routing, old.waypoints) != (
            edge.source_id,
            edge.target_id,
            edge.routing,
            edge.waypoints,
        ) or caption != self._caption

    def reroute(self, source: layout.Rect, target: layout.Rect) -> None:
        """A quick route while nodes move; the settled one comes from routing.py."""
        self.reroute_frames(
            (source.x, source.y, source.w, source.h),
            (target.x, target.y, target.w, target.h),
        )

    def reroute_frames(self, source: Frame, target: Frame) -> None:
        """reroute() from the ends' (x, y, w, h): nothing is built when they
        did not move."""
        edge = self.edge
        key = (source, target, edge.routing, edge.waypoints, self._caption)
        if key == self._route_key:
            return  # the ends did not move: the route shown is still right
        current = self._route_key, self._geometry()
        previous = self._previous
        if previous is not None and previous[0] == key:
            self.prepareGeometryChange()
            self._restore(previous[1])
        else:
            a, b = layout.Rect(*source), layout.Rect(*target)
            self._set_points(geometry.quick_route(edge, a, b))
        self._route_key = key
        self._previous = current if current[0] is not None else None

    def settle(self, points: list[geometry.Point]) -> None:
        """Show the settled route for where the ends are now."""
        if points != self.points:
            self._set_points(points)

    def set_points(self, points: list[geometry.Point]) -> None:
        """Show a route of one's own (a gesture's preview)."""
        self._route_key = None
        self._set_points(points)

    def _geometry(self) -> tuple:
        return (
            self.points,
            self._path,
            self._polyline,
            self._arrow,
            self._label_rect,
            self._bounds,
        )

    def _restore(self, shown: tuple) -> None:
        (
            self.points,
            self._path,
            self._polyline,
            self._arrow,
            self._label_rect,
            self._bounds,
        ) = shown
        self._shape = None

    def _set_points(self, points: list[geometry.Point]) -> None:
        if len(points) < 2:
            points = [points[0], points[0]] if points else [(0, 0), (0, 0)]
        self.prepareGeometryChange()
        self.points = points
        line = geometry.shorten_end(points, geometry.ARROW_SIZE * 0.8)
        path = QPainterPath(QPointF(*line[0]))
        for x, y in line[1:]:
            path.lineTo(x, y)
        self._path = path
        self._polyline = QPolygonF([QPointF(x, y) for x, y in points])
        head = layout.arrow_head(points, geometry.ARROW_SIZE)
        self._arrow = QPolygonF([QPointF(x, y) for x, y in head])
        self._shape = None
        self._label_rect = label = self._measure_label()
        # the frame of the points and the arrow's corners, without asking Qt to
        # measure the path and the polygon
        xs = [p[0] for p in points] + [p[0] for p in head]
        ys = [p[1] for p in points] + [p[1] for p in head]
        left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
        if not label.isNull():
            left, top = min(left, label.left()), min(top, label.top())
            right, bottom = max(right, label.right()), max(bottom, label.bottom())
        m = END_RADIUS + 3
        self._bounds = QRectF(
            left - m, top - m, right - left + 2 * m, bottom - top + 2 * m
        )

    def _measure_label(self) -> QRectF:
        if not self._caption:
            return QRectF()
        fm = style.metrics(LABEL_SIZE)
        text = geometry.elide(self._caption, LABEL_WIDTH, fm.horizontalAdvance)
        w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
        mx, my = layout.label_anchor(self.points)
        return QRectF(mx - w / 2, my - h / 2, w, h)

    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    # -- QGraphicsItem ----------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            shape = stroker.createStroke(self._path)
            extra = QPainterPath()
            extra.addPolygon(self._arrow)
            if not self._label_rect.isEmpty():
                extra.addRect(self._label_rect)
            if self.isSelected():
                for p in (self.points[0], self.points[-1]):
                    extra.addEllipse(QPointF(*p), END_RADIUS + 3, END_RADIUS + 3)
            # united, not added: overlapping sub-paths would cancel out as holes
            shape = shape.united(extra)
            self._shape = shape
        return self._shape

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._selected = bool(value)
            self._shape = None  # end handles join the hit area when selected
            # a selected connector comes above the nodes so its end handles can be
            # grabbed where they touch a node
            self.setZValue(12 if self._selected else 5)
        return value  # what QGraphicsItem.itemChange returns

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        colour, dash = theme.EDGE_STYLE.get(self.edge.kind, (theme.EDGE_INK, "solid"))
        selected = self._selected
        if selected:
            colour = theme.SELECTION
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_HIDDEN and not selected:
            return  # a 2,000-node overview: connectors would be sub-pixel scribbles
        if lod < LOD_DETAIL:  # an overview: thin plain lines are enough and cheap
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(style.pen(colour, 1.0))
            painter.drawPolyline(self._polyline)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            return
        painter.setBrush(style.NO_BRUSH)
        painter.setPen(style.pen(colour, 2.0 if selected else 1.3, dash))
        painter.drawPath(self._path)
        painter.setPen(style.pen(colour, 1.0))
        painter.setBrush(style.brush(colour))
        painter.drawPolygon(self._arrow)
        if self._caption:
            painter.setPen(style.pen(colour if selected else "#d0d7de", 1.0))
            painter.setBrush(style.brush("#ffffff", 235))
            painter.drawRoundedRect(self._label_rect, 4, 4)
            painter.setFont(style.font(LABEL_SIZE))
            painter.setPen(style.pen(theme.INK))
            fm = style.metrics(LABEL_SIZE)
            text = geometry.elide(self._caption, LABEL_WIDTH, fm.horizontalAdvance)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, text)
        if selected:
            painter.setPen(style.pen("#ffffff", 1.5))
            painter.setBrush(style.brush(theme.SELECTION))
            for p in (self.points[0], self.points[-1]):
                painter.drawEllipse(QPointF(*p), END_RADIUS, END_RADIUS)

    def end_at(
        self, scene_pos: QPointF, tolerance: float = END_RADIUS + 3
    ) -> str | None:
        """'source' or 'target' if a selected connector's end handle is there."""
        if not self.isSelected():
            return None
        for end, p in (("target", self.points[-1]), ("source", self.points[0])):
            if (scene_pos.x() - p[0]) ** 2 + (
                scene_pos.y() - p[1]
            ) ** 2 <= tolerance**2:
                return end
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        end = self.end_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and end is not None:
            scene.begin_reconnect(self, end, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene: DiagramScene = self.scene()  # type: ignore[assignment]
        scene.edit_label(self.edge_id)
        event.accept()
