"""Benchmark: project files against plain sqlite3 and json doing the same work.

Workloads (10,000 nodes / 15,000 edges / 2,000 annotations; --quick: 2,000 nodes):
  open            load_document (header, quick_check, schema check, every row
                  through the model) vs. plain sqlite3 reading the same rows
  open+model      the same vs. plain sqlite3 reading the rows and building the same
                  model objects (what any correct open must do): the store's cost
  save (session)  EditSession.save after one moved node (VACUUM INTO, fsync,
                  rename) vs. plain sqlite3 executemany of the same rows into a new
                  file; also its wall time, which must stay under 100 ms
  save_document   a complete write from memory vs. the same plain sqlite3 write
  save 10k/100    session save after one move at 10,000 vs. at 100 nodes (info)
  edit commit     one edit (move a node, committed to the working copy) at 10,000
                  vs. at 100 nodes: must cost the same
  json export     write_json vs. json.dumps of the same dicts and a plain write
  json import     read_json vs. json.loads of the same file

Each figure is the minimum of >= 5 interleaved runs; a side whose single run takes
under 20 ms is repeated until it does not (tests/bench/common.py). Ratios of CPU-bound
work use CPU time (steadier on a shared machine); workloads that wait for the disk
(saves) use wall time. Run as `python tests/bench/bench_store.py [--quick]` or
call `run(quick)`, which returns one dict per workload (--quick: only those with
limits, for the test run's check).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import interleave

from blueprint.model import (
    Annotation,
    Change,
    Diagram,
    Document,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
)
from blueprint.store import (
    EditSession,
    load_document,
    read_json,
    save_document,
    write_json,
)
from blueprint.store.ddl import SCHEMA_DDL
from blueprint.store.interchange import dumps, export_json
from blueprint.store.rows import MAPPING, rows_by_table
from blueprint.store.schema import SCHEMA_VERSION, TABLES

SAVE_LIMIT = 0.100  # seconds: Save must not block the editor longer


def make_project(nodes: int, edges: int, annotations: int) -> Document:
    """One blueprint: nodes over five lanes with descriptions, connectors between
    nearby steps, gap findings and notes."""
    doc = Document(ProjectInfo(title=f"Bench {nodes}"))
    d = Diagram("d", "Bench", "service-blueprint")
    lanes = [Lane(f"l{i}", "d", f"Lane {i}", "other", 200.0, i) for i in range(5)]
    made = [
        Node(
            f"node-{i:06d}-{'x' * 20}",
            "d",
            f"l{i % 5}",
            "action",
            f"Step {i}",
            f"What happens at step {i}",
            x=200.0 + 20 * (i // 5),
            y=200.0 * (i % 5) + 50,
            duration=float(i % 9) or None,
            fail_point=i % 13 == 0,
        )
        for i in range(nodes)
    ]
    links = [
        Edge(f"edge-{i:06d}-{'y' * 20}", "d", made[i % nodes].id, made[j].id)
        for i in range(edges)
        if (j := (i % nodes + 1 + i // nodes * 5) % nodes) != i % nodes
    ]
    notes = [
        Annotation(
            f"ann-{i:06d}",
            "d",
            "node",
            made[(i * 7) % nodes].id,
            GapFinding(1 + i % 5, "Finding", severity=1 + i % 5)
            if i % 2
            else NoteText("A note"),
            i,
        )
        for i in range(annotations)
    ]
    doc.add([d, *lanes, *made, *links, *notes])
    return doc


# -- plain baselines -------------------------------------------------------------------


def plain_read(path: Path) -> list[list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute(f"SELECT * FROM {table.name}").fetchall() for table in TABLES
        ]
    finally:
        conn.close()


def plain_read_and_build(path: Path) -> Document:
    """Plain sqlite3, then the same model constructors and Document the store uses."""
    conn = sqlite3.connect(path)
    try:
        entities = [
            build(row)
            for table, _, build in MAPPING.values()
            for row in conn.execute(f"SELECT * FROM {table.name}")
        ]
    finally:
        conn.close()
    doc = Document(entities[0])  # type: ignore[arg-type]
    doc.apply(Change(puts=tuple(entities[1:])))
    return doc


def row_tuples(doc: Document) -> list[tuple[str, list[tuple]]]:
    """The rows the store writes, as plain tuples (prepared outside the timing)."""
    out = []
    for table, rows in rows_by_table(doc.entities()):
        names = [c.name for c in table.columns]
        out.append((table.name, [tuple(r[n] for n in names) for r in rows]))
    return out


def plain_write(path: Path, tuples: list[tuple[str, list[tuple]]]) -> None:
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    try:
        for statement in SCHEMA_DDL[SCHEMA_VERSION]:
            conn.execute(statement)
        for name, rows in tuples:
            marks = ", ".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        conn.commit()
    finally:
        conn.close()


# -- timing ----------------------------------------------------------------------------


def compare(
    name: str,
    app: Callable[[], object],
    base: Callable[[], object],
    runs: int,
    *,
    limit: float | None,
    wall: bool,
    time_limit: float | None = None,
) -> dict:
    m = interleave(app, base, runs)  # interleaved minima (tests/bench/common.py)
    clock = "wall" if wall else "cpu"
    a, b = m.app(clock), m.base(clock)
    ratio = a / b
    ok = (limit is None or ratio <= limit) and (
        time_limit is None or m.app_wall < time_limit
    )
    limits = []
    if limit is not None:
        limits.append(f"<= {limit:g}x")
    if time_limit is not None:
        limits.append(f"< {time_limit * 1000:.0f} ms")
    return {
        "workload": name,
        "app": a,
        "baseline": b,
        "ratio": ratio,
        "limit": ", ".join(limits) or "-",
        "verdict": ("ok" if ok else "FAIL") if limits else "info",
        "app_wall": m.app_wall,
        "repeat": [m.app_repeat, m.base_repeat],
        "clock": clock,
    }


def run(quick: bool = False) -> list[dict]:
    """One row per workload: workload, app, baseline (seconds), ratio, limit,
    verdict, app_wall, repeat, clock."""
    nodes = 2000 if quick else 10_000
    runs = 5
    label = f"{nodes // 1000}k"
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["BLUEPRINT_DATA_DIR"] = str(tmp / "data")
        big = make_project(nodes, nodes * 3 // 2, nodes // 5)
        small = make_project(100, 150, 20)
        big_path, small_path = tmp / "big.blueprint", tmp / "small.blueprint"
        save_document(big, big_path)
        save_document(small, small_path)
        assert load_document(big_path).state() == big.state()

        rows.append(
            compare(
                f"open {label} nodes / {nodes * 3 // 2 // 1000}k edges",
                lambda: load_document(big_path),
                lambda: plain_read(big_path),
                runs,
                limit=3.0,
                wall=False,
            )
        )
        if not quick:  # information rows: full runs only
            rows.append(
                compare(
                    f"open {label} vs sqlite3 + model objects",
                    lambda: load_document(big_path),
                    lambda: plain_read_and_build(big_path),
                    runs,
                    limit=None,
                    wall=False,
                )
            )

        tuples = row_tuples(big)
        plain_path = tmp / "plain.db"
        with (
            EditSession.open(big_path) as s_big,
            EditSession.open(small_path) as s_small,
        ):

            def save_after_move(session: EditSession, node_id: str) -> None:
                node = session.document.get(node_id)
                session.document.move_nodes({node_id: (node.x + 10, node.y)})
                session.save()

            big_id, small_id = big.nodes("d")[7].id, small.nodes("d")[7].id
            rows.append(
                compare(
                    f"save (session) {label} after one move",
                    lambda: save_after_move(s_big, big_id),
                    lambda: plain_write(plain_path, tuples),
                    runs,
                    limit=5.0,
                    wall=True,
                    time_limit=SAVE_LIMIT if not quick else None,
                )
            )
            if not quick:
                rows.append(
                    compare(
                        f"save (session) {label} vs 100 nodes",
                        lambda: save_after_move(s_big, big_id),
                        lambda: save_after_move(s_small, small_id),
                        runs,
                        limit=None,
                        wall=True,
                    )
                )

            def edit(session: EditSession, node_id: str) -> None:
                node = session.document.get(node_id)
                session.document.move_nodes({node_id: (node.x + 10, node.y)})
                # a lone edit commits at once; edits this close together would
                # otherwise wait to commit as one group (session.py)
                session.flush()

            rows.append(
                compare(
                    f"edit commit {label} vs 100 nodes",
                    lambda: edit(s_big, big_id),
                    lambda: edit(s_small, small_id),
                    runs,
                    limit=2.0,
                    wall=False,
                )
            )
        rows.append(
            compare(
                f"save_document {label} (complete write)",
                lambda: save_document(big, tmp / "full.blueprint"),
                lambda: plain_write(plain_path, tuples),
                runs,
                limit=5.0,
                wall=True,
            )
        )

        if quick:  # the JSON rows are information: full runs only
            return rows
        json_path, plain_json = tmp / "big.json", tmp / "plain.json"
        data = export_json(big)
        rows.append(
            compare(
                f"json export {label}",
                lambda: write_json(big, json_path),
                lambda: plain_json.write_text(json.dumps(data), encoding="utf-8"),
                runs,
                limit=None,
                wall=False,
            )
        )
        text = dumps(data)
        json_path.write_text(text, encoding="utf-8")
        rows.append(
            compare(
                f"json import {label}",
                lambda: read_json(json_path),
                lambda: json.loads(json_path.read_text(encoding="utf-8")),
                runs,
                limit=None,
                wall=False,
            )
        )
    return rows


def main(argv: list[str]) -> int:
    rows = run(quick="--quick" in argv)
    print(
        f"{'workload':<40} {'app':>10} {'baseline':>10} {'ratio':>7}  "
        f"{'limit':<20} verdict  (app wall, clock)"
    )
    for r in rows:
        app, base = r["app"] * 1000, r["baseline"] * 1000
        print(
            f"{r['workload']:<40} {app:>8.2f}ms {base:>8.2f}ms {r['ratio']:>7.2f}  "
            f"{r['limit']:<20} {r['verdict']:<7}  "
            f"({r['app_wall'] * 1000:.2f} ms, {r['clock']})"
        )
    return 0 if all(r["verdict"] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
