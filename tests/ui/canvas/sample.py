"""A small hotel-stay blueprint (Bitner et al. 2008) for the canvas tests."""

from __future__ import annotations

from blueprint.model import (
    Annotation,
    Document,
    Edge,
    GapFinding,
    Node,
    QualityRating,
    Stage,
    new_id,
)
from blueprint.model.factory import add_diagram, new_document
from blueprint.model.rules import lane_spans


def hotel() -> tuple[Document, str]:
    """A service blueprint with stages, steps in every lane, connectors and badges."""
    doc = new_document("Hotel")
    add_diagram(doc, "service-blueprint", "Overnight stay")
    d = doc.diagram_named("Overnight stay").id
    spans = lane_spans(doc, d)
    lanes = {lane.role: (lane.id, top) for lane, top, _ in spans}
    doc.add(
        [
            Stage(new_id(), d, "Arrive", 420, 0),
            Stage(new_id(), d, "Stay", 420, 1),
            Stage(new_id(), d, "Leave", 300, 2),
        ]
    )
    rows = {
        "physical_evidence": ["Hotel exterior", "Desk, registration papers", "Room"],
        "customer": ["Arrive at hotel", "Check in", "Go to room", "Check out"],
        "onstage": ["Greet and take bags", "Process registration", "Process check-out"],
        "backstage": ["Take bags to room", "Take food order"],
        "support": ["Registration system", "Prepare food"],
    }
    kinds = {"physical_evidence": "evidence", "support": "system"}
    ids: dict[str, str] = {}
    nodes = []
    for role, labels in rows.items():
        lane_id, top = lanes[role]
        for i, label in enumerate(labels):
            node = Node(
                new_id(),
                d,
                lane_id,
                kinds.get(role, "action"),
                label,
                x=200 + i * 260,
                y=top + 30,
                width=150,
                height=66,
            )
            ids[label] = node.id
            nodes.append(node)
    nodes[3] = nodes[3].evolve(moment_of_truth=True)
    nodes[4] = nodes[4].evolve(fail_point=True, wait_point=True)
    doc.add(nodes)
    pairs = [
        ("Arrive at hotel", "Check in"),
        ("Check in", "Go to room"),
        ("Go to room", "Check out"),
        ("Arrive at hotel", "Greet and take bags"),
        ("Check in", "Process registration"),
        ("Process registration", "Registration system"),
        ("Greet and take bags", "Take bags to room"),
        ("Check out", "Process check-out"),
    ]
    doc.add([Edge(new_id(), d, ids[a], ids[b]) for a, b in pairs])
    doc.add(
        [
            Annotation(
                new_id(),
                d,
                "node",
                ids["Check in"],
                GapFinding(3, "Queue at the desk", severity=4),
            ),
            Annotation(
                new_id(), d, "node", ids["Check in"], QualityRating("reliability", 3)
            ),
        ]
    )
    return doc, d
