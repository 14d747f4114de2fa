"""A diagram resolved for analysis: each node's lane role and band, the dividing lines
as lane indexes, and the connectors split into sound ones and ones with missing ends.

Plain data only; the networkx graphs are built from it inside `algorithms`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter

from blueprint.model import Edge, Lane, Node

from .snapshot import DiagramParts, Source, snapshot

_ID = attrgetter("id")
_LANE_ID = attrgetter("lane_id")


def _by_centre(n: Node) -> tuple[float, float, str]:
    """Left to right by centre, then top to bottom, then by id (stable)."""
    return (n.x + n.width / 2, n.y + n.height / 2, n.id)


# kinds that annotate the drawing rather than take part in the service
COMMENT_KINDS = frozenset({"note", "frame"})
# journey markers: they belong to the journey but are not steps somebody takes
MARKER_KINDS = frozenset({"start", "end"})
# what the customer does in a customer lane (other kinds there, such as Grönroos'
# "needs and expectations" or a Gaps-model element, are not actions)
CUSTOMER_ACTION_KINDS = frozenset({"action", "decision"})
SUPPORT_ROLES = frozenset({"onstage", "backstage", "support"})
HIDDEN_ROLES = frozenset({"backstage", "support", "management"})


@dataclass(frozen=True, eq=False)
class DiagramGraph:
    """One diagram ready for analysis; the node mappings are keyed by node id.
    The mappings are plain dicts for speed: treat them as read-only.

    `lane_index` is the node's lane's position from the top (None when its lane is
    missing, which only a damaged import can produce). `lines` maps each dividing
    line kind to the index of the lane it runs under (the top-most if drawn twice).
    """

    diagram_id: str
    notation: str
    lanes: tuple[Lane, ...]
    lane_spans: tuple[tuple[float, float], ...]  # (top, bottom) per lane
    nodes: tuple[Node, ...]  # left to right by centre, then top to bottom
    edges: tuple[Edge, ...]  # both ends are nodes of this diagram
    dangling: tuple[Edge, ...]  # an end is missing or in another diagram
    by_id: Mapping[str, Node]
    role: Mapping[str, str | None]
    lane_index: Mapping[str, int | None]
    lines: Mapping[str, int]
    sound: bool = False  # references checked by a Document (see DiagramParts)

    @property
    def visibility(self) -> int | None:
        return self.lines.get("visibility")

    @property
    def interaction(self) -> int | None:
        return self.lines.get("interaction")

    def has_role(self, *roles: str) -> bool:
        return any(lane.role in roles for lane in self.lanes)

    def is_structural(self, node: Node) -> bool:
        """Takes part in the service's connections: not a comment, not physical
        evidence (evidence is drawn above its step, not connected; Bitner 2008)."""
        return (
            node.kind not in COMMENT_KINDS
            and node.kind != "evidence"
            and self.role[node.id] != "physical_evidence"
        )

    def is_step(self, node: Node) -> bool:
        return self.is_structural(node) and node.kind not in MARKER_KINDS

    def is_customer_action(self, node: Node) -> bool:
        return node.kind in CUSTOMER_ACTION_KINDS and self.role[node.id] == "customer"

    def is_journey_node(self, node: Node) -> bool:
        """A customer action, or a start/end marker wherever it is drawn."""
        return node.kind in MARKER_KINDS or self.is_customer_action(node)

    def above(self, node_id: str, line: int | None) -> bool | None:
        """Whether a node's lane is above a line (None: no line or no lane)."""
        index = self.lane_index[node_id]
        if line is None or index is None:
            return None
        return index <= line

    def crosses(self, edge: Edge, line: int | None) -> bool:
        a, b = self.above(edge.source_id, line), self.above(edge.target_id, line)
        return a is not None and b is not None and a != b


def _line_indexes(parts: DiagramParts, index: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in parts.lines:
        below = index.get(line.below_lane_id)  # None: its lane is missing
        if below is not None:
            out[line.kind] = min(below, out.get(line.kind, below))
    return out


def graph_of(parts: DiagramParts) -> DiagramGraph:
    lanes = parts.lanes
    index = {lane.id: i for i, lane in enumerate(lanes)}
    roles = {lane.id: lane.role for lane in lanes}
    spans, top = [], 0.0
    for lane in lanes:
        spans.append((top, top + lane.height))
        top += lane.height
    nodes = sorted(parts.nodes, key=_by_centre)
    # map/attrgetter/zip run in C: this is the hot path of every re-analysis
    ids = list(map(_ID, nodes))
    lane_ids = list(map(_LANE_ID, nodes))
    by_id = dict(zip(ids, nodes, strict=True))
    edges: list[Edge] | tuple[Edge, ...] = parts.edges
    dangling: list[Edge] = []
    if not parts.sound:
        edges = [e for e in edges if e.source_id in by_id and e.target_id in by_id]
        if len(edges) != len(parts.edges):
            kept = set(map(_ID, edges))
            dangling = [e for e in parts.edges if e.id not in kept]
    return DiagramGraph(
        diagram_id=parts.id,
        notation=parts.diagram.notation,
        lanes=lanes,
        lane_spans=tuple(spans),
        nodes=tuple(nodes),
        edges=tuple(edges),
        dangling=tuple(dangling),
        by_id=by_id,
        role=dict(zip(ids, map(roles.get, lane_ids), strict=True)),
        lane_index=dict(zip(ids, map(index.get, lane_ids), strict=True)),
        lines=_line_indexes(parts, index),
        sound=parts.sound,
    )


def build_graph(source: Source, diagram_id: str) -> DiagramGraph:
    """One diagram of a Document (or snapshot, or entity collection) as plain data
    resolved for analysis."""
    return graph_of(snapshot(source, diagram_id).diagram(diagram_id))
