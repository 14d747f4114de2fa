"""The Gaps tab driven like a user: add, edit, remove and undo gap annotations on a
step, a connector and the whole diagram; badges follow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from blueprint.model.catalogue import GAPS
from blueprint.ui.annotations.gap_chooser import DEFINITION_ROLE


def test_add_edit_and_undo_a_gap_on_a_step(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("gap")
    s.click_node("Check in")
    node = s.ids["Check in"]
    assert tab.heading.text() == "On step “Check in”"
    assert tab.hint.text() == "No gaps marked here yet." and not tab.list.isVisible()

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    (gap,) = s.annotations("gap", node)
    assert gap.body.gap == 3  # the performance gap is the default at a step
    assert tab.list.count() == 1 and tab.form_frame.isVisible()
    assert tab.definition.text() == GAPS[3].definition
    assert s.scene().node_item(node).gap_badges == [3]  # the canvas badge, live
    tab_bar = s.window.inspector.tabs
    assert tab_bar.tabText(s.ui.tab_index["gap"]) == "Gaps (1)"

    # typing the finding: one undo step for the whole text
    steps = s.stack.count()
    assert QApplication.focusWidget() is tab.finding
    qtbot.keyClicks(tab.finding, "Queue at the desk")
    assert s.doc.get(gap.id).body.finding == "Queue at the desk"
    assert s.stack.count() == steps + 1

    # the cause: a pick from the gap's typical causes, then typed
    tab.cause.setFocus()
    qtbot.keyClick(tab.cause, Qt.Key.Key_Down)
    assert s.doc.get(gap.id).body.cause == GAPS[3].causes[1]
    tab.cause.lineEdit().selectAll()
    qtbot.keyClicks(tab.cause.lineEdit(), "Nobody owns the queue")
    assert s.doc.get(gap.id).body.cause == "Nobody owns the queue"

    # severity, remedy, owner, status
    tab.severity.setFocus()
    qtbot.keyClick(tab.severity, Qt.Key.Key_Up)
    qtbot.keyClick(tab.severity, Qt.Key.Key_Up)
    assert s.doc.get(gap.id).body.severity == 5
    assert tab.severity_chip.text() == "critical"
    qtbot.keyClicks(tab.remedy, "Open a second desk")
    qtbot.keyClicks(tab.owner, "Front office")
    tab.status.setFocus()
    qtbot.keyClick(tab.status, Qt.Key.Key_Down)
    body = s.doc.get(gap.id).body
    assert (body.remedy, body.owner, body.status) == (
        "Open a second desk",
        "Front office",
        "in_progress",
    )
    assert "in progress" in tab.list.item(0).text()

    # the chooser's list names each gap and gives its definition
    for i, g in enumerate(GAPS.values()):
        assert tab.gap.itemText(i) == g.title
        assert tab.gap.itemData(i, DEFINITION_ROLE) == g.definition

    # changing the gap changes the definition and the cause pick-list
    tab.gap.setFocus()
    qtbot.keyClick(tab.gap, Qt.Key.Key_Up)
    assert s.doc.get(gap.id).body.gap == 2
    assert tab.definition.text() == GAPS[2].definition
    assert [tab.cause.itemText(i) for i in range(tab.cause.count())] == list(
        GAPS[2].causes
    )
    assert tab.cause.currentText() == "Nobody owns the queue"  # kept
    assert s.scene().node_item(node).gap_badges == [2]

    # undo walks back through the edits, and the form follows
    s.stack.undo()  # gap 2 -> 3
    assert tab.gap.currentData() == 3 and tab.definition.text() == GAPS[3].definition
    s.stack.undo()  # status
    assert tab.status.currentData() == "open"
    s.stack.undo()  # owner
    assert tab.owner.text() == ""
    s.stack.undo()  # remedy
    assert tab.remedy.toPlainText() == ""
    s.stack.undo()  # severity, both steps merged
    assert tab.severity.value() == 3
    while s.annotations("gap", node):
        s.stack.undo()
    assert tab.list.count() == 0 and not tab.form_frame.isVisible()
    assert s.scene().node_item(node).gap_badges == []
    s.stack.redo()
    assert tab.list.count() == 1
    assert tab_bar.tabText(s.ui.tab_index["gap"]) == "Gaps (1)"


def test_pick_a_gap_from_the_menu_and_remove_it(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("gap")
    s.click_node("Greet")
    node = s.ids["Greet"]
    tab.add_actions[1].trigger()
    tab.add_actions[4].trigger()
    assert [a.body.gap for a in s.annotations("gap", node)] == [1, 4]
    assert tab.list.currentRow() == 1  # the new one is selected for editing
    assert "Listening gap" in tab.add_actions[1].toolTip()
    assert GAPS[1].definition in tab.add_actions[1].toolTip()
    assert s.scene().node_item(node).gap_badges == [1, 4]

    tab.list.setCurrentRow(0)
    assert tab.gap.currentData() == 1
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert [a.body.gap for a in s.annotations("gap", node)] == [4]
    assert tab.gap.currentData() == 4
    s.stack.undo()
    assert [a.body.gap for a in s.annotations("gap", node)] == [1, 4]
    assert tab.list.count() == 2


def test_gaps_on_a_connector_and_on_the_whole_diagram(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("gap")
    edge = s.ids["Arrive->Greet"]
    s.scene().select_ids([edge])
    assert tab.heading.text() == "On connector “Arrive → Greet”"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    (on_edge,) = s.annotations("gap", edge)
    assert on_edge.target_kind == "edge" and on_edge.body.gap == 1

    s.click_empty()
    assert tab.heading.text() == "On the whole diagram “Stay”"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    (whole,) = s.annotations("gap", s.ids["stay"])
    assert whole.target_kind == "diagram" and whole.body.gap == 5

    # several items selected: nothing to annotate
    s.scene().select_ids([s.ids["Arrive"], s.ids["Greet"]])
    assert not tab.content.isVisible()
    assert "Select one step or connector" in tab.hint.text()


def test_a_refused_value_is_marked_and_never_pushed(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("gap")
    s.click_node("Leave")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    steps = s.stack.count()
    tab.owner.setFocus()
    qtbot.keyClicks(tab.owner, "ok")
    QApplication.clipboard().setText("x" * 600)  # owners are at most 500 characters
    qtbot.keyClick(tab.owner, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.owner.property("invalid") is True
    assert "longer than 500" in tab.owner.toolTip()
    (gap,) = s.annotations("gap", s.ids["Leave"])
    assert gap.body.owner == "ok"
    assert s.stack.count() == steps + 1
    tab.owner.selectAll()
    qtbot.keyClicks(tab.owner, "Zoe")  # a valid value clears the mark
    assert tab.owner.property("invalid") is False
    assert s.doc.get(gap.id).body.owner == "Zoe"
    QApplication.clipboard().setText("y" * 600)
    qtbot.keyClick(tab.owner, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.owner, Qt.Key.Key_Tab)  # leaving the field shows the model's
    assert tab.owner.text() == "Zoe" and tab.owner.property("invalid") is False


def test_deleting_the_step_moves_the_tab_to_the_diagram(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("gap")
    s.click_node("Lonely step")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    s.scene().delete_selection()
    assert tab.heading.text() == "On the whole diagram “Stay”"
    s.stack.undo()
    s.click_node("Lonely step")
    assert tab.list.count() == 1
