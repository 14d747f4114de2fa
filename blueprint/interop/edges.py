"""Connectors to edges for one page: ends, labels, waypoints, loose ends."""

from __future__ import annotations

from blueprint.model.entities import Edge

from . import props as bp
from .lanes import Layout
from .mxfile import Cell
from .nodes import NodeMaker
from .styles import label_text, line_kind


class EdgeReader:
    """Reads a page's connectors once NodeMaker has made its nodes."""

    def __init__(self, maker: NodeMaker) -> None:
        self.m = maker
        self.tree = maker.tree

    def note(self, singular: str, plural: str, item: str = "") -> None:
        self.m.note(singular, plural, item)

    def _end(self, cell_id: str | None) -> str | None:
        if not cell_id:
            return None
        return self.m.node_of.get(self.m.alias.get(cell_id, ""))

    def _hit(self, x: float, y: float) -> str | None:
        hits = [
            (r[2] * r[3], node_id)
            for r, node_id in self.m.rects
            if r[0] <= x <= r[0] + r[2] and r[1] <= y <= r[1] + r[3]
        ]
        return min(hits)[1] if hits else None

    def _describe(self, cell: Cell) -> str:
        """'A -> B' from the ends' labels, for connectors without a label."""
        names = []
        for end in (cell.source, cell.target):
            other = self.tree.cells.get(end or "")
            text = ""
            if other is not None:
                text = label_text(
                    other.value, self.tree.styles[other.id], keep_spacing=False
                )
            names.append(" ".join(text.split()) or "?")
        return " -> ".join(names)

    def edges(self, layout: Layout) -> list[Edge]:
        out = []
        for cell in self.m.edge_cells:
            edge = self._edge(cell, layout)
            if edge is not None:
                out.append(edge)
                self.m.annotate(cell, "edge", edge.id)
        return out

    def _edge(self, cell: Cell, layout: Layout) -> Edge | None:
        props, style = cell.properties, self.tree.styles[cell.id]
        ours = props.get("bp_type") == "edge"
        own = label_text(cell.value, style, keep_spacing=ours)
        label = "\n".join(t for t in (own, *self.m.edge_labels.get(cell.id, ())) if t)
        name = " ".join(label.split()) or self._describe(cell)
        ox, oy = self.tree.origin(cell)
        g = cell.geometry
        ends = [self._end(cell.source), self._end(cell.target)]
        if not cell.source and not cell.target:
            kind = line_kind(label)
            if kind and g.source_point and g.target_point:
                px = ox + (g.source_point[0] + g.target_point[0]) / 2
                py = oy + (g.source_point[1] + g.target_point[1]) / 2
                self.m.line_cells.append((cell, kind, (px, py)))
                return None
        for i, point in enumerate((g.source_point, g.target_point)):
            if ends[i] is None and point is not None:
                ends[i] = self._hit(ox + point[0], oy + point[1])
                if ends[i] is not None:
                    self.note(
                        "a loose connector end was attached to the shape under it",
                        "{n} loose connector ends were attached to shapes under them",
                        name,
                    )
        source, target = ends
        if source is None or target is None:
            self.note(
                "a connector not attached to shapes at both ends was left out",
                "{n} connectors not attached to shapes at both ends were left out",
                name,
            )
            return None
        if source == target:
            self.note(
                "a connector from a shape to itself was left out",
                "{n} connectors from a shape to itself were left out",
                name,
            )
            return None
        waypoints = [layout.point(ox + px, oy + py) for px, py in g.points]
        stored = bp.parse_points(props.get("bp_waypoints"))
        if stored is not None and bp.close(stored, waypoints):
            waypoints = stored
        if len(label) > 2_000:
            label = label[:2_000]
            self.note(
                "a long connector label was shortened",
                "{n} long connector labels were shortened",
            )
        return Edge(
            id=self.m.r.ids.take(props.get("bp_id") if ours else None),
            diagram_id=self.m.r.diagram_id,
            source_id=source,
            target_id=target,
            label=label,
            waypoints=tuple(waypoints),
            **bp.edge_fields(props, style),
        )
