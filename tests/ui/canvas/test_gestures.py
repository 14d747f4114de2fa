"""Real mouse gestures on the view: move, connect, resize, rubber band."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from blueprint.model.rules import lane_at


def test_drag_moves_selected_nodes_as_one_command(canvas):
    a, b = canvas.node("Arrive at hotel"), canvas.node("Check in")
    canvas.click(canvas.centre("Arrive at hotel"))
    canvas.click(canvas.centre("Check in"), Qt.KeyboardModifier.ControlModifier)
    assert set(canvas.scene.selected_ids()) == {a.id, b.id}
    before = canvas.stack.count()
    canvas.drag(canvas.centre("Check in"), canvas.centre("Check in") + QPoint(40, 20))
    assert canvas.stack.count() == before + 1
    a2, b2 = canvas.doc.get(a.id), canvas.doc.get(b.id)
    assert (a2.x - a.x, a2.y - a.y) == (40, 20)
    assert (b2.x - b.x, b2.y - b.y) == (40, 20)
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert canvas.doc.get(a.id) == a and canvas.doc.get(b.id) == b
    canvas.assert_mirrors()


def test_drag_into_another_lane_changes_lane(canvas):
    n = canvas.node("Take food order")
    target_y = next(
        t for lane, t, _ in canvas.scene.lane_spans() if lane.role == "support"
    )
    start = canvas.centre("Take food order")
    end = canvas.at(n.x + n.width / 2 + 200, target_y + 60)
    canvas.drag(start, end)
    moved = canvas.doc.get(n.id)
    assert moved.lane_id == lane_at(canvas.doc, canvas.d, moved.y + moved.height / 2).id
    assert canvas.doc.get(moved.lane_id).role == "support"
    canvas.assert_mirrors()


def test_connect_by_dragging_from_a_hover_handle(canvas):
    src, tgt = canvas.node("Go to room"), canvas.node("Take food order")
    edges_before = len(canvas.doc.edges(canvas.d))
    # hover first so the connect handles show, then drag from the bottom handle
    canvas.drag(canvas.centre("Go to room"), canvas.centre("Go to room"), steps=1)
    handle = canvas.at(src.x + src.width / 2, src.y + src.height + 12)
    QTest_move(canvas, handle)
    canvas.drag(handle, canvas.centre("Take food order"))
    edges = canvas.doc.edges(canvas.d)
    assert len(edges) == edges_before + 1
    new = next(e for e in edges if e.source_id == src.id and e.target_id == tgt.id)
    assert canvas.scene.selected_ids() == [new.id]
    assert canvas.doc.get(src.id) == src  # the node did not move
    canvas.assert_mirrors()


def test_alt_drag_from_a_node_connects(canvas):
    src, tgt = canvas.node("Hotel exterior"), canvas.node("Room")
    canvas.drag(
        canvas.centre("Hotel exterior"),
        canvas.centre("Room"),
        mods=Qt.KeyboardModifier.AltModifier,
    )
    assert any(
        e.source_id == src.id and e.target_id == tgt.id
        for e in canvas.doc.edges(canvas.d)
    )


def test_dropping_a_connector_on_empty_canvas_adds_nothing(canvas):
    src = canvas.node("Room")
    before = canvas.stack.count()
    canvas.drag(
        canvas.centre("Room"),
        canvas.at(src.x + 600, src.y + 10),
        mods=Qt.KeyboardModifier.AltModifier,
    )
    assert canvas.stack.count() == before


def test_resize_with_the_corner_handle(canvas):
    n = canvas.node("Check out")
    canvas.click(canvas.centre("Check out"))
    corner = canvas.at(n.x + n.width, n.y + n.height)
    canvas.drag(corner, corner + QPoint(50, 34))  # lands on the grid
    r = canvas.doc.get(n.id)
    assert (r.x, r.y, r.width, r.height) == (n.x, n.y, n.width + 50, n.height + 34)
    canvas.assert_mirrors()


def test_rubber_band_selects_nodes_inside(canvas):
    a, b = canvas.node("Hotel exterior"), canvas.node("Desk, registration papers")
    start = canvas.at(a.x - 20, a.y - 10)
    end = canvas.at(b.x + b.width + 20, b.y + b.height + 10)
    canvas.drag(start, end, steps=6)
    assert set(canvas.scene.selected_ids()) == {a.id, b.id}


def test_reconnect_an_end_by_dragging_it(canvas):
    a, b, c = canvas.node("Check in"), canvas.node("Go to room"), canvas.node("Room")
    edge = next(
        e
        for e in canvas.doc.edges(canvas.d)
        if (e.source_id, e.target_id) == (a.id, b.id)
    )
    canvas.scene.select_ids([edge.id])
    end = canvas.scene.edge_item(edge.id).points[-1]
    canvas.drag(canvas.at(*end), canvas.centre("Room"))
    assert canvas.doc.get(edge.id).target_id == c.id
    canvas.assert_mirrors()


def QTest_move(canvas, pos):
    from PySide6.QtTest import QTest

    QTest.mouseMove(canvas.port, pos)
