"""Connector routing, text wrapping and arrangement maths; standard library only.

Nothing here imports Qt, so the PDF report can draw connectors and labels with the
same geometry as the canvas (this module can move to `blueprint/layout.py` as is).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

Point = tuple[float, float]
MIN_STUB = 16.0  # how far an orthogonal connector leaves a node before it turns
ARROW_LENGTH = 10.0
ARROW_HALF_WIDTH = 4.5


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


def side_anchor(box: Box, side: str) -> Point:
    """Where a connector leaves a side ('left', 'right', 'top', 'bottom')."""
    cx, cy = box.cx, box.cy
    if box.shape == "circle":
        r = _circle_radius(box)
        return {
            "left": (cx - r, cy),
            "right": (cx + r, cy),
            "top": (cx, cy - r),
            "bottom": (cx, cy + r),
        }[side]
    return {
        "left": (box.x, cy),
        "right": (box.right, cy),
        "top": (cx, box.y),
        "bottom": (cx, box.bottom),
    }[side]


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


def _elbows(points: Sequence[Point]) -> list[Point]:
    """Join consecutive points with a horizontal-then-vertical elbow."""
    out = [points[0]]
    for x, y in points[1:]:
        px, py = out[-1]
        if abs(px - x) > 1e-6 and abs(py - y) > 1e-6:
            out.append((x, py))
        out.append((x, y))
    return out


def _dedupe(points: Iterable[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-6 or abs(out[-1][1] - p[1]) > 1e-6:
            out.append(p)
    return out


def route(
    source: Box,
    target: Box,
    routing: str = "orthogonal",
    waypoints: Sequence[Point] = (),
) -> list[Point]:
    """The polyline of a connector from source to target, ends on the outlines."""
    if routing == "straight" or (waypoints and routing != "orthogonal"):
        first = waypoints[0] if waypoints else (target.cx, target.cy)
        last = waypoints[-1] if waypoints else (source.cx, source.cy)
        return _dedupe(
            [clip_to_outline(source, first), *waypoints, clip_to_outline(target, last)]
        )
    if waypoints:
        start = side_anchor(source, _side_toward(source, waypoints[0]))
        end = side_anchor(target, _side_toward(target, waypoints[-1]))
        return _dedupe(_elbows([start, *waypoints, end]))
    return _dedupe(_orthogonal(source, target))


def _side_toward(box: Box, p: Point) -> str:
    dx, dy = p[0] - box.cx, p[1] - box.cy
    if abs(dx) * box.h >= abs(dy) * box.w:
        return "right" if dx >= 0 else "left"
    return "bottom" if dy >= 0 else "top"


def _orthogonal(s: Box, t: Box) -> list[Point]:
    gap = 2 * MIN_STUB
    # free space between the frames along each axis (negative when they overlap)
    across = max(t.x - s.right, s.x - t.right)
    down = max(t.y - s.bottom, s.y - t.bottom)
    if across >= gap and (down < gap or across >= down):
        forward = t.x >= s.right
        a = side_anchor(s, "right" if forward else "left")
        b = side_anchor(t, "left" if forward else "right")
        if abs(a[1] - b[1]) < 0.5:
            return [a, (b[0], a[1])]
        mid = (a[0] + b[0]) / 2
        return [a, (mid, a[1]), (mid, b[1]), b]
    if down >= gap:
        below = t.y >= s.bottom
        a = side_anchor(s, "bottom" if below else "top")
        b = side_anchor(t, "top" if below else "bottom")
        if abs(a[0] - b[0]) < 0.5:
            return [a, (a[0], b[1])]
        mid = (a[1] + b[1]) / 2
        return [a, (a[0], mid), (b[0], mid), b]
    # Close or overlapping frames: leave sideways and come in from above or below.
    if abs(t.cx - s.cx) > 1 and (t.y >= s.bottom or s.y >= t.bottom):
        a = side_anchor(s, "right" if t.cx > s.cx else "left")
        b = side_anchor(t, "top" if t.y >= s.bottom else "bottom")
        return [a, (b[0], a[1]), b]
    return [clip_to_outline(s, (t.cx, t.cy)), clip_to_outline(t, (s.cx, s.cy))]


def arrowhead(points: Sequence[Point]) -> tuple[Point, Point, Point]:
    """Tip and the two back corners of an arrow at the end of a polyline."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * ARROW_LENGTH, y1 - uy * ARROW_LENGTH
    return (
        (x1, y1),
        (bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH),
        (bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH),
    )


def shorten_end(points: Sequence[Point], by: float) -> list[Point]:
    """The polyline with its last segment pulled back (so a line ends in its arrow)."""
    pts = list(points)
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= by:
        return pts
    pts[-1] = (x1 - (x1 - x0) / length * by, y1 - (y1 - y0) / length * by)
    return pts


def midpoint(points: Sequence[Point]) -> Point:
    """The point halfway along a polyline (where a connector's label sits)."""
    pairs = list(pairwise(points))
    lengths = [math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in pairs]
    half = sum(lengths) / 2
    for (a, b), seg in zip(pairs, lengths, strict=True):
        if half <= seg and seg > 0:
            t = half / seg
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        half -= seg
    return points[-1]


# -- text -------------------------------------------------------------------------

ELLIPSIS = "…"


def wrap_text(
    text: str,
    width: float,
    measure: Callable[[str], float],
    max_lines: int,
) -> tuple[list[str], bool]:
    """Greedy word wrap into at most max_lines lines no wider than width.

    Returns the lines and whether text was cut (the last line then ends in an
    ellipsis). Words wider than a line are broken by character.
    """
    max_lines = max(1, max_lines)
    lines: list[str] = []
    cut = False
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while measure(line) > width and len(line) > 1:
                n = _fit(line, width, measure)
                lines.append(line[:n])
                line = line[n:]
        lines.append(line)
        if len(lines) > max_lines:
            break
    if len(lines) > max_lines:
        lines, cut = lines[:max_lines], True
    if cut:
        lines[-1] = elide(lines[-1] + ELLIPSIS, width, measure)
    return lines, cut


def _fit(text: str, width: float, measure: Callable[[str], float]) -> int:
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def elide(text: str, width: float, measure: Callable[[str], float]) -> str:
    """Text cut to fit width, ending in an ellipsis if it had to be cut."""
    if measure(text) <= width:
        return text
    base = text.removesuffix(ELLIPSIS).rstrip()
    n = _fit(base + ELLIPSIS, width, measure) - 1
    return base[: max(n, 0)].rstrip() + ELLIPSIS


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
