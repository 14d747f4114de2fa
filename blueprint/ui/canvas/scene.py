"""The scene of one diagram: items built from the Document and kept in step with its
events. Items never hold the truth; every change is a command on the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QTransform, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from blueprint.model import (
    DividingLine,
    Document,
    Edge,
    Lane,
    Node,
)
from blueprint.model.rules import GRID, LANE_HEADER_WIDTH, lane_spans, stage_spans

from . import style, tools
from .actions import SceneActions
from .background import draw_background
from .edge_item import EdgeItem
from .editor import LabelEditing
from .handles import show_handles
from .lane_items import DividingLineItem, LaneItem, StageItem
from .node_item import NodeItem
from .routing import RouteScheduler
from .sync import RIGHT_ROOM, ModelSync

MIN_WIDTH = 1200.0  # lanes run at least this far right
SCENE_MARGIN = 800.0  # room to pan and drop beyond the content
MIN_CONTENT = 400.0  # an empty diagram still fits its lane headers and some room
SPARE_EDGES = 2000  # items of deleted connectors kept for undo to show again


class DiagramScene(QGraphicsScene, SceneActions, ModelSync, LabelEditing):
    """Scene of one diagram of a Document; edits go through `undo_stack`."""

    selection_ids_changed = Signal(list)
    message = Signal(str)  # a one-line explanation when an edit is refused

    def __init__(
        self,
        document: Document,
        diagram_id: str,
        undo_stack: QUndoStack,
        parent=None,
    ) -> None:
        super().__init__(parent)
        style.ensure_fonts()
        self.document = document
        self.diagram_id = diagram_id
        self.undo_stack = undo_stack
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._spare_edges: dict[str, EdgeItem] = {}  # deleted lately, for undo
        self._edges_by_node: dict[str, set[str]] = {}
        self._lanes: dict[str, LaneItem] = {}
        self._stages: dict[str, StageItem] = {}
        self._lines: dict[str, DividingLineItem] = {}
        self._spans: list[tuple[Lane, float, float]] = []
        self._width = MIN_WIDTH
        self._content: QRectF | None = None
        self._handles_on: NodeItem | None = None
        self._tool: tools.Tool | None = None
        self._grid_visible = True
        self._snap_enabled = True
        self._grid_size = GRID
        self.highlight_mode: str | None = None
        # Asked before deleting a lane that holds nodes: (lane, node count, whether
        # its nodes can move to a neighbour) -> "move", "delete" or None to cancel.
        self.confirm_lane_delete: Callable[[Lane, int, bool], str | None] = (
            self._ask_lane_delete
        )
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._routes = RouteScheduler(document, diagram_id, self._settle_edge, self)
        self._build()
        self._routes.invalidate()
        self._unsubscribe = document.events.subscribe(self._on_changed)
        self.selectionChanged.connect(self._selection_changed)

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        d = self.diagram_id
        for lane in self.document.lanes(d):
            self._add_item(self._lanes, lane.id, LaneItem(lane))
        for stage in self.document.stages(d):
            self._add_item(self._stages, stage.id, StageItem(stage))
        for line in self.document.lines(d):
            self._add_item(self._lines, line.id, DividingLineItem(line))
        for node in self.document.nodes(d):
            self._add_node(node)
        self._relayout()
        for edge in self.document.edges(d):
            self._add_edge(edge)
        for a in self.document.annotations(d):
            if a.target_kind == "node" and a.target_id in self._nodes:
                self._refresh_annotations(a.target_id)

    def _add_item(self, table: dict, key: str, item: QGraphicsItem) -> None:
        table[key] = item
        self.addItem(item)

    def _add_node(self, node: Node) -> None:
        self._add_item(self._nodes, node.id, NodeItem(node))

    def _add_edge(self, edge: Edge) -> None:
        item = self._spare_edges.pop(edge.id, None)
        if item is None:
            item = EdgeItem(edge)
        else:  # undo brings a deleted connector back: its item still knows its route
            item.sync(edge)
        self._add_item(self._edges, edge.id, item)
        for end in (edge.source_id, edge.target_id):
            self._edges_by_node.setdefault(end, set()).add(edge.id)
        self._reroute(item)

    def _remove_edge(self, edge_id: str) -> None:
        item = self._edges.pop(edge_id, None)
        if item is None:
            return
        for end in (item.edge.source_id, item.edge.target_id):
            self._edges_by_node.get(end, set()).discard(edge_id)
        self.removeItem(item)
        if item.isSelected():
            item.setSelected(False)
        spare = self._spare_edges
        spare[edge_id] = item
        if len(spare) > SPARE_EDGES:
            del spare[next(iter(spare))]  # the longest deleted

    def _reroute(self, item: EdgeItem) -> None:
        source = self._nodes.get(item.edge.source_id)
        target = self._nodes.get(item.edge.target_id)
        if source is not None and target is not None:
            item.reroute_frames(source.frame(), target.frame())

    def _relayout(self) -> None:
        """Place lanes, stages and lines from the model (they are few)."""
        d = self.diagram_id
        self._spans = lane_spans(self.document, d)
        stages = stage_spans(self.document, d)
        right = max(
            [LANE_HEADER_WIDTH + MIN_WIDTH]
            + [r + RIGHT_ROOM for _, _, r in stages]
            + [i.x() + i.w + RIGHT_ROOM for i in self._nodes.values()]
        )
        self._width = right
        height = self._spans[-1][2] if self._spans else 0.0
        for lane, top, _ in self._spans:
            self._lanes[lane.id].place(lane, top, right)
        for stage, left, _ in stages:
            self._stages[stage.id].place(stage, left, height)
        bottoms = {lane.id: bottom for lane, _, bottom in self._spans}
        for item in self._lines.values():
            line = self.document.get(item.line_id)
            if isinstance(line, DividingLine):
                item.place(line, bottoms.get(line.below_lane_id, 0.0), right)
        self._update_scene_rect()
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def _update_scene_rect(self, grow: Iterable[NodeItem] | None = None) -> None:
        """Fit the scene rect around lanes and nodes; with `grow`, only widen it
        for those nodes (a full pass costs O(nodes) on every change otherwise)."""
        m = SCENE_MARGIN
        if grow is None:
            bottom = self._spans[-1][2] if self._spans else 400.0
            rect = QRectF(0.0, -60.0, self._width, bottom + 60.0)
            grow = self._nodes.values()
        else:
            rect = self.sceneRect().adjusted(m / 4, m / 2, -m * 3 / 4, -m / 2)
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        for item in grow:
            x, y = item.x(), item.y()
            left, right = min(left, x), max(right, x + item.w)
            top, bottom = min(top, y), max(bottom, y + item.h)
        new = QRectF(left - m / 4, top - m / 2, right - left + m, bottom - top + m)
        if new != self.sceneRect():
            self.setSceneRect(new)
        self._content = None

    def content_rect(self) -> QRectF:
        """Lane headers, stages and nodes (not the lanes' empty run-out to the
        right): what zoom-to-fit and the minimap show."""
        if self._content is None:
            self._content = self._measure_content()
        return QRectF(self._content)

    def _measure_content(self) -> QRectF:
        right = LANE_HEADER_WIDTH + MIN_CONTENT
        for item in self._stages.values():
            right = max(right, item.left + item.stage.width)
        bottom = self._spans[-1][2] if self._spans else 200.0
        left, top = 0.0, -40.0 if self._stages else 0.0
        for item in self._nodes.values():
            x, y = item.x(), item.y()
            left, top = min(left, x), min(top, y)
            right, bottom = max(right, x + item.w), max(bottom, y + item.h)
        return QRectF(left, top, right - left, bottom - top)

    def reroute_nodes(self, node_ids: Iterable[str], also: Iterable[str] = ()) -> None:
        """Reroute every connector of the nodes (each once)."""
        edge_ids = set(also)
        for node_id in node_ids:
            edge_ids.update(self._edges_by_node.get(node_id, ()))
        self.reroute_edges(edge_ids)

    def reroute_edges(self, edge_ids: Iterable[str]) -> None:
        for edge_id in edge_ids:
            item = self._edges.get(edge_id)
            if item is not None:
                self._reroute(item)

    def _settle_edge(self, edge_id: str, points: list) -> None:
        item = self._edges.get(edge_id)
        if item is not None:
            item.settle(points)

    def settle_routes(self) -> None:
        """Give every connector its final route now (export, tests)."""
        self._routes.finish()

    def routes_settled(self) -> bool:
        return not self._routes.busy()

    def detach(self) -> None:
        """Stop following the document (call before dropping the scene)."""
        self._routes.stop()
        self._spare_edges.clear()
        self._unsubscribe()
        self._unsubscribe = lambda: None

    # -- lookup -----------------------------------------------------------------------

    def node_item(self, node_id: str) -> NodeItem | None:
        return self._nodes.get(node_id)

    def edge_item(self, edge_id: str) -> EdgeItem | None:
        return self._edges.get(edge_id)

    def lane_item(self, lane_id: str) -> LaneItem | None:
        return self._lanes.get(lane_id)

    def item_ids(self) -> dict[str, set[str]]:
        """Ids of the items shown, by kind (tests compare them with the model)."""
        return {
            "node": set(self._nodes),
            "edge": set(self._edges),
            "lane": set(self._lanes),
            "stage": set(self._stages),
            "line": set(self._lines),
        }

    def lane_spans(self) -> list[tuple[Lane, float, float]]:
        return list(self._spans)

    def lane_ids(self) -> list[str]:
        return [lane.id for lane, _, _ in self._spans]

    def lane_width(self) -> float:
        return self._width

    def node_item_at(
        self, pos: QPointF, exclude: NodeItem | None = None
    ) -> NodeItem | None:
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape):
            if (
                isinstance(item, NodeItem)
                and item is not exclude
                and QRectF(0, 0, item.w, item.h).contains(item.mapFromScene(pos))
            ):
                return item
        return None

    def selected_node_items(self) -> list[NodeItem]:
        return [i for i in self.selectedItems() if isinstance(i, NodeItem)]

    # -- selection --------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        out = []
        for item in self.selectedItems():
            if isinstance(item, NodeItem):
                out.append(item.node_id)
            elif isinstance(item, EdgeItem):
                out.append(item.edge_id)
        return out

    def select_ids(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for i in wanted:
                item = self._nodes.get(i) or self._edges.get(i)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self._selection_changed()

    def select_all(self) -> None:
        self.select_ids([*self._nodes, *self._edges])

    def _selection_changed(self) -> None:
        nodes = self.selected_node_items()
        single = nodes[0] if len(nodes) == 1 else None
        old = self._handles_on
        if old is not single:
            if old is not None and shiboken6.isValid(old) and old.scene() is self:
                show_handles(old, False)
            if single is not None:
                show_handles(single, True)
            self._handles_on = single
        self.selection_ids_changed.emit(self.selected_ids())

    # -- grid -------------------------------------------------------------------------

    @property
    def grid_visible(self) -> bool:
        return self._grid_visible

    @grid_visible.setter
    def grid_visible(self, value: bool) -> None:
        self._grid_visible = bool(value)
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    @property
    def snap_enabled(self) -> bool:
        return self._snap_enabled

    @snap_enabled.setter
    def snap_enabled(self, value: bool) -> None:
        self._snap_enabled = bool(value)

    @property
    def grid_size(self) -> float:
        """The grid's spacing in diagram units: what is drawn and what snaps."""
        return self._grid_size

    @grid_size.setter
    def grid_size(self, value: float) -> None:
        if value <= 0:
            raise ValueError(f"grid size: must be positive, not {value}")
        self._grid_size = float(value)
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        draw_background(self, painter, rect)

    # -- gestures ---------------------------------------------------------------------

    def _begin(self, tool: tools.Tool) -> None:
        self._tool = tool
        self._routes.paused = True  # settled routes would fight the preview

    def begin_move(self, item: NodeItem, pos: QPointF) -> None:
        self._begin(tools.MoveTool(self, item, pos))

    def begin_connect(self, item: NodeItem, pos: QPointF) -> None:
        self._begin(tools.ConnectTool(self, item, pos))

    def begin_reconnect(self, item: EdgeItem, end: str, pos: QPointF) -> None:
        self._begin(tools.ReconnectTool(self, item, end, pos))

    def begin_resize(self, item: NodeItem, handle: str, pos: QPointF) -> None:
        self._begin(tools.ResizeTool(self, item, handle, pos))

    def begin_lane_move(self, item: LaneItem, pos: QPointF) -> None:
        self._begin(tools.LaneMoveTool(self, item, pos))

    def begin_lane_resize(self, item: LaneItem, pos: QPointF) -> None:
        self._begin(tools.LaneResizeTool(self, item, pos))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._tool is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._tool.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        tool, self._tool = self._tool, None
        self._routes.paused = False
        if tool is not None and event.button() == Qt.MouseButton.LeftButton:
            tool.release(event.scenePos())
        super().mouseReleaseEvent(event)

    def cancel_gesture(self) -> bool:
        tool, self._tool = self._tool, None
        self._routes.paused = False
        if tool is not None:
            tool.cancel()
        return tool is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editing():
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        step = 10.0 if mods & Qt.KeyboardModifier.ShiftModifier else 1.0
        arrows = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in arrows and self.selected_node_items():
            self.nudge(*arrows[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key == Qt.Key.Key_Escape:
            if not self.cancel_gesture():
                self.clearSelection()
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            ids = self.selected_ids()
            if len(ids) == 1:
                self.edit_label(ids[0])
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            self.duplicate_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self.itemAt(event.scenePos(), self.view_transform())
        if not isinstance(item, NodeItem | EdgeItem):
            super().contextMenuEvent(event)  # lane headers have their own menu
            return
        entity_id = item.node_id if isinstance(item, NodeItem) else item.edge_id
        if not item.isSelected():
            self.select_ids([entity_id])
        menu = QMenu()
        menu.addAction("Edit label", lambda: self.edit_label(entity_id))
        if isinstance(item, EdgeItem):
            for routing, text in (
                ("orthogonal", "Orthogonal"),
                ("straight", "Straight"),
            ):
                action = menu.addAction(
                    text, lambda r=routing: self.set_edge_routing(entity_id, r)
                )
                action.setCheckable(True)
                action.setChecked(item.edge.routing == routing)
        menu.addSeparator()
        menu.addAction("Delete", self.delete_selection)
        menu.exec(event.screenPos())
        event.accept()

    def view_transform(self) -> QTransform:
        views = self.views()
        return views[0].transform() if views else QTransform()
