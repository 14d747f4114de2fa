"""Palette drops, in-place label editing, keys, clipboard, align and undo."""

from __future__ import annotations

import itertools
import json

from conftest import Canvas
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from blueprint import layout
from blueprint.model import Annotation, GapFinding, new_id
from blueprint.model.factory import add_diagram
from blueprint.model.rules import lane_at
from blueprint.ui.canvas import NODE_KIND_MIME
from blueprint.ui.canvas.actions import CLIP_MIME


def drop_kind(canvas, kind: str, x: float, y: float):
    mime = QMimeData()
    mime.setData(NODE_KIND_MIME, kind.encode("utf-8"))
    pos = canvas.at(x, y)
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.port, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.port, drop)
    return drop


def test_dropping_a_palette_kind_creates_a_snapped_node_in_the_lane(canvas):
    backstage = next(
        lane for lane, _, _ in canvas.scene.lane_spans() if lane.role == "backstage"
    )
    top = next(t for ln, t, _ in canvas.scene.lane_spans() if ln.id == backstage.id)
    before = {n.id for n in canvas.doc.nodes(canvas.d)}
    drop = drop_kind(canvas, "decision", 903, top + 61)
    assert drop.isAccepted()
    (new,) = [n for n in canvas.doc.nodes(canvas.d) if n.id not in before]
    assert new.kind == "decision" and new.lane_id == backstage.id
    assert new.x % 10 == 0 and new.y % 10 == 0
    assert abs(new.x + new.width / 2 - 903) <= 5
    assert canvas.scene.selected_ids() == [new.id]
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert new.id not in canvas.doc
    canvas.assert_mirrors()


def test_drop_below_all_lanes_goes_into_the_last_lane(canvas):
    last, _, bottom = canvas.scene.lane_spans()[-1]
    drop_kind(canvas, "action", 700, bottom + 80)
    node = canvas.doc.get(canvas.scene.selected_ids()[0])
    assert node.lane_id == last.id
    assert lane_at(canvas.doc, canvas.d, node.y + node.height / 2).id == last.id


def test_unknown_kind_is_refused_with_a_message(canvas):
    count = len(canvas.doc.nodes(canvas.d))
    drop_kind(canvas, "spaceship", 700, 200)
    assert len(canvas.doc.nodes(canvas.d)) == count
    assert canvas.messages and "spaceship" in canvas.messages[-1]


def edit(canvas, label: str):
    QTest.mouseDClick(
        canvas.port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        canvas.centre(label),
    )
    editor = canvas.scene.current_editor()
    assert editor is not None and editor.text() == label
    return editor


