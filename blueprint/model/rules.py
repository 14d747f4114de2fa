"""Diagram geometry and rules: where lanes and stages lie, which lane a point is in,
and whether two nodes may be connected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import Lane, Node, Stage

if TYPE_CHECKING:
    from .document import Document

LANE_HEADER_WIDTH = 160.0  # lane names are drawn left of this x; stages start here
STAGE_HEADER_HEIGHT = 36.0  # stage names are drawn above y = 0
GRID = 10.0


def lane_spans(doc: Document, diagram_id: str) -> list[tuple[Lane, float, float]]:
    """Each lane with its top and bottom y; lanes stack from y = 0."""
    spans, top = [], 0.0
    for lane in doc.lanes(diagram_id):
        spans.append((lane, top, top + lane.height))
        top += lane.height
    return spans


def lane_top(doc: Document, lane_id: str) -> float:
    lane = doc.require(lane_id, Lane)
    for candidate, top, _ in lane_spans(doc, lane.diagram_id):
        if candidate.id == lane_id:
            return top
    raise AssertionError("lane not in its diagram")


def lane_at(doc: Document, diagram_id: str, y: float) -> Lane | None:
    """The lane whose band holds y, or None above the first or below the last."""
    for lane, top, bottom in lane_spans(doc, diagram_id):
        if top <= y < bottom:
            return lane
    return None


def stage_spans(doc: Document, diagram_id: str) -> list[tuple[Stage, float, float]]:
    """Each stage with its left and right x; stages start at the lane headers."""
    spans, left = [], LANE_HEADER_WIDTH
    for stage in doc.stages(diagram_id):
        spans.append((stage, left, left + stage.width))
        left += stage.width
    return spans


def stage_at(doc: Document, diagram_id: str, x: float) -> Stage | None:
    for stage, left, right in stage_spans(doc, diagram_id):
        if left <= x < right:
            return stage
    return None


def diagram_height(doc: Document, diagram_id: str) -> float:
    return sum(lane.height for lane in doc.lanes(diagram_id))


def content_bounds(doc: Document, diagram_id: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) covering lanes, stages and nodes."""
    left, top = 0.0, -STAGE_HEADER_HEIGHT if doc.stages(diagram_id) else 0.0
    right = LANE_HEADER_WIDTH + max(600.0, sum(s.width for s in doc.stages(diagram_id)))
    bottom = diagram_height(doc, diagram_id)
    for n in doc.nodes(diagram_id):
        left, top = min(left, n.x), min(top, n.y)
        right, bottom = max(right, n.x + n.width), max(bottom, n.y + n.height)
    return left, top, right, bottom


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid


def can_connect(doc: Document, source_id: str, target_id: str) -> str | None:
    """None if a connector from source to target is allowed, else the reason."""
    source, target = doc.get(source_id), doc.get(target_id)
    if not isinstance(source, Node) or not isinstance(target, Node):
        return "both ends must be nodes"
    if source.id == target.id:
        return "a connector cannot join a node to itself"
    if source.diagram_id != target.diagram_id:
        return "both ends must be in the same diagram"
    return None
