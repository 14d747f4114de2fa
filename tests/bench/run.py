"""Every benchmark in one command: each workload against a bare-library baseline.

    .venv/bin/python tests/bench/run.py [--quick] [--json OUT] [--jobs N]
                                        [--only GROUP ...] [--skip GROUP ...]

Prints `workload, app, baseline, ratio, limit, verdict` for every workload, grouped:
the promises of issue 8 on generated tiers (typical 300 nodes; large 2,000 nodes /
3,000 edges / 2,000 annotations; stress 5,000 nodes / 8,000 edges / 5,000
annotations), then each feature's own benchmark (project files, canvas, analysis,
report). Baselines run in the same process, interleaved with the application; each
figure is the minimum of 5 or more runs; a baseline under 20 ms is looped.

--quick   smaller large and stress tiers and only the workloads with limits: the
          check the test run makes (tests/bench/test_bench_quick.py), ~30 s
--json    also write the rows, the mode and the machine to OUT
--jobs    processes to spread the groups over (full mode default: 2, one per core
          of a 2-core machine, each measuring its own app and baselines; quick
          mode: 1, in this process)
Exit status 1 if any verdict is FAIL (or a group could not run: ERROR).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import table, write_json  # noqa: E402


def _promises(quick: bool) -> list[dict]:
    import bench_promises

    return bench_promises.run(quick)


def _editor(quick: bool) -> list[dict]:
    import bench_editor

    return bench_editor.run(quick)


def _memory(quick: bool) -> list[dict]:
    import bench_memory

    return bench_memory.run(quick)


def _store(quick: bool) -> list[dict]:
    import bench_store

    return bench_store.run(quick)


def _canvas(quick: bool) -> list[dict]:
    import bench_canvas

    return bench_canvas.run(quick)


def _analysis(quick: bool) -> list[dict]:
    import bench_analysis

    rows = bench_analysis.run(quick)
    for r in rows:
        if r["verdict"] != "info":
            r["workload"] = f"analysis, every check and summary, {r['workload']}"
    return rows


def _report(quick: bool) -> list[dict]:
    import bench_report

    rows = []
    for r in bench_report.run(quick):
        limited = r["limit"] is not None
        rows.append(
            {
                "workload": f"{r['workload']}, {r['nodes']}n/{r['annotations']}a",
                "app": r["seconds"],
                "baseline": r["baseline"],
                "ratio": r["ratio"],
                "limit": f"<= {r['limit']:g} s" if limited else "-",
                "verdict": ("ok" if r["ok"] else "FAIL") if limited else "info",
                "failed": [] if r["ok"] else ["ceiling"],
                "pages": r["pages"],
            }
        )
    return rows


# name -> (title, measure, process): with --jobs 2, groups of the same process run
# together; the two processes take about as long (~100 s each on 2 idle cores)
GROUPS: dict[str, tuple[str, Callable[[bool], list[dict]], str]] = {
    "promises": ("issue 8: files and report at scale", _promises, "b"),
    "editor": ("issue 8: the editor at scale", _editor, "a"),
    "memory": ("issue 8: memory", _memory, "a"),
    "store": ("issue 2: project files", _store, "a"),
    "canvas": ("issue 3: canvas (2,000 nodes)", _canvas, "b"),
    "analysis": ("issue 5 and 8: analysis", _analysis, "b"),
    "report": ("issue 6: report (300 nodes)", _report, "b"),
}


def run_groups(names: list[str], quick: bool) -> list[dict]:
    rows = []
    for name in names:
        title, measure, _ = GROUPS[name]
        started = time.perf_counter()
        try:
            measured = measure(quick)
        except Exception as exc:  # one broken group must not hide the others
            traceback.print_exc()
            measured = [_error_row(name, exc)]
        for r in measured:
            r["group"] = title
            rows.append(r)
        print(f"[{name}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    return rows


def _error_row(name: str, exc: Exception) -> dict:
    return {
        "workload": f"{name}: could not be measured ({type(exc).__name__}: {exc})",
        "app": float("nan"),
        "baseline": None,
        "ratio": float("nan"),
        "limit": "-",
        "verdict": "ERROR",
        "failed": ["error"],
    }


def run_parallel(names: list[str], quick: bool, jobs: int) -> list[dict]:
    """Groups spread over `jobs` processes by their process kind; rows back in
    the order of `names`."""
    kinds: dict[str, list[str]] = {}
    for name in names:
        kinds.setdefault(GROUPS[name][2], []).append(name)
    batches = list(kinds.values())
    while len(batches) > jobs:
        batches[-2] += batches.pop()
    with tempfile.TemporaryDirectory() as tmp:
        procs = []
        for i, batch in enumerate(batches):
            out = Path(tmp) / f"{i}.json"
            args = [sys.executable, __file__, "--rows", str(out), "--only", *batch]
            procs.append(
                (subprocess.Popen([*args, *(["--quick"] if quick else [])]), out)
            )
        failed = [p.args for p, _ in procs if p.wait() != 0]
        if failed:
            raise SystemExit(f"a benchmark process failed: {failed}")
        rows = [r for _, out in procs for r in json.loads(out.read_text())]
    order = {GROUPS[n][0]: i for i, n in enumerate(names)}
    return sorted(rows, key=lambda r: order[r["group"]])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--only", nargs="+", choices=list(GROUPS), default=None)
    parser.add_argument("--skip", nargs="+", choices=list(GROUPS), default=[])
    parser.add_argument("--rows", type=Path, help=argparse.SUPPRESS)  # a worker
    args = parser.parse_args(argv)
    names = [n for n in (args.only or GROUPS) if n not in args.skip]
    if args.rows is not None:
        args.rows.write_text(json.dumps(run_groups(names, args.quick), default=str))
        return 0
    jobs = args.jobs or (1 if args.quick else 2)
    started = time.perf_counter()
    if jobs > 1:
        rows = run_parallel(names, args.quick, jobs)
    else:
        rows = run_groups(names, args.quick)
    seconds = time.perf_counter() - started
    print(table(rows))
    failed = [r for r in rows if r["verdict"] in ("FAIL", "ERROR")]
    mode = "quick" if args.quick else "full"
    print(
        f"\n{len(rows)} workloads, {len(failed)} FAIL or ERROR; {mode} run, "
        f"{seconds:.0f} s"
    )
    if args.json:
        write_json(args.json, rows, mode=mode, seconds=seconds, jobs=jobs)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
