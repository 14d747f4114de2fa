"""What the checks need of a diagram, gathered once in a few passes and shared.

The analysis re-runs after every edit, so each node and connector is classified
here once (with comprehensions: this is the hot path) instead of in every check.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from operator import attrgetter

from blueprint.model import Edge, Node

from . import algorithms
from .graph import COMMENT_KINDS, CUSTOMER_ACTION_KINDS, MARKER_KINDS, DiagramGraph

LABEL_LIMIT = 60
_SOURCE = attrgetter("source_id")
_TARGET = attrgetter("target_id")
_NOT_STRUCTURAL = COMMENT_KINDS | {"evidence"}


def _pairs(edges: list[Edge]) -> list[tuple[str, str]]:
    return list(zip(map(_SOURCE, edges), map(_TARGET, edges), strict=True))


def quoted(node: Node | None, fallback: str = "") -> str:
    """A node's label for a finding's title: first line, shortened, in quotes."""
    if node is None:
        return f'"{fallback}"' if fallback else "a missing node"
    text = node.label.strip()
    text = text.splitlines()[0] if text else node.id
    if len(text) > LABEL_LIMIT:
        text = text[: LABEL_LIMIT - 1].rstrip() + "…"
    return f'"{text}"'


class Facts:
    """Indexes over one DiagramGraph; built once per analysis, never shared.

    Node sets follow DiagramGraph's definitions: structural (takes part in the
    connections), steps (structural, not a start/end marker), customer actions
    (actions and decisions in customer lanes) and journey nodes (customer actions
    and start/end markers).
    """

    def __init__(self, g: DiagramGraph) -> None:
        self.g = g
        nodes = g.nodes
        role = self.role = g.role
        self.lane = g.lane_index
        self.by_id: Mapping[str, Node] = g.by_id
        self.ids = ids = list(self.by_id)  # left to right
        self.position: dict[str, int] = dict(zip(ids, range(len(ids)), strict=True))
        self.customer = customer = {n for n, r in role.items() if r == "customer"}

        structural = self.structural = {
            n.id
            for n in nodes
            if n.kind not in _NOT_STRUCTURAL and role[n.id] != "physical_evidence"
        }
        markers = {n.id for n in nodes if n.kind in MARKER_KINDS}
        self.steps = structural - markers
        actions = {n.id for n in nodes if n.kind in CUSTOMER_ACTION_KINDS} & customer
        self.customer_actions = [n for n in ids if n in actions]
        journey = actions | markers
        self.journey_nodes = [n for n in ids if n in journey]

        edges = g.edges
        self.flow_edges = [e for e in edges if e.kind == "flow"]
        flow_edges = self.flow_edges
        flow_sources = list(map(_SOURCE, flow_edges))
        flow_targets = list(map(_TARGET, flow_edges))
        self.flow_pairs = list(zip(flow_sources, flow_targets, strict=True))
        self.other_pairs = _pairs([e for e in edges if e.kind != "flow"])
        self.touched = set(chain.from_iterable(self.flow_pairs))
        self.touched.update(chain.from_iterable(self.other_pairs))
        # connectors with exactly one customer end: (customer end, other end, edge)
        self.customer_links = [
            (e.source_id, e.target_id, e)
            if e.source_id in customer
            else (e.target_id, e.source_id, e)
            for e in edges
            if (e.source_id in customer) is not (e.target_id in customer)
        ]
        # a step's time in minutes: its duration plus the customer's wait
        self.time = {n.id: (n.duration or 0.0) + (n.wait_time or 0.0) for n in nodes}
        # flow between all nodes, inserted left to right: searches start leftmost
        self.flow = algorithms.timed_digraph(ids, flow_sources, flow_targets, self.time)
        # networkx's own successor dicts, read only (its views cost more per call
        # than the loops that use them)
        self.successors = self.flow._succ
        self._crossing: dict[str, list[Edge]] = {}
        self._edges_of: dict[str, list[Edge]] | None = None
        self._loops: list[tuple[str, ...]] | None = None

    def crossing(self, line_kind: str) -> list[Edge]:
        """Connectors crossing a dividing line (none if the diagram lacks it)."""
        if line_kind not in self._crossing:
            line = self.g.lines.get(line_kind)
            found: list[Edge] = []
            if line is not None:
                lane = self.lane
                above = {n for n, i in lane.items() if i is not None and i <= line}
                found = [
                    e
                    for e in self.g.edges
                    if (e.source_id in above) is not (e.target_id in above)
                ]
                if None in lane.values():  # a lane is missing: neither side
                    lost = {n for n, i in lane.items() if i is None}
                    found = [
                        e
                        for e in found
                        if e.source_id not in lost and e.target_id not in lost
                    ]
            self._crossing[line_kind] = found
        return self._crossing[line_kind]

    @property
    def edge_by_id(self) -> dict[str, Edge]:
        return {e.id: e for e in self.g.edges}

    @property
    def edges_of(self) -> dict[str, list[Edge]]:
        """Every connector at each node, either direction (built on first use)."""
        if self._edges_of is None:
            out: dict[str, list[Edge]] = {n: [] for n in self.ids}
            for e in self.g.edges:
                out[e.source_id].append(e)
                out[e.target_id].append(e)
            self._edges_of = out
        return self._edges_of

    @property
    def loops(self) -> list[tuple[str, ...]]:
        """Groups of nodes the flow loops through, each left to right, leftmost
        group first (found on first use)."""
        if self._loops is None:
            found = [self.ordered(c) for c in algorithms.cycles(self.flow)]
            self._loops = sorted(found, key=lambda c: self.position[c[0]])
        return self._loops

    def first_journey_nodes(self) -> list[str]:
        """Where the customer's journey starts: every start node, or else the
        leftmost customer action (top-most on a tie)."""
        starts = [n.id for n in self.g.nodes if n.kind == "start"]
        if starts:
            return starts
        return self.customer_actions[:1]

    def ordered(self, node_ids: set[str] | list[str]) -> tuple[str, ...]:
        """Node ids left to right (as drawn)."""
        return tuple(sorted(node_ids, key=self.position.__getitem__))
