"""Blueprint diagrams to an uncompressed .drawio document.

Each diagram is a page holding a horizontal pool (the diagram) whose swimlanes are
the lanes, with the nodes inside them; stages are boxes above the pool, dividing
lines are line shapes on the lane boundaries and connectors are attached to their
nodes. Every Blueprint entity is an `object` carrying bp_* properties so that
reading the file back gives the same model. Diagram point (x, y) is page point
(pool_x + x, pool_y + y): the pool's header plus a lane's header is exactly
LANE_HEADER_WIDTH wide, which is where the reader puts the start of lane content.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

from blueprint.model.catalogue import LINE_KINDS
from blueprint.model.document import Document
from blueprint.model.entities import Diagram, Edge, Lane, Node
from blueprint.model.notations import NODE_KINDS
from blueprint.model.rules import (
    LANE_HEADER_WIDTH,
    STAGE_HEADER_HEIGHT,
    content_bounds,
    lane_spans,
    stage_spans,
)
from blueprint.theme import (
    EDGE_STYLE,
    INK,
    KIND_STROKE,
    LANE_FILL,
    LANE_HEADER_FILL,
    LINE_STYLE,
    MUTED_INK,
    node_look,
)

from . import props as bp
from .styles import format_style, label_html, xml_safe

POOL_HEADER = 30.0
LANE_HEADER = LANE_HEADER_WIDTH - POOL_HEADER
MARGIN = 40.0
LINE_THICKNESS = 10.0

_SHAPES: dict[str, dict[str, object]] = {
    "rounded_rect": {"rounded": 1, "arcSize": 12},
    "rect": {"rounded": 0},
    "diamond": {"rhombus": None},
    "ellipse": {"ellipse": None},
    "circle": {"ellipse": None},
    "document": {"shape": "document", "boundedLbl": 1, "size": 0.2},
    "cylinder": {
        "shape": "cylinder3",
        "boundedLbl": 1,
        "backgroundOutline": 1,
        "size": 8,
    },
    "hexagon": {"shape": "hexagon", "perimeter": "hexagonPerimeter2", "fixedSize": 1},
    "person": {
        "shape": "umlActor",
        "verticalLabelPosition": "bottom",
        "verticalAlign": "top",
        "outlineConnect": 0,
    },
    "note": {"shape": "note", "backgroundOutline": 1, "size": 14},
}
_DASH = {"solid": {}, "dash": {"dashed": 1}, "dot": {"dashed": 1, "dashPattern": "1 3"}}


class _Ids:
    """Cell ids: the entity's own id, unless draw.io's '0'/'1' or already taken."""

    def __init__(self) -> None:
        self.taken = {"0", "1"}

    def __call__(self, entity_id: str) -> str:
        candidate, n = entity_id, 1
        while candidate in self.taken:
            candidate, n = f"{entity_id}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def _object(parent: ET.Element, cell_id: str, label: str, **props: str) -> ET.Element:
    raw = {"label": label_html(label)}  # every style written here has html=1
    raw.update({k: v for k, v in props.items() if v != ""})
    attrs = {k: xml_safe(v) for k, v in raw.items()}
    exact = {k: v for k, v in raw.items() if attrs[k] != v}
    if exact:  # characters XML cannot hold, kept escaped for the way back
        attrs["bp_exact"] = json.dumps(exact)
    attrs["id"] = cell_id
    return ET.SubElement(parent, "object", attrs)


def _cell(wrapper: ET.Element, style: dict[str, object], parent: str, **kind: str):
    return ET.SubElement(
        wrapper, "mxCell", {"style": format_style(style), "parent": parent, **kind}
    )


def _geometry(cell: ET.Element, x: float, y: float, w: float, h: float) -> None:
    ET.SubElement(
        cell,
        "mxGeometry",
        {
            "x": bp.fmt(x),
            "y": bp.fmt(y),
            "width": bp.fmt(w),
            "height": bp.fmt(h),
            "as": "geometry",
        },
    )


def write_document(doc: Document, diagrams: list[Diagram]) -> str:
    root = ET.Element(
        "mxfile", {"host": "Blueprint", "agent": "Blueprint", "type": "device"}
    )
    for i, diagram in enumerate(diagrams):
        _page(root, doc, diagram, with_project=i == 0)
    ET.indent(root, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )


def _page(root: ET.Element, doc: Document, d: Diagram, *, with_project: bool) -> None:
    left, top, right, bottom = content_bounds(doc, d.id)
    px, py = MARGIN - min(left, 0.0), MARGIN - min(top, 0.0)
    page = ET.SubElement(
        root, "diagram", {"id": xml_safe(d.id), "name": xml_safe(d.name)}
    )
    model = ET.SubElement(
        page,
        "mxGraphModel",
        {
            "dx": "1200",
            "dy": "800",
            "grid": "1",
            "gridSize": "10",
            "guides": "1",
            "tooltips": "1",
            "connect": "1",
            "arrows": "1",
            "fold": "1",
            "page": "1",
            "pageScale": "1",
            "pageWidth": str(math.ceil(px + right + MARGIN)),
            "pageHeight": str(math.ceil(py + bottom + MARGIN)),
            "math": "0",
            "shadow": "0",
        },
    )
    cells = ET.SubElement(model, "root")
    ET.SubElement(cells, "mxCell", {"id": "0"})
    ET.SubElement(cells, "mxCell", {"id": "1", "parent": "0"})
    ids = _Ids()
    cell_of: dict[str, str] = {}

    pool_id = ids(d.id)
    extras = {}
    if with_project:
        extras["bp_project"] = bp.entity_json(doc.project)
    wrapper = _object(
        cells,
        pool_id,
        d.name,
        bp_type="diagram",
        bp_format=bp.FORMAT,
        bp_id=d.id,
        bp_notation=d.notation,
        bp_order=str(d.order),
        bp_zoom=bp.fmt(d.zoom),
        bp_scroll=bp.points([(d.scroll_x, d.scroll_y)]),
        bp_presentation=" ".join(d.presentation),
        bp_annotations=_annotations(doc, d.id),
        **extras,
    )
    pool = _cell(
        wrapper,
        {
            "swimlane": None,
            "horizontal": 0,
            "childLayout": "stackLayout",
            "resizeParent": 1,
            "resizeParentMax": 0,
            "horizontalStack": 0,
            "startSize": bp.fmt(POOL_HEADER),
            "html": 1,
            "collapsible": 0,
            "fillColor": "#ffffff",
            "strokeColor": KIND_STROKE,
            "fontStyle": 1,
        },
        "1",
        vertex="1",
    )
    height = bottom if doc.lanes(d.id) else 120.0
    _geometry(pool, px, py, right, max(height, 20.0))

    for lane, lane_top, _ in lane_spans(doc, d.id):
        cell_of[lane.id] = _lane(cells, ids, pool_id, lane, lane_top, right)
        for node in (n for n in doc.nodes(d.id) if n.lane_id == lane.id):
            cell_of[node.id] = _node(cells, doc, ids, cell_of[lane.id], node, lane_top)
    for stage, stage_left, _ in stage_spans(doc, d.id):
        wrapper = _object(
            cells,
            ids(stage.id),
            stage.name,
            bp_type="stage",
            bp_id=stage.id,
            bp_order=str(stage.order),
        )
        style = {
            "rounded": 0,
            "whiteSpace": "wrap",
            "html": 1,
            "fillColor": "#f6f8fa",
            "strokeColor": "#d0d7de",
            "fontStyle": 1,
        }
        _geometry(
            _cell(wrapper, style, "1", vertex="1"),
            px + stage_left,
            py - STAGE_HEADER_HEIGHT,
            stage.width,
            STAGE_HEADER_HEIGHT,
        )
    bottoms = {lane.id: b for lane, _, b in lane_spans(doc, d.id)}
    for line in doc.lines(d.id):
        colour, dash = LINE_STYLE.get(line.kind, (MUTED_INK, "dash"))
        style = {
            "line": None,
            "strokeWidth": 2,
            "html": 1,
            "strokeColor": colour,
            "fontColor": colour,
            "align": "right",
            "verticalLabelPosition": "top",
            "verticalAlign": "bottom",
            "spacingRight": 8,
            "fontSize": 9,
            **_DASH[dash],
        }
        wrapper = _object(
            cells,
            ids(line.id),
            LINE_KINDS[line.kind].name,
            bp_type="line",
            bp_id=line.id,
            bp_kind=line.kind,
            bp_below=line.below_lane_id,
        )
        y = py + bottoms[line.below_lane_id] - LINE_THICKNESS / 2
        _geometry(_cell(wrapper, style, "1", vertex="1"), px, y, right, LINE_THICKNESS)
    for edge in doc.edges(d.id):
        _edge(cells, doc, ids, cell_of, edge, px, py)


def _annotations(doc: Document, target_id: str) -> str:
    found = doc.annotations_of(target_id)
    return bp.annotations(found) if found else ""


def _lane(cells, ids, pool_id: str, lane: Lane, lane_top: float, right: float) -> str:
    cell_id = ids(lane.id)
    wrapper = _object(
        cells,
        cell_id,
        lane.name,
        bp_type="lane",
        bp_id=lane.id,
        bp_role=lane.role,
        bp_order=str(lane.order),
    )
    style = {
        "swimlane": None,
        "horizontal": 0,
        "startSize": bp.fmt(LANE_HEADER),
        "html": 1,
        "whiteSpace": "wrap",
        "collapsible": 0,
        "fillColor": LANE_HEADER_FILL.get(lane.role, "#e9ecef"),
        "swimlaneFillColor": LANE_FILL.get(lane.role, "#f8f9fa"),
        "strokeColor": "#d0d7de",
        "fontColor": INK,
    }
    cell = _cell(wrapper, style, pool_id, vertex="1")
    _geometry(cell, POOL_HEADER, lane_top, right - POOL_HEADER, lane.height)
    return cell_id


def _node(
    cells, doc: Document, ids, lane_cell: str, node: Node, lane_top: float
) -> str:
    cell_id = ids(node.id)
    look = node_look(node)
    extra = {"duration": node.duration, "wait_time": node.wait_time}
    wrapper = _object(
        cells,
        cell_id,
        node.label,
        bp_type="node",
        bp_id=node.id,
        bp_kind=node.kind,
        bp_flags=bp.flags(node),
        bp_description=node.description,
        **{f"bp_{k}": bp.fmt(v) for k, v in extra.items() if v is not None},
        bp_style=bp.style(node.style),
        bp_pos=bp.points([(node.x, node.y)]),
        bp_annotations=_annotations(doc, node.id),
    )
    style = {
        **_SHAPES[NODE_KINDS[node.kind].shape],
        "whiteSpace": "wrap",
        "html": 1,
        "fillColor": look.fill,
        "strokeColor": look.stroke,
        "fontColor": look.text,
    }
    if node.fail_point:
        style["strokeWidth"] = 2  # visible in draw.io without Blueprint's badges
    cell = _cell(wrapper, style, lane_cell, vertex="1")
    _geometry(cell, node.x - POOL_HEADER, node.y - lane_top, node.width, node.height)
    return cell_id


def _edge(
    cells, doc: Document, ids, cell_of: dict[str, str], edge: Edge, px: float, py: float
) -> None:
    colour, dash = EDGE_STYLE.get(edge.kind, (MUTED_INK, "solid"))
    routing = {
        "edgeStyle": "orthogonalEdgeStyle",
        "rounded": 1,
        "orthogonalLoop": 1,
        "jettySize": "auto",
    }
    if edge.routing == "straight":
        routing = {"edgeStyle": "none"}
    style = {
        **routing,
        "html": 1,
        "endArrow": "block",
        "endFill": 1,
        "strokeColor": colour,
        "fontColor": INK,
        **_DASH[dash],
    }
    wrapper = _object(
        cells,
        ids(edge.id),
        edge.label,
        bp_type="edge",
        bp_id=edge.id,
        bp_kind=edge.kind,
        bp_support_type=edge.support_type or "",
        bp_gap=str(edge.gap) if edge.gap is not None else "",
        bp_routing=edge.routing,
        bp_waypoints=bp.points(edge.waypoints),
        bp_annotations=_annotations(doc, edge.id),
    )
    cell = _cell(
        wrapper,
        style,
        "1",
        edge="1",
        source=cell_of[edge.source_id],
        target=cell_of[edge.target_id],
    )
    geometry = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
    if edge.waypoints:
        array = ET.SubElement(geometry, "Array", {"as": "points"})
        for x, y in edge.waypoints:
            ET.SubElement(array, "mxPoint", {"x": bp.fmt(px + x), "y": bp.fmt(py + y)})
