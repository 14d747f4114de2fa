"""Benchmark: the editor on generated blueprints against Qt's own items doing the same.

workload                      app                               baseline
open in the editor            Workspace.open_path (validate,    sqlite3 SELECT of the
  (typical, small, stress)    lock, working copy, window,       rows, QGraphicsScene
                              docks, scene) + the window's      addRect/addText per
                              first paint (grab)                node and lane, addLine
                                                                per edge, view grab
drag 50 nodes, per frame      one mouse-move step of a drag of  setPos of 50 rect items,
  (stress)                    50 selected nodes (items and      setLine of their
                              connectors) + viewport repaint    connectors, repaint
undo all + redo all,          QUndoStack undo to the start and  the same changes made
  1,000 commands (stress)     redo to the end, with the scene   directly on the scene's
                              and the working copy following    built-in items
scaling                       open at the small tier vs. the stress tier: time ratio

Verdicts (issue 8): open <= 6x (typical <= 0.3 s, stress <= 1.5 s); drag <= 10x and
16 ms; undo/redo <= 2x and 2 s; scaling <= 15. `run(quick)` returns the rows.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import shiboken6
from common import compared, interleave, row
from editor_undo import bench_undo
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSettings,
    qInstallMessageHandler,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
)
from tiers import Tier, blueprint, tiers

from blueprint.model import (
    Document,
    Node,
)
from blueprint.store import save_document
from blueprint.ui.canvas import DiagramScene, DiagramView
from blueprint.ui.canvas.tools import MoveTool
from blueprint.ui.session import Session

VIEW_SIZE = (1600, 1000)


def isolate(folder: Path) -> None:
    """Settings and working copies of the benchmark stay in a temporary folder."""
    os.environ["BLUEPRINT_DATA_DIR"] = str(folder / "data")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))


def paint_frame() -> None:
    """Deliver what a mouse move left posted: the scene's change notice, then the
    repaint of the changed region. Timers (background routing) do not run here."""
    QApplication.sendPostedEvents()
    QApplication.sendPostedEvents()


class PaintCounter(QObject):
    """Counts the paint events of views' viewports: proof that frames painted."""

    def __init__(self, *views: QGraphicsView) -> None:
        super().__init__()
        self.viewports = [v.viewport() for v in views]
        self.counts = [0] * len(views)
        for viewport in self.viewports:
            viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.viewports:
            self.counts[self.viewports.index(watched)] += 1
        return False


def quiet_qt() -> None:
    """Drop the offscreen platform's note about size hints from the output."""

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def flush_deletes() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


# -- plain Qt baselines ----------------------------------------------------------------


def select_rows(path: Path) -> tuple[list, list, list]:
    """What a bare program reads to draw a diagram: lanes, nodes, edges."""
    conn = sqlite3.connect(path)
    try:
        lanes = conn.execute(
            'SELECT name, height FROM lane ORDER BY "order"'
        ).fetchall()
        nodes = conn.execute(
            "SELECT id, label, x, y, width, height FROM node"
        ).fetchall()
        edges = conn.execute("SELECT source_id, target_id FROM edge").fetchall()
    finally:
        conn.close()
    return lanes, nodes, edges


def plain_scene(lanes, nodes, edges, width: float) -> QGraphicsScene:
    """The diagram as Qt's built-in rect, text and line items."""
    scene = QGraphicsScene()
    top = 0.0
    for name, height in lanes:
        scene.addRect(QRectF(0, top, width, height))
        scene.addText(name).setPos(10, top + 10)
        top += height
    centres = {}
    for node_id, label, x, y, w, h in nodes:
        scene.addRect(QRectF(x, y, w, h))
        text = scene.addText(label)
        text.setPos(x + 4, y + 4)
        text.setTextWidth(w - 8)
        centres[node_id] = (x + w / 2, y + h / 2)
    for a, b in edges:
        (x0, y0), (x1, y1) = centres[a], centres[b]
        scene.addLine(x0, y0, x1, y1)
    return scene


def plain_view(scene: QGraphicsScene, like: QGraphicsView) -> QGraphicsView:
    view = QGraphicsView(scene)
    view.setRenderHints(like.renderHints())
    view.resize(like.viewport().size())
    view.setTransform(like.transform())
    view.centerOn(like.mapToScene(like.viewport().rect().center()))
    return view


