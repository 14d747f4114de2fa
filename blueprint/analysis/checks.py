"""The built-in checks of a diagram's structure, each giving findings, not errors.

Roles come from each node's lane (Lane.role) and sides of a line from the
DividingLine's lane, never from positions alone; positions are only used to find
nodes drawn outside their lane and to pick the leftmost customer action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

from blueprint.model import Annotation
from blueprint.model.notations import NOTATIONS

from . import algorithms
from .facts import Facts, quoted
from .graph import HIDDEN_ROLES, SUPPORT_ROLES
from .results import Finding, Severity
from .softchecks import soft_rules


@dataclass(frozen=True)
class Check:
    """A built-in check: its stable id, name, severity and what it means."""

    id: str
    name: str
    severity: Severity
    explanation: str


CHECKS: dict[str, Check] = {
    c.id: c
    for c in (
        Check(
            "unsupported-customer-action",
            "Customer action without support",
            "warning",
            "Nothing connects this customer action, directly or through other "
            "non-customer steps, to an onstage or backstage action or a support "
            "process. Every customer action needs the organisation behind it "
            "(Bitner et al. 2008): connect it to the step that serves the customer.",
        ),
        Check(
            "hidden-step-meets-customer",
            "Hidden step connected straight to the customer",
            "warning",
            "A backstage action or support process is connected straight to a "
            "customer action across the line of visibility. Either the step is "
            "really visible (move it onstage) or the contact should go through an "
            "onstage action.",
        ),
        Check(
            "unconnected-node",
            "Step with no connections",
            "warning",
            "No connector joins this step to the rest of the service. Connect it, "
            "or remove it if it is left over.",
        ),
        Check(
            "unreachable-step",
            "Step not reachable from the start",
            "warning",
            "No path of connectors leads here from where the customer's journey "
            "starts (the start node, or else the leftmost customer action), and the "
            "step does not feed into the steps that are reached (as a support "
            "process flowing into the service does). Flow connectors count in their "
            "direction, all other connectors both ways.",
        ),
        Check(
            "flow-cycle",
            "Loop in the flow",
            "info",
            "These steps flow back into each other. A rework loop can be intended: "
            "check that it has a way out. Timing counts each step of a loop once.",
        ),
        Check(
            "fail-point-without-recovery",
            "Fail point without a recovery step",
            "warning",
            "A fail point needs a recovery (Shostack 1984): add a flow connector "
            "from it to the step that puts things right.",
        ),
        Check(
            "node-outside-lanes",
            "Step outside every lane",
            "warning",
            "The step is drawn above or below all lanes, or its lane is missing, "
            "so its role in the service is unclear. Move it into a lane.",
        ),
        Check(
            "node-in-other-lane",
            "Step drawn in another lane",
            "info",
            "The step belongs to one lane but is drawn in another (e.g. after a "
            "lane was resized). The analysis uses the lane it belongs to; move it "
            "into the lane you mean.",
        ),
        Check(
            "dangling-edge",
            "Connector with a missing end",
            "warning",
            "An end of this connector is missing or lies in another diagram. Only a "
            "damaged file or import can produce this: delete or reconnect it.",
        ),
        Check(
            "annotation-target-missing",
            "Annotation on a missing element",
            "warning",
            "This annotation refers to a node or connector that is not in the "
            "diagram. Only a damaged file or import can produce this.",
        ),
    )
}


def describe(check_id: str) -> Check:
    """Name, severity and explanation of any check a Finding can carry: a built-in
    check or a notation's soft rule (whose explanation cites its source)."""
    if check_id in CHECKS:
        return CHECKS[check_id]
    for notation in NOTATIONS:
        for rule in soft_rules(notation):
            if rule.id == check_id:
                source = f" ({rule.source})" if rule.source else ""
                return Check(rule.id, rule.name, "info", rule.explanation + source)
    raise KeyError(f"no check {check_id!r}")


