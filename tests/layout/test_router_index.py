"""The router's grid indexes (nodes in the way, earlier routes alongside) give the
routes a direct scan of every node and every earlier route gives, and stay cheap
when a diagram spans huge distances."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import pairwise

import pytest

from blueprint.layout import Rect, Router
from blueprint.layout.shapes import Point
from blueprint.model import Edge, Node, new_id
from blueprint.model.factory import new_document
from blueprint.model.rules import lane_spans


class DirectRouter(Router):
    """The same choices, with every test a plain scan: the reference."""

    def __init__(self, doc, diagram_id) -> None:
        super().__init__(doc, diagram_id)
        self.recorded: list[tuple[bool, float, float, float]] = []

    def _blockers(self, points: Sequence[Point], skip: set[str]) -> list[Rect]:
        found: dict[str, Rect] = {}
        for (x0, y0), (x1, y1) in pairwise(points):
            seg = Rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
            seg = seg.inset(-0.5)
            for node_id, r in self._rects.items():
                if node_id not in skip and node_id not in found and seg.intersects(r):
                    found[node_id] = r
        return list(found.values())

    def _overlaps(self, points: Sequence[Point]) -> bool:
        for horizontal, at, low, high in self._segments(points):
            for other, other_at, lo, hi in self.recorded:
                if (
                    other == horizontal
                    and abs(round(other_at) - round(at)) <= 3
                    and min(hi, high) - max(lo, low) > 2
                ):
                    return True
        return False

    def _record(self, points: Sequence[Point]) -> None:
        self.recorded.extend(self._segments(points))


def _random_diagram(seed: int, nodes: int, edges: int, spread: float):
    rng = random.Random(seed)
    doc = new_document()
    d = doc.diagrams()[0].id
    lanes = lane_spans(doc, d)
    made = []
    for i in range(nodes):
        lane, top, bottom = rng.choice(lanes)
        made.append(
            Node(
                new_id(),
                d,
                lane.id,
                label=f"n{i}",
                x=round(rng.uniform(200, spread), 1),
                y=round(rng.uniform(top, max(top, bottom - 60)), 1),
                width=rng.choice([60.0, 140.0, 900.0]),
                height=60.0,
            )
        )
    doc.add(made)
    links = []
    for _ in range(edges):
        a, b = rng.sample(made, 2)
        links.append(
            Edge(
                new_id(),
                d,
                a.id,
                b.id,
                routing=rng.choice(["orthogonal"] * 4 + ["straight"]),
            )
        )
    doc.add(links)
    return doc, d


@pytest.mark.parametrize(
    ("seed", "spread"), [(1, 3_000.0), (2, 20_000.0), (3, 200_000.0), (4, 1e8)]
)
def test_indexed_routes_equal_a_direct_scan(seed: int, spread: float) -> None:
    doc, d = _random_diagram(seed, nodes=150, edges=220, spread=spread)
    edges = doc.edges(d)
    indexed = Router(doc, d).route_all(edges)
    direct = DirectRouter(doc, d).route_all(edges)
    assert indexed == direct


def test_routes_across_a_billion_points_are_found() -> None:
    """A run over millions of grid cells is indexed as one long run."""
    doc = new_document()
    d = doc.diagrams()[0].id
    lane, top, _ = lane_spans(doc, d)[0]
    xs = (200.0, 9e8, 4e8)
    a, b, c = (
        Node(new_id(), d, lane.id, label=f"n{i}", x=x, y=top + 20, width=100.0)
        for i, x in enumerate(xs)
    )
    doc.add([a, b, c])
    long, short = Edge(new_id(), d, a.id, b.id), Edge(new_id(), d, b.id, a.id)
    doc.add([long, short])
    routes = Router(doc, d).route_all([long, short])
    assert routes == DirectRouter(doc, d).route_all([long, short])
    assert routes[long.id][0][0] < routes[long.id][-1][0]
