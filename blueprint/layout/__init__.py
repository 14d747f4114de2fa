"""Diagram geometry shared by every view: shapes, connector routes, labels, badges.

Stdlib only, in diagram coordinates (y grows downwards), so the canvas, the image
export and the PDF report draw the same outlines, routes and wrapped lines.
"""

from .labels import ELLIPSIS, fit_ellipsis, wrap_label
from .routes import (
    Router,
    arrow_head,
    candidates,
    diagram_bounds,
    gaps_by_target,
    label_anchor,
    route_between,
    route_edge,
)
from .shapes import (
    Badge,
    PathOp,
    Point,
    Rect,
    node_badges,
    node_rect,
    shape_details,
    shape_path,
    text_box,
)
from .tiles import TilePlan, plan_tiles

__all__ = [
    "ELLIPSIS",
    "Badge",
    "PathOp",
    "Point",
    "Rect",
    "Router",
    "TilePlan",
    "arrow_head",
    "candidates",
    "diagram_bounds",
    "fit_ellipsis",
    "gaps_by_target",
    "label_anchor",
    "node_badges",
    "node_rect",
    "plan_tiles",
    "route_between",
    "route_edge",
    "shape_details",
    "shape_path",
    "text_box",
    "wrap_label",
]
