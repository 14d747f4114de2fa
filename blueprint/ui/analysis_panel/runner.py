"""Runs the analysis of the shown diagram off the GUI thread, after edits settle.

Edits restart a short timer (debounce); when it fires, a snapshot is taken on the
GUI thread (a few list copies of frozen entities) and analysed on a worker thread.
One run at a time: an edit during a run queues one more, and a result whose
snapshot is older than the latest edit is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from blueprint.analysis import Analyser, DiagramAnalysis, Snapshot, snapshot
from blueprint.model import Diagram, Document, EntitiesChanged

DEBOUNCE_MS = 300
Analyse = Callable[[Snapshot, str], DiagramAnalysis]


class _Bridge(QObject):
    """Carries a worker's result to the GUI thread (a queued signal)."""

    done = Signal(int, object, str)  # generation, result or None, error


class _Job(QRunnable):
    def __init__(
        self,
        analyse: Analyse,
        snap: Snapshot,
        diagram_id: str,
        gen: int,
        bridge: _Bridge,
    ) -> None:
        super().__init__()
        self.analyse, self.snap, self.diagram_id = analyse, snap, diagram_id
        self.gen, self.bridge = gen, bridge

    def run(self) -> None:
        try:
            result = self.analyse(self.snap, self.diagram_id)
        except Exception as error:  # shown as one line in the panel
            self.bridge.done.emit(self.gen, None, f"{type(error).__name__}: {error}")
        else:
            self.bridge.done.emit(self.gen, result, "")


class AnalysisRunner(QObject):
    """Keeps `result` up to date with one diagram of a Document."""

    stale = Signal()  # the diagram changed: a new result will follow
    started = Signal()
    finished = Signal(object)  # DiagramAnalysis, or None when there is no diagram
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.diagram_id: str | None = None
        self.result: DiagramAnalysis | None = None
        self.analyse: Analyse = Analyser().diagram  # replaceable (tests slow it down)
        self.runs = 0  # analyses started (for tests and measurements)
        self._unsubscribe: Callable[[], None] | None = None
        self._generation = 0
        self._running: _Job | None = None
        self._pending = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)

    @property
    def busy(self) -> bool:
        return self._running is not None or self.timer.isActive()

    def set_document(self, doc: Document | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.document = doc
        self.diagram_id = None
        if doc is not None:
            self._unsubscribe = doc.events.subscribe(self._on_change)
        self._generation += 1
        self.timer.stop()
        self.result = None

    def set_diagram(self, diagram_id: str | None) -> None:
        """Analyse another diagram now (a tab was switched)."""
        if diagram_id == self.diagram_id and self.result is not None:
            return
        self.diagram_id = diagram_id
        self._generation += 1
        self.result = None
        self.timer.stop()
        self.run_now()

    def _on_change(self, event: EntitiesChanged) -> None:
        if self.diagram_id is None:
            return
        if self.diagram_id in event.touched_diagrams() or any(
            isinstance(e, Diagram) for e in event.removed
        ):
            self._generation += 1
            self.timer.start()  # restarts: analyse once the edits pause
            self.stale.emit()

    def run_now(self) -> None:
        self.timer.stop()
        doc, diagram_id = self.document, self.diagram_id
        if (
            doc is None
            or diagram_id is None
            or not isinstance(doc.get(diagram_id), Diagram)
        ):
            self.result = None
            self.finished.emit(None)
            return
        if self._running is not None:
            self._pending = True  # one more run when this one ends
            return
        snap = snapshot(doc, diagram_id)  # on the GUI thread, where edits happen
        job = _Job(self.analyse, snap, diagram_id, self._generation, self._bridge)
        job.setAutoDelete(False)  # kept in _running until its result arrives
        self._running = job
        self.runs += 1
        self.started.emit()
        self._pool.start(job)

    def _done(self, gen: int, result: object, error: str) -> None:
        self._running = None
        if self._pending:
            self._pending = False
            self.run_now()
        if gen != self._generation:
            return  # the diagram changed since this snapshot: a newer run follows
        if error:
            self.failed.emit(error)
            return
        assert isinstance(result, DiagramAnalysis)
        self.result = result
        self.finished.emit(result)

    def stop(self) -> None:
        """Drop pending work and wait for a running analysis to end."""
        self._generation += 1
        self._pending = False
        self.timer.stop()
        self._pool.clear()
        self._pool.waitForDone(10_000)
        self._running = None

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._pool.waitForDone(msecs)
