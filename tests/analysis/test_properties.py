"""Property tests: on random small diagrams the analysis agrees with brute force."""

from itertools import pairwise

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .sketch import Sketch

ROLES = ["customer", "onstage", "backstage", "support"]
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def diagrams(draw, acyclic: bool):
    """(Sketch, node ids, flow pairs) with random lanes, times, flags and links."""
    n = draw(st.integers(1, 8))
    s = Sketch()
    ids = []
    for i in range(n):
        role = draw(st.sampled_from(ROLES))
        duration = draw(st.one_of(st.none(), st.integers(0, 9).map(float)))
        ids.append(
            s.node(
                f"n{i}",
                role,
                i,
                duration=duration,
                fail_point=draw(st.booleans()),
                moment_of_truth=draw(st.booleans()),
            )
        )
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    links = draw(st.lists(st.tuples(pairs, st.sampled_from(["flow", "information"]))))
    flow = []
    for (a, b), kind in links:
        if a == b or (acyclic and a > b):
            continue
        if (ids[a], ids[b], kind) in {(x, y, k) for x, y, k in flow}:
            continue
        s.edge(ids[a], ids[b], kind, id=f"{ids[a]}>{ids[b]}:{kind}")
        flow.append((ids[a], ids[b], kind))
    return s, ids, [(a, b) for a, b, k in flow if k == "flow"]


def _time(s: Sketch, node_id: str) -> float:
    node = s.doc.get(node_id)
    return (node.duration or 0.0) + (node.wait_time or 0.0)


@SETTINGS
@given(diagrams(acyclic=True))
def test_critical_path_is_the_longest_path_by_brute_force(drawn):
    s, ids, flow = drawn
    g = nx.DiGraph(flow)
    g.add_nodes_from(ids)
    best = max(_time(s, n) for n in ids)
    for a in ids:
        for b in ids:
            for path in nx.all_simple_paths(g, a, b):
                best = max(best, sum(_time(s, n) for n in path))
    timing = s.analyse().timing
    assert timing.critical_time == best
    path = timing.critical_path
    if path:
        assert sum(_time(s, n) for n in path) == best
        assert all(g.has_edge(a, b) for a, b in pairwise(path))


@SETTINGS
@given(diagrams(acyclic=False))
def test_paths_are_real_simple_paths_even_with_loops(drawn):
    s, _, flow = drawn
    result = s.analyse()
    edges = set(flow)
    for path in (result.timing.critical_path, result.timing.customer_path):
        assert len(set(path)) == len(path)
        assert all(
            (a, b) in edges or _through_staff(s, a, b) for a, b in pairwise(path)
        )
    assert result.timing.critical_time == sum(
        _time(s, n) for n in result.timing.critical_path
    )
    for journey in result.journeys:
        assert len(set(journey.node_ids)) == len(journey.node_ids)
        assert journey.time == sum(_time(s, n) for n in journey.node_ids)
        assert set(journey.moments_of_truth) <= set(journey.node_ids)


def _through_staff(s: Sketch, a: str, b: str) -> bool:
    """Whether flow leads from a to b through non-customer nodes only."""
    customer = {n.id for n in s.doc.nodes(s.diagram_id) if _role(s, n.id) == "customer"}
    g = nx.DiGraph()
    for e in s.doc.edges(s.diagram_id):
        if e.kind == "flow" and (e.source_id == a or e.source_id not in customer):
            g.add_edge(e.source_id, e.target_id)
    return g.has_node(a) and g.has_node(b) and nx.has_path(g, a, b)


def _role(s: Sketch, node_id: str) -> str:
    return s.doc.get(s.doc.get(node_id).lane_id).role


@SETTINGS
@given(diagrams(acyclic=True))
def test_every_customer_action_is_on_a_journey_and_the_total_is_the_longest(drawn):
    s, ids, _ = drawn
    result = s.analyse()
    actions = {n for n in ids if _role(s, n) == "customer"}
    if not result.journeys_truncated:
        assert set().union(*(j.node_ids for j in result.journeys)) == actions
    if result.journeys:
        longest = max(j.time for j in result.journeys)
        assert result.timing.total_time >= longest
        if not result.journeys_truncated:
            assert result.timing.total_time == longest
    assert result.timing.critical_time >= result.timing.total_time


@SETTINGS
@given(diagrams(acyclic=False))
def test_node_checks_match_a_direct_count(drawn):
    s, ids, flow = drawn
    result = s.analyse()
    edges = s.doc.edges(s.diagram_id)
    touched = {e.source_id for e in edges} | {e.target_id for e in edges}
    found = {f.check: set() for f in result.findings}
    for f in result.findings:
        found[f.check].update(f.node_ids)
    assert found.get("unconnected-node", set()) == set(ids) - touched
    fail = {n for n in ids if s.doc.get(n).fail_point}
    assert found.get("fail-point-without-recovery", set()) == fail - {
        a for a, _ in flow
    }
    looped = {n for c in nx.simple_cycles(nx.DiGraph(flow)) for n in c}
    assert found.get("flow-cycle", set()) == looped
    assert result.counts.fail_points == len(fail)
    assert result.counts.moments_of_truth == sum(
        s.doc.get(n).moment_of_truth for n in ids
    )
