"""Node outlines, label areas and badges as plain geometry in diagram coordinates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from blueprint.model.entities import Node
from blueprint.theme import BADGE_SIZE, FLAG_BADGES, GAP_BADGE, NODE_PADDING

Point = tuple[float, float]
# path operations: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",)
PathOp = tuple[object, ...]

_KAPPA = 0.5522847498  # Bezier control distance of a quarter ellipse


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def intersects(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def inset(self, dx: float, dy: float | None = None) -> Rect:
        dy = dx if dy is None else dy
        w, h = max(self.w - 2 * dx, 0.0), max(self.h - 2 * dy, 0.0)
        return Rect(self.x + dx, self.y + dy, w, h)


def node_rect(node: Node) -> Rect:
    return Rect(node.x, node.y, node.width, node.height)


def _quarter(p0: Point, p1: Point, vertical_first: bool) -> PathOp:
    """A quarter of an ellipse from p0 to p1, leaving p0 vertically or not."""
    (x0, y0), (x1, y1) = p0, p1
    if vertical_first:
        c1, c2 = (x0, y0 + (y1 - y0) * _KAPPA), (x1 - (x1 - x0) * _KAPPA, y1)
    else:
        c1, c2 = (x0 + (x1 - x0) * _KAPPA, y0), (x1, y1 - (y1 - y0) * _KAPPA)
    return ("C", *c1, *c2, x1, y1)


def _ellipse(r: Rect) -> list[PathOp]:
    w, n, e, s = (r.x, r.cy), (r.cx, r.y), (r.right, r.cy), (r.cx, r.bottom)
    return [
        ("M", *w),
        _quarter(w, n, True),
        _quarter(n, e, False),
        _quarter(e, s, True),
        _quarter(s, w, False),
        ("Z",),
    ]


def _polygon(points: Iterable[Point]) -> list[PathOp]:
    pts = list(points)
    return [("M", *pts[0]), *(("L", *p) for p in pts[1:]), ("Z",)]


def _rounded(r: Rect, radius: float) -> list[PathOp]:
    x, y, right, bottom, k = r.x, r.y, r.right, r.bottom, radius
    return [
        ("M", x + k, y),
        ("L", right - k, y),
        _quarter((right - k, y), (right, y + k), False),
        ("L", right, bottom - k),
        _quarter((right, bottom - k), (right - k, bottom), True),
        ("L", x + k, bottom),
        _quarter((x + k, bottom), (x, bottom - k), False),
        ("L", x, y + k),
        _quarter((x, y + k), (x + k, y), True),
        ("Z",),
    ]


def _circle_rect(r: Rect) -> Rect:
    d = min(r.w, r.h)
    return Rect(r.cx - d / 2, r.cy - d / 2, d, d)


def _cap(r: Rect) -> float:
    """Height of a cylinder's elliptical top."""
    return min(r.h * 0.2, 14.0)


def _hex_indent(r: Rect) -> float:
    return min(r.w * 0.18, r.h / 2)


def _fold(r: Rect) -> float:
    return min(14.0, r.w / 4, r.h / 4)


def _wave(r: Rect) -> float:
    return min(r.h * 0.12, 10.0)


def _figure(r: Rect) -> float:
    """Size of the figure drawn at the top of a person card."""
    return min(22.0, r.h * 0.35)


FIGURE_TOP = 5.0


def shape_path(shape: str, r: Rect, radius: float = 8.0) -> list[PathOp]:
    """The filled outline of a node shape."""
    x, y, right, bottom, cx, cy = r.x, r.y, r.right, r.bottom, r.cx, r.cy
    if shape == "rounded_rect":
        return _rounded(r, min(radius, r.w / 4, r.h / 4))
    if shape == "diamond":
        return _polygon([(cx, y), (right, cy), (cx, bottom), (x, cy)])
    if shape == "ellipse":
        return _ellipse(r)
    if shape == "circle":
        return _ellipse(_circle_rect(r))
    if shape == "hexagon":
        d = _hex_indent(r)
        corners = [(x + d, y), (right - d, y), (right, cy)]
        return _polygon([*corners, (right - d, bottom), (x + d, bottom), (x, cy)])
    if shape == "document":
        w = _wave(r)
        wave = ("C", x + r.w * 0.75, bottom - 2.5 * w, cx, bottom + w, x, bottom - w)
        return [("M", x, y), ("L", right, y), ("L", right, bottom - w), wave, ("Z",)]
    if shape == "cylinder":
        top, low = y + _cap(r) / 2, bottom - _cap(r) / 2
        return [
            ("M", x, top),
            _quarter((x, top), (cx, y), True),
            _quarter((cx, y), (right, top), False),
            ("L", right, low),
            _quarter((right, low), (cx, bottom), True),
            _quarter((cx, bottom), (x, low), False),
            ("Z",),
        ]
    if shape == "note":
        f = _fold(r)
        return _polygon(
            [(x, y), (right - f, y), (right, y + f), (right, bottom), (x, bottom)]
        )
    # rect, and person: a card with a figure drawn inside
    return _rounded(r, min(3.0, r.w / 4, r.h / 4))


