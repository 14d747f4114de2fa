"""The graph work on networkx: reachability, cycles, support regions, longest paths.

Everything here takes and returns plain ids, sets and lists; the networkx graphs are
built and dropped inside each call so no networkx object leaves the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import networkx as nx

Pair = tuple[str, str]


def digraph(nodes: Iterable[str], edges: Iterable[tuple[Any, ...]]) -> nx.DiGraph:
    """A directed graph; node insertion order is kept, so searches are stable."""
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g


def reachable(
    nodes: Sequence[str],
    directed: Iterable[Pair],
    both_ways: Sequence[Pair],
    sources: Sequence[str],
    may_feed: Callable[[str], bool],
) -> tuple[set[str], set[str]]:
    """Nodes reached from sources following `directed` pairs forwards and
    `both_ways` pairs in either direction; and the unreached nodes that feed into
    them: from which such a path leads into the reached ones through nodes that
    `may_feed` allows only."""
    g = digraph(nodes, directed)
    g.add_edges_from(both_ways)
    g.add_edges_from((b, a) for a, b in both_ways)
    reached = set(chain.from_iterable(nx.bfs_layers(g, sources)))
    # walk backwards from the boundary; the unreached part is usually tiny
    succ, pred = g._succ, g._pred  # read only; cheaper than views in this loop
    frontier = [
        u
        for u in set(nodes).difference(reached)
        if may_feed(u) and not reached.isdisjoint(succ[u])
    ]
    feeding = set(frontier)
    while frontier:
        for u in pred[frontier.pop()]:
            if u not in reached and u not in feeding and may_feed(u):
                feeding.add(u)
                frontier.append(u)
    return reached, feeding


def cycles(flow: nx.DiGraph) -> list[set[str]]:
    """Each group of nodes that flow round in a loop: strongly connected
    components with more than one node, or a node flowing into itself."""
    found = [c for c in nx.strongly_connected_components(flow) if len(c) > 1]
    if found:
        inside = set().union(*found)
        found.extend({n} for n in nx.nodes_with_selfloops(flow) if n not in inside)
    else:
        found = [{n} for n in nx.nodes_with_selfloops(flow)]
    return found


def back_edges(g: nx.DiGraph, loops: Sequence[Sequence[str]]) -> set[Pair]:
    """Connectors that close a loop: back edges of a depth-first search of each
    loop from its first node (callers pass loops ordered left to right)."""
    back: set[Pair] = set()
    for loop in loops:
        if len(loop) == 1:
            back.add((loop[0], loop[0]))
            continue
        on_path: set[str] = set()
        sub = g.subgraph(loop)
        for u, v, label in nx.dfs_labeled_edges(sub, source=loop[0]):
            if label == "forward":
                on_path.add(v)
            elif label == "reverse":
                on_path.discard(v)
            elif label == "nontree" and v in on_path:
                back.add((u, v))
    return back


def connected_to(
    nodes: Iterable[str],
    pairs: Iterable[Pair],
    anchors: set[str],
    leave_out: Iterable[str] = (),
) -> set[str]:
    """Nodes joined to an anchor through `pairs` taken as undirected links, never
    passing through the nodes left out."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(pairs)
    g.remove_nodes_from(leave_out)
    out: set[str] = set()
    for component in nx.connected_components(g):
        if not anchors.isdisjoint(component):
            out |= component
    return out | anchors


# a node no diagram can have (node ids are text): joined to every start of a path
# so that networkx's edge-weighted search also counts the first node's time
_ROOT = ("root",)


def longest_path(
    g: nx.DiGraph, time: Mapping[str, float], loops: Sequence[Sequence[str]]
) -> tuple[float, list[str]]:
    """The path with the greatest total node time; when no node has a time, the
    one with the most nodes. On ties, the first found (insertion order).

    `g`'s edges carry the target node's time as "time" (see `timed_digraph`).
    Loops (as found by `cycles`, each ordered) are walked once: the connectors
    that close them (`back_edges`) are left out while the path is found.
    """
    if not g:
        return (0.0, [])
    timed = any(time[v] for v in g)
    back = back_edges(g, loops)
    g.remove_edges_from(back)
    starts = [v for v, d in g.in_degree() if d == 0]
    g.add_edges_from((_ROOT, v, {"time": time[v]}) for v in starts)
    try:
        # without times, every edge weighs 1: the path with the most nodes
        path = nx.dag_longest_path(g, weight="time" if timed else "", default_weight=1)
    finally:
        g.remove_node(_ROOT)
        g.add_weighted_edges_from(((a, b, time[b]) for a, b in back), weight="time")
    path = path[1:]  # without the root
    return (sum(time[v] for v in path), path)


def timed_digraph(
    nodes: Iterable[str],
    sources: Sequence[str],
    targets: Sequence[str],
    time: Mapping[str, float],
) -> nx.DiGraph:
    """A directed graph whose edges carry their target's time as "time", for
    `longest_path`; node insertion order is kept, so searches are stable."""
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(
        zip(sources, targets, map(time.__getitem__, targets), strict=True),
        weight="time",
    )
    return g


def simple_paths(
    succ: Mapping[str, Sequence[str]],
    order: Sequence[str],
    limit: int,
    step_budget: int,
) -> tuple[list[list[str]], bool]:
    """Maximal paths (no node twice) through a small graph, in a stable order,
    starting from nodes nothing flows into; every node ends up on some path.
    Returns at most `limit` paths holding at most `step_budget` nodes in all
    (but always the first path), and whether more exist."""
    budget = [step_budget]
    has_pred = {v for targets in succ.values() for v in targets}
    paths: list[list[str]] = []
    covered: set[str] = set()
    starts = [n for n in order if n not in has_pred]
    pending = iter(order)

    def walk(start: str) -> bool:
        # iterative depth-first search over simple paths: for each node on the
        # current path, the index of its next successor to try
        path, seen, next_try = [start], {start}, [0]
        extended = [False]  # per node on the path: has it been extended yet?
        while path:
            targets = succ.get(path[-1], ())
            i = next_try[-1]
            while i < len(targets) and targets[i] in seen:
                i += 1
            if i < len(targets):
                next_try[-1] = i + 1
                extended[-1] = True
                path.append(targets[i])
                seen.add(targets[i])
                next_try.append(0)
                extended.append(False)
                continue
            if not extended[-1]:  # nowhere new to go: a maximal path
                if len(paths) == limit or (paths and len(path) > budget[0]):
                    return False
                budget[0] -= len(path)
                paths.append(list(path))
                covered.update(path)
            seen.discard(path.pop())
            next_try.pop()
            extended.pop()
        return True

    for start in starts:
        if not walk(start):
            return paths, True
    # what is left sits on loops nothing leads into: start at its leftmost node
    for node in pending:
        if node not in covered and not walk(node):
            return paths, True
    return paths, False
