"""Benchmark: analysing a large service blueprint against networkx's own work.

app      = blueprint.analysis.analyse_diagram(document, diagram) (snapshot, graph,
           every check and soft rule, journeys, timing, summaries, result objects)
baseline = networkx alone on a raw edge list: building the same graphs and making
           the same networkx calls the analysis makes (see `baseline`)
Each figure is the minimum of interleaved runs (CPU time for the ratio, which
other processes on a shared machine disturb less; wall time for the time limit);
a side whose one run is under 20 ms is looped (tests/bench/common.py). Verdict:
the large tier (2,000 nodes / 3,000 edges / 2,000 annotations) must stay within
1.5x the baseline and under 0.5 s.

Run as a script (`python tests/bench/bench_analysis.py [--quick]`) or call
`run(quick)`, which returns one dict per workload.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import interleave

from blueprint.analysis import analyse_diagram
from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Document,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    QualityRating,
    ServqualScore,
)
from blueprint.model.catalogue import CRITERIA, SERVQUAL_DIMENSIONS
from blueprint.model.notations import NOTATIONS

RATIO_LIMIT = 1.5
TIME_LIMIT = 0.5  # seconds, large tier
ROLES = ("physical_evidence", "customer", "onstage", "backstage", "support")


@dataclass(frozen=True)
class Workload:
    name: str
    nodes: int
    edges: int
    annotations: int
    limited: bool  # the verdict applies


TIERS = (
    Workload("small 200n/300e/200a", 200, 300, 200, False),
    Workload("medium 1000n/1500e/1000a", 1000, 1500, 1000, False),
    Workload("large 2000n/3000e/2000a", 2000, 3000, 2000, True),
)


def make_blueprint(nodes: int, edges: int, annotations: int, seed: int = 1):
    """A service blueprint shaped like real ones, with a modest share of problems.

    Per column: one evidence item, a customer action, an onstage, a backstage and a
    support step. The customer and staff lanes are chained by flow and linked
    vertically (every 7th customer action is left without support); the remaining
    connectors join nearby columns, mostly forwards in time: staff hand-offs,
    deliveries to the customer, information to support systems, plus a few rework
    loops, alternative customer paths and hidden steps meeting the customer. Most
    contacts are marked as moments of truth; some steps have no time. Returns
    (document, diagram id)."""
    rng = random.Random(seed)
    spec = NOTATIONS["service-blueprint"]
    diagram = Diagram("bench", "Bench", "service-blueprint")
    lanes = [
        Lane(f"lane{i}", diagram.id, s.name, s.role, s.height, i)
        for i, s in enumerate(spec.lanes)
    ]
    lines = [
        DividingLine(f"line-{s.kind}", diagram.id, s.kind, lanes[s.below].id)
        for s in spec.lines
    ]
    tops = [sum(x.height for x in lanes[:i]) for i in range(len(lanes))]
    columns = nodes // len(ROLES)
    grid = [[f"n{c}-{r}" for c in range(columns)] for r in range(len(ROLES))]
    pairs: list[tuple[str, str, str]] = []
    for r in (1, 2, 3):  # customer, onstage and backstage chains
        pairs += [(a, b, "flow") for a, b in zip(grid[r], grid[r][1:], strict=False)]
    for c in range(columns):  # customer -> onstage -> backstage -> support
        if c % 7:
            pairs.append((grid[1][c], grid[2][c], "flow"))
        pairs.append((grid[2][c], grid[3][c], "flow"))
        pairs.append((grid[3][c], grid[4][c], "information"))
    seen = {(a, b) for a, b, _ in pairs}
    # (source lane, target lane, column offsets, kind) and how often each occurs
    shapes = [
        ((2, 3), (2, 3), (1, 2), "flow", 40),  # staff hand-offs
        ((2,), (1,), (1,), "flow", 15),  # onstage delivers to the customer
        ((3, 4), (3, 4), (-1, 0, 1), "information", 25),  # systems
        ((1,), (1,), (2,), "flow", 6),  # alternative customer paths
        ((2, 3), (2, 3), (-2, -1), "flow", 4),  # rework loops
        ((1,), (3, 4), (0,), "flow", 1),  # the customer meets a hidden step
    ]
    weights = [w for *_, w in shapes]
    while len(pairs) < edges:
        sources, targets, offsets, kind, _ = rng.choices(shapes, weights)[0]
        c = rng.randrange(columns)
        d = c + rng.choice(offsets)
        if not 0 <= d < columns:
            continue
        a, b = grid[rng.choice(sources)][c], grid[rng.choice(targets)][d]
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            pairs.append((a, b, kind))
    crossing = {a for a, b, _ in pairs if a in grid[1] and b not in grid[1]}
    crossing |= {b for a, b, _ in pairs if b in grid[1] and a not in grid[1]}
    made: list[Node] = []
    for c in range(columns):
        for r, role in enumerate(ROLES):
            node_id = grid[r][c]
            made.append(
                Node(
                    node_id,
                    diagram.id,
                    lanes[r].id,
                    "evidence" if role == "physical_evidence" else "action",
                    f"{role} step {c}",
                    x=180 + 200 * c,
                    y=tops[r] + 35,
                    duration=float(rng.randint(1, 10)) if rng.random() < 0.9 else None,
                    wait_time=float(rng.randint(0, 5)) if r == 1 else None,
                    moment_of_truth=node_id in crossing and rng.random() < 0.9,
                    fail_point=r > 1 and rng.random() < 0.03,
                    wait_point=r == 1 and rng.random() < 0.1,
                )
            )
    made_edges = [
        Edge(f"e{i}", diagram.id, a, b, kind) for i, (a, b, kind) in enumerate(pairs)
    ]
    notes = []
    criteria, dims = list(CRITERIA), list(SERVQUAL_DIMENSIONS)
    for i in range(annotations):
        target = rng.choice(made).id
        pick = i % 4
        if pick == 0:
            body = GapFinding(
                rng.randint(1, 5), severity=rng.randint(1, 5), owner="Ops"
            )
        elif pick == 1:
            body = QualityRating(rng.choice(criteria), rng.randint(1, 7))
        elif pick == 2:
            body = ServqualScore(rng.choice(dims), rng.randint(1, 7), rng.randint(1, 7))
        else:
            body = NoteText("note")
        notes.append(Annotation(f"a{i}", diagram.id, "node", target, body, i))
    doc = Document()
    doc.add([diagram, *lanes, *lines, *made, *made_edges, *notes])
    return doc, diagram.id


def raw_edge_list(doc: Document, diagram_id: str):
    """What networkx alone is given: node ids, the customer nodes, edge lists by
    kind, the flow between customer nodes, and each node's time (duration + wait)
    for weighting edges by their target."""
    role = {lane.id: lane.role for lane in doc.lanes(diagram_id)}
    time = {
        n.id: (n.duration or 0.0) + (n.wait_time or 0.0) for n in doc.nodes(diagram_id)
    }
    nodes = [n.id for n in doc.nodes(diagram_id)]
    customer = [n.id for n in doc.nodes(diagram_id) if role[n.lane_id] == "customer"]
    inside = set(customer)
    edges = [(e.source_id, e.target_id, e.kind) for e in doc.edges(diagram_id)]
    flow = [(a, b) for a, b, k in edges if k == "flow"]
    other = [(a, b) for a, b, k in edges if k != "flow"]
    journey = [(a, b) for a, b in flow if a in inside and b in inside]

    def weighted(pairs):
        return [(a, b, time[b]) for a, b in pairs]

    return nodes, customer, flow, weighted(flow), other, weighted(journey), time


def _longest(g: nx.DiGraph, time) -> int:
    """The networkx calls of one longest-path search: loops, the back edges inside
    them, the starts of paths, and networkx's longest path in what is left."""
    loops = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
    n = sum(1 for _ in nx.nodes_with_selfloops(g))
    back = []
    for loop in loops:
        for u, v, label in nx.dfs_labeled_edges(g.subgraph(loop), source=min(loop)):
            if label == "nontree":
                back.append((u, v))
    g.remove_edges_from(back)
    starts = [v for v, d in g.in_degree() if d == 0]
    g.add_edges_from((("root",), v, {"time": time[v]}) for v in starts)
    n += len(nx.dag_longest_path(g, weight="time", default_weight=1))
    g.remove_node(("root",))
    g.add_weighted_edges_from(((u, v, time[v]) for u, v in back), weight="time")
    return n