def shape_details(shape: str, r: Rect) -> list[PathOp]:
    """Lines drawn over the outline without fill: a cylinder's rim, a note's fold,
    the figure of a person."""
    if shape == "cylinder":
        top, rim = r.y + _cap(r) / 2, r.y + _cap(r)
        return [
            ("M", r.x, top),
            _quarter((r.x, top), (r.cx, rim), True),
            _quarter((r.cx, rim), (r.right, top), False),
        ]
    if shape == "note":
        f = _fold(r)
        return [
            ("M", r.right - f, r.y),
            ("L", r.right - f, r.y + f),
            ("L", r.right, r.y + f),
        ]
    if shape == "person":
        s, top = _figure(r), r.y + FIGURE_TOP
        head = Rect(r.cx - s * 0.22, top, s * 0.44, s * 0.44)
        left, right, base = r.cx - s * 0.45, r.cx + s * 0.45, top + s
        crown = top + s * 0.5
        return [
            *_ellipse(head),
            ("M", left, base),
            _quarter((left, base), (r.cx, crown), True),
            _quarter((r.cx, crown), (right, base), False),
        ]
    return []


def text_box(shape: str, r: Rect, padding: float = NODE_PADDING) -> Rect:
    """The area inside a shape where its label goes."""
    if shape in ("diamond", "ellipse", "circle", "hexagon"):
        # the inscribed rectangle of a diamond or ellipse is 50 % or 71 % of it
        k = {"diamond": 0.5, "hexagon": 0.8}.get(shape, 1 / math.sqrt(2))
        frame = _circle_rect(r) if shape == "circle" else r
        iw, ih = frame.w * k, frame.h * k
        return Rect(r.cx - iw / 2 + 2, r.cy - ih / 2, max(iw - 4, 4), max(ih, 4))
    if shape == "person":
        top = FIGURE_TOP + _figure(r) + 4.0
        return Rect(
            r.x + padding, r.y + top, max(r.w - 2 * padding, 4), max(r.h - top - 3, 4)
        )
    if shape == "cylinder":
        c = _cap(r)
        return Rect(
            r.x + padding, r.y + c, max(r.w - 2 * padding, 4), max(r.h - c * 1.5, 4)
        )
    return Rect(
        r.x + padding,
        r.y + padding / 2,
        max(r.w - 2 * padding, 4),
        max(r.h - padding, 4),
    )


@dataclass(frozen=True)
class Badge:
    kind: str  # fail_point, wait_point, moment_of_truth or gap
    text: str
    colour: str
    cx: float  # centre
    cy: float
    w: float
    h: float

    @property
    def rect(self) -> Rect:
        return Rect(self.cx - self.w / 2, self.cy - self.h / 2, self.w, self.h)


def node_badges(node: Node, gaps: Iterable[int] = ()) -> list[Badge]:
    """Markers on a node: fail, wait and moment-of-truth flags as discs on the top
    edge from the right corner leftwards; gap numbers ("G3") as tags on the bottom
    edge from the left corner rightwards."""
    size = BADGE_SIZE
    out: list[Badge] = []
    x = node.x + node.width - size * 0.6
    for flag in ("fail_point", "wait_point", "moment_of_truth"):
        if getattr(node, flag):
            letter, colour = FLAG_BADGES[flag]
            out.append(Badge(flag, letter, colour, x, node.y, size, size))
            x -= size + 2
    x = node.x + 4.0
    bottom = node.y + node.height
    for number in sorted(set(gaps)):
        w = size + 8
        out.append(Badge("gap", f"G{number}", GAP_BADGE, x + w / 2, bottom, w, size))
        x += size + 10
    return out
