"""Scale: a 2,000-node / 3,000-edge / 2,000-annotation blueprint, against the limits
of the benchmark in tests/bench/bench_analysis.py."""

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from blueprint.analysis import analyse_diagram

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_analysis.py"


@pytest.fixture(scope="module")
def bench():
    if "bench_analysis" in sys.modules:  # e.g. loaded by the canvas benchmark
        return sys.modules["bench_analysis"]
    spec = importlib.util.spec_from_file_location("bench_analysis", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_analysis"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def large(bench):
    return bench.make_blueprint(2000, 3000, 2000)


def test_the_large_blueprint_is_what_the_bench_promises(large):
    doc, diagram_id = large
    result = analyse_diagram(doc, diagram_id)
    assert (result.counts.nodes, result.counts.edges, result.counts.annotations) == (
        2000,
        3000,
        2000,
    )
    # realistic: some problems of most kinds, not a wall of findings
    checks = {f.check for f in result.findings}
    assert {"unsupported-customer-action", "flow-cycle"} <= checks
    assert 20 < len(result.findings) < 400
    assert result.journeys and result.timing.critical_time > result.timing.total_time


def test_analysis_of_the_large_blueprint_takes_under_half_a_second(large):
    doc, diagram_id = large
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        analyse_diagram(doc, diagram_id)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5


def test_the_benchmark_runs_and_stays_within_its_limits(bench):
    # the ratio is measured on a machine shared with other work; a verdict that
    # misses once is measured again (at most three times) before it counts
    for _attempt in range(3):
        rows = bench.run(quick=True)
        limited = [r for r in rows if r["verdict"] != "info"]
        if all(r["verdict"] == "ok" for r in limited):
            break
    for row in rows:
        assert {"workload", "app", "baseline", "ratio", "limit", "verdict"} <= set(row)
        assert row["app"] > 0 and row["baseline"] > 0
    assert len(limited) == 1 and limited[0]["workload"].startswith("large")
    assert limited[0]["verdict"] == "ok", limited[0]