def baseline(raw) -> int:
    """The networkx graphs and calls of one analysis, on the raw edge list."""
    nodes, customer, flow, weighted_flow, other, journey, time = raw
    f = nx.DiGraph()  # the flow graph
    f.add_nodes_from(nodes)
    f.add_weighted_edges_from(weighted_flow, weight="time")
    u = nx.Graph()  # support regions: every link, without the customer lane
    u.add_nodes_from(nodes)
    u.add_edges_from(flow)
    u.add_edges_from(other)
    u.remove_nodes_from(customer)
    n = sum(1 for _ in nx.connected_components(u))
    r = nx.DiGraph()  # reachability
    r.add_nodes_from(nodes)
    r.add_edges_from(flow)
    r.add_edges_from(other)
    r.add_edges_from((b, a) for a, b in other)
    n += sum(len(layer) for layer in nx.bfs_layers(r, customer[:1]))
    j = nx.DiGraph()  # the customer's journey
    j.add_nodes_from(customer)
    j.add_weighted_edges_from(journey, weight="time")
    return n + _longest(f, time) + _longest(j, time)


def measure(work: Workload, runs: int) -> dict:
    """Interleaved runs of the app and the baseline. The ratio compares CPU time
    (steadier than wall time when other processes share the machine); the 0.5 s
    limit is on wall time. Both are minima over the runs (tests/bench/common.py)."""
    doc, diagram_id = make_blueprint(work.nodes, work.edges, work.annotations)
    result = analyse_diagram(doc, diagram_id)  # warm up; also a sanity check
    assert result.counts.nodes == work.nodes and result.counts.edges == work.edges
    raw = raw_edge_list(doc, diagram_id)
    m = interleave(
        lambda: analyse_diagram(doc, diagram_id), lambda: baseline(raw), runs
    )
    app, base, wall = m.app_cpu, m.base_cpu, m.app_wall
    ratio = app / base
    ok = ratio <= RATIO_LIMIT and wall < TIME_LIMIT
    return {
        "workload": work.name,
        "app": app,
        "baseline": base,
        "ratio": ratio,
        "limit": f"<= {RATIO_LIMIT}x, < {TIME_LIMIT} s" if work.limited else "-",
        "verdict": ("ok" if ok else "FAIL") if work.limited else "info",
        "app_wall": wall,
        "repeat": [m.app_repeat, m.base_repeat],
        "findings": len(result.findings),
    }


def run(quick: bool = False) -> list[dict]:
    """One row per workload: workload, app, baseline (seconds per analysis, CPU),
    ratio, limit, verdict, app_wall (seconds), repeat, findings."""
    tiers = (TIERS[0], TIERS[2]) if quick else TIERS
    runs = 7 if quick else 15
    return [measure(work, runs) for work in tiers]


def main(argv: list[str]) -> int:
    rows = run(quick="--quick" in argv)
    print(
        f"{'workload':<26} {'app':>9} {'baseline':>9} {'ratio':>6}  "
        f"{'limit':<20} verdict  (app wall time)"
    )
    for r in rows:
        app, base = r["app"] * 1000, r["baseline"] * 1000
        print(
            f"{r['workload']:<26} {app:>7.1f}ms {base:>7.1f}ms {r['ratio']:>6.2f}  "
            f"{r['limit']:<20} {r['verdict']:<7}  ({r['app_wall'] * 1000:.1f} ms)"
        )
    return 0 if all(r["verdict"] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
