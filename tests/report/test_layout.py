"""The shared diagram geometry: label wrapping, routes, shapes, badges, tiles."""

from __future__ import annotations

import itertools

import pytest

from blueprint.layout import (
    ELLIPSIS,
    Rect,
    Router,
    arrow_head,
    candidates,
    label_anchor,
    node_badges,
    plan_tiles,
    route_between,
    route_edge,
    shape_details,
    shape_path,
    text_box,
    wrap_label,
)
from blueprint.model import Edge, Node, new_id
from blueprint.model.factory import new_document
from blueprint.model.notations import SHAPES
from blueprint.model.rules import lane_spans


def width(s: str) -> float:  # a monospaced measure: 6 units a character
    return 6.0 * len(s)


# -- labels --------------------------------------------------------------------------


def test_wrap_fills_lines_up_to_the_width():
    lines = wrap_label("check in at the front desk", 60, width)
    assert lines == ["check in", "at the", "front desk"]
    assert all(width(line) <= 60 for line in lines)


def test_wrap_keeps_newlines_and_breaks_long_words():
    assert wrap_label("a\n\nb", 60, width) == ["a", "", "b"]
    assert wrap_label("x" * 25, 60, width) == ["x" * 10, "x" * 10, "x" * 5]


def test_wrap_stops_at_max_lines_with_an_ellipsis():
    lines = wrap_label("one two three four five six", 30, width, max_lines=2)
    assert lines == ["one", "two" + ELLIPSIS]
    assert wrap_label("one two", 60, width, max_lines=1) == ["one two"]
    assert wrap_label("short", 60, width, max_lines=0) == []


