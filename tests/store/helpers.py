"""Projects to store in tests: one with every kind of entity, and big ones."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Document,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    Style,
)

# a 1x1 PNG: the logo on a report cover
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def sample_document() -> Document:
    """Every entity type, every annotation kind, styles, waypoints and a logo,
    with fixed ids and times (the fixture files are made from it)."""
    doc = Document(
        ProjectInfo(
            title="Hotel stay — Überprüfung",
            client="Grand Hôtel",
            author="Ana",
            created="2024-05-01T10:00:00+00:00",
            modified="2024-05-02T11:30:00+00:00",
            accent_colour="#aa3300",
            logo=PNG,
        )
    )
    d = Diagram("d1", "Overnight stay", "service-blueprint", 0, 1.5, 10.0, -20.0)
    lanes = [
        Lane("l1", "d1", "Physical evidence", "physical_evidence", 100.0, 0),
        Lane("l2", "d1", "Customer actions", "customer", 140.0, 1),
        Lane("l3", "d1", "Onstage", "onstage", 120.0, 2),
        Lane("l4", "d1", "Support", "support", 120.0, 3),
    ]
    lines = [
        DividingLine("i1", "d1", "interaction", "l2"),
        DividingLine("i2", "d1", "visibility", "l3"),
    ]
    stages = [
        Stage("s1", "d1", "Arrive", 300.0, 0),
        Stage("s2", "d1", "Stay", 500.0, 1),
    ]
    nodes = [
        Node("n1", "d1", "l2", "action", "Arrive at hotel", "by taxi", 170.0, 110.0),
        Node(
            "n2",
            "d1",
            "l2",
            "action",
            "Check in",
            "queue at the desk",
            400.0,
            110.0,
            160.0,
            70.0,
            Style(fill="#ffeeaa", stroke="#333333", text="#000000"),
            5.0,
            12.5,
            True,
            True,
            True,
        ),
        Node("n3", "d1", "l3", "action", "Process registration", x=400.0, y=250.0),
        Node("n4", "d1", "l4", "action", "Registration system", x=400.0, y=370.0),
    ]
    edges = [
        Edge("e1", "d1", "n1", "n2", "flow", "next"),
        Edge(
            "e2", "d1", "n2", "n3", "flow", waypoints=((480.0, 200.0), (480.5, 230.0))
        ),
        Edge("e3", "d1", "n4", "n3", "support", "", "systems", routing="straight"),
    ]
    annotations = [
        Annotation(
            "a1",
            "d1",
            "node",
            "n2",
            GapFinding(3, "Desk understaffed", "no rota", 4, "hire", "ops", "open"),
        ),
        Annotation("a2", "d1", "node", "n3", QualityRating("reliability", 5, "ok"), 1),
        Annotation(
            "a3", "d1", "edge", "e2", ServqualScore("empathy", 6.0, 4.5, 25.0), 2
        ),
        Annotation("a4", "d1", "diagram", "d1", NoteText("Observed on 3 May"), 3),
    ]
    d2 = Diagram("d2", "Gaps", "gaps-model", 1, presentation=("g1",))
    g_lane = Lane("g0", "d2", "Provider", "other", 200.0, 0)
    g_node = Node("g1", "d2", "g0", "action", "Service delivery")
    doc.add([d, *lanes, *lines, *stages, *nodes, *edges, *annotations])
    doc.add([d2, g_lane, g_node])
    return doc


def grid_document(n_nodes: int, n_edges: int) -> Document:
    """A blueprint with n nodes spread over four lanes and n_edges connectors."""
    doc = Document(ProjectInfo(title=f"{n_nodes} nodes"))
    d = Diagram("d", "Big", "service-blueprint")
    lanes = [Lane(f"l{i}", "d", f"Lane {i}", "other", 1000.0, i) for i in range(4)]
    nodes = [
        Node(
            f"n{i:06d}",
            "d",
            f"l{i % 4}",
            "action",
            f"Step {i}",
            x=200.0 + 10 * (i // 4),
            y=1000.0 * (i % 4) + 100,
        )
        for i in range(n_nodes)
    ]
    edges = [
        Edge(f"e{i:06d}", "d", nodes[i % n_nodes].id, nodes[(i * 7 + 1) % n_nodes].id)
        for i in range(n_edges)
        if i % n_nodes != (i * 7 + 1) % n_nodes
    ]
    doc.add([d, *lanes, *nodes, *edges])
    return doc


def fingerprint(path: Path) -> tuple[str, float, int]:
    """Bytes hash, modification time and size: proof a file was not touched."""
    st = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def sql(path: Path, *statements: str) -> None:
    """Run statements on a file directly, as another program would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
