"""Mouse gestures on the canvas: each previews on the items only and, on release,
asks the scene for one command (architecture: a gesture is one command)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsRectItem

from blueprint import theme
from blueprint.layout import route_between
from blueprint.model.rules import snap

from . import geometry, style

if TYPE_CHECKING:
    from .edge_item import EdgeItem
    from .lane_items import LaneItem
    from .node_item import NodeItem
    from .scene import DiagramScene

MIN_NODE = 20.0
MIN_LANE = 40.0
DRAG_START = 3.0  # scene units a header must travel before a lane drag starts


class Tool:
    def move(self, pos: QPointF) -> None: ...

    def release(self, pos: QPointF) -> None: ...

    def cancel(self) -> None: ...


class MoveTool(Tool):
    """Drag the selected nodes; connectors follow; one move command on release."""

    def __init__(self, scene: DiagramScene, item: NodeItem, press: QPointF) -> None:
        self.scene, self.item, self.press = scene, item, press
        self.start: dict[str, tuple[NodeItem, float, float]] = {}
        self.moved = False

    def _begin(self) -> None:
        if not self.item.isSelected():
            self.item.setSelected(True)
        self.start = {
            i.node_id: (i, i.x(), i.y()) for i in self.scene.selected_node_items()
        }

    def move(self, pos: QPointF) -> None:
        if not self.start:
            self._begin()
        dx, dy = pos.x() - self.press.x(), pos.y() - self.press.y()
        if self.scene.snap_enabled:  # snap the grabbed node; the others keep offsets
            _, x0, y0 = self.start[self.item.node_id]
            g = self.scene.grid_size
            dx, dy = snap(x0 + dx, g) - x0, snap(y0 + dy, g) - y0
        self.moved = self.moved or bool(dx or dy)
        for item, x0, y0 in self.start.values():
            item.setPos(x0 + dx, y0 + dy)
        self.scene.reroute_nodes(self.start)

    def release(self, pos: QPointF) -> None:
        if self.moved:
            moves = {k: (i.x(), i.y()) for k, (i, _, _) in self.start.items()}
            self.scene.commit_move(moves)

    def cancel(self) -> None:
        for item, x0, y0 in self.start.values():
            item.setPos(x0, y0)
        self.scene.reroute_nodes(self.start)


class ResizeTool(Tool):
    """Drag one of a node's eight handles."""

    def __init__(
        self, scene: DiagramScene, item: NodeItem, handle: str, press: QPointF
    ) -> None:
        self.scene, self.item, self.handle, self.press = scene, item, handle, press
        self.frame0 = item.frame()
        self.moved = False

    def move(self, pos: QPointF) -> None:
        x, y, w, h = self.frame0
        left, top, right, bottom = x, y, x + w, y + h
        px, py = pos.x(), pos.y()
        if self.scene.snap_enabled:
            px, py = snap(px, self.scene.grid_size), snap(py, self.scene.grid_size)
        if "l" in self.handle:
            left = min(px, right - MIN_NODE)
        if "r" in self.handle:
            right = max(px, left + MIN_NODE)
        if "t" in self.handle:
            top = min(py, bottom - MIN_NODE)
        if "b" in self.handle:
            bottom = max(py, top + MIN_NODE)
        self.moved = True
        self.item.set_frame(left, top, right - left, bottom - top)
        self.scene.reroute_nodes([self.item.node_id])

    def release(self, pos: QPointF) -> None:
        if self.moved and self.item.frame() != self.frame0:
            self.scene.commit_resize(self.item.node_id, *self.item.frame())

    def cancel(self) -> None:
        self.item.set_frame(*self.frame0)
        self.scene.reroute_nodes([self.item.node_id])


def _preview_pen():
    return style.pen(theme.SELECTION, 1.6, "dash")