def _finding(
    facts: Facts,
    check: str,
    title: str,
    nodes: tuple[str, ...] = (),
    edges: tuple[str, ...] = (),
) -> Finding:
    c = CHECKS[check]
    return Finding(
        check, title, c.explanation, c.severity, facts.g.diagram_id, nodes, edges
    )


def unsupported_customer_actions(facts: Facts) -> Iterator[Finding]:
    g = facts.g
    if not facts.customer_actions or not g.has_role(*SUPPORT_ROLES):
        return  # a model without those lanes (e.g. the Gaps model): nothing to test
    role = facts.role
    anchors = {n for n in facts.ids if role[n] in SUPPORT_ROLES}
    # non-customer nodes joined to a support-side node without passing a customer
    backed = algorithms.connected_to(
        facts.ids,
        chain(facts.flow_pairs, facts.other_pairs),
        anchors,
        leave_out=facts.customer,
    )
    supported = {c for c, other, _ in facts.customer_links if other in backed}
    for n in facts.customer_actions:
        if n not in supported:
            yield _finding(
                facts,
                "unsupported-customer-action",
                f"Customer action {quoted(facts.by_id[n])} has no onstage or "
                "backstage support",
                (n,),
            )


def hidden_steps_meeting_customer(facts: Facts) -> Iterator[Finding]:
    role, g = facts.role, facts.g
    actions = set(facts.customer_actions)
    line = g.visibility
    for customer_id, hidden_id, e in facts.customer_links:
        if (
            role[hidden_id] in HIDDEN_ROLES
            and customer_id in actions
            # with a line of visibility in the diagram, the line decides; else
            # the roles do
            and (line is None or g.crosses(e, line))
        ):
            yield _finding(
                facts,
                "hidden-step-meets-customer",
                f"{quoted(facts.by_id[hidden_id])} ({role[hidden_id]}) is connected "
                f"straight to customer action {quoted(facts.by_id[customer_id])}",
                facts.ordered([hidden_id, customer_id]),
                (e.id,),
            )


def unconnected_nodes(facts: Facts) -> Iterator[Finding]:
    for n in facts.ordered(facts.structural - facts.touched):
        yield _finding(
            facts,
            "unconnected-node",
            f"{quoted(facts.by_id[n])} has no connections",
            (n,),
        )


def unreachable_steps(facts: Facts) -> Iterator[Finding]:
    sources = facts.first_journey_nodes()
    if not sources:
        return  # no customer lane and no start node: no journey to reach from
    customer = facts.customer
    reached, feeding = algorithms.reachable(
        facts.ids,
        facts.flow_pairs,
        facts.other_pairs,
        sources,
        may_feed=lambda n: n not in customer,
    )
    candidates = (facts.structural & facts.touched) - reached - feeding
    for n in facts.ordered(candidates):
        yield _finding(
            facts,
            "unreachable-step",
            f"{quoted(facts.by_id[n])} cannot be reached from the first "
            "customer action",
            (n,),
        )


def _intended_loop_kinds(notation: str) -> frozenset[str]:
    """Node kinds a notation's rules *require* to loop in the flow (e.g. the four
    elements of service excellence, a virtuous circle): not reported as loops."""
    kinds: set[str] = set()
    for rule in soft_rules(notation):
        if rule.check == "cycle" and (not rule.edge_kinds or "flow" in rule.edge_kinds):
            kinds.update(rule.kinds)
    return frozenset(kinds)


def flow_cycles(facts: Facts) -> Iterator[Finding]:
    intended = _intended_loop_kinds(facts.g.notation)
    by_id = facts.by_id
    loops = [
        loop
        for loop in facts.loops
        if not intended or any(by_id[n].kind not in intended for n in loop)
    ]
    loop_of = {n: i for i, members in enumerate(loops) for n in members}
    edges: list[list[str]] = [[] for _ in loops]
    if loops:
        for e in facts.flow_edges:
            i = loop_of.get(e.source_id)
            if i is not None and loop_of.get(e.target_id) == i:
                edges[i].append(e.id)
    for members, inside in zip(loops, edges, strict=True):
        names = ", ".join(quoted(facts.by_id[m]) for m in members[:3])
        more = f" and {len(members) - 3} more" if len(members) > 3 else ""
        yield _finding(
            facts,
            "flow-cycle",
            f"The flow loops through {names}{more}",
            members,
            tuple(inside),
        )


