"""The benchmarks' quick mode in the test run: it fails only on a ratio or ceiling.

One test per group (so parallel test workers can share them out), each the same
measurements as `tests/bench/run.py --quick --only GROUP`. The analysis group is
left to tests/analysis/test_scale.py, which runs the same benchmark. A verdict
that misses its limit by a little is measured once more before it counts, since
the machine is shared with other tests; a clear miss counts at once.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench_run

GROUPS = [name for name in bench_run.GROUPS if name != "analysis"]
MARGIN = 1.25  # a miss within 25 % of the limit may be noise: measure again

# Targets not met yet, each left open in its issue with the measured figures. They
# still may not get worse: each must stay under the ratio measured when it was
# recorded (plus the noise margin) and under its ceiling. Meeting the target is
# reported, so the entry can be removed.
KNOWN_MISSES: dict[str, float] = {}  # none: every target is met


def _known(r: dict) -> float | None:
    return next(
        (v for k, v in KNOWN_MISSES.items() if r["workload"].startswith(k)), None
    )


def _tolerated(r: dict) -> bool:
    """A known miss that is no worse than recorded and within its ceiling."""
    recorded = _known(r)
    return (
        recorded is not None
        and r.get("failed", ["ratio"]) == ["ratio"]
        and r["ratio"] <= recorded * MARGIN
    )


def _failures(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["verdict"] in ("FAIL", "ERROR") and not _tolerated(r)]


def _marginal(r: dict) -> bool:
    if r["verdict"] == "ERROR":
        return False
    ratio_limit, ceiling = r.get("ratio_limit"), r.get("ceiling")
    if ratio_limit is not None and not r["ratio"] <= ratio_limit * MARGIN:
        return False
    over = r.get("app_wall", r["app"])
    if r.get("unit", "s") != "s":
        over = r["ratio"]
    return ceiling is None or over <= ceiling * MARGIN


def _describe(r: dict) -> str:
    ratio = "-" if r["ratio"] is None or math.isnan(r["ratio"]) else f"{r['ratio']:.2f}"
    return (
        f"{r['workload']}: app {r['app']:.4g}, baseline {r['baseline']}, ratio "
        f"{ratio}, limit {r['limit']} ({', '.join(r.get('failed', [])) or 'FAIL'})"
    )


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Working copies and settings of the benchmark stay in tmp."""
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _measure(group: str) -> list[dict]:
    """The group's quick rows, measured in a fresh process: a test process that
    has run a thousand tests holds a heap that slows it (a drag frame measured
    19 ms in one against 13 ms in a fresh editor)."""
    return bench_run.run_parallel([group], quick=True, jobs=1)


@pytest.mark.parametrize("group", GROUPS)
def test_quick_benchmark_within_limits(group, isolated):
    rows = _measure(group)
    assert rows, f"{group}: no workloads measured"
    for r in rows:
        assert {"workload", "app", "baseline", "ratio", "limit", "verdict"} <= set(r)
        assert r["verdict"] == "ERROR" or r["app"] > 0, r
    failed = _failures(rows)
    if failed and all(_marginal(r) for r in failed):
        rows = _measure(group)
        failed = _failures(rows)
    assert not failed, "\n".join(_describe(r) for r in failed)
    for r in rows:
        if _known(r) is not None and r["verdict"] == "ok":
            print(f"known miss now within its limit, remove it: {r['workload']}")


def test_a_verdict_over_its_limit_fails(monkeypatch):
    """The verdicts the test relies on: over a ratio or a ceiling is FAIL."""
    from common import row

    monkeypatch.setitem(KNOWN_MISSES, "open project rows into the model", 4.2)

    assert row("w", 0.5, 0.1, ratio_limit=4.0)["verdict"] == "FAIL"
    assert row("w", 0.3, 0.1, ratio_limit=4.0)["verdict"] == "ok"
    assert row("w", 2.0, 1.9, ratio_limit=4.0, ceiling=1.0)["failed"] == ["ceiling"]
    assert row("w", 2.0, 1.9)["verdict"] == "info"
    assert _failures([row("w", 0.5, 0.1, ratio_limit=4.0)])
    assert _marginal(row("w", 0.45, 0.1, ratio_limit=4.0))
    assert not _marginal(row("w", 0.9, 0.1, ratio_limit=4.0))
    known = row("open project rows into the model, x", 0.43, 0.1, ratio_limit=4.0)
    assert not _failures([known])  # a recorded miss, no worse than recorded
    worse = row("open project rows into the model, x", 0.6, 0.1, ratio_limit=4.0)
    assert _failures([worse])  # a recorded miss that got worse fails
    slow = row(
        "open project rows into the model, x", 0.43, 0.1, ratio_limit=4.0, ceiling=0.2
    )
    assert _failures([slow])  # over its ceiling fails whatever is recorded
