"""Quick routes, clipping, eliding and arrangement maths (no Qt)."""

from __future__ import annotations

import math

import pytest

from blueprint.layout import ELLIPSIS, Rect, route_between
from blueprint.model import Edge
from blueprint.ui.canvas import geometry as g


def width(text: str) -> float:
    return 7.0 * len(text)


def test_quick_route_is_the_layout_preferred_route():
    a, b = Rect(0, 0, 100, 50), Rect(300, 100, 100, 50)
    edge = Edge("e", "d", "a", "b")
    pts = g.quick_route(edge, a, b)
    assert pts == route_between(a, b)
    on_a = pts[0][0] in (0, 100) or pts[0][1] in (0, 50)
    on_b = pts[-1][0] in (300, 400) or pts[-1][1] in (100, 150)
    assert on_a and on_b


def test_quick_route_straight_and_through_waypoints():
    a, b = Rect(0, 0, 100, 100), Rect(300, 0, 100, 100)
    straight = g.quick_route(Edge("e", "d", "a", "b", routing="straight"), a, b)
    assert straight == [(100, 50), (300, 50)]
    bent = Edge("e", "d", "a", "b", routing="straight", waypoints=((200, 300),))
    pts = g.quick_route(bent, a, b)
    assert pts[1] == (200, 300) and len(pts) == 3


def test_clip_to_outline_of_round_shapes():
    p = g.clip_to_outline(g.Box(0, 0, 100, 100, "circle"), (300, 50))
    assert p == (100, 50)
    q = g.clip_to_outline(g.Box(300, 0, 100, 60, "diamond"), (0, 30))
    assert math.isclose(abs(q[0] - 350) / 50 + abs(q[1] - 30) / 30, 1)


def test_elide_fits_and_marks_the_cut():
    assert g.elide("short", 100, width) == "short"
    cut = g.elide("a label much too long for the space", 70, width)
    assert cut.endswith(ELLIPSIS) and width(cut) <= 70


@pytest.mark.parametrize(
    ("mode", "check"),
    [
        ("left", lambda f: f[0]),
        ("right", lambda f: f[0] + f[2]),
        ("top", lambda f: f[1]),
        ("bottom", lambda f: f[1] + f[3]),
        ("hcenter", lambda f: f[0] + f[2] / 2),
        ("vcenter", lambda f: f[1] + f[3] / 2),
    ],
)
def test_align(mode, check):
    frames = {"a": (0, 0, 10, 10), "b": (50, 70, 30, 20), "c": (20, 5, 60, 40)}
    moves = g.align(frames, mode)
    values = {check((*moves[k], f[2], f[3])) for k, f in frames.items()}
    assert len(values) == 1


def test_distribute_keeps_the_ends_and_equalises_gaps():
    frames = {"a": (0, 0, 10, 10), "b": (15, 0, 30, 10), "c": (100, 0, 20, 10)}
    moves = g.distribute(frames, "horizontal")
    assert moves["a"] == (0, 0) and moves["c"] == (100, 0)
    assert moves["b"][0] - 10 == 100 - (moves["b"][0] + 30)
