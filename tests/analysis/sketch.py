"""A tiny way to draw test diagrams: nodes by lane role and column, readable ids."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from blueprint.analysis import DiagramAnalysis, analyse_diagram
from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Document,
    Edge,
    Lane,
    Node,
)
from blueprint.model.notations import NOTATIONS

COLUMN, NODE_W, NODE_H = 200.0, 140.0, 60.0


class Sketch:
    """One diagram of a notation in a fresh Document; node ids are their keys."""

    def __init__(self, notation: str = "service-blueprint", name: str = "Test") -> None:
        self.doc = Document()
        spec = NOTATIONS[notation]
        self.diagram_id = f"d-{name}"
        self.doc.add([Diagram(self.diagram_id, name, notation)])
        self.lanes = [
            Lane(
                f"{self.diagram_id}-lane{i}",
                self.diagram_id,
                s.name,
                s.role,
                s.height,
                i,
            )
            for i, s in enumerate(spec.lanes)
        ]
        lines = [
            DividingLine(
                f"{self.diagram_id}-{s.kind}",
                self.diagram_id,
                s.kind,
                self.lanes[s.below].id,
            )
            for s in spec.lines
        ]
        self.doc.add([*self.lanes, *lines])
        self._notes = 0

    def lane(self, key: str | int) -> Lane:
        if isinstance(key, int):
            return self.lanes[key]
        return next(lane for lane in self.lanes if lane.role == key)

    def top(self, lane: Lane) -> float:
        return sum(x.height for x in self.lanes if x.order < lane.order)

    def node(
        self, key: str, lane: str | int, column: float, kind: str = "action", **f: Any
    ) -> str:
        band = self.lane(lane)
        y = f.pop("y", self.top(band) + (band.height - NODE_H) / 2)
        node = Node(
            key,
            self.diagram_id,
            f.pop("lane_id", band.id),
            kind,
            f.pop("label", key),
            x=160 + 20 + column * COLUMN,
            y=y,
            width=NODE_W,
            height=NODE_H,
            **f,
        )
        self.doc.add([node])
        return key

    def edge(self, a: str, b: str, kind: str = "flow", **f: Any) -> str:
        edge_id = f.pop("id", f"{a}>{b}")
        self.doc.add([Edge(edge_id, self.diagram_id, a, b, kind, **f)])
        return edge_id

    def flow(self, *keys: str) -> list[str]:
        return [self.edge(a, b) for a, b in pairwise(keys)]

    def annotate(self, target: str, body: Any) -> str:
        if target == "diagram":
            kind, target_id = "diagram", self.diagram_id
        elif isinstance(self.doc.get(target), Node):
            kind, target_id = "node", target
        else:
            kind, target_id = "edge", target
        self._notes += 1
        note_id = f"{self.diagram_id}-a{self._notes}"
        self.doc.add(
            [Annotation(note_id, self.diagram_id, kind, target_id, body, self._notes)]
        )
        return note_id

    def analyse(self) -> DiagramAnalysis:
        return analyse_diagram(self.doc, self.diagram_id)


def checks_of(result: DiagramAnalysis, check: str) -> list[tuple[str, ...]]:
    """The node ids of each finding of one check."""
    return [f.node_ids for f in result.findings if f.check == check]
