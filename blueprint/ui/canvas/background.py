"""The scene's background: paper, lane bands and a zoom-aware grid."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from blueprint import theme
from blueprint.model.rules import LANE_HEADER_WIDTH

from . import style

if TYPE_CHECKING:
    from .scene import DiagramScene

GRID_MIN_ZOOM = 0.2  # below this the grid is noise, and costly to draw
GRID_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def draw_background(scene: DiagramScene, painter: QPainter, rect: QRectF) -> None:
    """Paper, lane bands (under the lane items) and a grid no denser than 10
    pixels. The grid is opaque, pre-blended with each band's colour: translucent
    fills cost about 13x as much on the raster engine (27 ms vs 2 ms a frame)."""
    scale = painter.worldTransform().m11()
    grid = scene._grid_visible and scale >= GRID_MIN_ZOOM
    antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(style.NO_PEN)
    regions = [(rect, theme.PAPER)]
    for lane, top, bottom in scene._spans:
        band = QRectF(
            LANE_HEADER_WIDTH, top, scene._width - LANE_HEADER_WIDTH, bottom - top
        ).intersected(rect)
        if not band.isEmpty():
            regions.append((band, theme.LANE_FILL.get(lane.role, "#f8f9fa")))
    step = size = scene.grid_size  # not `grid`: that says whether to draw it
    for factor in GRID_STEPS:
        step = size * factor
        if step * scale >= 10:
            break
    for area, fill in regions:
        painter.fillRect(area, style.color(fill))
        if grid:
            _grid(painter, area, step, 1.0 / scale, fill)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)


def _grid(painter: QPainter, area: QRectF, step: float, px: float, fill: str) -> None:
    """Grid lines as one-pixel rectangles (a fast path), every fifth stronger."""
    minor: list[QRectF] = []
    major: list[QRectF] = []
    top, height = area.top(), area.height()
    i = math.ceil(area.left() / step)
    while i * step < area.right():
        (major if i % 5 == 0 else minor).append(QRectF(i * step, top, px, height))
        i += 1
    left, width = area.left(), area.width()
    i = math.ceil(area.top() / step)
    while i * step < area.bottom():
        (major if i % 5 == 0 else minor).append(QRectF(left, i * step, width, px))
        i += 1
    painter.setBrush(style.brush(style.blend(theme.GRID_DOT, fill, 0.3)))
    painter.drawRects(minor)
    painter.setBrush(style.brush(style.blend(theme.GRID_DOT, fill, 0.6)))
    painter.drawRects(major)