def drop_scene(scene: QGraphicsScene) -> None:
    if isinstance(scene, DiagramScene):
        scene.detach()
    shiboken6.delete(scene)


# -- open in the editor ----------------------------------------------------------------


class Opener:
    """Opens a project as the editor does (session: validate, lock, working copy;
    scene; view) and paints the view once; closes everything after, untimed."""

    def __init__(self, path: Path, diagram_id: str, window: bool = False) -> None:
        self.path, self.diagram_id, self.window = path, diagram_id, window
        self.opened: list = []
        self.workspace = None
        if window:
            from blueprint.ui.app import Workspace

            self.workspace = Workspace()

    def open(self) -> None:
        if self.workspace is not None:
            window = self.workspace.open_path(str(self.path))
            assert window is not None and window.current_view() is not None
            window.grab()  # the first paint of the whole window
            self.opened.append(window)
            return
        session = Session.open(str(self.path))
        scene = DiagramScene(session.document, self.diagram_id, session.undo_stack)
        view = DiagramView(scene)
        view.resize(*VIEW_SIZE)
        view.grab()  # the first paint
        self.opened.append((session, scene, view))

    def view(self) -> QGraphicsView:
        first = self.opened[0]
        return first.current_view() if self.workspace is not None else first[2]

    def close(self) -> None:
        for item in self.opened:
            if self.workspace is not None:
                item.shutdown(save_state=False)
                item.hide()
                item.deleteLater()
            else:
                session, scene, view = item
                view.setScene(None)
                view.deleteLater()
                drop_scene(scene)
                session.close()
                session.deleteLater()
        self.opened.clear()
        flush_deletes()


def bench_open(
    tier: Tier,
    folder: Path,
    runs: int,
    limits: tuple[float | None, float | None],
    window: bool = False,
) -> dict:
    doc, d = blueprint(tier)
    path = folder / f"{tier.name}.blueprint"
    if not path.exists():
        save_document(doc, path)
    opener = Opener(path, d, window)
    opener.open()  # warm up, and learn the editor's view of the diagram
    view = opener.view()
    width = view.diagram_scene().lane_width()
    size = view.viewport().size()
    transform, hints = view.transform(), view.renderHints()
    centre = view.mapToScene(view.viewport().rect().center())
    opener.close()

    def base() -> None:
        scene = plain_scene(*select_rows(path), width)
        v = QGraphicsView(scene)
        v.setRenderHints(hints)
        v.resize(size)
        v.setTransform(transform)
        v.centerOn(centre)
        v.grab()
        v.setScene(None)
        v.deleteLater()
        shiboken6.delete(scene)
        flush_deletes()

    ratio, ceiling = limits
    m = interleave(opener.open, base, runs, app_repeat=1, after_app=opener.close)
    what = "open in a new editor window" if window else "open in the editor"
    return row(
        f"{what}, {tier.label}",
        m.app_wall,
        m.base_wall,
        ratio_limit=ratio,
        ceiling=ceiling,
        clock="wall",
        repeat=[m.app_repeat, m.base_repeat],
        runs=runs,
        nodes=tier.nodes,
    )


# -- drag ------------------------------------------------------------------------------


def _chosen(doc: Document, d: str, count: int) -> list[Node]:
    """count nodes in the middle of the first screens, in whole columns."""
    nodes = sorted(doc.nodes(d), key=lambda n: (n.x, n.y))
    start = min(len(nodes) - count, 25)
    return nodes[start : start + count]


