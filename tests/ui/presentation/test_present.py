"""Presentation mode driven by real keys: F5 in the editor, clicker keys, Esc back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMenuBar, QStatusBar, QToolBar

from blueprint.model.catalogue import GAPS
from blueprint.ui.gallery.examples import open_example
from blueprint.ui.presentation.control import capture
from blueprint.ui.presentation.sequence import sequence
from blueprint.ui.presentation.window import PresentationWindow

K = Qt.Key


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    qtbot.keyClick(widget.focusWidget() or widget, key, modifiers)


def present(qtbot, window) -> PresentationWindow:
    press(qtbot, window, K.Key_F5)
    shown = window.findChild(PresentationWindow)
    assert shown is not None
    qtbot.waitExposed(shown)
    return shown


def leave(qtbot, window, shown) -> None:
    press(qtbot, shown, K.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(PresentationWindow) is None)


def settled(qtbot, window):
    """The editor's state once its docks have found their sizes after showing."""
    state = capture(window)
    for _ in range(20):
        qtbot.wait(50)
        again = capture(window)
        if not again.differences(state):
            return again
        state = again
    raise AssertionError("the editor's layout never settled")


def titles(window) -> list[str]:
    doc = window.session.document
    return [s.title for s in sequence(doc, window.current_diagram_id())]


def test_keys_step_through_a_template_and_esc_restores_the_editor(qtbot, workspace):
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    view, scene = window.current_view(), window.current_scene()
    view.set_zoom(1.7)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 90)
    node = window.session.document.nodes(window.current_diagram_id())[1]
    scene.select_ids([node.id])
    view.setFocus()
    before = settled(qtbot, window)

    shown = present(qtbot, window)
    qtbot.waitUntil(shown.isFullScreen)
    for chrome in (QMenuBar, QToolBar, QDockWidget, QStatusBar):
        assert not shown.findChildren(chrome)
    expected = titles(window)
    assert len(expected) == 1 + 5 + 3  # overview, lanes, lines
    assert shown.caption.caption()[0] == expected[0]

    def at(i: int) -> None:
        assert shown.index == i
        assert shown.caption.caption()[0] == expected[i]
        assert shown.caption.counter.text() == f"{i + 1} / {len(expected)}"

    for key, index in (
        (K.Key_Space, 1),
        (K.Key_Right, 2),
        (K.Key_PageDown, 3),
        (K.Key_Left, 2),
        (K.Key_PageUp, 1),
        (K.Key_Backspace, 0),
        (K.Key_Left, 0),  # nothing before the first step
        (K.Key_End, len(expected) - 1),
        (K.Key_Space, len(expected) - 1),  # nor after the last
        (K.Key_Home, 0),
    ):
        press(qtbot, shown, key)
        at(index)
    # the lanes' step lights its lane and names it in large type
    press(qtbot, shown, K.Key_Right)
    assert shown.view.spots and shown.caption.title.font().pixelSize() >= 20

    leave(qtbot, window, shown)
    assert window.isVisible() and window.menuBar().isVisible()
    after = capture(window)
    assert not after.differences(before)
    assert scene.selected_ids() == [node.id]
    assert abs(view.zoom() - 1.7) < 1e-9
    qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is view


def test_an_example_shows_fail_points_then_each_gap_with_its_definition(
    qtbot, workspace
):
    window = open_example(workspace, "hotel-stay")
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(0)
    doc = window.session.document
    steps = sequence(doc, window.current_diagram_id())
    before = settled(qtbot, window)
    shown = present(qtbot, window)

    first_fail = next(i for i, s in enumerate(steps) if s.kind == "fail_point")
    for _ in range(first_fail):
        press(qtbot, shown, K.Key_PageDown)
    title, text = shown.caption.caption()
    assert title == "Process registration"
    assert "booking may be missing" in text
    node_id = steps[first_fail].id
    assert shown.scene.node_item(node_id).highlight == "#cf222e"

    press(qtbot, shown, K.Key_End)
    assert shown.caption.caption()[0] == GAPS[5].title
    for n in (4, 3, 2, 1):
        press(qtbot, shown, K.Key_Left)
        title, text = shown.caption.caption()
        assert title == GAPS[n].title
        assert text.startswith(GAPS[n].definition)
    press(qtbot, shown, K.Key_Left)
    assert steps[shown.index].kind == "fail_point"
    assert shown.scene.node_item(node_id).highlight is None  # the other one's

    leave(qtbot, window, shown)
    assert not capture(window).differences(before)


def test_the_presented_canvas_cannot_be_edited(qtbot, workspace):
    window = open_example(workspace, "hotel-stay")
    qtbot.waitExposed(window)
    doc = window.session.document
    state = doc.state()
    shown = present(qtbot, window)
    press(qtbot, shown, K.Key_Right)
    view = shown.view
    assert not view.isInteractive()
    node = doc.nodes(window.current_diagram_id())[0]
    item = shown.scene.node_item(node.id)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    port = view.viewport()
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
    )
    QTest.mouseMove(port, start + QPoint(120, 80))
    QTest.mouseRelease(
        port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        start + QPoint(120, 80),
    )
    QTest.mouseDClick(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
    )
    for key in (K.Key_Delete, K.Key_F2, K.Key_A):
        press(qtbot, shown, key)
    assert doc.state() == state
    assert window.session.undo_stack.count() == 0
    assert not shown.scene.selected_ids()
    leave(qtbot, window, shown)


def test_gaps_are_revealed_one_at_a_time(qtbot, workspace):
    window = workspace.new_project(template="gaps-model")
    qtbot.waitExposed(window)
    doc = window.session.document
    gap_edges = {
        e.gap: e.id for e in doc.edges(window.current_diagram_id()) if e.kind == "gap"
    }
    shown = present(qtbot, window)

    def visible() -> set[int]:
        return {n for n, e in gap_edges.items() if shown.scene.edge_item(e).isVisible()}

    assert visible() == set()
    while not shown.step.id.startswith("gap:"):
        press(qtbot, shown, K.Key_Space)
    assert visible() == {1}
    press(qtbot, shown, K.Key_Right)
    assert visible() == {1, 2}
    press(qtbot, shown, K.Key_End)
    assert visible() == {1, 2, 3, 4, 5}
    press(qtbot, shown, K.Key_Home)
    assert visible() == set()
    leave(qtbot, window, shown)


def test_the_pointer_follows_the_mouse_and_fades(qtbot, workspace, monkeypatch):
    monkeypatch.setattr("blueprint.ui.presentation.view.POINTER_IDLE_MS", 60)
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    shown = present(qtbot, window)
    port = shown.view.viewport()
    QTest.mouseMove(port, QPoint(200, 150))
    qtbot.waitUntil(lambda: shown.view.pointer is not None)
    assert shown.view.pointer.toPoint() == QPoint(200, 150)
    QTest.mouseMove(port, QPoint(260, 190))
    qtbot.waitUntil(lambda: shown.view.pointer.toPoint() == QPoint(260, 190))
    qtbot.waitUntil(lambda: shown.view.pointer is None, timeout=2000)
    leave(qtbot, window, shown)


def test_the_clicker_blank_key_blacks_out_and_any_key_returns(qtbot, workspace):
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    shown = present(qtbot, window)
    press(qtbot, shown, K.Key_Right)
    press(qtbot, shown, K.Key_B)
    assert shown.blacked_out
    press(qtbot, shown, K.Key_Space)  # brings the picture back, stays on the step
    assert not shown.blacked_out and shown.index == 1
    press(qtbot, shown, K.Key_Period)
    assert shown.blacked_out
    leave(qtbot, window, shown)  # Esc leaves even from black
