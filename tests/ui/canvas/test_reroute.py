"""Connectors follow changes without redoing work: unmoved ends keep their route,
undo puts back the route shown before, and the picture is what a fresh scene draws."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QUndoStack
from sample import hotel

from blueprint import layout
from blueprint.layout import Rect, candidates, route_between
from blueprint.ui.canvas import DiagramScene
from blueprint.ui.canvas.edge_item import END_RADIUS
from blueprint.ui.commands import DocumentCommand


@pytest.fixture
def built(qapp):
    """Makes a scene of the hotel blueprint with no view, inside the test: no
    event loop settles its routes unless the test asks for it."""
    made: list[DiagramScene] = []

    def build():
        doc, d = hotel()
        stack = QUndoStack()
        made.append(DiagramScene(doc, d, stack))
        return doc, d, stack, made[-1]

    yield build
    for scene in made:
        scene.detach()


def routes(scene: DiagramScene, doc, d) -> dict[str, tuple[list, QRectF]]:
    out = {}
    for e in doc.edges(d):
        item = scene.edge_item(e.id)
        out[e.id] = (list(item.points), QRectF(item.boundingRect()))
    return out


def fresh_routes(doc, d) -> dict[str, tuple[list, QRectF]]:
    scene = DiagramScene(doc, d, QUndoStack())
    try:
        return routes(scene, doc, d)
    finally:
        scene.detach()


def busiest(doc, d):
    """The node with the most connectors."""
    return max(doc.nodes(d), key=lambda n: len(doc.edges_of(n.id)))


def test_route_between_is_the_best_candidate():
    rng = random.Random(7)
    for _ in range(2000):
        a = Rect(rng.uniform(0, 600), rng.uniform(0, 600), *_size(rng))
        b = Rect(rng.uniform(0, 600), rng.uniform(0, 600), *_size(rng))
        offset = rng.choice((0.0, 8.0, -8.0))
        assert route_between(a, b, offset) == candidates(a, b, offset)[0]


def _size(rng: random.Random) -> tuple[float, float]:
    return rng.choice((0.0, 1.0, 40.0, 140.0)), rng.choice((0.0, 1.0, 30.0, 80.0))


def test_undo_and_redo_of_moves_show_what_a_fresh_scene_draws(built):
    doc, d, stack, scene = built()
    node = busiest(doc, d)
    assert len(doc.edges_of(node.id)) >= 2
    for dx in (120.0, -300.0):
        stack.push(
            DocumentCommand(
                doc,
                "move",
                lambda dx=dx: doc.move_nodes(
                    {node.id: (doc.get(node.id).x + dx, node.y)}
                ),
            )
        )
        assert routes(scene, doc, d) == fresh_routes(doc, d)
    for _ in range(2):
        stack.undo()
        assert routes(scene, doc, d) == fresh_routes(doc, d)
    for _ in range(2):
        stack.redo()
        assert routes(scene, doc, d) == fresh_routes(doc, d)


def test_a_connector_relabelled_gets_a_new_label_box(built):
    doc, d, stack, scene = built()
    edge = doc.edges(d)[0]
    before = scene.edge_item(edge.id).label_rect()
    stack.push(
        DocumentCommand(doc, "label", lambda: doc.update(edge.id, label="a long one"))
    )
    item = scene.edge_item(edge.id)
    assert item.label_rect() != before and not item.label_rect().isNull()
    assert item.boundingRect().contains(item.label_rect())
    assert routes(scene, doc, d) == fresh_routes(doc, d)
    stack.undo()
    assert scene.edge_item(edge.id).label_rect() == before


def test_bounds_hold_the_line_its_arrow_and_its_label(built):
    doc, d, _, scene = built()
    for e in doc.edges(d):
        item = scene.edge_item(e.id)
        xs = [p[0] for p in item.points]
        ys = [p[1] for p in item.points]
        for x, y in layout.arrow_head(item.points, 9.0):
            xs.append(x)
            ys.append(y)
        frame = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        m = END_RADIUS + 3
        want = frame.united(item.label_rect()).adjusted(-m, -m, m, m)
        assert item.boundingRect() == want


def test_settled_routes_stay_when_the_ends_do_not_move(built):
    doc, d, _, scene = built()
    scene.settle_routes()
    settled = routes(scene, doc, d)
    assert settled != fresh_routes(doc, d)  # some detour round a node
    scene.reroute_nodes([n.id for n in doc.nodes(d)])
    assert routes(scene, doc, d) == settled


def test_undo_of_a_move_puts_back_the_route_shown_before(built):
    doc, d, stack, scene = built()
    scene.settle_routes()
    settled = routes(scene, doc, d)
    quick = fresh_routes(doc, d)
    detour = next(e for e in doc.edges(d) if settled[e.id] != quick[e.id])
    node = doc.get(detour.source_id)  # one of its connectors goes round a node
    stack.push(
        DocumentCommand(
            doc, "move", lambda: doc.move_nodes({node.id: (node.x + 200, node.y)})
        )
    )
    moved = routes(scene, doc, d)
    ids = {e.id for e in doc.edges_of(node.id)}
    assert all(moved[i] != settled[i] for i in ids)
    stack.undo()
    assert routes(scene, doc, d) == settled


def test_undo_of_a_delete_brings_connectors_back_as_they_were(built):
    doc, d, stack, scene = built()
    node = busiest(doc, d)
    ids = {e.id for e in doc.edges_of(node.id)}
    shown = {i: scene.edge_item(i) for i in ids}
    picked = next(iter(ids))
    scene.select_ids([picked])
    before = routes(scene, doc, d)
    stack.push(DocumentCommand(doc, "delete", lambda: doc.remove([node.id])))
    assert not ids & set(scene.item_ids()["edge"])
    stack.undo()
    assert {i: scene.edge_item(i) for i in ids} == shown  # the very same items
    assert routes(scene, doc, d) == before == fresh_routes(doc, d)
    item = scene.edge_item(picked)
    assert not item.isSelected() and item.zValue() == 5
    assert scene.selected_ids() == []
    stack.redo()
    stack.undo()
    assert routes(scene, doc, d) == fresh_routes(doc, d)
    for e in doc.edges(d):
        assert scene.edge_item(e.id).edge == e