def test_wrap_of_a_huge_label_costs_only_its_visible_lines():
    calls = []

    def counting(s: str) -> float:
        calls.append(s)
        return width(s)

    lines = wrap_label("word " * 20_000, 60, counting, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    assert len(calls) < 100


# -- routes --------------------------------------------------------------------------


def test_facing_rectangles_are_joined_straight():
    a, b = Rect(0, 0, 100, 50), Rect(200, 10, 100, 50)
    assert route_between(a, b) == [(100, 30.0), (200, 30.0)]
    below = Rect(20, 200, 60, 50)
    assert route_between(a, below) == [(50.0, 50), (50.0, 200)]


def test_diagonal_rectangles_get_one_bend_first():
    a, b = Rect(0, 0, 100, 50), Rect(300, 300, 100, 50)
    first = candidates(a, b)[0]
    assert len(first) == 3
    assert all(p[0] == q[0] or p[1] == q[1] for p, q in itertools.pairwise(first))
    assert first[0] == (50.0, 50) and first[-1] == (300, 325.0)


def _diagram(*rects: tuple[float, float]):
    doc = new_document()
    d = doc.diagrams()[0].id
    lane, top, _ = lane_spans(doc, d)[0]
    nodes = [
        Node(new_id(), d, lane.id, label=f"n{i}", x=x, y=top + y, width=100, height=50)
        for i, (x, y) in enumerate(rects)
    ]
    doc.add(nodes)
    return doc, d, nodes


def test_routes_detour_around_a_node_in_the_way():
    doc, d, (a, middle, b) = _diagram((0, 40), (200, 40), (400, 40))
    edge = Edge(new_id(), d, a.id, b.id)
    doc.add([edge])
    points = route_edge(doc, edge)
    box = Rect(middle.x, middle.y, middle.width, middle.height)
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        seg = Rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
        assert not seg.intersects(box)
    assert points[0][0] == a.x + a.width / 2 and points[-1][0] == b.x + b.width / 2


def test_opposite_connectors_run_side_by_side():
    doc, d, (a, b) = _diagram((0, 40), (300, 40))
    there, back = Edge(new_id(), d, a.id, b.id), Edge(new_id(), d, b.id, a.id)
    doc.add([there, back])
    routes = Router(doc, d).route_all([there, back])
    ys = {routes[there.id][0][1], routes[back.id][0][1]}
    assert len(ys) == 2 and abs(ys.pop() - ys.pop()) == 16


def test_a_route_keeps_off_an_earlier_one():
    doc, d, (a, b, c) = _diagram((0, 40), (300, 40), (300, 300))
    first, second = Edge(new_id(), d, a.id, b.id), Edge(new_id(), d, c.id, a.id)
    doc.add([first, second])
    routes = Router(doc, d).route_all([first, second])
    flat = [p for p in routes[second.id] if p[1] == routes[first.id][0][1]]
    assert len(flat) < 2  # never along the first connector


def test_waypoints_are_followed_with_right_angles():
    doc, d, (a, b) = _diagram((0, 40), (300, 200))
    edge = Edge(new_id(), d, a.id, b.id, waypoints=((200.0, 0.0),))
    doc.add([edge])
    points = route_edge(doc, edge)
    assert (200.0, 0.0) in points
    assert all(p[0] == q[0] or p[1] == q[1] for p, q in itertools.pairwise(points))


def test_arrow_head_points_along_the_last_segment_and_label_sits_halfway():
    tip, left, right = arrow_head([(0, 0), (100, 0)], 10)
    assert tip == (100, 0) and left[0] == right[0] == 90
    assert label_anchor([(0, 0), (100, 0), (100, 100)]) == (100, 0)


# -- shapes, badges, tiles -----------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_has_a_closed_outline_and_a_text_box_inside(shape):
    r = Rect(10, 20, 140, 60)
    ops = shape_path(shape, r)
    assert ops[0][0] == "M" and ops[-1] == ("Z",)
    for op in ops[:-1]:  # each segment's end point (control points may bulge)
        x, y = op[-2], op[-1]
        assert r.x - 1e-6 <= x <= r.right + 1e-6
        assert r.y - 1e-6 <= y <= r.bottom + 1e-6
    box = text_box(shape, r)
    assert box.w > 0 and box.h > 0
    assert (
        r.x <= box.x
        and box.right <= r.right
        and r.y <= box.y
        and box.bottom <= r.bottom
    )
    assert isinstance(shape_details(shape, r), list)


def test_badges_sit_on_the_node_edges():
    node = Node(
        "n",
        "d",
        "l",
        x=0,
        y=0,
        width=140,
        height=60,
        fail_point=True,
        moment_of_truth=True,
    )
    badges = node_badges(node, [3, 1, 3])
    kinds = [b.kind for b in badges]
    assert kinds == ["fail_point", "moment_of_truth", "gap", "gap"]
    assert [b.text for b in badges[2:]] == ["G1", "G3"]
    assert all(b.cy == 0 for b in badges[:2]) and all(b.cy == 60 for b in badges[2:])


def test_a_diagram_that_fits_is_one_page_at_most_full_size():
    plan = plan_tiles(Rect(0, 0, 400, 300), 800, 500, min_scale=0.6)
    assert not plan.tiled and plan.scale == 1.0
    plan = plan_tiles(Rect(0, 0, 1200, 300), 800, 500, min_scale=0.6)
    assert not plan.tiled and plan.scale == pytest.approx(800 / 1200)


def test_a_large_diagram_is_tiled_at_a_legible_scale_covering_everything():
    bounds = Rect(-20, -36, 5000, 1400)
    plan = plan_tiles(bounds, 800, 450, min_scale=0.6, overlap=24)
    assert plan.tiled and plan.scale >= 0.6
    assert len(plan.viewports) == plan.columns * plan.rows
    assert min(v.x for v in plan.viewports) == bounds.x
    assert max(v.right for v in plan.viewports) >= bounds.right - 1e-6
    assert max(v.bottom for v in plan.viewports) >= bounds.bottom - 1e-6
    assert plan.overlap * plan.scale >= 24 - 1e-6
    assert [plan.name(i) for i in (0, 1, plan.columns)] == ["A1", "A2", "B1"]
