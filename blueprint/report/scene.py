"""A diagram as a flat list of drawing primitives, built once from the model.

Geometry comes from blueprint.layout and colours from blueprint.theme, as on the
canvas; the primitives are then drawn on each page (or tile) that shows them, in
every layout pass, without recomputing routes or wrapped labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from blueprint import theme
from blueprint.layout import (
    ELLIPSIS,
    Badge,
    PathOp,
    Point,
    Rect,
    Router,
    arrow_head,
    diagram_bounds,
    fit_ellipsis,
    gaps_by_target,
    label_anchor,
    node_badges,
    node_rect,
    shape_details,
    shape_path,
    text_box,
    wrap_label,
)
from blueprint.model.catalogue import EDGE_KINDS, LINE_KINDS, SUPPORT_TYPES
from blueprint.model.document import Document
from blueprint.model.entities import Edge, QualityRating
from blueprint.model.rules import LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT, lane_spans

from .text import clean

Measure = Callable[[str, str, float], float]  # (text, face, size) -> width
LINE_HEIGHT = 1.17  # DejaVu's line spacing, as the canvas's font metrics give it
BORDER = "#d0d7de"
HEADER_EDGE = "#afb8c1"
STAGE_FILL = "#f6f8fa"
EDGE_LABEL_WIDTH = 220.0
# dash patterns in page points (lines keep their weight at any scale, as the
# canvas's cosmetic pens do on screen)
DASHES: dict[str, tuple[float, ...]] = {
    "solid": (),
    "dash": (4.0, 2.5),
    "dot": (0.6, 1.8),
}


@dataclass(slots=True)
class Prim:
    """One thing to draw, in diagram units (y grows downwards).

    kind: rect, path, line (open polyline in `points`), text or badge. Line
    widths and dashes are in page points."""

    kind: str
    bbox: Rect
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.75
    dash: tuple[float, ...] = ()
    ops: list[PathOp] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    text: str = ""
    face: str = "regular"
    size: float = 10.0
    x: float = 0.0  # text: where the line starts; badge: centre
    y: float = 0.0  # text: baseline; badge: centre
    radius: float = 0.0  # rect: corner radius; badge: 0 for a disc


@dataclass
class Scene:
    bounds: Rect
    prims: list[Prim]
    line_kinds: list[str]
    edge_kinds: list[str]
    markers: list[str]  # badge kinds shown: fail_point, wait_point, ..., gap
    lanes: list[tuple[str, str, float, float]]  # name, header fill, top, bottom
    stages: list[tuple[str, float, float]]  # name, left, right
    strings: int = 0  # text primitives, for the benchmark's like-for-like baseline


class _Builder:
    def __init__(self, measure: Measure) -> None:
        self.measure = measure
        self.prims: list[Prim] = []

    def add(self, kind: str, bbox: Rect, **kw: object) -> None:
        self.prims.append(Prim(kind, bbox, **kw))  # type: ignore[arg-type]

    def lines(
        self,
        text: str,
        box: Rect,
        face: str,
        size: float,
        colour: str,
        align: str = "centre",
        max_lines: int | None = None,
    ) -> list[str]:
        """Wrap text into box and add its lines, centred vertically."""
        lead = size * LINE_HEIGHT
        if max_lines is None:
            max_lines = max(1, int(box.h // lead))
        lines = wrap_label(
            text, box.w, lambda s: self.measure(s, face, size), max_lines
        )
        top = box.y + max((box.h - lead * len(lines)) / 2, 0.0)
        for i, line in enumerate(lines):
            w = self.measure(line, face, size)
            x = {"left": box.x, "right": box.right - w}.get(align, box.cx - w / 2)
            baseline = top + lead * i + size * 0.93
            self.add(
                "text",
                Rect(x, baseline - size, w, lead),
                fill=colour,
                text=line,
                face=face,
                size=size,
                x=x,
                y=baseline,
            )
        return lines


def build_scene(doc: Document, diagram_id: str, measure: Measure) -> Scene:
    """Everything one diagram draws, back to front: lanes, stages, dividing
    lines, connectors, the lines' names, nodes, connector labels, badges."""
    b = _Builder(measure)
    edges = doc.edges(diagram_id)
    routes = Router(doc, diagram_id).route_all(edges)
    bounds = diagram_bounds(doc, diagram_id, routes.values())
    spans = lane_spans(doc, diagram_id)
    _lanes(b, spans, bounds.right)
    stages = _stages(b, doc, diagram_id, spans[-1][2] if spans else 0.0)
    line_kinds, line_tags = _dividers(b, doc, diagram_id, spans, bounds.right)
    captions = _connectors(b, edges, routes)
    b.prims += line_tags  # the lines' names stay readable over connectors
    markers, badges = _nodes(b, doc, diagram_id)
    gaps = gaps_by_target(doc, diagram_id)  # once: it scans every annotation
    if any(e.id in gaps for e in edges):
        markers.add("gap")
    for text, points in captions:
        _caption(b, text, points, measure)
    for badge in badges:
        b.add(
            "badge",
            badge.rect,
            fill=badge.colour,
            stroke=theme.PAPER,
            width=1.1 if badge.text else 0.9,
            text=badge.text,
            face="bold",
            size=7.5,
            x=badge.cx,
            y=badge.cy,
            radius=4.0 if badge.kind == "gap" else 0.0,
        )
    order = [*theme.FLAG_BADGES, "gap", "quality"]
    return Scene(
        bounds=bounds,
        prims=b.prims,
        line_kinds=sorted(line_kinds, key=list(LINE_KINDS).index),
        edge_kinds=sorted({e.kind for e in edges}, key=list(EDGE_KINDS).index),
        markers=sorted(markers, key=order.index),
        lanes=[
            (
                " ".join(clean(lane.name).split()),
                theme.LANE_HEADER_FILL.get(lane.role, "#e9ecef"),
                top,
                bottom,
            )
            for lane, top, bottom in spans
        ],
        stages=stages,
        strings=sum(p.kind in ("text", "badge") for p in b.prims),
    )


