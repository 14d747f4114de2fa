"""Icons: toolbar glyphs from resources/icons; node kinds drawn like the canvas."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from blueprint import theme
from blueprint.model.notations import NODE_KINDS
from blueprint.resources import resource


@cache
def icon(name: str) -> QIcon:
    """A toolbar or menu icon by name (resources/icons/NAME.svg); empty if missing."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("blueprint")


def shape_path(shape: str, r: QRectF) -> QPainterPath:
    """The outline of a node shape inside r, as the canvas draws it."""
    path = QPainterPath()
    x, y, w, h = r.x(), r.y(), r.width(), r.height()
    if shape == "rounded_rect":
        radius = min(theme.CORNER_RADIUS, w / 4, h / 4)
        path.addRoundedRect(r, radius, radius)
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + w / 2, y),
                    QPointF(x + w, y + h / 2),
                    QPointF(x + w / 2, y + h),
                    QPointF(x, y + h / 2),
                    QPointF(x + w / 2, y),
                ]
            )
        )
    elif shape == "ellipse":
        path.addEllipse(r)
    elif shape == "circle":
        d = min(w, h)
        path.addEllipse(QRectF(x + (w - d) / 2, y + (h - d) / 2, d, d))
    elif shape == "hexagon":
        dx = min(w / 4, h / 2)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + dx, y),
                    QPointF(x + w - dx, y),
                    QPointF(x + w, y + h / 2),
                    QPointF(x + w - dx, y + h),
                    QPointF(x + dx, y + h),
                    QPointF(x, y + h / 2),
                    QPointF(x + dx, y),
                ]
            )
        )
    elif shape == "document":  # a sheet with a wavy lower edge
        wave = h * 0.12
        path.moveTo(x, y)
        path.lineTo(x + w, y)
        path.lineTo(x + w, y + h - wave)
        path.cubicTo(
            x + w * 0.75,
            y + h - 2.5 * wave,
            x + w * 0.25,
            y + h + wave,
            x,
            y + h - wave,
        )
        path.closeSubpath()
    elif shape == "cylinder":
        cap = min(h * 0.18, w * 0.25)
        path.moveTo(x, y + cap / 2)
        path.arcTo(QRectF(x, y, w, cap), 180, -180)
        path.lineTo(x + w, y + h - cap / 2)
        path.arcTo(QRectF(x, y + h - cap, w, cap), 0, -180)
        path.closeSubpath()
        path.addEllipse(QRectF(x, y, w, cap))
    elif shape == "note":  # a sheet with a folded corner
        fold = min(w, h) * 0.25
        path.moveTo(x, y)
        path.lineTo(x + w - fold, y)
        path.lineTo(x + w, y + fold)
        path.lineTo(x + w, y + h)
        path.lineTo(x, y + h)
        path.closeSubpath()
        path.moveTo(x + w - fold, y)
        path.lineTo(x + w - fold, y + fold)
        path.lineTo(x + w, y + fold)
    elif shape == "person":  # head and shoulders
        head = min(w, h) * 0.36
        path.addEllipse(QRectF(x + (w - head) / 2, y, head, head))
        body = QRectF(x + w * 0.12, y + head * 1.05, w * 0.76, h - head * 1.05)
        path.moveTo(body.left(), body.bottom())
        path.lineTo(body.left(), body.top() + body.height() * 0.45)
        path.arcTo(
            QRectF(body.left(), body.top(), body.width(), body.height() * 0.9),
            180,
            -180,
        )
        path.lineTo(body.right(), body.bottom())
        path.closeSubpath()
    else:  # "rect" and anything new
        path.addRect(r)
    return path


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
        painter.drawPath(shape_path(kind.shape, _shape_box(kind.shape, size)))
        if kind_id == "end":  # the end event is a ring
            inner = _shape_box(kind.shape, size).adjusted(
                size * 0.1, size * 0.1, -size * 0.1, -size * 0.1
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shape_path("circle", inner))
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
