"""Canvas-only geometry on top of blueprint.layout: outline clipping for previews,
quick routes while dragging, eliding, and align/distribute maths. No Qt here.

Settled connector routes, node outlines, label wrapping and badges come from
blueprint.layout, which the PDF report uses too, so both draw the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from blueprint.layout import Rect, fit_ellipsis, route_between
from blueprint.model import Edge

Point = tuple[float, float]
ARROW_SIZE = 9.0  # as the report draws it


@dataclass(frozen=True)
class Box:
    """A node's frame and outline shape (one of notations.SHAPES)."""

    x: float
    y: float
    w: float
    h: float
    shape: str = "rect"

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


def _circle_radius(box: Box) -> float:
    return min(box.w, box.h) / 2


def clip_to_outline(box: Box, toward: Point) -> Point:
    """The point where the ray from the box's centre toward a point leaves its
    outline (rectangles, ellipses, circles and diamonds exactly; others by frame)."""
    cx, cy = box.cx, box.cy
    dx, dy = toward[0] - cx, toward[1] - cy
    if abs(dx) < 1e-9 and abs(dy) < 1e-9:
        return (cx, cy)
    hw, hh = box.w / 2, box.h / 2
    if box.shape == "circle":
        r = _circle_radius(box)
        t = r / math.hypot(dx, dy)
    elif box.shape == "ellipse":
        t = 1 / math.sqrt((dx / hw) ** 2 + (dy / hh) ** 2)
    elif box.shape == "diamond":
        t = 1 / (abs(dx) / hw + abs(dy) / hh)
    else:
        tx = hw / abs(dx) if dx else math.inf
        ty = hh / abs(dy) if dy else math.inf
        t = min(tx, ty)
    return (cx + dx * t, cy + dy * t)


def shorten_end(points: Sequence[Point], by: float) -> list[Point]:
    """The polyline with its last segment pulled back (so a line ends in its arrow)."""
    pts = list(points)
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= by:
        return pts
    pts[-1] = (x1 - (x1 - x0) / length * by, y1 - (y1 - y0) / length * by)
    return pts


# -- text -------------------------------------------------------------------------


def elide(text: str, width: float, measure: Callable[[str], float]) -> str:
    """One line cut to fit width, ending in an ellipsis if it had to be cut."""
    text = " ".join(text.split())
    if measure(text) <= width:
        return text
    if len(text) > 200:  # long labels: measure only what can possibly show
        text = text[:200]
    return fit_ellipsis(text, width, measure)


def _clip_rect(r: Rect, toward: Point) -> Point:
    return clip_to_outline(Box(r.x, r.y, r.w, r.h), toward)


def quick_route(edge: Edge, a: Rect, b: Rect) -> list[Point]:
    """A connector's route between two frames without avoiding other nodes: used
    while a gesture is under way; the settled route comes from layout.Router."""
    if edge.waypoints:
        pts = [_clip_rect(a, edge.waypoints[0]), *edge.waypoints]
        return [*pts, _clip_rect(b, edge.waypoints[-1])]
    if edge.routing == "straight":
        return [_clip_rect(a, (b.cx, b.cy)), _clip_rect(b, (a.cx, a.cy))]
    return list(route_between(a, b))


# -- arrangement -------------------------------------------------------------------

Frame = tuple[float, float, float, float]  # x, y, w, h


def align(frames: Mapping[str, Frame], mode: str) -> dict[str, Point]:
    """New top-left corners that align frames on an edge or centre line."""
    if not frames:
        return {}
    fs = frames.values()
    if mode == "left":
        v = min(f[0] for f in fs)
        return {k: (v, f[1]) for k, f in frames.items()}
    if mode == "right":
        v = max(f[0] + f[2] for f in fs)
        return {k: (v - f[2], f[1]) for k, f in frames.items()}
    if mode == "top":
        v = min(f[1] for f in fs)
        return {k: (f[0], v) for k, f in frames.items()}
    if mode == "bottom":
        v = max(f[1] + f[3] for f in fs)
        return {k: (f[0], v - f[3]) for k, f in frames.items()}
    if mode == "hcenter":  # one vertical centre line
        v = sum(f[0] + f[2] / 2 for f in fs) / len(frames)
        return {k: (v - f[2] / 2, f[1]) for k, f in frames.items()}
    if mode == "vcenter":  # one horizontal centre line
        v = sum(f[1] + f[3] / 2 for f in fs) / len(frames)
        return {k: (f[0], v - f[3] / 2) for k, f in frames.items()}
    raise ValueError(f"unknown alignment {mode!r}")


def distribute(frames: Mapping[str, Frame], direction: str) -> dict[str, Point]:
    """Equal gaps between frames, keeping the outermost two where they are."""
    if direction not in ("horizontal", "vertical"):
        raise ValueError(f"unknown direction {direction!r}")
    axis = 0 if direction == "horizontal" else 1
    order = sorted(frames, key=lambda k: (frames[k][axis], k))
    if len(order) < 3:
        return {k: (f[0], f[1]) for k, f in frames.items()}
    first, last = frames[order[0]], frames[order[-1]]
    span = last[axis] + last[axis + 2] - first[axis]
    gap = (span - sum(frames[k][axis + 2] for k in order)) / (len(order) - 1)
    out: dict[str, Point] = {}
    pos = first[axis]
    for k in order:
        f = frames[k]
        out[k] = (pos, f[1]) if axis == 0 else (f[0], pos)
        pos += f[axis + 2] + gap
    return out
