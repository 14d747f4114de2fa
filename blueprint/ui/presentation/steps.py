"""The steps a trainer can show of a diagram, with captions and areas (no Qt here).

Every diagram offers an overview, its lanes top-down, its stages along the customer's
path, its dividing lines, its fail points and each gap of the Gaps model it holds.
A step's id is stable: the id of the lane, stage, line or node it shows, "overview",
or "gap:N", so a saved order survives edits and the renewal of ids on import.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.model import Document, Edge, Node
from blueprint.model.catalogue import GAPS, LANE_ROLES, LINE_KINDS, NODE_FLAGS
from blueprint.model.entities import GapFinding
from blueprint.model.notations import NOTATIONS
from blueprint.model.rules import content_bounds, lane_spans, stage_spans

OVERVIEW = "overview"
KINDS = ("overview", "lane", "stage", "line", "fail_point", "gap")
PAD = 14.0  # around a spotlit node, in diagram units
EDGE_PAD = 40.0  # around a connector's ends and bends: its label sits beside them
MIN_AREA = (960.0, 520.0)  # the smallest area a step zooms to: never one huge box
AREA_MARGIN = 60.0
LISTED = 4  # labels named in a caption before "and N more"


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def padded(self, dx: float, dy: float | None = None) -> Rect:
        dy = dx if dy is None else dy
        return Rect(self.left - dx, self.top - dy, self.right + dx, self.bottom + dy)

    def united(self, other: Rect) -> Rect:
        return Rect(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def at_least(self, width: float, height: float) -> Rect:
        """Grown about its centre to at least width x height."""
        dx = max(0.0, (width - self.width) / 2)
        dy = max(0.0, (height - self.height) / 2)
        return self.padded(dx, dy)


@dataclass(frozen=True)
class Step:
    """One thing shown: its caption, the area the view shows and what is lit."""

    id: str
    kind: str  # one of KINDS
    section: str  # e.g. "Lane 2 of 5"
    title: str
    text: str
    area: Rect  # what the view zooms to
    source: str = ""
    spots: tuple[Rect, ...] = ()  # lit areas; none lights the whole diagram
    targets: tuple[str, ...] = ()  # nodes and connectors the step is about
    reveals: tuple[str, ...] = ()  # lines and gap connectors hidden before it


def _united(rects: list[Rect]) -> Rect:
    out = rects[0]
    for r in rects[1:]:
        out = out.united(r)
    return out


def _area(rects: list[Rect]) -> Rect:
    return _united(rects).padded(AREA_MARGIN).at_least(*MIN_AREA)


def _node_rect(node: Node) -> Rect:
    return Rect(node.x, node.y, node.x + node.width, node.y + node.height)


def _listing(labels: list[str], joiner: str = ", ") -> str:
    labels = [" ".join(label.split()) for label in labels]
    shown = joiner.join(labels[:LISTED])
    more = len(labels) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def _sentence(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def catalogue(doc: Document, diagram_id: str) -> list[Step]:
    """Every step the diagram offers, in the canonical order."""
    whole = Rect(*content_bounds(doc, diagram_id))
    nodes = doc.nodes(diagram_id)
    steps = [_overview(doc, diagram_id, whole)]
    spans = lane_spans(doc, diagram_id)
    for i, (lane, top, bottom) in enumerate(spans, start=1):
        inside = sorted(
            (n for n in nodes if n.lane_id == lane.id), key=lambda n: (n.x, n.y)
        )
        band = Rect(whole.left, top, whole.right, bottom)
        role = LANE_ROLES.get(lane.role)
        definition = (
            role.definition if role is not None and lane.role != "other" else ""
        )
        here = f"Here: {_listing([n.label for n in inside])}." if inside else ""
        steps.append(
            Step(
                lane.id,
                "lane",
                f"Lane {i} of {len(spans)}",
                lane.name,
                _sentence(definition, here) or "An empty lane.",
                band.at_least(*MIN_AREA),
                role.source if role is not None and definition else "",
                spots=(band,),
            )
        )
    steps += _stages(doc, diagram_id, whole, nodes)
    steps += _lines(doc, diagram_id, whole)
    steps += _fail_points(doc, diagram_id, nodes)
    steps += _gaps(doc, diagram_id, whole)
    return steps


def _overview(doc: Document, diagram_id: str, whole: Rect) -> Step:
    diagram = doc.diagram(diagram_id)
    notation = NOTATIONS[diagram.notation]
    return Step(
        OVERVIEW,
        "overview",
        notation.name,
        diagram.name,
        notation.description,
        whole.padded(AREA_MARGIN / 2),
        notation.source,
    )


def _stages(
    doc: Document, diagram_id: str, whole: Rect, nodes: list[Node]
) -> list[Step]:
    customer_lanes = {
        lane.id for lane in doc.lanes(diagram_id) if lane.role == "customer"
    }
    spans = stage_spans(doc, diagram_id)
    out = []
    for i, (stage, left, right) in enumerate(spans, start=1):
        column = Rect(left, whole.top, right, whole.bottom)
        inside = [n for n in nodes if left <= n.centre[0] < right]
        path = sorted(
            (n for n in inside if n.lane_id in customer_lanes), key=lambda n: n.x
        )
        if path:
            text = "The customer: " + _listing([n.label for n in path], " → ") + "."
        elif inside:
            text = f"Steps here: {_listing([n.label for n in inside])}."
        else:
            text = "No steps in this stage yet."
        out.append(
            Step(
                stage.id,
                "stage",
                f"Stage {i} of {len(spans)}",
                stage.name,
                text,
                column.at_least(*MIN_AREA),
                spots=(column,),
                targets=tuple(n.id for n in path),
            )
        )
    return out


def _lines(doc: Document, diagram_id: str, whole: Rect) -> list[Step]:
    spans = lane_spans(doc, diagram_id)
    index = {lane.id: i for i, (lane, _, _) in enumerate(spans)}
    lines = sorted(
        (ln for ln in doc.lines(diagram_id) if ln.below_lane_id in index),
        key=lambda ln: index[ln.below_lane_id],
    )
    out = []
    for n, line in enumerate(lines, start=1):
        i = index[line.below_lane_id]
        y = spans[i][2]
        above = spans[i][1]
        below = spans[i + 1][2] if i + 1 < len(spans) else y + 40.0
        band = Rect(whole.left, above, whole.right, below)
        term = LINE_KINDS[line.kind]
        out.append(
            Step(
                line.id,
                "line",
                f"Line {n} of {len(lines)}",
                term.name,
                term.definition,
                band.at_least(*MIN_AREA),
                term.source,
                spots=(band,),
                reveals=(line.id,),
            )
        )
    return out


def _fail_points(doc: Document, diagram_id: str, nodes: list[Node]) -> list[Step]:
    failing = sorted((n for n in nodes if n.fail_point), key=lambda n: (n.x, n.y))
    flag = NODE_FLAGS["fail_point"]
    out = []
    for i, node in enumerate(failing, start=1):
        gaps = [
            a.body
            for a in doc.annotations_of(node.id)
            if isinstance(a.body, GapFinding)
        ]
        found = " ".join(
            f"{GAPS[g.gap].title}: {g.finding.strip()}" for g in gaps if g.finding
        )
        rect = _node_rect(node)
        out.append(
            Step(
                node.id,
                "fail_point",
                f"Fail point {i} of {len(failing)}",
                " ".join(node.label.split()),
                _sentence(node.description or flag.definition, found),
                _area([rect]),
                flag.source,
                spots=(rect.padded(PAD),),
                targets=(node.id,),
            )
        )
    return out


def _gaps(doc: Document, diagram_id: str, whole: Rect) -> list[Step]:
    """One step per gap of the Gaps model that the diagram shows: as a finding on
    a step, a connector or the whole diagram, or as a gap connector."""
    rects: dict[int, list[Rect]] = {}
    targets: dict[int, list[str]] = {}
    reveals: dict[int, list[str]] = {}
    findings: dict[int, list[str]] = {}
    present: set[int] = set()

    def lit(gap: int, target: str, rect: Rect | None) -> None:
        if rect is not None and target not in targets.setdefault(gap, []):
            targets[gap].append(target)
            rects.setdefault(gap, []).append(rect)

    for edge in doc.edges(diagram_id):
        if edge.kind == "gap" and edge.gap is not None:
            present.add(edge.gap)
            reveals.setdefault(edge.gap, []).append(edge.id)
            lit(edge.gap, edge.id, _edge_rect(doc, edge.id))
    for a in doc.annotations(diagram_id):
        if not isinstance(a.body, GapFinding):
            continue
        gap = a.body.gap
        present.add(gap)
        if a.body.finding.strip():
            findings.setdefault(gap, []).append(" ".join(a.body.finding.split()))
        if a.target_kind == "node":
            node = doc.get(a.target_id)
            lit(gap, a.target_id, _node_rect(node) if isinstance(node, Node) else None)
        elif a.target_kind == "edge":
            lit(gap, a.target_id, _edge_rect(doc, a.target_id))
    out = []
    for n, gap in enumerate(sorted(present), start=1):
        info = GAPS[gap]
        spots = rects.get(gap, [])
        here = " ".join(findings.get(gap, [])[:2])
        out.append(
            Step(
                f"gap:{gap}",
                "gap",
                f"Gaps model · {n} of {len(present)}",
                info.title,
                _sentence(info.definition, f"Here: {here}" if here else ""),
                _area(spots) if spots else whole.padded(AREA_MARGIN / 2),
                info.source,
                spots=tuple(r.padded(PAD) for r in spots),
                targets=tuple(targets.get(gap, [])),
                reveals=tuple(reveals.get(gap, [])),
            )
        )
    return out


def _edge_rect(doc: Document, edge_id: str) -> Rect | None:
    """Both ends of a connector and its waypoints: where its route runs."""
    edge = doc.get(edge_id)
    if not isinstance(edge, Edge):
        return None
    ends = (doc.get(edge.source_id), doc.get(edge.target_id))
    rects = [_node_rect(n) for n in ends if isinstance(n, Node)]
    rects += [Rect(x, y, x, y) for x, y in edge.waypoints]
    return _united(rects).padded(EDGE_PAD) if rects else None