def test_edit_a_label_in_place_enter_commits(canvas):
    n = canvas.node("Check in")
    edit(canvas, "Check in")
    QTest.keyClicks(canvas.view, "Check in at desk")
    QTest.keyClick(canvas.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(canvas.view, "fast")
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    assert canvas.doc.get(n.id).label == "Check in at desk\nfast"
    assert canvas.scene.current_editor() is None
    canvas.stack.undo()
    assert canvas.doc.get(n.id).label == "Check in"


def test_escape_cancels_editing(canvas):
    n = canvas.node("Room")
    count = canvas.stack.count()
    edit(canvas, "Room")
    QTest.keyClicks(canvas.view, "Suite")
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert canvas.doc.get(n.id) == n and canvas.stack.count() == count


def test_long_labels_are_elided_with_a_tooltip(canvas):
    n = canvas.node("Room")
    text = "A very long label " * 20
    canvas.scene._push("Edit", lambda: canvas.doc.update(n.id, label=text))
    item = canvas.scene.node_item(n.id)
    item._layout()
    lines = [line for _, line in item._lines]
    assert lines[-1].endswith("…") and item.toolTip() == text


def test_arrow_nudges_merge_into_one_step(canvas):
    n = canvas.node("Check out")
    canvas.scene.select_ids([n.id])
    canvas.view.setFocus()
    count = canvas.stack.count()
    for _ in range(3):
        QTest.keyClick(canvas.view, Qt.Key.Key_Right)
    QTest.keyClick(canvas.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    moved = canvas.doc.get(n.id)
    assert (moved.x, moved.y) == (n.x + 3, n.y + 10)
    assert canvas.stack.count() == count + 1
    canvas.stack.undo()
    assert canvas.doc.get(n.id) == n


def test_delete_key_removes_selection_and_its_connectors(canvas):
    n = canvas.node("Check in")
    edges = {e.id for e in canvas.doc.edges_of(n.id)}
    canvas.scene.select_ids([n.id])
    canvas.view.setFocus()
    QTest.keyClick(canvas.view, Qt.Key.Key_Delete)
    assert n.id not in canvas.doc and not any(e in canvas.doc for e in edges)
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert n.id in canvas.doc and all(e in canvas.doc for e in edges)
    canvas.assert_mirrors()


def test_align_and_distribute(canvas):
    ids = [
        canvas.node(x).id for x in ("Hotel exterior", "Check in", "Take bags to room")
    ]
    canvas.scene.select_ids(ids)
    canvas.scene.align("left")
    assert len({canvas.doc.get(i).x for i in ids}) == 1
    canvas.scene.align("vcenter")
    centres = {canvas.doc.get(i).y + canvas.doc.get(i).height / 2 for i in ids}
    assert len(centres) == 1
    canvas.stack.undo()
    canvas.stack.undo()
    ids = [canvas.node(x).id for x in ("Arrive at hotel", "Check in", "Check out")]
    canvas.scene.select_ids(ids)
    canvas.scene.distribute("horizontal")
    xs = sorted((canvas.doc.get(i).x, canvas.doc.get(i).width) for i in ids)
    gaps = [b[0] - (a[0] + a[1]) for a, b in itertools.pairwise(xs)]
    assert abs(gaps[0] - gaps[1]) < 1e-6
    canvas.assert_mirrors()


def test_copy_paste_keeps_edges_between_copied_nodes(canvas):
    names = ("Arrive at hotel", "Check in", "Greet and take bags")
    ids = [canvas.node(x).id for x in names]
    canvas.scene.select_ids(ids)
    clipped = canvas.scene.copy_selection()
    data = json.loads(bytes(QGuiApplication.clipboard().mimeData().data(CLIP_MIME)))
    assert len(data["entities"]) == len(clipped)
    count = canvas.stack.count()
    new = canvas.scene.paste(clipped)
    assert canvas.stack.count() == count + 1 and len(new) == 3
    assert set(canvas.scene.selected_ids()) == set(new)
    inner = [e for e in canvas.doc.edges(canvas.d) if e.source_id in new]
    assert len(inner) == 2 and all(e.target_id in new for e in inner)
    canvas.assert_mirrors()
    canvas.stack.undo()
    assert not any(i in canvas.doc for i in new)
    canvas.assert_mirrors()


def test_paste_into_another_diagram_through_the_clipboard(canvas, qtbot):
    names = ("Check in", "Process registration", "Registration system")
    canvas.scene.select_ids([canvas.node(x).id for x in names])
    canvas.scene.copy_selection()
    add_diagram(canvas.doc, "service-blueprint", "Second")
    other = Canvas(qtbot, canvas.doc, canvas.doc.diagram_named("Second").id)
    new = other.scene.paste_clipboard()
    assert len(new) == 3
    pasted = {canvas.doc.get(i).label: canvas.doc.get(i) for i in new}
    assert set(pasted) == set(names)
    roles = {x: canvas.doc.get(pasted[x].lane_id).role for x in names}
    assert roles == {
        "Check in": "customer",
        "Process registration": "onstage",
        "Registration system": "support",
    }
    edges = canvas.doc.edges(other.d)
    assert len(edges) == 2
    other.assert_mirrors()
    canvas.assert_mirrors()
    other.scene.detach()


def test_duplicate_and_find(canvas):
    canvas.scene.select_ids([canvas.node("Room").id])
    new = canvas.scene.duplicate_selection()
    found = canvas.scene.find("room")
    assert set(new) <= set(found) and canvas.node("Go to room").id in found
    canvas.scene.focus_node(new[0])
    assert canvas.scene.selected_ids() == new
    assert canvas.view.visible_scene_rect().contains(
        canvas.scene.node_item(new[0]).sceneBoundingRect().center()
    )


def test_annotations_show_as_badges(canvas):
    n = canvas.node("Go to room")
    item = canvas.scene.node_item(n.id)
    assert item.gap_badges == []
    note = Annotation(new_id(), canvas.d, "node", n.id, GapFinding(2))
    canvas.scene._push("Add gap", lambda: canvas.doc.add([note]))
    assert item.gap_badges == [2]
    canvas.stack.undo()
    assert item.gap_badges == []


def test_highlight_hook(canvas):
    n = canvas.node("Check in")
    canvas.scene.set_highlight("gaps", {n.id: "#cf222e"})
    assert canvas.scene.node_item(n.id).highlight == "#cf222e"
    assert canvas.scene.highlight_mode == "gaps"
    canvas.scene.set_highlight()
    assert canvas.scene.node_item(n.id).highlight is None


def test_undo_to_the_start_and_redo_to_the_end(canvas):
    start = canvas.doc.state()
    scene = canvas.scene
    drop_kind(canvas, "action", 1300, 180)
    canvas.drag(canvas.centre("Check in"), canvas.centre("Check in") + QPoint(60, 0))
    scene.select_ids([canvas.node("Room").id, canvas.node("Hotel exterior").id])
    scene.paste(scene.copy_selection())
    scene.nudge(0, 10)
    scene.add_lane(1, "Partners")
    scene.select_ids([canvas.node("Prepare food").id])
    scene.delete_selection()
    scene.commit_lane_height(canvas.doc.lanes(canvas.d)[0].id, 200)
    end = canvas.doc.state()
    texts = [canvas.stack.text(i) for i in range(canvas.stack.count())]
    assert canvas.stack.count() == 7, texts
    states = []
    while canvas.stack.canUndo():
        canvas.stack.undo()
        canvas.assert_mirrors()
        states.append(canvas.doc.state())
    assert canvas.doc.state() == start
    while canvas.stack.canRedo():
        canvas.stack.redo()
        canvas.assert_mirrors()
    assert canvas.doc.state() == end


from PySide6.QtCore import QPoint  # noqa: E402


def test_double_click_a_connector_to_label_it(canvas):
    a, b = canvas.node("Go to room"), canvas.node("Check out")
    edge = next(
        e
        for e in canvas.doc.edges(canvas.d)
        if (e.source_id, e.target_id) == (a.id, b.id)
    )
    canvas.scene.settle_routes()
    mx, my = layout.label_anchor(canvas.scene.edge_item(edge.id).points)
    QTest.mouseDClick(
        canvas.port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        canvas.at(mx, my),
    )
    assert canvas.scene.current_editor() is not None
    QTest.keyClicks(canvas.view, "next morning")
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    assert canvas.doc.get(edge.id).label == "next morning"
    assert canvas.scene.edge_item(edge.id).label_rect().width() > 0


def test_rename_a_stage_in_place(canvas):
    stage = canvas.doc.stages(canvas.d)[1]
    editor = canvas.scene.edit_label(stage.id)
    assert editor is not None and editor.text() == stage.name
    QTest.keyClicks(canvas.view, "Overnight")
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    assert canvas.doc.get(stage.id).name == "Overnight"


def test_delete_while_typing_a_label_keeps_the_node(canvas):
    n = canvas.node("Room")
    canvas.scene.select_ids([n.id])
    canvas.scene.edit_label(n.id)
    canvas.scene.delete_selection()  # as a window-wide Delete shortcut would
    canvas.scene.nudge(10, 0)
    assert canvas.doc.get(n.id) == n


def test_straight_routing_and_background_settling(canvas, qtbot):
    a, b = canvas.node("Check out"), canvas.node("Process check-out")
    edge = next(e for e in canvas.doc.edges_of(a.id) if e.target_id == b.id)
    assert len(canvas.scene.edge_item(edge.id).points) > 2  # bent at first
    canvas.scene.set_edge_routing(edge.id, "straight")
    assert canvas.doc.get(edge.id).routing == "straight"
    qtbot.waitUntil(canvas.scene.routes_settled, timeout=3000)
    assert len(canvas.scene.edge_item(edge.id).points) == 2
    canvas.assert_mirrors()
