"""Connector routes: orthogonal paths between nodes that avoid the nodes between."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from blueprint.model.document import Document
from blueprint.model.entities import Edge, GapFinding
from blueprint.model.rules import LANE_HEADER_WIDTH, content_bounds
from blueprint.theme import BADGE_SIZE

from .shapes import Point, Rect, node_rect

CLEARANCE = 14.0  # gap kept between a detour and the nodes it avoids
PARALLEL_OFFSET = 8.0  # separation of a connector pair A->B and B->A
APPROACH = 16.0  # a vertical route's last turn is this far before its target


def _clip_to_rect(r: Rect, toward: Point) -> Point:
    """Where the line from r's centre toward a point leaves r."""
    dx, dy = toward[0] - r.cx, toward[1] - r.cy
    if dx == 0 and dy == 0:
        return (r.cx, r.cy)
    tx = (r.w / 2) / abs(dx) if dx else math.inf
    ty = (r.h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return (r.cx + dx * t, r.cy + dy * t)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> tuple[float, float] | None:
    low, high = max(a0, b0), min(a1, b1)
    return (low, high) if high - low > 4 else None


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-6 and abs(out[-1][1] - p[1]) < 1e-6:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-6 and abs(bx - p[0]) < 1e-6) or (
                abs(ay - by) < 1e-6 and abs(by - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def candidates(a: Rect, b: Rect, offset: float = 0.0) -> list[list[Point]]:
    """Orthogonal routes from rectangle a to rectangle b, best first: straight
    when the sides face each other, else one bend (L), else two (Z). offset
    shifts a route sideways, for a pair of opposite connectors."""
    return list(_candidates(a, b, offset))


def _candidates(a: Rect, b: Rect, offset: float) -> Iterator[list[Point]]:
    """candidates() one at a time, so the best alone costs no more than itself."""
    gx = b.x - a.right if b.cx >= a.cx else a.x - b.right
    gy = b.y - a.bottom if b.cy >= a.cy else a.y - b.bottom
    right, down = b.cx >= a.cx, b.cy >= a.cy
    ax0, bx1 = (a.right, b.x) if right else (a.x, b.right)  # facing sides
    ay0, by1 = (a.bottom, b.y) if down else (a.y, b.bottom)
    found = False  # whether any route was offered
    if gx > 0 and (shared := _overlap(a.y, a.bottom, b.y, b.bottom)):
        y = (shared[0] + shared[1]) / 2 + offset
        found = True
        yield [(ax0, y), (bx1, y)]
    if gy > 0 and (shared := _overlap(a.x, a.right, b.x, b.right)):
        x = (shared[0] + shared[1]) / 2 + offset
        found = True
        yield [(x, ay0), (x, by1)]
    ax, ay, bx, by = a.cx + offset, a.cy + offset, b.cx + offset, b.cy + offset
    if gx > 0 and gy > 0:
        found = True
        yield [(ax, ay0), (ax, by), (bx1, by)]  # down (or up), then across
        yield [(ax0, ay), (bx, ay), (bx, by1)]  # across, then down (or up)
    if gx > 0:  # across, down (or up) in the gap between them, across again
        sign = 1 if right else -1
        for mid in ((ax0 + bx1) / 2, bx1 - sign * APPROACH, ax0 + sign * APPROACH):
            if (mid - ax0) * sign > 0 and (bx1 - mid) * sign > 0:
                m = mid + offset
                found = True
                yield _simplify([(ax0, ay), (m, ay), (m, by), (bx1, by)])
    if gy > 0:  # the same turned by 90 degrees; the first try runs across just
        # before the target, not halfway, where a lane boundary usually is
        sign = 1 if down else -1
        for mid in (by1 - sign * APPROACH, (ay0 + by1) / 2, ay0 + sign * APPROACH):
            if (mid - ay0) * sign > 0 and (by1 - mid) * sign > 0:
                m = mid + offset
                found = True
                yield _simplify([(ax, ay0), (ax, m), (bx, m), (bx, by1)])
    if not found:  # overlapping rectangles: a straight line between the borders
        yield [_clip_to_rect(a, (b.cx, b.cy)), _clip_to_rect(b, (a.cx, a.cy))]


def route_between(a: Rect, b: Rect, offset: float = 0.0) -> list[Point]:
    """The preferred orthogonal route from a to b, ignoring other nodes."""
    return next(_candidates(a, b, offset))


def _through(a: Rect, b: Rect, waypoints: Sequence[Point], orthogonal: bool):
    """A route through the user's waypoints; orthogonal routes bend at each."""
    pts: list[Point] = [_clip_to_rect(a, waypoints[0])]
    for p in waypoints:
        if orthogonal and pts[-1][0] != p[0] and pts[-1][1] != p[1]:
            pts.append((p[0], pts[-1][1]))
        pts.append(p)
    end = _clip_to_rect(b, waypoints[-1])
    if orthogonal and pts[-1][0] != end[0] and pts[-1][1] != end[1]:
        last = pts[-1]
        if b.x <= last[0] <= b.right:
            end = (last[0], b.y if last[1] < b.y else b.bottom)
        elif b.y <= last[1] <= b.bottom:
            end = (b.x if last[0] < b.x else b.right, last[1])
        else:
            pts.append((end[0], last[1]))
    pts.append(end)
    return _simplify(pts)


class Router:
    """Routes a diagram's connectors, detouring around nodes in the way.

    Build once per diagram and call route(edge) for each connector; a grid index
    keeps obstacle tests cheap on large diagrams."""

    CELL = 200.0
    MAX_CELLS = 400  # a rectangle or segment over more cells is tested directly

    def __init__(self, doc: Document, diagram_id: str) -> None:
        self._rects = {n.id: node_rect(n) for n in doc.nodes(diagram_id)}
        # (left, top, right, bottom) of each node: the hot loops test plain floats
        self._bounds = {
            i: (r.x, r.y, r.right, r.bottom) for i, r in self._rects.items()
        }
        self._pairs = {(e.source_id, e.target_id) for e in doc.edges(diagram_id)}
        self._grid: dict[tuple[int, int], list[str]] = {}
        # routed segments by direction, rounded coordinate and grid cell along the
        # run, so a new route can avoid running on top of an earlier one (two
        # arrows would look like one) without scanning a whole crowded row
        self._runs: dict[tuple[bool, int, int], list[tuple[float, float]]] = {}
        self._lines: dict[tuple[bool, int], list[tuple[float, float]]] = {}
        self._long_runs: dict[tuple[bool, int], list[tuple[float, float]]] = {}
        self._huge: list[str] = []  # nodes too large for the grid (checked always)
        for node_id, r in self._rects.items():
            if self._span(r) > self.MAX_CELLS:
                self._huge.append(node_id)
                continue
            for cell in self._cells(r):
                self._grid.setdefault(cell, []).append(node_id)

    def _span(self, r: Rect) -> float:
        """How many grid cells r covers (without listing them)."""
        c = self.CELL
        return (math.floor(r.right / c) - math.floor(r.x / c) + 1) * (
            math.floor(r.bottom / c) - math.floor(r.y / c) + 1
        )

    def _cells(self, r: Rect) -> Iterable[tuple[int, int]]:
        c = self.CELL
        for i in range(math.floor(r.x / c), math.floor(r.right / c) + 1):
            for j in range(math.floor(r.y / c), math.floor(r.bottom / c) + 1):
                yield (i, j)

    def _blockers(self, points: Sequence[Point], skip: set[str]) -> list[Rect]:
        found: dict[str, Rect] = {}
        c, grid, bounds = self.CELL, self._grid, self._bounds
        floor = math.floor
        for (x0, y0), (x1, y1) in pairwise(points):
            # the segment widened by half a point, so a route along a border hits
            left, right = min(x0, x1) - 0.5, max(x0, x1) + 0.5
            top, bottom = min(y0, y1) - 0.5, max(y0, y1) + 0.5
            i0, i1 = floor(left / c), floor(right / c)
            j0, j1 = floor(top / c), floor(bottom / c)
            if (i1 - i0 + 1) * (j1 - j0 + 1) > self.MAX_CELLS:
                near: Iterable[str] = self._rects  # a very long run: every node
            else:
                near = [
                    node_id
                    for i in range(i0, i1 + 1)
                    for j in range(j0, j1 + 1)
                    for node_id in grid.get((i, j), ())
                ]
                near += self._huge
            for node_id in near:
                if node_id in skip or node_id in found:
                    continue
                nx0, ny0, nx1, ny1 = bounds[node_id]
                if left < nx1 and nx0 < right and top < ny1 and ny0 < bottom:
                    found[node_id] = self._rects[node_id]
        return list(found.values())

    @staticmethod
    def _segments(points: Sequence[Point]):
        """(horizontal, coordinate, low, high) of each axis-parallel segment."""
        for (x0, y0), (x1, y1) in pairwise(points):
            if abs(y0 - y1) < 0.5:
                yield True, y0, min(x0, x1), max(x0, x1)
            elif abs(x0 - x1) < 0.5:
                yield False, x0, min(y0, y1), max(y0, y1)

    def _overlaps(self, points: Sequence[Point]) -> bool:
        c, runs, lines, long_runs = self.CELL, self._runs, self._lines, self._long_runs
        for horizontal, at, low, high in self._segments(points):
            first, last = math.floor(low / c), math.floor(high / c)
            for key in range(round(at) - 3, round(at) + 4):
                if last - first >= self.MAX_CELLS:  # a very long run: every run
                    found = lines.get((horizontal, key), ())
                else:
                    found = [
                        *long_runs.get((horizontal, key), ()),
                        *(
                            run
                            for cell in range(first, last + 1)
                            for run in runs.get((horizontal, key, cell), ())
                        ),
                    ]
                for lo, hi in found:
                    if min(hi, high) - max(lo, low) > 2:
                        return True
        return False

    def _record(self, points: Sequence[Point]) -> None:
        c = self.CELL
        for horizontal, at, low, high in self._segments(points):
            line = (horizontal, round(at))
            self._lines.setdefault(line, []).append((low, high))
            first, last = math.floor(low / c), math.floor(high / c)
            if last - first >= self.MAX_CELLS:
                self._long_runs.setdefault(line, []).append((low, high))
                continue
            for cell in range(first, last + 1):
                self._runs.setdefault((*line, cell), []).append((low, high))

    def route(self, edge: Edge) -> list[Point]:
        """The route of one connector, avoiding nodes and earlier routes."""
        points = self._choose(edge)
        self._record(points)
        return points

    def route_all(self, edges: Iterable[Edge]) -> dict[str, list[Point]]:
        """Routes of many connectors; straight ones first, so the bent ones keep
        off the lines of a flow."""
        edges = list(edges)
        first = [e for e in edges if self._straight(e)]
        chosen = {e.id for e in first}
        rest = [e for e in edges if e.id not in chosen]
        return {e.id: self.route(e) for e in (*first, *rest)}

    def _straight(self, edge: Edge) -> bool:
        a, b = self._rects[edge.source_id], self._rects[edge.target_id]
        return len(route_between(a, b)) == 2 and not edge.waypoints

    def _choose(self, edge: Edge) -> list[Point]:
        a, b = self._rects[edge.source_id], self._rects[edge.target_id]
        if edge.waypoints:
            return _through(a, b, edge.waypoints, edge.routing == "orthogonal")
        if edge.routing == "straight":
            return [_clip_to_rect(a, (b.cx, b.cy)), _clip_to_rect(b, (a.cx, a.cy))]
        offset = 0.0
        if (edge.target_id, edge.source_id) in self._pairs:
            offset = (
                PARALLEL_OFFSET if edge.source_id < edge.target_id else -PARALLEL_OFFSET
            )
        skip = {edge.source_id, edge.target_id}
        free: list[list[Point]] = []
        fewest, best, in_way = math.inf, None, []
        for points in _candidates(a, b, offset):  # lazily: the first often does
            if best is None:
                best = points
            blockers = self._blockers(points, skip)
            if not blockers:
                if not self._overlaps(points):
                    return points
                free.append(points)
            elif len(blockers) < fewest:
                best, fewest, in_way = points, len(blockers), blockers
        if not free:
            for points in _detours(a, b, in_way, offset):
                if not self._blockers(points, skip):
                    if not self._overlaps(points):
                        return points
                    free.append(points)
        assert best is not None  # _candidates offers at least one route
        return free[0] if free else best


def _detours(a: Rect, b: Rect, in_way: Sequence[Rect], offset: float):
    """Routes around the nodes in the way: over, under, left of or right of them."""
    rects = (*in_way, a, b)
    top = min(r.y for r in rects) - CLEARANCE + offset
    bottom = max(r.bottom for r in rects) + CLEARANCE + offset
    left = min(r.x for r in rects) - CLEARANCE + offset
    right = max(r.right for r in rects) + CLEARANCE + offset
    ax, ay, bx, by = a.cx + offset, a.cy + offset, b.cx + offset, b.cy + offset
    return [
        [(ax, a.y), (ax, top), (bx, top), (bx, b.y)],
        [(ax, a.bottom), (ax, bottom), (bx, bottom), (bx, b.bottom)],
        [(a.x, ay), (left, ay), (left, by), (b.x, by)],
        [(a.right, ay), (right, ay), (right, by), (b.right, by)],
    ]


def route_edge(doc: Document, edge: Edge) -> list[Point]:
    """The points of one connector (for many, build a Router once)."""
    return Router(doc, edge.diagram_id).route(edge)


def arrow_head(points: Sequence[Point], size: float = 9.0) -> tuple[Point, ...]:
    """The triangle (tip, left, right) of an arrow at the end of a route."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    half = size * 0.45
    return (
        (x1, y1),
        (bx - uy * half, by + ux * half),
        (bx + uy * half, by - ux * half),
    )


def label_anchor(points: Sequence[Point]) -> Point:
    """The point halfway along a route, where its label sits."""
    lengths = [math.hypot(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in pairwise(points)]
    half = sum(lengths) / 2
    for (x0, y0), (x1, y1), length in zip(points, points[1:], lengths, strict=False):
        if half <= length and length:
            t = half / length
            return (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
        half -= length
    return points[-1]


def gaps_by_target(doc: Document, diagram_id: str) -> dict[str, list[int]]:
    """Gap numbers of the gap findings on each node or connector."""
    found: dict[str, list[int]] = {}
    for a in doc.annotations(diagram_id):
        if isinstance(a.body, GapFinding) and a.target_kind != "diagram":
            found.setdefault(a.target_id, []).append(a.body.gap)
    return found


def diagram_bounds(
    doc: Document, diagram_id: str, routes: Iterable[Sequence[Point]] = ()
) -> Rect:
    """Everything a diagram draws: lanes, stage headers, nodes, badges, routes."""
    left, top, right, bottom = content_bounds(doc, diagram_id)
    right = max(right, LANE_HEADER_WIDTH + 40)
    if doc.nodes(diagram_id):
        top = min(top, min(n.y for n in doc.nodes(diagram_id)) - BADGE_SIZE / 2)
    for points in routes:
        for x, y in points:
            left, right = min(left, x), max(right, x)
            top, bottom = min(top, y), max(bottom, y)
    return Rect(left, top, right - left, bottom - top)