def fail_points_without_recovery(facts: Facts) -> Iterator[Finding]:
    successors = facts.successors
    for n in facts.g.nodes:
        if n.fail_point and not successors[n.id]:
            yield _finding(
                facts,
                "fail-point-without-recovery",
                f"Fail point {quoted(n)} has no recovery step after it",
                (n.id,),
            )


def nodes_outside_lanes(facts: Facts) -> Iterator[Finding]:
    g = facts.g
    spans = g.lane_spans
    band = {lane.id: spans[i] for i, lane in enumerate(g.lanes)}
    # the common case first, in one pass: nodes whose centre lies in their band
    odd = [
        n
        for n in g.nodes
        if n.lane_id not in band
        or not (band[n.lane_id][0] <= n.y + n.height / 2 < band[n.lane_id][1])
    ]
    for n in odd:
        if n.kind == "note":
            continue
        index = facts.lane[n.id]
        if index is None:
            yield _finding(
                facts,
                "node-outside-lanes",
                f"{quoted(n)} belongs to a lane that is missing",
                (n.id,),
            )
            continue
        cy = n.y + n.height / 2
        inside = next((i for i, (t, b) in enumerate(spans) if t <= cy < b), None)
        if inside is None:
            yield _finding(
                facts,
                "node-outside-lanes",
                f"{quoted(n)} lies outside every lane "
                f"(it belongs to {g.lanes[index].name!r})",
                (n.id,),
            )
        else:
            yield _finding(
                facts,
                "node-in-other-lane",
                f"{quoted(n)} belongs to lane {g.lanes[index].name!r} but is "
                f"drawn in {g.lanes[inside].name!r}",
                (n.id,),
            )


def dangling_edges(facts: Facts) -> Iterator[Finding]:
    for e in facts.g.dangling:
        present = tuple(i for i in (e.source_id, e.target_id) if i in facts.by_id)
        missing = [i for i in (e.source_id, e.target_id) if i not in facts.by_id]
        name = f"Connector {e.label!r}" if e.label.strip() else "A connector"
        yield _finding(
            facts,
            "dangling-edge",
            f"{name} refers to missing node {missing[0]!r}",
            present,
            (e.id,),
        )


def orphan_annotations(
    facts: Facts, annotations: tuple[Annotation, ...]
) -> Iterator[Finding]:
    if facts.g.sound:
        return  # a Document checked every annotation's target
    nodes, edges = facts.by_id, facts.edge_by_id
    dangling = {e.id for e in facts.g.dangling}
    diagram_id = facts.g.diagram_id
    # most annotations are on nodes that exist: set those aside cheaply first
    maybe = [
        a for a in annotations if a.target_id not in nodes or a.target_kind != "node"
    ]
    broken = [
        a
        for a in maybe
        if not (
            (a.target_kind == "node" and a.target_id in nodes)
            or (
                a.target_kind == "edge"
                and (a.target_id in edges or a.target_id in dangling)
            )
            or (a.target_kind == "diagram" and a.target_id == diagram_id)
        )
    ]
    for a in broken:
        yield _finding(
            facts,
            "annotation-target-missing",
            f"A {a.kind} annotation refers to missing {a.target_kind} {a.target_id!r}",
        )


STRUCTURE_CHECKS: tuple[Callable[[Facts], Iterator[Finding]], ...] = (
    unsupported_customer_actions,
    hidden_steps_meeting_customer,
    unconnected_nodes,
    unreachable_steps,
    flow_cycles,
    fail_points_without_recovery,
    nodes_outside_lanes,
    dangling_edges,
)


def run_checks(facts: Facts, annotations: tuple[Annotation, ...]) -> list[Finding]:
    found: list[Finding] = []
    for check in STRUCTURE_CHECKS:
        found.extend(check(facts))
    found.extend(orphan_annotations(facts, annotations))
    return found
