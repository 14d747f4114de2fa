"""Menus, shortcuts and keyboard access; clipboard, find and zoom from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from .helpers import add_from_palette

CTRL = Qt.KeyboardModifier.ControlModifier


def menu_actions(window) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions):
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator():
                found.append(action)

    walk(window.menuBar().actions())
    return found


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


def test_no_two_commands_share_a_shortcut(window):
    seen: dict[str, str] = {}
    for action in window.actions():
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key}: {seen.get(key)} and {action.text()}"
            seen[key] = action.text()
    for key in (
        "Ctrl+N",
        "Ctrl+O",
        "Ctrl+S",
        "Ctrl+Shift+S",
        "Ctrl+W",
        "Ctrl+Q",
        "Ctrl+Z",
        "Ctrl+Y",
        "Ctrl+X",
        "Ctrl+C",
        "Ctrl+V",
        "Ctrl+D",
        "Del",
        "Ctrl+A",
        "Ctrl+F",
        "Ctrl++",
        "Ctrl+-",
        "Ctrl+0",
        "Ctrl+,",
    ):
        assert key in seen, key


def test_every_command_is_in_a_menu_with_a_mnemonic(window):
    in_menus = menu_actions(window)
    for action in window.actions():
        if action.shortcuts():
            assert action in in_menus, action.text()
    for top in window.menuBar().actions():
        assert "&" in top.text()
    for action in in_menus:
        assert (
            "&" in action.text()
            or action.text().startswith("Next")
            or (action.text().startswith("Previous"))
        ), action.text()
    texts = [a.text() for a in window.menuBar().actions()]
    assert texts == ["&File", "&Edit", "&View", "&Diagram", "&Help"]


def inside(widget, kinds) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def test_the_diagram_menu_runs_the_outline_commands(qtbot, window, prompts):
    menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Diagram"][0]
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert not entries["&Delete Diagram…"].isEnabled()  # only one diagram
    prompts.new_diagrams.append(("gaps-model", "Gaps"))
    entries["&Add Diagram…"].trigger()
    doc = window.session.document
    assert [d.name for d in doc.diagrams()] == ["Diagram 1", "Gaps"]
    assert entries["&Delete Diagram…"].isEnabled()
    entries["Move &Up"].trigger()
    assert [d.name for d in doc.diagrams()] == ["Gaps", "Diagram 1"]
    entries["&Rename Diagram"].trigger()
    editor = window.outline.list.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Gaps"


def test_input_widgets_have_accessible_names(window):
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        parent = widget.parentWidget()
        if inside(widget, (QComboBox, QAbstractSpinBox)):
            continue  # the editor or popup list of a spin box or combo box
        if not widget.accessibleName():
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    assert not missing
    for dock in (window.palette, window.outline, window.inspector, window.history):
        assert dock.accessibleName()


def test_edit_commands_follow_the_selection(qtbot, window):
    a = window.actions_
    assert not a.copy.isEnabled() and not a.delete.isEnabled()
    add_from_palette(qtbot, window, "action")
    assert a.copy.isEnabled() and a.cut.isEnabled() and a.delete.isEnabled()
    assert window.selection_label.text() == "1 selected"
    window.current_scene().clearSelection()
    assert not a.copy.isEnabled()
    assert window.selection_label.text() == "No selection"


def test_clipboard_duplicate_delete_and_cut_by_keyboard(qtbot, window):
    doc, diagram_id = window.session.document, window.current_diagram_id()
    add_from_palette(qtbot, window, "action")
    window.current_view().setFocus()
    press(qtbot, window, Qt.Key.Key_C, CTRL)
    press(qtbot, window, Qt.Key.Key_V, CTRL)
    assert len(doc.nodes(diagram_id)) == 2
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert len(doc.nodes(diagram_id)) == 3
    press(qtbot, window, Qt.Key.Key_Delete)
    assert len(doc.nodes(diagram_id)) == 2
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    press(qtbot, window, Qt.Key.Key_X, CTRL)
    assert doc.nodes(diagram_id) == []
    assert window.session.undo_stack.undoText() == "Cut"
    assert window.actions_.undo.text() == "&Undo Cut"
    press(qtbot, window, Qt.Key.Key_V, CTRL)
    assert len(doc.nodes(diagram_id)) == 2


def test_find_selects_each_match_in_turn(qtbot, window):
    scene, doc = window.current_scene(), window.session.document
    ids = [add_from_palette(qtbot, window, "action") for _ in range(3)]
    for i, node_id in enumerate(ids):
        node = doc.get(node_id)
        scene.commit_move({node_id: (node.x + 200 * i, node.y)})
    scene.select_ids([ids[1]])
    window.inspector.node_form.label.setFocus()
    window.inspector.node_form.label.selectAll()
    qtbot.keyClicks(window.inspector.node_form.label, "Pay bill")
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    field = window.actions_.find_field
    assert field.hasFocus()
    qtbot.keyClicks(field, "action")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scene.selected_ids() == [ids[0]]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scene.selected_ids() == [ids[2]]
    press(qtbot, window, Qt.Key.Key_F3)
    assert scene.selected_ids() == [ids[0]]
    field.setText("nothing like it")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "No step matches" in window.statusBar().currentMessage()


def test_zoom_commands_show_in_the_status_bar(qtbot, window):
    view = window.current_view()
    view.setFocus()
    press(qtbot, window, Qt.Key.Key_0, CTRL)
    assert window.zoom_label.text() == "100 %"
    window.actions_.zoom_in.trigger()
    assert window.zoom_label.text() == "125 %"
    window.actions_.zoom_out.trigger()
    window.actions_.zoom_out.trigger()
    assert window.zoom_label.text() == "80 %"
    window.actions_.zoom_fit.trigger()
    assert window.zoom_label.text() == f"{round(view.zoom() * 100)} %"


def test_export_writes_the_current_diagram(qtbot, window, prompts, tmp_path):
    add_from_palette(qtbot, window, "action")
    png, svg = tmp_path / "d.png", tmp_path / "d.svg"
    prompts.save_paths[:] = [str(png), str(svg), str(tmp_path / "no" / "x.png")]
    window.actions_.export_png.trigger()
    window.actions_.export_svg.trigger()
    assert png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in svg.read_bytes()
    window.actions_.export_png.trigger()  # a folder that does not exist
    assert len(prompts.errors) == 1 and str(tmp_path / "no") in prompts.errors[0]
