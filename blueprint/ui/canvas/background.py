"""The scene's background: paper, lane bands and a zoom-aware grid."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter

from blueprint import theme
from blueprint.model.rules import GRID, LANE_HEADER_WIDTH

from . import style

if TYPE_CHECKING:
    from .scene import DiagramScene

GRID_MIN_ZOOM = 0.2  # below this the grid is noise, and costly to draw
GRID_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def draw_background(scene: DiagramScene, painter: QPainter, rect: QRectF) -> None:
    """Paper, lane bands (under the lane items) and grid lines no closer than 10
    pixels, drawn without antialiasing."""
    painter.fillRect(rect, style.color(theme.PAPER))
    for lane, top, bottom in scene._spans:
        band = QRectF(
            LANE_HEADER_WIDTH, top, scene._width - LANE_HEADER_WIDTH, bottom - top
        )
        if band.intersects(rect):
            painter.fillRect(
                band, style.color(theme.LANE_FILL.get(lane.role, "#f8f9fa"))
            )
    scale = painter.worldTransform().m11()
    if not scene._grid_visible or scale < GRID_MIN_ZOOM:
        return
    step = GRID
    for factor in GRID_STEPS:  # never denser than 10 pixels
        step = GRID * factor
        if step * scale >= 10:
            break
    minor_lines: list[QLineF] = []
    major_lines: list[QLineF] = []
    i = math.floor(rect.left() / step)
    while i * step <= rect.right():
        x = i * step
        line = QLineF(x, rect.top(), x, rect.bottom())
        (major_lines if i % 5 == 0 else minor_lines).append(line)
        i += 1
    i = math.floor(rect.top() / step)
    while i * step <= rect.bottom():
        y = i * step
        line = QLineF(rect.left(), y, rect.right(), y)
        (major_lines if i % 5 == 0 else minor_lines).append(line)
        i += 1
    # axis-parallel hairlines need no antialiasing, which costs 10x here
    antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(style.alpha_pen(theme.GRID_DOT, 70))
    painter.drawLines(minor_lines)
    painter.setPen(style.alpha_pen(theme.GRID_DOT, 150))
    painter.drawLines(major_lines)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
