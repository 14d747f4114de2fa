"""Drafting a diagram on a grid of stage columns and lane rows, for templates and
worked examples: positions come out inside their lanes and on the grid."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .entities import (
    Annotation,
    AnnotationBody,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    Lane,
    Node,
    Stage,
    new_id,
)
from .notations import NODE_KINDS, NOTATIONS, LaneSpec, LineSpec
from .rules import GRID, LANE_HEADER_WIDTH, lane_spans, snap, stage_spans

if TYPE_CHECKING:
    from .document import Document

COLUMN = 200.0  # column pitch: a node of NODE_WIDTH and a gap for connectors
MARGIN = 20.0  # from a lane's or stage's edge to the first node
ROW = 80.0  # row pitch inside a lane
NODE_WIDTH, NODE_HEIGHT = 160.0, 60.0

IdMaker = Callable[[str], str]


def random_ids(key: str) -> str:
    """Fresh ids: what a new diagram from a template gets."""
    return new_id()


def named_ids(namespace: str) -> IdMaker:
    """Ids derived from a name, so a builder makes the same ids on every run."""
    base = uuid.uuid5(uuid.NAMESPACE_URL, f"blueprint:{namespace}")
    return lambda key: uuid.uuid5(base, key).hex


class Draft:
    """A diagram under construction: lanes and lines from a notation, stages by
    column count, and nodes placed by (lane, column, row)."""

    def __init__(
        self,
        notation_id: str,
        name: str,
        *,
        order: int = 0,
        ids: IdMaker = random_ids,
        lanes: Sequence[LaneSpec] | None = None,
        lines: Sequence[LineSpec] | None = None,
        stages: Sequence[tuple[str, int]] = (),
    ) -> None:
        notation = NOTATIONS[notation_id]
        self._ids = ids
        self.diagram = Diagram(ids("diagram"), name, notation_id, order)
        did = self.diagram.id
        specs = notation.lanes if lanes is None else tuple(lanes)
        self.lanes = [
            Lane(ids(f"lane/{i}"), did, s.name, s.role, s.height, i)
            for i, s in enumerate(specs)
        ]
        line_specs = notation.lines if lines is None else tuple(lines)
        self.lines = [
            DividingLine(ids(f"line/{s.kind}"), did, s.kind, self.lanes[s.below].id)
            for s in line_specs
        ]
        self.stages = [
            Stage(ids(f"stage/{i}"), did, label, columns * COLUMN, i)
            for i, (label, columns) in enumerate(stages)
        ]
        self._tops: dict[str, float] = {}
        top = 0.0
        for lane in self.lanes:
            self._tops[lane.id] = top
            top += lane.height
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}
        self.annotations: list[Annotation] = []

    def lane(self, key: str | int) -> Lane:
        """A lane by index, or the first lane with a role."""
        if isinstance(key, int):
            return self.lanes[key]
        for lane in self.lanes:
            if lane.role == key:
                return lane
        raise KeyError(f"no lane with role {key!r}")

    def top(self, lane: str | int) -> float:
        """The y where a lane's band begins."""
        return self._tops[self.lane(lane).id]

    def node(
        self,
        key: str,
        lane: str | int,
        column: float,
        label: str,
        kind: str = "action",
        *,
        row: float | None = None,
        width: float = NODE_WIDTH,
        height: float = NODE_HEIGHT,
        **fields: Any,
    ) -> Node:
        """Place a node in a column (0 = first after the lane headers) and a row of
        its lane; without a row it is centred in the lane's height."""
        band = self.lane(lane)
        top = self._tops[band.id]
        x = snap(
            LANE_HEADER_WIDTH + MARGIN + column * COLUMN + (NODE_WIDTH - width) / 2
        )
        if row is None:
            y = snap(top + (band.height - height) / 2)
        else:
            y = snap(top + MARGIN + row * ROW)
        node = Node(
            self._ids(f"node/{key}"),
            self.diagram.id,
            band.id,
            kind,
            label,
            x=x,
            y=y,
            width=width,
            height=height,
            **fields,
        )
        if key in self.nodes:
            raise KeyError(f"node {key!r} placed twice")
        self.nodes[key] = node
        return node

    def edge(
        self, source: str, target: str, kind: str = "flow", *, key: str = "", **fields
    ) -> Edge:
        key = key or f"{source}>{target}"
        edge = Edge(
            self._ids(f"edge/{key}"),
            self.diagram.id,
            self.nodes[source].id,
            self.nodes[target].id,
            kind,
            **fields,
        )
        if key in self.edges:
            raise KeyError(f"edge {key!r} drawn twice")
        self.edges[key] = edge
        return edge

    def customer_steps(
        self, steps: tuple[tuple[str, int, str, str, float | None, float | None], ...]
    ) -> None:
        """The customer's path: per step (key, column, evidence, label, duration,
        wait) a physical-evidence item above a customer action, a wait point where
        the customer waits, and flow connectors along the steps."""
        for key, column, evidence, label, duration, wait in steps:
            self.node(f"ev.{key}", "physical_evidence", column, evidence, "evidence")
            self.node(
                key,
                "customer",
                column,
                label,
                duration=None if duration is None else float(duration),
                wait_time=None if wait is None else float(wait),
                wait_point=wait is not None,
            )
        self.path(*(step[0] for step in steps))

    def path(self, *keys: str, kind: str = "flow") -> list[Edge]:
        """Flow connectors along a sequence of nodes."""
        return [self.edge(a, b, kind) for a, b in pairwise(keys)]

    def annotate(self, target: str, body: AnnotationBody) -> Annotation:
        """Annotate a node or edge by key, or the whole diagram with "diagram"."""
        if target == "diagram":
            kind, target_id = "diagram", self.diagram.id
        elif target in self.nodes:
            kind, target_id = "node", self.nodes[target].id
        else:
            kind, target_id = "edge", self.edges[target].id
        order = len(self.annotations)
        note = Annotation(
            self._ids(f"annotation/{order}"),
            self.diagram.id,
            kind,
            target_id,
            body,
            order,
        )
        self.annotations.append(note)
        return note

    def entities(self) -> list[Entity]:
        return [
            self.diagram,
            *self.lanes,
            *self.lines,
            *self.stages,
            *self.nodes.values(),
            *self.edges.values(),
            *self.annotations,
        ]