def _lanes(b: _Builder, spans, right: float) -> None:
    """Bands, headers with wrapped names, the header edge and the lane rules."""
    for lane, top, bottom in spans:
        b.add(
            "rect",
            Rect(0.0, top, right, bottom - top),
            fill=theme.LANE_FILL.get(lane.role, theme.PAPER),
        )
        b.add(
            "rect",
            Rect(0.0, top, LANE_HEADER_WIDTH, bottom - top),
            fill=theme.LANE_HEADER_FILL.get(lane.role, "#e9ecef"),
        )
        b.add(
            "line",
            Rect(LANE_HEADER_WIDTH, top, 0, bottom - top),
            stroke=HEADER_EDGE,
            width=0.6,
            points=[(LANE_HEADER_WIDTH, top), (LANE_HEADER_WIDTH, bottom)],
        )
        box = Rect(14.0, top + 6, LANE_HEADER_WIDTH - 24, bottom - top - 12)
        b.lines(clean(lane.name), box, "bold", theme.LANE_TITLE_SIZE, theme.INK, "left")
        b.add(
            "line",
            Rect(0, bottom, right, 0),
            stroke=BORDER,
            width=0.6,
            points=[(0.0, bottom), (right, bottom)],
        )


def _stages(b: _Builder, doc: Document, diagram_id: str, height: float):
    """Header cells and dashed column edges; names are drawn per page (render)."""
    x = LANE_HEADER_WIDTH
    stages: list[tuple[str, float, float]] = []
    for stage in doc.stages(diagram_id):
        cell = Rect(
            x + 1, -STAGE_HEADER_HEIGHT + 2, stage.width - 2, STAGE_HEADER_HEIGHT - 6
        )
        b.add("rect", cell, fill=STAGE_FILL, stroke=HEADER_EDGE, width=0.6, radius=5)
        stages.append((" ".join(clean(stage.name).split()), x, x + stage.width))
        x += stage.width
        if height:
            b.add(
                "line",
                Rect(x, 0, 0, height),
                stroke="#c4cbd3",
                width=0.6,
                dash=DASHES["dash"],
                points=[(x, 0.0), (x, height)],
            )
    return stages


def _dividers(b: _Builder, doc: Document, diagram_id: str, spans, right: float):
    """Dividing lines under their lanes; their name tags, to be drawn later."""
    bottoms = {lane.id: bottom for lane, _, bottom in spans}
    kinds: set[str] = set()
    tags = _Builder(b.measure)
    size = theme.LINE_LABEL_SIZE
    for line in doc.lines(diagram_id):
        y = bottoms.get(line.below_lane_id)
        if y is None:
            continue
        kinds.add(line.kind)
        colour, dash = theme.LINE_STYLE.get(line.kind, (theme.MUTED_INK, "dash"))
        b.add(
            "line",
            Rect(0, y - 1, right, 2),
            stroke=colour,
            width=1.5,
            dash=DASHES[dash],
            points=[(0.0, y), (right, y)],
        )
        name = LINE_KINDS[line.kind].name
        w = b.measure(name, "bold", size) + 10
        tag = Rect(
            LANE_HEADER_WIDTH + 8, y - size * LINE_HEIGHT - 5, w, size * LINE_HEIGHT + 2
        )
        tags.add("rect", tag, fill=theme.PAPER, radius=3)
        tags.lines(name, tag, "bold", size, colour, max_lines=1)
    return kinds, tags.prims


