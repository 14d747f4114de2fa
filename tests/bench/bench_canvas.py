"""Benchmark: the diagram canvas on a 2,000-node / 3,000-edge service blueprint.

workload                app                                   baseline
scene build             DiagramScene(doc, diagram, stack)     plain QGraphicsScene:
                        (items, quick connector routes)       addRect/addText per node
                                                              and lane, addLine per edge
move 200 nodes          one nudge command on 200 selected     Document.move_nodes of the
                        nodes: model, events, items and       same nodes with no scene
                        their connectors
drag frame 50 nodes     one mouse-move step of a drag of 50   setPos of 50 plain rect
                        selected nodes (items + connectors)   items
repaint at fit          QGraphicsView.grab() of the whole     the same view size, zoom
                        diagram zoomed to fit, 1600 x 1000    on the plain scene
undo 1000 commands      QUndoStack undo of 1,000 commands     the same undo, no scene
                        with the scene following              following the document
settle routes (info)    layout.Router routes for every        -
                        connector, as the report draws them
                        (runs in slices in the background)

Each figure is the minimum of >= 5 interleaved runs; a side whose one run is under
20 ms is looped until a timed batch is not (tests/bench/common.py). Verdicts:
build <= 4x its baseline; move < 50 ms; drag frame < 16 ms; repaint < 100 ms;
undo < 1 s.

Run as a script (`python tests/bench/bench_canvas.py [--quick]`) or call
`run(quick)`, which returns one dict per workload.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import shiboken6
from bench_analysis import make_blueprint
from common import interleave
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from blueprint.model import Document
from blueprint.model.rules import lane_spans
from blueprint.ui.canvas import DiagramScene, DiagramView
from blueprint.ui.canvas.tools import MoveTool
from blueprint.ui.commands import DocumentCommand

NODES, EDGES = 2000, 3000
VIEW_SIZE = (1600, 1000)


def _compare(app: Callable, base: Callable, runs: int) -> tuple[float, float, int]:
    """Minimum seconds per call of app and baseline, interleaved (common.py)."""
    m = interleave(app, base, runs)
    return m.app_wall, m.base_wall, m.app_repeat


def _row(name, app, base, repeat, limit, ok) -> dict:
    return {
        "workload": name,
        "app": app,
        "baseline": base,
        "ratio": app / base if base else float("nan"),
        "limit": limit,
        "verdict": "info" if ok is None else ("ok" if ok else "FAIL"),
        "repeat": repeat,
    }


def plain_scene(doc: Document, d: str) -> QGraphicsScene:
    """The same picture's items as Qt's own rect, text and line items."""
    scene = QGraphicsScene()
    for lane, top, bottom in lane_spans(doc, d):
        scene.addRect(QRectF(0, top, 5000, bottom - top))
        scene.addText(lane.name).setPos(10, top + 10)
    centres = {}
    for n in doc.nodes(d):
        scene.addRect(QRectF(n.x, n.y, n.width, n.height))
        text = scene.addText(n.label)
        text.setPos(n.x + 4, n.y + 4)
        text.setTextWidth(n.width - 8)
        centres[n.id] = (n.x + n.width / 2, n.y + n.height / 2)
    for e in doc.edges(d):
        (x0, y0), (x1, y1) = centres[e.source_id], centres[e.target_id]
        scene.addLine(x0, y0, x1, y1)
    return scene


def _drop(scene) -> None:
    if isinstance(scene, DiagramScene):
        scene.detach()
    shiboken6.delete(scene)


def bench_build(doc, d, runs) -> dict:
    stack = QUndoStack()

    def app():
        _drop(DiagramScene(doc, d, stack))

    def base():
        _drop(plain_scene(doc, d))

    a, b, repeat = _compare(app, base, runs)
    return _row("scene build", a, b, repeat, "<= 4x", a / b <= 4)


def _first_nodes(doc, d, n):
    return sorted(doc.nodes(d), key=lambda x: (x.x, x.y))[:n]


def bench_move(doc, d, runs) -> dict:
    stack = QUndoStack()
    scene = DiagramScene(doc, d, stack)
    chosen = [n.id for n in _first_nodes(doc, d, 200)]
    scene.select_ids(chosen)
    step = [10.0]

    def app():
        step[0] = -step[0]
        scene.nudge(step[0], 0)

    model_doc, _ = make_blueprint(NODES, EDGES, 0)
    sign = [10.0]

    def base():
        sign[0] = -sign[0]
        moves = {}
        for i in chosen:
            n = model_doc.get(i)
            moves[i] = (n.x + sign[0], n.y)
        model_doc.move_nodes(moves)

    a, b, repeat = _compare(app, base, runs)
    scene.detach()
    return _row("move 200 nodes", a, b, repeat, "< 50 ms", a < 0.050)


def bench_drag(doc, d, runs) -> dict:
    scene = DiagramScene(doc, d, QUndoStack())
    nodes = _first_nodes(doc, d, 50)
    scene.select_ids([n.id for n in nodes])
    grabbed = scene.node_item(nodes[0].id)
    press = QPointF(nodes[0].x + 5, nodes[0].y + 5)
    tool = MoveTool(scene, grabbed, press)
    offset = [0.0]

    def app():
        offset[0] = 20.0 if offset[0] == 0 else 0.0
        tool.move(press + QPointF(offset[0], 10))

    plain = QGraphicsScene()
    rects = [plain.addRect(QRectF(0, 0, n.width, n.height)) for n in nodes]

    def base():
        offset[0] = 20.0 if offset[0] == 0 else 0.0
        for r, n in zip(rects, nodes, strict=True):
            r.setPos(n.x + offset[0], n.y + 10)

    a, b, repeat = _compare(app, base, runs)
    tool.cancel()
    scene.detach()
    return _row("drag frame 50 nodes", a, b, repeat, "< 16 ms", a < 0.016)


def bench_repaint(doc, d, runs, quick: bool = False) -> list[dict]:
    scene = DiagramScene(doc, d, QUndoStack())
    scene.settle_routes()
    view = DiagramView(scene)
    view.resize(*VIEW_SIZE)
    view.show()
    view.zoom_to_fit()
    plain = plain_scene(doc, d)
    plain_view = QGraphicsView(plain)
    plain_view.setRenderHints(view.renderHints())
    plain_view.resize(*VIEW_SIZE)
    plain_view.show()
    plain_view.setTransform(view.transform())
    plain_view.centerOn(view.mapToScene(view.viewport().rect().center()))
    QApplication.processEvents()
    a, b, repeat = _compare(view.grab, plain_view.grab, runs)
    zoom = view.zoom()
    fit = _row(f"repaint at fit ({zoom:.0%})", a, b, repeat, "< 100 ms", a < 0.100)
    if quick:  # the repaint at 100 % is information: full runs only
        view.close()
        plain_view.close()
        scene.detach()
        return [fit]
    view.zoom_reset()
    plain_view.setTransform(view.transform())
    plain_view.centerOn(view.mapToScene(view.viewport().rect().center()))
    a1, b1, repeat1 = _compare(view.grab, plain_view.grab, runs)
    view.close()
    plain_view.close()
    scene.detach()
    return [fit, _row("repaint at 100 %", a1, b1, repeat1, "-", None)]


def _commands(doc, d, stack, count):
    nodes = doc.nodes(d)
    for i in range(count):
        n = doc.get(nodes[i % len(nodes)].id)
        moves = {n.id: (n.x, n.y + (10 if i % 2 else -10))}
        stack.push(DocumentCommand(doc, "Nudge", lambda m=moves: doc.move_nodes(m)))


def bench_undo(runs) -> dict:
    doc, d = make_blueprint(NODES, EDGES, 0)
    stack = QUndoStack()
    scene = DiagramScene(doc, d, stack)
    _commands(doc, d, stack, 1000)
    bare_doc, bare_d = make_blueprint(NODES, EDGES, 0)
    bare = QUndoStack()
    _commands(bare_doc, bare_d, bare, 1000)

    def undo_time(s: QUndoStack) -> float:
        gc.collect()
        start = time.perf_counter()
        s.setIndex(0)
        took = time.perf_counter() - start
        s.setIndex(s.count())  # redo for the next run, untimed
        return took

    apps, bases = [], []
    for _ in range(runs):
        apps.append(undo_time(stack))
        bases.append(undo_time(bare))
    scene.detach()
    a, b = min(apps), min(bases)
    return _row("undo 1000 commands", a, b, 1, "< 1 s", a < 1.0)


def bench_settle(doc, d) -> dict:
    scene = DiagramScene(doc, d, QUndoStack())
    start = time.perf_counter()
    scene.settle_routes()
    took = time.perf_counter() - start
    scene.detach()
    return _row("settle routes (background)", took, 0.0, 1, "-", None)


def run(quick: bool = False) -> list[dict]:
    app = QApplication.instance() or QApplication([])
    del app
    runs = 5 if quick else 7
    doc, d = make_blueprint(NODES, EDGES, 0)
    rows = [
        bench_build(doc, d, runs),
        bench_move(doc, d, runs),
        bench_drag(doc, d, runs),
        *bench_repaint(doc, d, runs, quick),
        bench_undo(runs),
    ]
    if not quick:
        rows.append(bench_settle(doc, d))
    return rows


def main(argv: list[str]) -> int:
    rows = run(quick="--quick" in argv)
    print(f"{'workload':<28} {'app':>10} {'baseline':>10} {'ratio':>6}  limit  verdict")
    for r in rows:
        app, base = r["app"] * 1000, r["baseline"] * 1000
        print(
            f"{r['workload']:<28} {app:>8.2f}ms {base:>8.2f}ms"
            f" {r['ratio']:>6.2f}  {r['limit']}  {r['verdict']}"
        )
    return 0 if all(r["verdict"] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
