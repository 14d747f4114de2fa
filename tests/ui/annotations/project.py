"""A small two-diagram project for the annotation tests, and user gestures on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from blueprint.model import (
    Annotation,
    Document,
    Edge,
    GapFinding,
    Node,
    QualityRating,
    new_id,
)
from blueprint.model.entities import ProjectInfo
from blueprint.model.factory import add_diagram
from blueprint.model.rules import lane_spans


def _nodes(doc: Document, d: str, rows: dict[str, list[str]]) -> dict[str, str]:
    lanes = {lane.role: (lane.id, top) for lane, top, _ in lane_spans(doc, d)}
    ids: dict[str, str] = {}
    nodes = []
    for role, labels in rows.items():
        lane_id, top = lanes[role]
        for i, label in enumerate(labels):
            node = Node(
                new_id(),
                d,
                lane_id,
                "action",
                label,
                x=220 + i * 220,
                y=top + 30,
                width=150,
                height=60,
            )
            ids[label] = node.id
            nodes.append(node)
    doc.add(nodes)
    return ids


def sample_document() -> tuple[Document, dict[str, str]]:
    """ "Stay": a customer journey with support and one unconnected step;
    "Payment": one step with a gap, for jumps between diagrams."""
    doc = Document(ProjectInfo(title="Café Ünïcode"))
    add_diagram(doc, "service-blueprint", "Stay")
    add_diagram(doc, "service-blueprint", "Payment")
    stay = doc.diagram_named("Stay").id
    pay = doc.diagram_named("Payment").id
    ids = _nodes(
        doc,
        stay,
        {
            "customer": ["Arrive", "Check in", "Leave"],
            "onstage": ["Greet", "Register guest", "Lonely step"],
        },
    )
    ids |= _nodes(doc, pay, {"customer": ["Pay bill"], "onstage": ["Take payment"]})
    pairs = [
        ("Arrive", "Check in"),
        ("Check in", "Leave"),
        ("Arrive", "Greet"),
        ("Check in", "Register guest"),
        ("Pay bill", "Take payment"),
    ]
    edges = {}
    for a, b in pairs:
        d = stay if a != "Pay bill" else pay
        edge = Edge(new_id(), d, ids[a], ids[b])
        edges[f"{a}->{b}"] = edge.id
        doc.add([edge])
    ids |= edges
    ids["stay"], ids["payment"] = stay, pay
    doc.add(
        [
            Annotation(
                new_id(),
                pay,
                "node",
                ids["Pay bill"],
                GapFinding(
                    4, "Card reader rejects foreign cards", severity=5, owner="Zoë"
                ),
            ),
            Annotation(
                new_id(),
                stay,
                "node",
                ids["Check in"],
                QualityRating("reliability", 2, "Queue of twenty"),
            ),
        ]
    )
    return doc, ids


@dataclass
class Sample:
    window: Any
    doc: Document
    ids: dict[str, str]
    qtbot: Any

    @property
    def ui(self):
        return self.window.annotation_ui

    @property
    def stack(self):
        return self.window.session.undo_stack

    def scene(self):
        return self.window.current_scene()

    def click_node(self, label: str) -> None:
        """Click a step on the canvas, as a user selects it."""
        view = self.window.current_view()
        node = self.doc.get(self.ids[label])
        view.centerOn(QPointF(node.x + node.width / 2, node.y + node.height / 2))
        pos = view.mapFromScene(QPointF(node.x + 20, node.y + node.height / 2))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert self.scene().selected_ids() == [node.id]

    def click_empty(self) -> None:
        """Click an empty part of the canvas: nothing selected, the whole diagram."""
        view = self.window.current_view()
        scene = self.scene()
        spans = scene.lane_spans()
        bottom = spans[-1][2]
        view.centerOn(QPointF(600, bottom + 100))
        pos = view.mapFromScene(QPointF(600, bottom + 100))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert scene.selected_ids() == []

    def show_tab(self, kind: str):
        """Bring an annotation tab to the front of the inspector; returns the tab."""
        ui = self.ui
        self.window.inspector.tabs.setCurrentIndex(ui.tab_index[kind])
        return {
            "gap": ui.gaps,
            "quality": ui.quality,
            "servqual": ui.servqual,
            "note": ui.notes,
        }[kind]

    def annotations(self, kind: str, target: str) -> list[Annotation]:
        return [a for a in self.doc.annotations_of(target) if a.kind == kind]
