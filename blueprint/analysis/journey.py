"""The customer's journeys through a diagram and its timing along paths.

A journey follows flow connectors from customer action to customer action (actions
and decisions in customer lanes, with start/end markers). Where a customer action
has no flow straight to another one, the journey continues through the staff flow
after it to the nearest customer actions (fewest steps) that flow reaches, so both
drawing styles read the same. Times are never summed across parallel branches: the
customer's total is the longest of their paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint.model import Node

from . import algorithms
from .facts import Facts
from .results import Journey, Timing

# alternative paths multiply: list this many (and this many steps in all, so a
# huge diagram lists a few long journeys), then say that there are more
MAX_JOURNEYS = 20
MAX_JOURNEY_STEPS = 1_000


def step_time(node: Node) -> float:
    """A step's time in minutes: its duration plus the customer's wait."""
    return (node.duration or 0.0) + (node.wait_time or 0.0)


def _journey_successors(facts: Facts) -> dict[str, list[str]]:
    on_journey = set(facts.journey_nodes)
    flow = facts.successors
    rank = facts.position.__getitem__
    succ: dict[str, list[str]] = {}
    dead: set[str] = set()  # staff steps that lead to no customer action
    for a in facts.journey_nodes:
        direct = [b for b in flow[a] if b in on_journey]
        if not direct:
            direct = _through_others(flow, a, on_journey, dead)
        succ[a] = sorted(direct, key=rank) if len(direct) > 1 else direct
    return succ


def _through_others(
    flow: Mapping[str, Mapping[str, Any]],
    start: str,
    on_journey: set[str],
    dead: set[str],
) -> list[str]:
    """The nearest journey nodes (fewest steps) the flow reaches from start
    through non-journey nodes only: a breadth-first search that stops at the
    first level holding any. A search that finds none adds what it walked to
    `dead`, so later searches skip it (this keeps many searches linear)."""
    found: list[str] = []
    walked: list[str] = []
    level = [v for v in flow[start] if v not in dead]
    seen = {start, *level}
    while level and not found:
        after: list[str] = []
        for v in level:
            if v in on_journey:
                found.append(v)
                continue
            walked.append(v)
            for w in flow[v]:
                if w not in seen and w not in dead:
                    seen.add(w)
                    after.append(w)
        level = after
    if not found:
        dead.update(walked)
    return found


def _contacts(facts: Facts) -> dict[str, list[str]]:
    """Per journey node, its connectors crossing the line of interaction."""
    on_journey = set(facts.journey_nodes)
    out: dict[str, list[str]] = {}
    for e in facts.crossing("interaction"):
        for end in (e.source_id, e.target_id):
            if end in on_journey:
                out.setdefault(end, []).append(e.id)
    return out


def _journey(
    path: list[str],
    moments: set[str],
    contacts: Mapping[str, list[str]],
    time: Mapping[str, float],
    untimed: set[str],
) -> Journey:
    edges = dict.fromkeys(e for n in path if n in contacts for e in contacts[n])
    return Journey(
        node_ids=tuple(path),
        moments_of_truth=tuple(n for n in path if n in moments),
        contact_edge_ids=tuple(edges),
        time=sum(time[n] for n in path),
        untimed=tuple(n for n in path if n in untimed),
    )


def journeys_and_timing(facts: Facts) -> tuple[tuple[Journey, ...], bool, Timing]:
    """The journeys (at most MAX_JOURNEYS and MAX_JOURNEY_STEPS; the flag says
    whether more exist) and the timing of the diagram."""
    time = facts.time
    untimed = {
        n.id for n in facts.g.nodes if n.duration is None and n.wait_time is None
    } & facts.steps

    succ = _journey_successors(facts)
    paths, truncated = algorithms.simple_paths(
        succ, facts.journey_nodes, MAX_JOURNEYS, MAX_JOURNEY_STEPS
    )
    contacts = _contacts(facts)
    moments = {
        n for n in facts.journey_nodes if facts.by_id[n].moment_of_truth
    } | contacts.keys()
    journeys = tuple(_journey(p, moments, contacts, time, untimed) for p in paths)

    links = [(a, b) for a, bs in succ.items() for b in bs]
    customer = algorithms.timed_digraph(
        facts.journey_nodes, [a for a, _ in links], [b for _, b in links], time
    )
    customer_loops = sorted(
        (facts.ordered(c) for c in algorithms.cycles(customer)),
        key=lambda c: facts.position[c[0]],
    )
    total, customer_path = algorithms.longest_path(customer, time, customer_loops)
    critical, critical_path = algorithms.longest_path(facts.flow, time, facts.loops)
    if critical == 0 and len(critical_path) < 2:
        critical_path = []  # no flow and no times: there is no path to speak of
    timing = Timing(
        total_time=total,
        customer_path=tuple(customer_path),
        critical_time=critical,
        critical_path=tuple(critical_path),
        untimed_steps=len(untimed),
    )
    return journeys, truncated, timing