class ConnectTool(Tool):
    """Drag from a node's handle (or Alt+drag from the node) onto another node."""

    def __init__(self, scene: DiagramScene, source: NodeItem, press: QPointF) -> None:
        self.scene, self.source = scene, source
        self.target: NodeItem | None = None
        self.line = QGraphicsPathItem()
        self.line.setPen(_preview_pen())
        self.line.setZValue(900)
        self.halo = QGraphicsRectItem()
        self.halo.setPen(style.pen(theme.SELECTION, 2.5))
        self.halo.setZValue(899)
        self.halo.hide()
        scene.addItem(self.line)
        scene.addItem(self.halo)
        self.move(press)

    def move(self, pos: QPointF) -> None:
        self.target = self.scene.node_item_at(pos, exclude=self.source)
        end = (pos.x(), pos.y())
        if self.target is not None:
            box = self.target.box()
            points = route_between(self.source.rect(), self.target.rect())
            self.halo.setRect(QRectF(box.x - 3, box.y - 3, box.w + 6, box.h + 6))
            self.halo.show()
        else:
            points = [geometry.clip_to_outline(self.source.box(), end), end]
            self.halo.hide()
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(*p)
        self.line.setPath(path)

    def _clear(self) -> None:
        for item in (self.line, self.halo):
            if item.scene() is not None:
                self.scene.removeItem(item)

    def release(self, pos: QPointF) -> None:
        self.move(pos)
        self._clear()
        if self.target is not None:
            self.scene.commit_connect(self.source.node_id, self.target.node_id)

    def cancel(self) -> None:
        self._clear()


class ReconnectTool(Tool):
    """Drag a selected connector's end onto another node."""

    def __init__(
        self, scene: DiagramScene, item: EdgeItem, end: str, press: QPointF
    ) -> None:
        self.scene, self.item, self.end = scene, item, end
        self.target: NodeItem | None = None
        self.moved = False

    def move(self, pos: QPointF) -> None:
        self.moved = True
        self.target = self.scene.node_item_at(pos)
        points = list(self.item.points)
        p = (pos.x(), pos.y())
        if self.end == "source":
            self.item.set_points(
                [p, *points[1:]] if len(points) > 2 else [p, points[-1]]
            )
        else:
            self.item.set_points(
                [*points[:-1], p] if len(points) > 2 else [points[0], p]
            )

    def release(self, pos: QPointF) -> None:
        if self.moved:
            self.move(pos)
        if self.target is not None and self.moved:
            self.scene.commit_reconnect(
                self.item.edge_id, self.end, self.target.node_id
            )
        self.scene.reroute_edges([self.item.edge_id])

    def cancel(self) -> None:
        self.scene.reroute_edges([self.item.edge_id])


class LaneMoveTool(Tool):
    """Drag a lane's header up or down to reorder the lanes."""

    def __init__(self, scene: DiagramScene, lane: LaneItem, press: QPointF) -> None:
        self.scene, self.lane, self.press = scene, lane, press
        self.index: int | None = None
        self.marker = QGraphicsLineItem()
        self.marker.setPen(style.pen(theme.SELECTION, 3.0))
        self.marker.setZValue(900)

    def move(self, pos: QPointF) -> None:
        if self.index is None and abs(pos.y() - self.press.y()) < DRAG_START:
            return
        if self.marker.scene() is None:
            self.scene.addItem(self.marker)
        spans = self.scene.lane_spans()
        others = [
            (lane, top, bottom)
            for lane, top, bottom in spans
            if lane.id != self.lane.lane_id
        ]
        self.index = sum(1 for _, top, bottom in others if (top + bottom) / 2 < pos.y())
        if self.index < len(others):
            y = others[self.index][1]
        else:
            y = spans[-1][2] if spans else 0.0
        self.marker.setLine(QLineF(0, y, self.lane.width, y))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        if self.index is not None:
            self.scene.commit_lane_move(self.lane.lane_id, self.index)

    def cancel(self) -> None:
        if self.marker.scene() is not None:
            self.scene.removeItem(self.marker)


class LaneResizeTool(Tool):
    """Drag a lane's bottom edge to change its height."""

    def __init__(self, scene: DiagramScene, lane: LaneItem, press: QPointF) -> None:
        self.scene, self.lane = scene, lane
        self.height: float | None = None
        self.guide = QGraphicsLineItem()
        self.guide.setPen(style.pen(theme.SELECTION, 2.0, "dash"))
        self.guide.setZValue(900)
        scene.addItem(self.guide)

    def move(self, pos: QPointF) -> None:
        y = pos.y()
        if self.scene.snap_enabled:
            y = snap(y, self.scene.grid_size)
        self.height = max(MIN_LANE, y - self.lane.top)
        bottom = self.lane.top + self.height
        self.guide.setLine(QLineF(0, bottom, self.lane.width, bottom))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        if self.height is not None and self.height != self.lane.lane.height:
            self.scene.commit_lane_height(self.lane.lane_id, self.height)

    def cancel(self) -> None:
        if self.guide.scene() is not None:
            self.scene.removeItem(self.guide)
