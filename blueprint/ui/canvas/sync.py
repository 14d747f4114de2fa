"""How a diagram scene follows its Document: one EntitiesChanged at a time, it
adds, updates and removes exactly the items of the entities that changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QGraphicsScene

from blueprint import theme
from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    EntitiesChanged,
    GapFinding,
    Lane,
    Node,
    QualityRating,
    Stage,
)

from .lane_items import DividingLineItem, LaneItem, StageItem

if TYPE_CHECKING:
    from .scene import DiagramScene

RIGHT_ROOM = 600.0  # lanes run this far past the rightmost node or stage


class ModelSync:
    """Mixed into DiagramScene."""

    def _on_changed(self: DiagramScene, event: EntitiesChanged) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if self.diagram_id not in event.touched_diagrams():
            return
        d = self.diagram_id
        relayout = False
        dirty_nodes: set[str] = set()
        dirty_edges: set[str] = set()
        badges: set[str] = set()
        mine = [e for e in event.removed if getattr(e, "diagram_id", e.id) == d]
        for e in mine:
            if isinstance(e, Edge):
                self._remove_edge(e.id)
        for e in mine:
            if isinstance(e, Node):
                item = self._nodes.pop(e.id)
                for edge_id in self._edges_by_node.pop(e.id, set()):
                    self._remove_edge(edge_id)
                self.removeItem(item)
            elif isinstance(e, Lane | Stage | DividingLine):
                table = self._table(e)
                self.removeItem(table.pop(e.id))
                relayout = True
            elif isinstance(e, Annotation):
                badges.add(e.target_id)
            elif isinstance(e, Diagram):
                self._clear_all()
                return
        added = [e for e in event.added if getattr(e, "diagram_id", None) == d]
        for e in added:
            if isinstance(e, Node):
                self._add_node(e)
                dirty_nodes.add(e.id)
                relayout = relayout or e.x + e.width + RIGHT_ROOM > self._width
            elif isinstance(e, Lane):
                self._add_item(self._lanes, e.id, LaneItem(e))
                relayout = True
            elif isinstance(e, Stage):
                self._add_item(self._stages, e.id, StageItem(e))
                relayout = True
            elif isinstance(e, DividingLine):
                self._add_item(self._lines, e.id, DividingLineItem(e))
                relayout = True
            elif isinstance(e, Annotation):
                badges.add(e.target_id)
        for old, new in event.updated:
            if getattr(new, "diagram_id", None) != d:
                continue
            if isinstance(new, Node):
                if self._nodes[new.id].sync(new):
                    dirty_nodes.add(new.id)
                    if new.x + new.width + RIGHT_ROOM > self._width:
                        relayout = True
            elif isinstance(new, Edge):
                item = self._edges[new.id]
                for end in (old.source_id, old.target_id):
                    self._edges_by_node.get(end, set()).discard(new.id)
                for end in (new.source_id, new.target_id):
                    self._edges_by_node.setdefault(end, set()).add(new.id)
                if item.sync(new):
                    dirty_edges.add(new.id)
            elif isinstance(new, Lane | Stage | DividingLine):
                relayout = True
            elif isinstance(new, Annotation):
                badges.update((old.target_id, new.target_id))
        for e in added:
            if isinstance(e, Edge):
                self._add_edge(e)
        if mine:
            self._content = None
        if relayout:
            self._relayout()
        elif dirty_nodes:
            self._update_scene_rect(self._nodes[i] for i in dirty_nodes)
        self.reroute_nodes(dirty_nodes, also=dirty_edges)
        if relayout or dirty_nodes or dirty_edges or mine or added:
            self._routes.invalidate()
        for target in badges:
            if target in self._nodes:
                self._refresh_annotations(target)

    def _table(self: DiagramScene, e: object) -> dict:
        if isinstance(e, Lane):
            return self._lanes
        if isinstance(e, Stage):
            return self._stages
        return self._lines

    def _clear_all(self: DiagramScene) -> None:
        for table in (self._edges, self._nodes, self._lines, self._stages, self._lanes):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        self._spare_edges.clear()
        self._edges_by_node.clear()
        self._spans = []
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def _refresh_annotations(self: DiagramScene, node_id: str) -> None:
        gaps: set[int] = set()
        quality: list[str] = []
        for a in self.document.annotations_of(node_id):
            if isinstance(a.body, GapFinding):
                gaps.add(a.body.gap)
            elif isinstance(a.body, QualityRating):
                quality.append(theme.rating_colour(a.body.rating))
        self._nodes[node_id].set_annotations(sorted(gaps), quality)
