"""Lanes: reorder by dragging the header, resize by the bottom edge, rename, add,
delete with the nodes moved or deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from blueprint.model.rules import LANE_HEADER_WIDTH, lane_at


def spans(canvas):
    return canvas.scene.lane_spans()


def test_drag_a_lane_header_to_reorder(canvas):
    first, top, bottom = spans(canvas)[0]
    third_bottom = spans(canvas)[2][2]
    members = {n.id: n for n in canvas.doc.nodes(canvas.d) if n.lane_id == first.id}
    count = canvas.stack.count()
    canvas.drag(
        canvas.at(LANE_HEADER_WIDTH / 2, (top + bottom) / 2),
        canvas.at(LANE_HEADER_WIDTH / 2, third_bottom - 10),
        steps=6,
    )
    assert canvas.stack.count() == count + 1
    order = [x.id for x in canvas.doc.lanes(canvas.d)]
    assert order.index(first.id) == 2
    for node_id, before in members.items():  # nodes travel with their lane
        after = canvas.doc.get(node_id)
        assert after.lane_id == first.id
        assert lane_at(canvas.doc, canvas.d, after.y + after.height / 2).id == first.id
        assert after.x == before.x
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert [x.id for x in canvas.doc.lanes(canvas.d)].index(first.id) == 0
    canvas.assert_mirrors()


def test_a_click_on_a_header_does_not_reorder(canvas):
    _first, top, bottom = spans(canvas)[0]
    count = canvas.stack.count()
    canvas.click(canvas.at(LANE_HEADER_WIDTH / 2, (top + bottom) / 2))
    assert canvas.stack.count() == count


def test_drag_the_bottom_edge_to_resize(canvas):
    lane, _top, bottom = spans(canvas)[1]
    below = [n for n in canvas.doc.nodes(canvas.d) if n.y > bottom]
    canvas.drag(canvas.at(1500, bottom), canvas.at(1500, bottom + 40))
    assert canvas.doc.get(lane.id).height == lane.height + 40
    for n in below:  # lanes below move down with their nodes
        assert canvas.doc.get(n.id).y == n.y + 40
    canvas.assert_mirrors()


def test_double_click_a_header_to_rename(canvas):
    lane, top, bottom = spans(canvas)[4]
    QTest.mouseDClick(
        canvas.port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        canvas.at(60, (top + bottom) / 2),
    )
    assert canvas.scene.current_editor() is not None
    QTest.keyClicks(canvas.view, "IT and kitchen")
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    assert canvas.doc.get(lane.id).name == "IT and kitchen"
    canvas.assert_mirrors()


def test_add_a_lane(canvas):
    lane_id = canvas.scene.add_lane(2, "Partners")
    assert [x.id for x in canvas.doc.lanes(canvas.d)][2] == lane_id
    canvas.assert_mirrors()


def test_delete_lane_moves_nodes_to_a_neighbour(canvas):
    lane, _, _ = spans(canvas)[3]
    above = spans(canvas)[2][0]
    members = [n.id for n in canvas.doc.nodes(canvas.d) if n.lane_id == lane.id]
    asked = []
    canvas.scene.confirm_lane_delete = lambda ln, n, can: (
        asked.append((ln.id, n)) or "move"
    )
    assert canvas.scene.delete_lane(lane.id)
    assert asked == [(lane.id, len(members))]
    assert lane.id not in canvas.doc
    assert all(canvas.doc.get(i).lane_id == above.id for i in members)
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert lane.id in canvas.doc
    canvas.assert_mirrors()


def test_delete_lane_with_its_nodes_or_cancel(canvas):
    lane, _, _ = spans(canvas)[0]
    members = [n.id for n in canvas.doc.nodes(canvas.d) if n.lane_id == lane.id]
    count = canvas.stack.count()
    canvas.scene.confirm_lane_delete = lambda *_: None
    assert not canvas.scene.delete_lane(lane.id)
    assert lane.id in canvas.doc and canvas.stack.count() == count
    canvas.scene.confirm_lane_delete = lambda *_: "delete"
    assert canvas.scene.delete_lane(lane.id)
    assert not any(i in canvas.doc for i in members)
    canvas.assert_mirrors()


def test_dividing_lines_sit_under_their_lanes(canvas):
    bottoms = {lane.id: b for lane, _, b in spans(canvas)}
    for line in canvas.doc.lines(canvas.d):
        item = canvas.scene._lines[line.id]
        assert item.y == bottoms[line.below_lane_id]
        assert item.label().startswith("Line of")


def test_clicking_an_empty_band_starts_a_rubber_band(canvas):
    _lane, top, bottom = spans(canvas)[4]
    canvas.scene.select_ids([canvas.node("Room").id])
    canvas.click(canvas.at(1500, (top + bottom) / 2))
    assert canvas.scene.selected_ids() == []