# -- label fitting: the layout rule templates and examples are checked against -------

CHAR_WIDTH = 7.0  # px per character of a 10 pt label, a fair average for DejaVu Sans
LINE_HEIGHT = 15.2  # a 10 pt label is 13 px at 96 dpi; DejaVu spaces lines by 1.17
LABEL_PADDING = 6.0
MAX_LABEL_LINES = 3


def text_area(shape: str, width: float, height: float) -> tuple[float, float]:
    """The width and height a label may use inside a node's shape: the inscribed box
    of an ellipse or diamond, below the figure of a person, between a cylinder's
    caps (the proportions the canvas and the report draw)."""
    if shape in ("ellipse", "circle", "diamond", "hexagon"):
        k = {"diamond": 0.5, "hexagon": 0.8}.get(shape, 0.71)
        side_w, side_h = (
            (min(width, height),) * 2 if shape == "circle" else (width, height)
        )
        return side_w * k - 4, side_h * k
    if shape == "person":
        figure = 5 + min(22.0, height * 0.35) + 4
        return width - 2 * LABEL_PADDING, height - figure - 3
    if shape == "cylinder":
        return width - 2 * LABEL_PADDING, height - 1.5 * min(height * 0.2, 14.0)
    return width - 2 * LABEL_PADDING, height - LABEL_PADDING


def label_lines(
    label: str, width: float, shape: str = "rect", height: float = NODE_HEIGHT
) -> list[str] | None:
    """The label word-wrapped to the node's text width, or None if a word is too
    long for a line."""
    per_line = int(text_area(shape, width, height)[0] // CHAR_WIDTH)
    lines: list[str] = []
    for word in label.split():
        if len(word) > per_line:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def label_fits(
    label: str, width: float, shape: str = "rect", height: float = NODE_HEIGHT
) -> bool:
    """Whether a label wraps into at most three lines that its node's shape has
    room for."""
    lines = label_lines(label, width, shape, height)
    room = int(text_area(shape, width, height)[1] // LINE_HEIGHT)
    return lines is not None and len(lines) <= min(room, MAX_LABEL_LINES)


def layout_problems(doc: Document, diagram_id: str) -> list[str]:
    """What breaks the drafting rules in a diagram: nodes outside their lane band or
    off the grid, overlapping nodes, labels that do not fit, nodes across stages."""
    problems: list[str] = []
    bands = {lane.id: (top, low) for lane, top, low in lane_spans(doc, diagram_id)}
    columns = [(left, right) for _, left, right in stage_spans(doc, diagram_id)]
    nodes = sorted(doc.nodes(diagram_id), key=lambda n: (n.x, n.y, n.id))
    for n in nodes:
        name = f"node {n.label!r}"
        top, bottom = bands[n.lane_id]
        if not (top <= n.y and n.y + n.height <= bottom):
            problems.append(f"{name} is not inside its lane's band")
        if any(v % GRID for v in (n.x, n.y, n.width, n.height)):
            problems.append(f"{name} is off the {GRID:g} px grid")
        if not label_fits(n.label, n.width, NODE_KINDS[n.kind].shape, n.height):
            problems.append(f"{name}'s label does not fit its shape")
        if columns and not any(a <= n.x and n.x + n.width <= b for a, b in columns):
            problems.append(f"{name} is not inside one stage column")
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if b.x >= a.x + a.width:
                break  # sorted by x: no later node can overlap a
            if a.y < b.y + b.height and b.y < a.y + a.height:
                problems.append(f"nodes {a.label!r} and {b.label!r} overlap")
    return problems
