"""The trainer's own order: edited by keyboard, undoable, saved in the project."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from blueprint.ui.presentation.dialog import PresentationStepsDialog
from blueprint.ui.presentation.sequence import HIDDEN, sequence
from blueprint.ui.presentation.window import PresentationWindow

from .test_present import leave, present, press

K = Qt.Key


def menu_action(window, text: str) -> QAction:
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(text)


def open_dialog(qtbot, window) -> PresentationStepsDialog:
    menu_action(window, "Pr&esentation Steps…").trigger()
    dialog = window.findChild(PresentationStepsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def row_of(dialog, title: str) -> int:
    for row in range(dialog.list.count()):
        if dialog.list.item(row).text().endswith(title):
            return row
    raise AssertionError(title)


def test_reordered_and_hidden_steps_are_saved_undoable_and_reopened(
    qtbot, workspace, prompts, tmp_path
):
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    diagram_id = window.current_diagram_id()
    dialog = open_dialog(qtbot, window)
    names = [lane.name for lane in window.session.document.lanes(diagram_id)]

    # untick the first lane with Space, move the support lane up with Alt+Up
    dialog.list.setFocus()
    dialog.list.setCurrentRow(row_of(dialog, names[0]))
    press(qtbot, dialog, K.Key_Space)
    dialog.list.setCurrentRow(row_of(dialog, names[4]))
    for _ in range(4):
        press(qtbot, dialog, K.Key_Up, Qt.KeyboardModifier.AltModifier)
    press(qtbot, dialog, K.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(PresentationStepsDialog) is None)

    doc = window.session.document
    saved = doc.diagram(diagram_id).presentation
    assert HIDDEN in saved
    expected = [
        "Service blueprint",
        names[4],
        names[1],
        names[2],
        names[3],
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
    ]
    assert [s.title for s in sequence(doc, diagram_id)] == expected
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change presentation steps"

    shown = present(qtbot, window)
    seen = [shown.caption.caption()[0]]
    for _ in expected[1:]:
        press(qtbot, shown, K.Key_Space)
        seen.append(shown.caption.caption()[0])
    assert seen == expected
    leave(qtbot, window, shown)

    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.diagram(diagram_id).presentation == ()
    press(qtbot, window, K.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert doc.diagram(diagram_id).presentation == saved

    path = tmp_path / "class.blueprint"
    prompts.save_paths.append(str(path))
    press(qtbot, window, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.is_file() and not window.session.is_dirty
    window.shutdown(save_state=False)
    reopened = workspace.open_path(str(path))
    assert reopened is not None and reopened is not window
    again = reopened.session.document
    assert again.diagram(diagram_id).presentation == saved
    assert [s.title for s in sequence(again, diagram_id)] == expected


def test_the_stage_walk_and_cancel(qtbot, workspace):
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    diagram_id = window.current_diagram_id()
    doc = window.session.document

    dialog = open_dialog(qtbot, window)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    press(qtbot, dialog, K.Key_Space)  # a change, then Cancel: nothing saved
    press(qtbot, dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(PresentationStepsDialog) is None)
    assert doc.diagram(diagram_id).presentation == ()
    assert window.session.undo_stack.count() == 0

    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.stages_walk, Qt.MouseButton.LeftButton)
    dialog.accept()
    kinds = [s.kind for s in sequence(doc, diagram_id)]
    assert kinds == ["overview", "stage", "stage", "stage", "line", "line", "line"]
    assert window.findChild(PresentationWindow) is None


def test_a_diagram_without_stages_offers_only_the_lane_walk(qtbot, workspace):
    window = workspace.new_project(template="gaps-model")
    qtbot.waitExposed(window)
    dialog = open_dialog(qtbot, window)
    assert not dialog.stages_walk.isEnabled()
    assert dialog.list.count() == len(
        sequence(window.session.document, window.current_diagram_id())
    )
    dialog.reject()
