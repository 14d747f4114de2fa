"""Shared measuring for the benchmarks: interleaved minima, rows, verdicts, tables.

Every figure compares the application with a baseline doing the same work with the
bare library, measured in the same process and run: the two sides alternate (so a
busy neighbour or a warming CPU hits both alike) and each side's figure is its
minimum over the runs. A side whose single call takes under MIN_TIME is timed over
a loop of calls, so that no figure rests on a clock reading of a few microseconds.
"""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_TIME = 0.020  # seconds: the shortest timed batch of calls
RUNS = 5  # interleaved runs per figure, at least

Work = Callable[[], object]


def timed(fn: Work, repeat: int = 1) -> tuple[float, float]:
    """(CPU seconds, wall seconds) for `repeat` calls of fn."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def calibrate(fn: Work, min_time: float = MIN_TIME) -> int:
    """How many calls of fn take at least min_time. The first call warms up (and
    is enough when it alone takes min_time); else the faster of two more."""
    one = timed(fn)[1]
    if one < min_time:
        one = min(timed(fn)[1] for _ in range(2))
    return max(1, math.ceil(min_time / max(one, 1e-9)))


@dataclass(frozen=True)
class Measured:
    """Seconds per call, each the minimum over interleaved runs."""

    app_cpu: float
    app_wall: float
    base_cpu: float
    base_wall: float
    app_repeat: int
    base_repeat: int
    runs: int

    def app(self, clock: str) -> float:
        return self.app_cpu if clock == "cpu" else self.app_wall

    def base(self, clock: str) -> float:
        return self.base_cpu if clock == "cpu" else self.base_wall


def interleave(
    app: Work,
    base: Work,
    runs: int = RUNS,
    *,
    same_repeat: bool = False,
    min_time: float = MIN_TIME,
    app_repeat: int | None = None,
    after_app: Work | None = None,
) -> Measured:
    """Time app and baseline in alternation, `runs` times each.

    Each side is looped until one timed batch lasts min_time; same_repeat gives
    both sides the baseline's count (for work whose cost depends on what the
    previous call left, such as toggling moves). app_repeat fixes the app's count
    (work that cannot run twice in a row, such as opening a file), and after_app
    tidies up after each timed batch of the app, untimed."""
    base_repeat = calibrate(base, min_time)
    if app_repeat is None:
        app_repeat = base_repeat if same_repeat else calibrate(app, min_time)
    apps, bases = [], []
    for _ in range(max(runs, 1)):
        apps.append(timed(app, app_repeat))
        if after_app is not None:
            after_app()
        bases.append(timed(base, base_repeat))
    return Measured(
        app_cpu=min(c for c, _ in apps) / app_repeat,
        app_wall=min(w for _, w in apps) / app_repeat,
        base_cpu=min(c for c, _ in bases) / base_repeat,
        base_wall=min(w for _, w in bases) / base_repeat,
        app_repeat=app_repeat,
        base_repeat=base_repeat,
        runs=runs,
    )


def limit_text(ratio: float | None, ceiling: float | None) -> str:
    parts = []
    if ratio is not None:
        parts.append(f"<= {ratio:g}x")
    if ceiling is not None:
        parts.append(f"<= {seconds_text(ceiling)}")
    return ", ".join(parts) or "-"


def seconds_text(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:g} s"


def row(
    workload: str,
    app: float,
    baseline: float | None,
    *,
    ratio_limit: float | None = None,
    ceiling: float | None = None,
    ceiling_of: float | None = None,
    ratio: float | None = None,
    **extra: object,
) -> dict:
    """One result: workload, app, baseline (seconds), ratio, limit, verdict.

    The ratio is app / baseline unless given; the ceiling applies to ceiling_of
    (the wall time, say) when given, else to app. Rows without limits are
    'info'; a row with limits is 'ok' or 'FAIL'."""
    if ratio is None:
        ratio = app / baseline if baseline else float("nan")
    over = ceiling_of if ceiling_of is not None else app
    ratio_ok = ratio_limit is None or ratio <= ratio_limit
    ceiling_ok = ceiling is None or over <= ceiling
    limited = ratio_limit is not None or ceiling is not None
    verdict = ("ok" if ratio_ok and ceiling_ok else "FAIL") if limited else "info"
    failed = [
        name
        for name, ok in (("ratio", ratio_ok), ("ceiling", ceiling_ok))
        if limited and not ok
    ]
    return {
        "workload": workload,
        "app": app,
        "baseline": baseline,
        "ratio": ratio,
        "limit": limit_text(ratio_limit, ceiling),
        "verdict": verdict,
        "failed": failed,
        "ratio_limit": ratio_limit,
        "ceiling": ceiling,
        **extra,
    }


def compared(
    workload: str,
    app: Work,
    base: Work,
    *,
    runs: int = RUNS,
    clock: str = "cpu",
    ratio_limit: float | None = None,
    ceiling: float | None = None,
    same_repeat: bool = False,
    **extra: object,
) -> dict:
    """Measure and judge one workload. The ratio uses `clock` ('cpu' is steadier
    on a shared machine; 'wall' for work that waits on the disk); the ceiling is
    always judged on wall time, which is what a user waits for."""
    m = interleave(app, base, runs, same_repeat=same_repeat)
    return row(
        workload,
        m.app(clock),
        m.base(clock),
        ratio_limit=ratio_limit,
        ceiling=ceiling,
        ceiling_of=m.app_wall,
        app_wall=m.app_wall,
        clock=clock,
        repeat=[m.app_repeat, m.base_repeat],
        runs=runs,
        **extra,
    )


# -- output ----------------------------------------------------------------------------


def _ms(value: object, unit: str = "s") -> str:
    if not isinstance(value, (int, float)) or math.isnan(value):
        return "-"
    if unit != "s":
        return f"{value:.1f}{unit}"
    return f"{value * 1000:.1f}ms" if value < 10 else f"{value:.1f}s"


def table(rows: Iterable[dict]) -> str:
    """The rows as text: workload, app, baseline, ratio, limit, verdict."""
    rows = list(rows)
    width = max([len("workload"), *(len(r["workload"]) for r in rows)])
    lines = [
        f"{'workload':<{width}}  {'app':>10} {'baseline':>10} {'ratio':>7}  "
        f"{'limit':<22} verdict"
    ]
    group = None
    for r in rows:
        if r.get("group") != group:
            group = r.get("group")
            if group:
                lines.append(f"-- {group}")
        ratio, unit = r["ratio"], r.get("unit", "s")
        ratio_text = "-" if ratio is None or math.isnan(ratio) else f"{ratio:.2f}"
        if unit != "s":  # the growth over the baseline, not a ratio
            ratio_text = f"+{ratio:.1f}"
        app, base = _ms(r["app"], unit), _ms(r["baseline"], unit)
        lines.append(
            f"{r['workload']:<{width}}  {app:>10} {base:>10}"
            f" {ratio_text:>7}  {r['limit']:<22} {r['verdict']}"
        )
    return "\n".join(lines)


def machine() -> dict:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def write_json(path: Path, rows: list[dict], **meta: object) -> None:
    def clean(value: object) -> object:
        if isinstance(value, float) and math.isnan(value):
            return None
        return value

    data = {
        **meta,
        "machine": machine(),
        "rows": [{k: clean(v) for k, v in r.items()} for r in rows],
    }
    path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
