"""The palette, project outline, inspector and undo history, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from blueprint.model.rules import lane_at
from blueprint.ui.canvas import NODE_KIND_MIME

from .helpers import add_from_palette


def outline_select(window, diagram_id: str) -> None:
    outline = window.outline
    outline.list.setCurrentRow(outline.diagram_ids().index(diagram_id))


# -- palette -------------------------------------------------------------------------


def test_the_palette_offers_the_current_notations_kinds(qtbot, window, prompts):
    assert window.palette.notation == "blank"
    assert "customer" in window.palette.kinds_shown()
    prompts.new_diagrams.append(("service-blueprint", "Hotel"))
    window.outline.add_action.trigger()
    assert window.palette.notation == "service-blueprint"
    assert window.palette.kinds_shown() == [
        "action",
        "evidence",
        "decision",
        "system",
        "start",
        "end",
        "note",
    ]
    window.tabs.setCurrentIndex(0)
    assert window.palette.notation == "blank"


def test_the_palette_search_filters_and_enter_adds_the_first_match(qtbot, window):
    palette = window.palette
    qtbot.keyClicks(palette.search, "cylind")  # no name holds it: nothing
    assert palette.kinds_shown() == []
    palette.search.clear()
    qtbot.keyClicks(palette.search, "DECIS")
    assert palette.kinds_shown() == ["decision"]
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    nodes = window.session.document.nodes(window.current_diagram_id())
    assert [n.kind for n in nodes] == ["decision"]
    assert window.current_scene().selected_ids() == [nodes[0].id]


def test_a_palette_drag_drops_a_node_in_the_lane_under_the_cursor(qtbot, window):
    palette, view = window.palette, window.current_view()
    row = palette.kinds_shown().index("system")
    mime = palette.proxy.mimeData([palette.proxy.index(row, 0)])
    assert bytes(mime.data(NODE_KIND_MIME)).decode("utf-8") == "system"
    doc, diagram_id = window.session.document, window.current_diagram_id()
    lanes = doc.lanes(diagram_id)
    # the middle of the second lane, in viewport coordinates
    target = QPointF(400, lanes[0].height + lanes[1].height / 2)
    pos = view.mapFromScene(target)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        actions,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), drop)
    (node,) = doc.nodes(diagram_id)
    assert node.kind == "system" and node.lane_id == lanes[1].id
    assert lane_at(doc, diagram_id, node.y + node.height / 2).id == lanes[1].id


# -- outline -------------------------------------------------------------------------


def test_add_rename_duplicate_delete_diagrams_each_undoable(qtbot, window, prompts):
    doc, outline = window.session.document, window.outline
    first = doc.diagrams()[0].id
    prompts.new_diagrams.append(("production-system", "Service system"))
    outline.add_action.trigger()
    second = doc.diagram_named("Service system")
    assert second is not None and second.notation == "production-system"
    assert window.current_diagram_id() == second.id  # opened in a tab
    add_from_palette(qtbot, window, "customer")

    # rename by editing the item, as F2 does
    outline_select(window, second.id)
    item = outline.list.currentItem()
    item.setText("Grönroos system")
    assert doc.diagram(second.id).name == "Grönroos system"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Grönroos system"
    item = outline.list.currentItem()
    item.setText("   ")  # refused: a diagram needs a name
    assert prompts.errors and "name" in prompts.errors[-1]
    assert doc.diagram(second.id).name == "Grönroos system"

    outline.duplicate_action.trigger()
    copy = doc.diagram_named("Grönroos system copy")
    assert copy is not None and len(doc.nodes(copy.id)) == 1
    assert window.current_diagram_id() == copy.id

    outline_select(window, copy.id)
    prompts.confirms.append(False)
    outline.delete_action.trigger()
    assert copy.id in doc
    prompts.confirms.append(True)
    outline.delete_action.trigger()
    assert copy.id not in doc
    assert copy.id not in window.open_diagram_ids()  # its tab closed
    assert outline.diagram_ids() == [first, second.id]

    stack = window.session.undo_stack
    stack.undo()
    assert copy.id in doc and outline.diagram_ids()[-1] == copy.id


def test_the_last_diagram_cannot_be_deleted(qtbot, window):
    outline_select(window, window.session.document.diagrams()[0].id)
    assert not window.outline.delete_action.isEnabled()


def test_reorder_diagrams_by_keyboard_and_by_drag(qtbot, window, prompts):
    doc, outline = window.session.document, window.outline
    for name in ("B", "C"):
        prompts.new_diagrams.append(("blank", name))
        outline.add_action.trigger()
    a, b, c = (d.id for d in doc.diagrams())
    outline_select(window, c)
    outline.list.setFocus()
    qtbot.keyClick(
        outline.list,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [d.id for d in doc.diagrams()] == [a, c, b]
    assert outline.diagram_ids() == [a, c, b]

    # drag "a" onto the lower half of the last row
    outline_select(window, a)
    lst = outline.list
    mime = lst.model().mimeData([lst.currentIndex()])
    rect = lst.visualRect(lst.model().index(2, 0))
    pos = QPointF(rect.center().x(), rect.center().y() + rect.height() / 4)
    drop = QDropEvent(
        pos,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    lst.dropEvent(drop)
    assert [d.id for d in doc.diagrams()] == [c, b, a]
    assert outline.diagram_ids() == [c, b, a]
    window.session.undo_stack.undo()
    assert outline.diagram_ids() == [a, c, b]


def test_double_click_opens_a_closed_diagram(qtbot, window):
    diagram_id = window.current_diagram_id()
    window.close_tab(0)
    assert window.tabs.count() == 0 and not window.actions_.paste.isEnabled()
    lst = window.outline.list
    centre = lst.visualItemRect(lst.item(0)).center()
    # a real double click: press and release, then the second press
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_diagram_id() == diagram_id
    assert window.actions_.paste.isEnabled()


# -- inspector -------------------------------------------------------------------------


def test_inspector_edits_flags_times_lane_kind_and_colours(qtbot, window):
    node_id = add_from_palette(qtbot, window, "action")
    doc, form = window.session.document, window.inspector.node_form
    stack = window.session.undo_stack
    assert window.inspector.current_form() is form

    count = stack.count()
    box = form.flags["fail_point"]
    # on the box itself: a wide check box only reacts on its box and text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert doc.get(node_id).fail_point and stack.count() == count + 1

    form.duration.setValue(12.5)
    assert doc.get(node_id).duration == 12.5
    form.duration.setValue(-1)  # the em dash: no duration
    assert doc.get(node_id).duration is None

    lanes = doc.lanes(window.current_diagram_id())
    target = lanes[2]
    form.lane.activated.emit(form.lane.findData(target.id))
    node = doc.get(node_id)
    assert node.lane_id == target.id
    assert lane_at(doc, node.diagram_id, node.y + node.height / 2).id == target.id

    form.kind.activated.emit(form.kind.findData("system"))
    assert doc.get(node_id).kind == "system"

    form.set_colour("fill", "#ff0000")
    assert doc.get(node_id).style.fill == "#ff0000"
    assert form.colours["fill"].text() == "#ff0000"
    form.set_colour("fill", None)
    assert doc.get(node_id).style.fill is None

    stack.undo()
    assert doc.get(node_id).style.fill == "#ff0000"
    assert form.colours["fill"].text() == "#ff0000"  # the form follows undo


def test_inspector_shows_a_connector_and_a_multiple_selection(qtbot, window):
    first = add_from_palette(qtbot, window, "action")
    second = add_from_palette(qtbot, window, "action")
    scene, doc = window.current_scene(), window.session.document
    scene.commit_move({second: (doc.get(first).x + 240, doc.get(first).y)})
    edge_id = scene.commit_connect(first, second)
    scene.select_ids([edge_id])
    form = window.inspector.edge_form
    assert window.inspector.current_form() is form
    assert form.ends.text() == "Action → Action"
    form.kind.activated.emit(form.kind.findData("support"))
    edge = doc.get(edge_id)
    assert edge.kind == "support"
    assert form.form.isRowVisible(form.support_type)
    form.support_type.activated.emit(form.support_type.findData("systems"))
    assert doc.get(edge_id).support_type == "systems"
    form.routing.activated.emit(form.routing.findData("straight"))
    assert doc.get(edge_id).routing == "straight"
    qtbot.keyClicks(form.label, "booking")
    assert doc.get(edge_id).label == "booking"

    scene.select_ids([first, second, edge_id])
    assert window.inspector.current_form() is window.inspector.multi
    assert "3 items selected" in window.inspector.multi.text()
    assert window.selection_label.text() == "3 selected"


def test_inspector_without_selection_edits_the_diagram_and_project(qtbot, window):
    form = window.inspector.diagram_form
    assert window.inspector.current_form() is form
    form.name.selectAll()
    qtbot.keyClicks(form.name, "Journey")
    doc = window.session.document
    assert doc.diagram(window.current_diagram_id()).name == "Journey"
    assert window.tabs.tabText(0) == "Journey"
    assert window.outline.list.item(0).text() == "Journey"
    qtbot.keyClicks(form.project_fields["client"], "City hotel")
    assert doc.project.client == "City hotel"
    assert window.session.undo_stack.count() == 2  # one step per field


def test_history_lists_steps_and_goes_back_to_one(qtbot, window):
    for kind in ("action", "decision", "note"):
        add_from_palette(qtbot, window, kind)
    view = window.history.view
    assert view.model().rowCount() == 4  # the opened project and three steps
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    nodes = window.session.document.nodes(window.current_diagram_id())
    assert [n.kind for n in nodes] == ["action"]
    assert window.session.undo_stack.index() == 1