def _connectors(b: _Builder, edges, routes) -> list[tuple[str, Sequence[Point]]]:
    """Routed lines with arrowheads; returns the captions to draw on top."""
    captions: list[tuple[str, Sequence[Point]]] = []
    for edge in edges:
        points = routes[edge.id]
        if len(points) < 2:
            continue
        colour, dash = theme.EDGE_STYLE.get(edge.kind, (theme.EDGE_INK, "solid"))
        b.add(
            "line",
            _box(points).inset(-2),
            stroke=colour,
            width=1.0,
            dash=DASHES[dash],
            points=points,
        )
        head = arrow_head(points, 9.0)
        ops: list[PathOp] = [("M", *head[0]), ("L", *head[1]), ("L", *head[2]), ("Z",)]
        b.add("path", _box(head), fill=colour, stroke=colour, width=0.5, ops=ops)
        if text := edge_caption(edge):
            captions.append((text, points))
    return captions


def _nodes(b: _Builder, doc: Document, diagram_id: str):
    """Shapes with their details and wrapped labels; returns the badge kinds
    used and the badges, which are drawn last."""
    gaps = gaps_by_target(doc, diagram_id)
    ratings: dict[str, list[int]] = {}
    for a in doc.annotations(diagram_id):
        if isinstance(a.body, QualityRating):
            ratings.setdefault(a.target_id, []).append(a.body.rating)
    markers: set[str] = set()
    badges: list[Badge] = []
    for node in doc.nodes(diagram_id):
        look = theme.node_look(node)
        r = node_rect(node)
        b.add(
            "path",
            r,
            fill=look.fill,
            stroke=look.stroke,
            width=0.9,
            ops=shape_path(look.shape, r, theme.CORNER_RADIUS),
        )
        if details := shape_details(look.shape, r):
            b.add("path", r, stroke=look.stroke, width=0.9, ops=details)
        b.lines(
            clean(node.label),
            text_box(look.shape, r),
            "regular",
            theme.LABEL_SIZE,
            look.text,
        )
        for badge in node_badges(node, gaps.get(node.id, ())):
            markers.add(badge.kind)
            badges.append(badge)
        # quality ratings: dots on the bottom edge from the right, as on the canvas
        for i, rating in enumerate(ratings.get(node.id, ())):
            markers.add("quality")
            cx, cy = node.x + node.width - 8.0 - i * 11, node.y + node.height
            badges.append(
                Badge("quality", "", theme.rating_colour(rating), cx, cy, 9, 9)
            )
    return markers, badges


def _box(points: Sequence[Point]) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def edge_caption(edge: Edge) -> str:
    """What a connector's label says: its own text, else its gap or support type."""
    if edge.label.strip():
        return " ".join(clean(edge.label).split())
    if edge.kind == "gap" and edge.gap:
        return f"Gap {edge.gap}"
    if edge.kind == "support" and edge.support_type:
        return SUPPORT_TYPES[edge.support_type].name
    return ""


def _caption(b: _Builder, text: str, points: Sequence[Point], measure: Measure):
    """A connector's label on one line (elided), on a white tag at its middle."""
    size = theme.LINE_LABEL_SIZE
    fits = measure(text, "regular", size) <= EDGE_LABEL_WIDTH
    line = (
        text
        if fits
        else fit_ellipsis(
            text[:400], EDGE_LABEL_WIDTH, lambda s: measure(s, "regular", size)
        )
    )
    w = measure(line, "regular", size) + 10
    h = size * LINE_HEIGHT + 4
    x, y = label_anchor(points)
    tag = Rect(x - w / 2, y - h / 2, w, h)
    b.add("rect", tag, fill=theme.PAPER, stroke=BORDER, width=0.6, radius=4)
    b.lines(
        line.removesuffix(ELLIPSIS) + ("" if fits else ELLIPSIS),
        tag,
        "regular",
        size,
        theme.INK,
        max_lines=1,
    )
