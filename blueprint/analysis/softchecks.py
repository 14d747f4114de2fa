"""The notations' soft rules (blueprint/model/softrules.py) checked as findings.

Each RULE_CHECKS entry is implemented once here; a rule fills in its parameters.
Findings carry the rule's id as `check` and its explanation and source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from itertools import accumulate

from blueprint.model import Annotation, Edge, GapFinding, Node
from blueprint.model.notations import NODE_KINDS, NOTATIONS
from blueprint.model.softrules import SoftRule

from . import algorithms
from .facts import Facts, quoted
from .results import Finding

# soft rules whose intent a built-in check covers more precisely (it follows paths
# and the DividingLine rather than direct links and roles): not reported twice
COVERED_BY_BUILT_IN: dict[str, str] = {
    "blueprint.customer_supported": "unsupported-customer-action",
    "blueprint.visibility_skipped": "hidden-step-meets-customer",
}

Annotations = tuple[Annotation, ...]


def _finding(
    facts: Facts,
    rule: SoftRule,
    subject: str,
    nodes: tuple[str, ...] = (),
    edges: tuple[str, ...] = (),
) -> Finding:
    title = f"{rule.name}: {subject}" if subject else rule.name
    explanation = rule.explanation
    if rule.source:
        explanation = f"{explanation} ({rule.source})"
    return Finding(
        rule.id, title, explanation, "info", facts.g.diagram_id, nodes, edges
    )


def _in(values: tuple[str, ...], value: str | None) -> bool:
    return not values or value in values


def _edge_name(facts: Facts, e: Edge) -> str:
    s, t = facts.by_id[e.source_id], facts.by_id[e.target_id]
    return f"{quoted(s)} to {quoted(t)}"


def _edge_finding(facts: Facts, rule: SoftRule, e: Edge) -> Finding:
    """A finding about one connector, naming both its ends."""
    return _finding(
        facts,
        rule,
        _edge_name(facts, e),
        facts.ordered([e.source_id, e.target_id]),
        (e.id,),
    )


@cache
def _roles_by_kind(notation_id: str) -> dict[str, frozenset[str]]:
    notation = NOTATIONS[notation_id]
    found = {k: frozenset(notation.roles_for_kind(k)) for k in NODE_KINDS}
    return {k: roles for k, roles in found.items() if roles}  # empty: anywhere


def kind_in_lane(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    allowed = _roles_by_kind(facts.g.notation)
    role = facts.role
    misplaced = [
        n
        for n in facts.g.nodes
        if n.kind in allowed
        and role[n.id] is not None
        and role[n.id] not in allowed[n.kind]
    ]
    for n in misplaced:
        kind = NODE_KINDS[n.kind].name.lower()
        yield _finding(facts, rule, f"{quoted(n)} ({kind})", (n.id,))


def lane_filled(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    used = {n.lane_id for n in facts.g.nodes if n.kind != "note"}
    for lane in facts.g.lanes:
        if lane.role in rule.roles and lane.id not in used:
            yield _finding(facts, rule, f"lane {lane.name!r} is empty")


def _subjects(facts: Facts, rule: SoftRule) -> Iterator[Node]:
    role = facts.role
    for n in facts.g.nodes:
        if role[n.id] in rule.roles and _in(rule.kinds, n.kind):
            yield n


def linked_to(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    role = facts.role
    for n in _subjects(facts, rule):
        if not any(
            _in(rule.edge_kinds, e.kind)
            and role[e.target_id if e.source_id == n.id else e.source_id]
            in rule.other_roles
            for e in facts.edges_of.get(n.id, ())
        ):
            yield _finding(facts, rule, quoted(n), (n.id,))


def not_linked(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    role = facts.role
    for e in facts.g.edges:
        if not _in(rule.edge_kinds, e.kind):
            continue
        a, b = role[e.source_id], role[e.target_id]
        if (a in rule.roles and b in rule.other_roles) or (
            b in rule.roles and a in rule.other_roles
        ):
            yield _edge_finding(facts, rule, e)


def same_column(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    role = facts.role
    spans = sorted(
        (n.x, n.x + n.width) for n in facts.g.nodes if role[n.id] in rule.other_roles
    )
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest right so far
    for n in _subjects(facts, rule):
        # some span starting left of n's right edge must end right of its left edge
        i = bisect_left(starts, n.x + n.width)
        if i == 0 or reach[i - 1] <= n.x:
            yield _finding(facts, rule, quoted(n), (n.id,))


def flag_owned(facts: Facts, rule: SoftRule, notes: Annotations) -> Iterator[Finding]:
    flagged = [n for n in facts.g.nodes if getattr(n, rule.flag, False)]
    if not flagged:
        return
    ids = {n.id for n in flagged}
    owned = {
        a.target_id
        for a in notes
        if a.target_id in ids and type(a.body) is GapFinding and a.body.owner.strip()
    }
    for n in flagged:
        if n.id not in owned:
            yield _finding(facts, rule, quoted(n), (n.id,))


def crossing_flagged(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    for e in facts.crossing(rule.line):
        if _in(rule.edge_kinds, e.kind):
            s, t = facts.by_id[e.source_id], facts.by_id[e.target_id]
            if not (getattr(s, rule.flag, False) or getattr(t, rule.flag, False)):
                yield _edge_finding(facts, rule, e)


def support_typed(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    for e in facts.g.edges:
        if _in(rule.edge_kinds, e.kind) and e.support_type is None:
            yield _edge_finding(facts, rule, e)


def edge_direction(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    role = facts.role
    for e in facts.g.edges:
        if not _in(rule.edge_kinds, e.kind):
            continue
        if role[e.source_id] not in rule.roles or (
            role[e.target_id] not in rule.other_roles
        ):
            yield _edge_finding(facts, rule, e)


def kinds_present(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    present = {n.kind for n in facts.g.nodes}
    missing = [NODE_KINDS[k].name for k in rule.kinds if k not in present]
    if missing:
        yield _finding(facts, rule, "no " + ", ".join(missing))


def gaps_drawn(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    drawn: dict[int, list[str]] = {n: [] for n in range(1, 6)}
    for e in facts.g.edges:
        if e.kind == "gap" and e.gap is not None:
            drawn[e.gap].append(e.id)
    for number, edges in drawn.items():
        if not edges:
            yield _finding(facts, rule, f"gap {number} is not drawn")
        elif len(edges) > 1:
            yield _finding(
                facts,
                rule,
                f"gap {number} is drawn {len(edges)} times",
                (),
                tuple(edges),
            )


def cycle(facts: Facts, rule: SoftRule, _: Annotations) -> Iterator[Finding]:
    chosen = [n.id for n in facts.g.nodes if _in(rule.kinds, n.kind)]
    inside = set(chosen)
    pairs = [
        (e.source_id, e.target_id)
        for e in facts.g.edges
        if _in(rule.edge_kinds, e.kind)
        and e.source_id in inside
        and e.target_id in inside
    ]
    if chosen and not algorithms.cycles(algorithms.digraph(chosen, pairs)):
        yield _finding(facts, rule, "", facts.ordered(chosen))


RULE_IMPLEMENTATIONS: dict[
    str, Callable[[Facts, SoftRule, Annotations], Iterator[Finding]]
] = {
    "kind_in_lane": kind_in_lane,
    "lane_filled": lane_filled,
    "linked_to": linked_to,
    "not_linked": not_linked,
    "same_column": same_column,
    "flag_owned": flag_owned,
    "crossing_flagged": crossing_flagged,
    "support_typed": support_typed,
    "edge_direction": edge_direction,
    "kinds_present": kinds_present,
    "gaps_drawn": gaps_drawn,
    "cycle": cycle,
}


def soft_rules(notation: str) -> tuple[SoftRule, ...]:
    found = NOTATIONS.get(notation)
    return () if found is None else getattr(found, "rules", ())


def run_soft_rules(facts: Facts, annotations: Annotations) -> list[Finding]:
    found: list[Finding] = []
    for rule in soft_rules(facts.g.notation):
        if rule.id in COVERED_BY_BUILT_IN:
            continue
        found.extend(RULE_IMPLEMENTATIONS[rule.check](facts, rule, annotations))
    return found
