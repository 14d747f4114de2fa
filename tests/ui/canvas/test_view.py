"""Navigation: zoom by wheel, keys and fit; pan by middle drag and Space+drag;
the minimap; grid and snap."""

from __future__ import annotations

from conftest import Canvas
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from blueprint.model import Node, new_id


def wheel(canvas, pos: QPoint, dy: int, mods=Qt.KeyboardModifier.ControlModifier):
    event = QWheelEvent(
        QPointF(pos),
        QPointF(canvas.port.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.port, event)


def test_ctrl_wheel_zooms_around_the_cursor(canvas):
    zooms = []
    canvas.view.zoom_changed.connect(zooms.append)
    pos = canvas.centre("Check in")
    anchor = canvas.view.mapToScene(pos)
    wheel(canvas, pos, 120)
    assert canvas.view.zoom() == 1.25 and zooms == [1.25]
    after = canvas.view.mapToScene(pos)
    assert abs(after.x() - anchor.x()) < 2 and abs(after.y() - anchor.y()) < 2
    wheel(canvas, pos, -240)
    assert abs(canvas.view.zoom() - 1 / 1.25) < 1e-9


def test_plain_wheel_scrolls(canvas):
    bar = canvas.view.verticalScrollBar()
    before = bar.value()
    wheel(canvas, QPoint(300, 300), -120, Qt.KeyboardModifier.NoModifier)
    assert bar.value() > before and canvas.view.zoom() == 1.0


def test_zoom_keys_and_fit(canvas):
    canvas.view.setFocus()
    QTest.keyClick(canvas.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert canvas.view.zoom() == 1.25
    QTest.keyClick(canvas.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.view.zoom() == 1.0
    canvas.view.zoom_to_fit()
    content = canvas.scene.content_rect()
    assert canvas.view.visible_scene_rect().contains(content)
    QTest.keyClick(canvas.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.view.zoom() == 1.0


def test_middle_drag_and_space_drag_pan(canvas):
    h = canvas.view.horizontalScrollBar()
    start = h.value()
    canvas.drag(QPoint(600, 400), QPoint(500, 400), button=Qt.MouseButton.MiddleButton)
    assert h.value() == start + 100
    canvas.view.setFocus()
    QTest.keyPress(canvas.view, Qt.Key.Key_Space)
    count = canvas.stack.count()
    canvas.drag(canvas.centre("Check in"), canvas.centre("Check in") + QPoint(-80, 0))
    QTest.keyRelease(canvas.view, Qt.Key.Key_Space)
    assert h.value() == start + 180
    assert canvas.stack.count() == count  # panned, did not move the node


def test_minimap_shows_for_large_diagrams_and_jumps(canvas, qtbot):
    canvas.view.zoom_to_fit()
    assert not canvas.view.minimap.isVisible()  # all of it is in sight
    lane = canvas.doc.lanes(canvas.d)[0]
    far = Node(new_id(), canvas.d, lane.id, x=6000, y=20)
    canvas.scene._push("Add", lambda: canvas.doc.add([far]))
    canvas.view.zoom_reset()
    assert canvas.view.minimap.isVisible()
    mm = canvas.view.minimap
    qtbot.wait(250)  # the overview redraws a moment after the scene changes
    assert mm.grab().toImage().pixelColor(mm.width() - 8, mm.height() // 2).alpha()
    QTest.mouseClick(
        mm,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(mm.width() - 8, mm.height() // 2),
    )
    assert canvas.view.visible_scene_rect().right() > 5000


def test_snap_can_be_turned_off(canvas):
    canvas.scene.snap_enabled = False
    n = canvas.node("Room")
    canvas.drag(canvas.centre("Room"), canvas.centre("Room") + QPoint(7, 3))
    moved = canvas.doc.get(n.id)
    assert (moved.x - n.x, moved.y - n.y) == (7, 3)
    canvas.scene.grid_visible = False
    assert not canvas.scene.grid_visible


def test_rendering_at_every_zoom_does_not_fail(canvas):
    for zoom in (0.05, 0.2, 0.5, 1.0, 3.0):
        canvas.view.set_zoom(zoom)
        assert not canvas.view.grab().isNull()


def test_scene_follows_a_second_view_of_the_same_document(canvas, qtbot):
    twin = Canvas(qtbot, canvas.doc, canvas.d)
    canvas.scene.select_ids([canvas.node("Room").id])
    canvas.scene.nudge(30, 0)
    twin.assert_mirrors()
    twin.scene.detach()


def test_pinch_zooms(canvas):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    pos = QPointF(canvas.centre("Check in"))
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        QPointF(canvas.port.mapToGlobal(pos.toPoint())),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(canvas.port, event)
    assert canvas.view.zoom() == 1.5
