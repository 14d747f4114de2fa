"""Connector routing, wrapping and arrangement maths (no Qt)."""

from __future__ import annotations

import math

import pytest

from blueprint.ui.canvas import geometry as g


def width(text: str) -> float:
    return 7.0 * len(text)


def test_orthogonal_route_side_by_side():
    a, b = g.Box(0, 0, 100, 50), g.Box(300, 100, 100, 50)
    pts = g.route(a, b)
    assert pts[0] == (100, 25) and pts[-1] == (300, 125)
    assert all(p[0] == q[0] or p[1] == q[1] for p, q in zip(pts, pts[1:], strict=False))


def test_orthogonal_route_prefers_the_longer_free_axis():
    a, b = g.Box(0, 0, 100, 50), g.Box(150, 400, 100, 50)
    pts = g.route(a, b)
    assert pts[0] == (50, 50) and pts[-1] == (200, 400)


def test_aligned_nodes_get_a_straight_orthogonal_line():
    a, b = g.Box(0, 0, 100, 50), g.Box(0, 200, 100, 50)
    assert g.route(a, b) == [(50, 50), (50, 200)]


def test_straight_route_ends_on_the_outlines():
    a = g.Box(0, 0, 100, 100, "circle")
    b = g.Box(300, 0, 100, 60, "diamond")
    p, q = g.route(a, b, "straight")
    assert math.isclose(math.hypot(p[0] - 50, p[1] - 50), 50)
    assert math.isclose(abs(q[0] - 350) / 50 + abs(q[1] - 30) / 30, 1)


def test_waypoints_are_followed():
    a, b = g.Box(0, 0, 100, 50), g.Box(300, 0, 100, 50)
    pts = g.route(a, b, "orthogonal", ((150, 200), (250, 200)))
    assert (150, 200) in pts and (250, 200) in pts


def test_arrowhead_and_midpoint():
    tip, left, right = g.arrowhead([(0, 0), (100, 0)])
    assert tip == (100, 0) and left[0] == right[0] == 100 - g.ARROW_LENGTH
    assert g.midpoint([(0, 0), (100, 0), (100, 100)]) == (100, 0)


def test_wrap_breaks_words_and_elides():
    lines, cut = g.wrap_text("one two three four", 60, width, 5)
    assert lines == ["one two", "three", "four"] and not cut
    lines, cut = g.wrap_text("one two three four", 60, width, 2)
    assert cut and lines[-1].endswith(g.ELLIPSIS) and width(lines[-1]) <= 60
    lines, _ = g.wrap_text("abcdefghijklmnop", 35, width, 9)
    assert all(width(x) <= 35 for x in lines) and "".join(lines) == "abcdefghijklmnop"
    assert g.wrap_text("a\nb", 100, width, 3) == (["a", "b"], False)


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
