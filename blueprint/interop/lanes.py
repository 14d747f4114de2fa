"""Which swimlanes of a page are lanes, and how page points map to diagram points.

Blueprint's lanes are horizontal bands stacked from y = 0 with their names left of
LANE_HEADER_WIDTH. A draw.io lane's content starts after its own header; that start
(the leftmost over the page) is placed at LANE_HEADER_WIDTH, and a point's offset
into its lane becomes its offset below the Blueprint lane's top. Vertical pools
(lanes as columns) are turned a quarter: their flow runs down, Blueprint's runs right.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.model.rules import LANE_HEADER_WIDTH

from .mxfile import Cell
from .styles import is_swimlane
from .tree import PageTree

SPAN = 0.6  # a child swimlane covering this share of its parent is a sub-lane
MAX_NESTING = 8
DEFAULT_START_SIZE = 40.0  # mxGraph's swimlane header size when the style has none


@dataclass
class LaneBox:
    """A lane as drawn: its page rectangle, orientation and header."""

    cell: Cell | None
    x: float
    y: float
    w: float
    h: float
    column: bool  # a vertical lane: the flow runs down it
    head: float  # header size where the flow starts (left of bands, top of columns)
    top: float = 0.0  # Blueprint: the lane's top y
    height: float = 0.0  # Blueprint: the lane's height
    parent: Cell | None = None  # the lane this one subdivides, if any

    @property
    def thickness(self) -> float:
        return self.w if self.column else self.h

    def across(self, px: float, py: float) -> float:
        """How far into the lane a point is, across the flow."""
        return px - self.x if self.column else py - self.y

    def along(self, px: float, py: float) -> float:
        return py if self.column else px

    @property
    def content_start(self) -> float:
        return (self.y if self.column else self.x) + self.head

    def distance(self, px: float, py: float) -> float:
        dx = max(self.x - px, 0.0, px - (self.x + self.w))
        dy = max(self.y - py, 0.0, py - (self.y + self.h))
        return (dx * dx + dy * dy) ** 0.5


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value not in (None, "") else default  # type: ignore[arg-type]
    except ValueError:
        return default


def _is_column(tree: PageTree, cell: Cell) -> bool:
    g = cell.geometry
    return tree.styles[cell.id].get("horizontal") != "0" and g.height > g.width


def _box(tree: PageTree, cell: Cell, parent: Cell | None) -> LaneBox:
    x, y, w, h = tree.rect(cell)
    column = _is_column(tree, cell)
    style = tree.styles[cell.id]
    start = _number(style.get("startSize"), DEFAULT_START_SIZE)
    header_on_left = style.get("horizontal") == "0"
    # a band with its title on top, or a column with its title on the left, has
    # no header across the start of the flow
    head = start if header_on_left != column else 0.0
    head = min(max(head, 0.0), h if column else w)
    return LaneBox(cell, x, y, w, h, column, head, parent=parent)


def _sub_lanes(tree: PageTree, cell: Cell) -> list[Cell]:
    return [
        k
        for k in tree.kids(cell.id)
        if k.vertex and not k.geometry.relative and is_swimlane(tree.styles[k.id])
    ]


def _expand(
    tree: PageTree, cell: Cell, depth: int, parents: dict[str, Cell], split: set[str]
) -> list[Cell]:
    """A swimlane's leaf lanes in order: itself, or its sub-lanes' leaves. `parents`
    gets each sub-lane's parent lane; `split` the ids of swimlanes split up."""
    kids = _sub_lanes(tree, cell)
    if not kids or depth >= MAX_NESTING:
        return [cell]
    # sub-lanes run the parent's way: across a band, down a column
    columns = _is_column(tree, cell)
    g = cell.geometry
    if not all(
        (k.geometry.height >= SPAN * g.height)
        if columns
        else (k.geometry.width >= SPAN * g.width)
        for k in kids
    ):
        return [cell]  # small swimlanes inside a lane are containers, not lanes
    split.add(cell.id)
    kids.sort(key=lambda k: tree.pos[k.id] if columns else tree.pos[k.id][::-1])
    out: list[Cell] = []
    for k in kids:
        leaves = _expand(tree, k, depth + 1, parents, split)
        if depth > 0:  # a lane split into sub-lanes, not a pool
            for leaf in leaves:
                parents.setdefault(leaf.id, cell)
        out.extend(leaves)
    return out


def find_lanes(tree: PageTree, skip: set[str]) -> tuple[list[LaneBox], set[str]]:
    """The page's lanes in order, and the ids of pools (swimlanes split in lanes).

    A top-level swimlane (one without a swimlane around it) is a pool when its
    swimlane children span it, else a lane; `skip` names cells that are never lanes
    themselves (a Blueprint diagram's pool)."""
    tops: list[Cell] = []
    inside_lane: dict[str, bool] = {}
    for cell_id in tree.order:
        cell = tree.cells.get(cell_id)
        if cell is None or tree.is_container(cell_id):
            continue
        parent = tree.parent(cell)
        above = parent is not None and (
            inside_lane.get(parent.id, False)
            or (parent.vertex and is_swimlane(tree.styles[parent.id]))
        )
        inside_lane[cell_id] = above
        if (
            cell.vertex
            and not above
            and not cell.geometry.relative
            and is_swimlane(tree.styles[cell_id])
        ):
            tops.append(cell)
    groups: list[tuple[tuple[float, float], list[LaneBox]]] = []
    pools: set[str] = set()
    for top in tops:
        parents: dict[str, Cell] = {}
        leaves = [c for c in _expand(tree, top, 0, parents, pools) if c.id not in skip]
        if not leaves:
            pools.add(top.id)
        boxes = [_box(tree, c, parents.get(c.id)) for c in leaves]
        if not boxes:
            continue
        x, y = tree.pos[top.id]
        key = (x, y) if all(b.column for b in boxes) else (y, x)
        groups.append((key, boxes))
    groups.sort(key=lambda g: g[0])
    return [b for _, boxes in groups for b in boxes], pools


class Layout:
    """Maps page points to diagram points once lanes have their Blueprint tops."""

    def __init__(self, lanes: list[LaneBox]) -> None:
        self.lanes = lanes
        bands = [lane.content_start for lane in lanes if not lane.column]
        columns = [lane.content_start for lane in lanes if lane.column]
        self.origin = {False: min(bands, default=0.0), True: min(columns, default=0.0)}

    def stack(self) -> None:
        top = 0.0
        for lane in self.lanes:
            lane.top = top
            top += lane.height

    def nearest(self, px: float, py: float) -> tuple[LaneBox, bool]:
        """The lane holding a point (the smallest if several), or the nearest one;
        the flag says whether the point is inside it."""
        inside = [lane for lane in self.lanes if lane.distance(px, py) == 0.0]
        if inside:
            return min(inside, key=lambda lane: lane.w * lane.h), True
        return min(self.lanes, key=lambda lane: lane.distance(px, py)), False

    def along(self, lane: LaneBox, px: float, py: float) -> float:
        """Diagram x of a page point in a lane's flow direction."""
        return LANE_HEADER_WIDTH + lane.along(px, py) - self.origin[lane.column]

    def point(self, px: float, py: float) -> tuple[float, float]:
        lane, _ = self.nearest(px, py)
        return (self.along(lane, px, py), lane.top + lane.across(px, py))
