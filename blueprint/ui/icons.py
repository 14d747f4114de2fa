"""Icons: toolbar glyphs from resources/icons; node kinds drawn like the canvas."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
)

from blueprint import theme
from blueprint.model.notations import NODE_KINDS
from blueprint.resources import resource
from blueprint.ui.canvas import style
from blueprint.ui.themes import themed_icon


@cache
def icon(name: str) -> QIcon:
    """A toolbar or menu icon by name (resources/icons/NAME.svg); empty if missing.
    Glyphs are drawn in the chrome theme's ink, also after the theme changes."""
    path = resource("icons", f"{name}.svg")
    return themed_icon(path) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("blueprint")


def _shape_box(shape: str, size: int) -> QRectF:
    """Where a shape sits in a square icon: wide shapes are wide, people upright."""
    m = size * 0.08
    if shape in ("circle", "person"):
        return QRectF(size * 0.2, m, size * 0.6, size - 2 * m)
    if shape == "diamond":
        return QRectF(m, size * 0.18, size - 2 * m, size * 0.64)
    return QRectF(m, size * 0.2, size - 2 * m, size * 0.6)


@cache
def node_kind_icon(kind_id: str, size: int = 32) -> QIcon:
    """The palette icon of a node kind: its shape in its theme colours."""
    kind = NODE_KINDS[kind_id]
    icon_ = QIcon()
    for scale in (1, 2):  # crisp on high-DPI screens
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(theme.KIND_STROKE), max(1.0, size / 24))
        painter.setPen(pen)
        painter.setBrush(QColor(theme.KIND_FILL.get(kind_id, "#ffffff")))
        box = _shape_box(kind.shape, size)
        # the canvas's own outline and details, so the palette shows what drops
        painter.translate(box.topLeft())
        painter.drawPath(style.outline(kind.shape, box.width(), box.height()))
        detail = style.decoration(kind.shape, box.width(), box.height())
        if detail is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(detail)
        painter.end()
        icon_.addPixmap(pixmap)
    return icon_


@cache
def swatch_icon(colour: str | None, size: int = 16) -> QIcon:
    """A small colour square; a crossed square for 'default'."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.MUTED_INK), 1))
    box = QRectF(1.5, 1.5, size - 3, size - 3)
    if colour is None:
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(QPen(QColor("#cf222e"), 1.2))
        painter.drawLine(box.bottomLeft(), box.topRight())
    else:
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(box, 2, 2)
    painter.end()
    return QIcon(pixmap)


def notation_icon(notation_id: str, size: int = 16) -> QIcon:
    """Outline icon of a diagram: stacked lane colours of its notation."""
    from blueprint.model.notations import NOTATIONS

    notation = NOTATIONS.get(notation_id)
    roles = [lane.role for lane in notation.lanes] if notation else ["other"]
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    band = (size - 2) / max(len(roles), 1)
    for i, role in enumerate(roles):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.LANE_HEADER_FILL.get(role, "#e9ecef")))
        painter.drawRect(QRectF(1, 1 + i * band, size - 2, math.ceil(band)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(theme.MUTED_INK), 1))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2)
    painter.end()
    return QIcon(pixmap)
