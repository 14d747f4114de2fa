"""Fixtures for the canvas tests: a hotel blueprint in a shown view."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).parent))

from sample import hotel

from blueprint.model import Document
from blueprint.ui.canvas import DiagramScene, DiagramView


class Canvas:
    """A document, its undo stack, a scene and a shown view, with mouse helpers."""

    def __init__(self, qtbot, doc: Document, diagram_id: str) -> None:
        self.doc, self.d = doc, diagram_id
        self.stack = QUndoStack()
        self.scene = DiagramScene(doc, diagram_id, self.stack)
        self.view = DiagramView(self.scene)
        qtbot.addWidget(self.view)
        self.view.resize(1400, 900)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.zoom_reset()
        self.view.centerOn(QPointF(700, 300))
        self.messages: list[str] = []
        self.scene.message.connect(self.messages.append)

    @property
    def port(self):
        return self.view.viewport()

    def at(self, x: float, y: float) -> QPoint:
        return self.view.mapFromScene(QPointF(x, y))

    def node(self, label: str):
        return next(n for n in self.doc.nodes(self.d) if n.label == label)

    def centre(self, label: str) -> QPoint:
        n = self.node(label)
        return self.at(n.x + n.width / 2, n.y + n.height / 2)

    def drag(
        self,
        start: QPoint,
        end: QPoint,
        *,
        mods=Qt.KeyboardModifier.NoModifier,
        button=Qt.MouseButton.LeftButton,
        steps: int = 4,
    ) -> None:
        QTest.mouseMove(self.port, start)
        QTest.mousePress(self.port, button, mods, start)
        for i in range(1, steps + 1):
            p = start + (end - start) * (i / steps)
            QTest.mouseMove(self.port, p)
        QTest.mouseRelease(self.port, button, mods, end)

    def click(self, pos: QPoint, mods=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseClick(self.port, Qt.MouseButton.LeftButton, mods, pos)

    def assert_mirrors(self) -> None:
        """The scene shows exactly the model's entities, where the model says."""
        ids = self.scene.item_ids()
        assert ids["node"] == {n.id for n in self.doc.nodes(self.d)}
        assert ids["edge"] == {e.id for e in self.doc.edges(self.d)}
        assert ids["lane"] == {x.id for x in self.doc.lanes(self.d)}
        assert ids["stage"] == {x.id for x in self.doc.stages(self.d)}
        assert ids["line"] == {x.id for x in self.doc.lines(self.d)}
        for n in self.doc.nodes(self.d):
            item = self.scene.node_item(n.id)
            assert item.frame() == (n.x, n.y, n.width, n.height)
            assert item.node == n
        for e in self.doc.edges(self.d):
            item = self.scene.edge_item(e.id)
            assert item.edge == e
            src = self.scene.node_item(e.source_id).sceneBoundingRect()
            tgt = self.scene.node_item(e.target_id).sceneBoundingRect()
            assert src.contains(QPointF(*item.points[0]))
            assert tgt.contains(QPointF(*item.points[-1]))
        assert [lane.id for lane, _, _ in self.scene.lane_spans()] == [
            x.id for x in self.doc.lanes(self.d)
        ]


@pytest.fixture
def canvas(qtbot) -> Canvas:
    doc, d = hotel()
    c = Canvas(qtbot, doc, d)
    yield c
    c.scene.detach()
