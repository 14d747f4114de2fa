"""The view keeps the background (paper, lane bands, grid) in a cache, so a drag
frame repaints only items: every change of the background must still show."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsView

from blueprint import theme
from blueprint.ui.canvas import DiagramView
from blueprint.ui.canvas.edge_item import EdgeItem
from blueprint.ui.canvas.node_item import NodeItem
from blueprint.ui.commands import DocumentCommand


def shown(canvas) -> QImage:
    """The viewport as the user sees it: painted through its paint event."""
    return canvas.port.grab().toImage()


def colour_at(canvas, x: float, y: float) -> QColor:
    p = canvas.at(x, y)
    return QColor(shown(canvas).pixel(p.x(), p.y()))


def clear_x(canvas, y: float) -> float:
    """An x in the view, between grid lines, where nothing but the band is drawn
    around (x, y)."""
    for x in range(1305, 300, -10):
        around = canvas.scene.items(QRectF(x - 3, y - 3, 6, 6))
        if not [i for i in around if isinstance(i, NodeItem | EdgeItem)]:
            return x
    raise AssertionError(f"no clear spot at y={y}")


def uncached_twin(canvas, qtbot) -> DiagramView:
    """A second view of the same scene, at the same place, drawing everything anew."""
    twin = DiagramView(canvas.scene)
    qtbot.addWidget(twin)
    twin.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    twin.resize(canvas.view.size())
    twin.show()
    qtbot.waitExposed(twin)
    twin.setTransform(canvas.view.transform())
    twin.horizontalScrollBar().setValue(canvas.view.horizontalScrollBar().value())
    twin.verticalScrollBar().setValue(canvas.view.verticalScrollBar().value())
    return twin


def test_the_background_is_cached(canvas):
    assert canvas.view.cacheMode() & QGraphicsView.CacheModeFlag.CacheBackground


def test_a_resized_lane_repaints_its_band_and_undo_restores_it(canvas):
    spans = canvas.scene.lane_spans()
    (upper, _, bottom), (lower, _, _) = spans[1], spans[2]
    upper_fill = QColor(theme.LANE_FILL[upper.role])
    lower_fill = QColor(theme.LANE_FILL[lower.role])
    assert upper_fill != lower_fill
    y = bottom + 15
    x = clear_x(canvas, y)
    assert colour_at(canvas, x, y) == lower_fill

    canvas.drag(canvas.at(x, bottom), canvas.at(x, bottom + 40))
    assert canvas.doc.get(upper.id).height == upper.height + 40
    assert colour_at(canvas, x, y) == upper_fill
    canvas.stack.undo()
    assert colour_at(canvas, x, y) == lower_fill


def test_a_lane_given_another_role_repaints_its_band_in_place(canvas):
    lane, top, bottom = canvas.scene.lane_spans()[1]
    other = next(r for r in theme.LANE_FILL if r != lane.role)
    assert theme.LANE_FILL[other] != theme.LANE_FILL[lane.role]
    y = (top + bottom) // 20 * 10 + 5  # between grid lines
    x = clear_x(canvas, y)
    assert colour_at(canvas, x, y) == QColor(theme.LANE_FILL[lane.role])
    rect = canvas.scene.sceneRect()

    canvas.stack.push(
        DocumentCommand(
            canvas.doc, "Lane role", lambda: canvas.doc.update(lane.id, role=other)
        )
    )
    assert canvas.scene.sceneRect() == rect  # no geometry changed with it
    assert colour_at(canvas, x, y) == QColor(theme.LANE_FILL[other])
    canvas.stack.undo()
    assert colour_at(canvas, x, y) == QColor(theme.LANE_FILL[lane.role])


def test_turning_the_grid_off_and_on_shows_at_once(canvas):
    lane, top, _ = canvas.scene.lane_spans()[1]
    fill = QColor(theme.LANE_FILL[lane.role])
    y = top + 30  # on a grid line
    x = clear_x(canvas, y)
    assert colour_at(canvas, x, y) != fill
    canvas.scene.grid_visible = False
    assert colour_at(canvas, x, y) == fill
    canvas.scene.grid_visible = True
    assert colour_at(canvas, x, y) != fill


def test_after_scrolling_and_zooming_the_view_shows_what_a_fresh_view_draws(
    canvas, qtbot
):
    view = canvas.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 137)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() - 61)
    view.set_zoom(0.8, QPointF(300, 200))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 45)
    shown(canvas)  # paints (and fills the cache) at this place
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 90)
    twin = uncached_twin(canvas, qtbot)
    assert twin.mapToScene(QPoint(0, 0)) == view.mapToScene(QPoint(0, 0))
    assert shown(canvas) == twin.viewport().grab().toImage()