def bench_drag(tier: Tier, runs: int) -> dict:
    doc, d = blueprint(tier)
    scene = DiagramScene(doc, d, QUndoStack())
    scene.settle_routes()
    view = DiagramView(scene)
    view.resize(*VIEW_SIZE)
    view.show()
    nodes = _chosen(doc, d, 50)
    centre = QPointF(
        sum(n.x for n in nodes) / len(nodes), sum(n.y for n in nodes) / len(nodes)
    )
    view.centerOn(centre)
    scene.select_ids([n.id for n in nodes])
    grabbed = scene.node_item(nodes[0].id)
    press = QPointF(nodes[0].x + 5, nodes[0].y + 5)
    tool = MoveTool(scene, grabbed, press)
    step = [0.0, 0.0]  # each side toggles its own offset: every frame moves

    def app() -> None:
        step[0] = 20.0 if step[0] == 0 else 0.0
        tool.move(press + QPointF(step[0], 10))
        paint_frame()

    width = scene.lane_width()
    lanes = [(lane.name, lane.height) for lane in doc.lanes(d)]
    rows = [(n.id, n.label, n.x, n.y, n.width, n.height) for n in doc.nodes(d)]
    pairs = [(e.source_id, e.target_id) for e in doc.edges(d)]
    plain = plain_scene(lanes, rows, pairs, width)
    pv = plain_view(plain, view)
    pv.show()
    QApplication.processEvents()  # both views shown and painted once
    moved = {n.id for n in nodes}
    # the dragged nodes as rect items of their own (the plain scene keeps no ids)
    drag_rects = [plain.addRect(QRectF(0, 0, n.width, n.height)) for n in nodes]
    by_id = {n.id: n for n in nodes}
    lines: list[tuple[QGraphicsLineItem, Node, Node]] = []
    for a, b in pairs:
        if a in moved or b in moved:
            na, nb = by_id.get(a) or doc.get(a), by_id.get(b) or doc.get(b)
            lines.append((plain.addLine(0, 0, 1, 1), na, nb))

    def base() -> None:
        step[1] = 20.0 if step[1] == 0 else 0.0
        dx, dy = step[1], 10.0
        for r, n in zip(drag_rects, nodes, strict=True):
            r.setPos(n.x + dx, n.y + dy)
        for line, a, b in lines:
            ax, ay = a.x + a.width / 2, a.y + a.height / 2
            bx, by = b.x + b.width / 2, b.y + b.height / 2
            if a.id in moved:
                ax, ay = ax + dx, ay + dy
            if b.id in moved:
                bx, by = bx + dx, by + dy
            line.setLine(ax, ay, bx, by)
        paint_frame()

    painted = PaintCounter(view, pv)
    calls = [0, 0]

    def counted(fn, side):
        def call() -> None:
            calls[side] += 1
            fn()

        return call

    result = compared(
        f"drag 50 nodes, per frame, {tier.label}",
        counted(app, 0),
        counted(base, 1),
        runs=runs,
        clock="wall",
        ratio_limit=10.0,
        ceiling=0.016,
        connectors=len(lines),
        frames=calls,
        paints=painted.counts,
    )
    # a frame that paints nothing measures nothing
    if any(p < c for p, c in zip(painted.counts, calls, strict=True)):
        raise RuntimeError(f"drag frames did not all repaint: {result}")
    tool.cancel()
    view.close()
    pv.close()
    drop_scene(scene)
    shiboken6.delete(plain)
    return result


# -- the lot ---------------------------------------------------------------------------


def run(quick: bool = False) -> list[dict]:
    from blueprint.ui.app import application

    t = tiers(quick)
    runs = 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        isolate(folder)
        application()
        quiet_qt()
        rows = [] if quick else [bench_open(t["typical"], folder, runs, (6.0, 0.3))]
        small = bench_open(t["small"], folder, runs, (6.0, None))
        stress = bench_open(t["stress"], folder, runs, (6.0, 1.5))
        rows += [small, stress]
        rows.append(
            row(
                f"scaling: open {t['stress'].nodes:,} vs {t['small'].nodes:,} nodes",
                stress["app"],
                small["app"],
                ratio_limit=15.0,
                clock="wall",
            )
        )
        if not quick:  # what a user waits for: window, docks and all (info)
            rows.append(bench_open(t["typical"], folder, runs, (None, None), True))
            rows.append(bench_open(t["stress"], folder, runs, (None, None), True))
        rows.append(bench_drag(t["stress"], runs))
        rows.extend(bench_undo(t["stress"], runs, quick))  # editor_undo.py
    return rows


def main(argv: list[str]) -> int:
    from common import table

    rows = run(quick="--quick" in argv)
    print(table(rows))
    return 0 if all(r["verdict"] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
