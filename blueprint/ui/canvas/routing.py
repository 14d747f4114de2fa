"""Settled connector routes, computed as the PDF report computes them.

`blueprint.layout.Router` detours around nodes and keeps connectors off each
other, which costs about a millisecond per connector on a 2,000-node diagram. So
the canvas shows a quick route at once (during a drag and right after a change)
and this scheduler replaces all routes with the Router's, in the report's order,
in slices of a few milliseconds between events. The picture settles to exactly
what the report draws without ever blocking the editor.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from blueprint.layout import Router, node_rect, route_between
from blueprint.model import Document, Edge

from .geometry import Point

SLICE = 0.008  # seconds of routing per turn of the event loop


def settled_routes(doc: Document, diagram_id: str) -> Iterator[tuple[str, list[Point]]]:
    """Every connector's route, in the order Router.route_all uses (straight
    connectors first), one at a time."""
    router = Router(doc, diagram_id)
    edges = doc.edges(diagram_id)
    rects = {n.id: node_rect(n) for n in doc.nodes(diagram_id)}

    def straight(e: Edge) -> bool:
        a, b = rects[e.source_id], rects[e.target_id]
        return len(route_between(a, b)) == 2 and not e.waypoints

    first = [e for e in edges if straight(e)]
    chosen = {e.id for e in first}
    for edge in (*first, *(e for e in edges if e.id not in chosen)):
        yield edge.id, router.route(edge)


class RouteScheduler(QObject):
    """Re-routes a diagram's connectors in the background after changes."""

    def __init__(
        self,
        doc: Document,
        diagram_id: str,
        apply: Callable[[str, list[Point]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._doc, self._diagram_id, self._apply = doc, diagram_id, apply
        self._pending: Iterator[tuple[str, list[Point]]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self.paused = False  # set during gestures: routes would be stale at once

    def invalidate(self) -> None:
        """The model changed: start over on the next turn of the event loop."""
        self._pending = None
        if not self._timer.isActive():
            self._timer.start(0)

    def stop(self) -> None:
        self._timer.stop()
        self._pending = None

    def busy(self) -> bool:
        return self._pending is not None or self._timer.isActive()

    def finish(self) -> None:
        """Route everything now (image export, tests)."""
        self._timer.stop()
        pending = self._pending or settled_routes(self._doc, self._diagram_id)
        self._pending = None
        for edge_id, points in pending:
            self._apply(edge_id, points)

    def _step(self) -> None:
        if self.paused:
            self._timer.start(50)
            return
        if self._pending is None:
            self._pending = settled_routes(self._doc, self._diagram_id)
        deadline = time.perf_counter() + SLICE
        for edge_id, points in self._pending:
            self._apply(edge_id, points)
            if time.perf_counter() > deadline:
                self._timer.start(0)
                return
        self._pending = None
