"""Cached pens, brushes, fonts and outline paths for the canvas, built from theme.

Painting thousands of items must not build Qt objects per frame, so everything a
paint method needs comes from these caches, keyed by plain values.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainterPath,
    QPen,
    QPolygonF,
)

from blueprint import theme
from blueprint.resources import resource

DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine}
DEFAULT_NODE_SIZE: dict[str, tuple[float, float]] = {
    "start": (50.0, 50.0),
    "end": (50.0, 50.0),
    "decision": (120.0, 80.0),
    "customer": (100.0, 90.0),
    "contact_personnel": (100.0, 90.0),
    "other_customers": (100.0, 90.0),
    "segment": (100.0, 90.0),
    "note": (140.0, 70.0),
    "system": (120.0, 70.0),
    "frame": (220.0, 80.0),
}
_fonts_loaded = False


def ensure_fonts() -> None:
    """Register the bundled DejaVu fonts so canvas, export and PDF share a face."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    for name in theme.FONT_FILES.values():
        try:
            path = resource("fonts", name)
        except FileNotFoundError:
            return
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


@lru_cache(maxsize=256)
def color(value: str) -> QColor:
    return QColor(value)


@lru_cache(maxsize=512)
def pen(
    value: str, width: float = 1.0, dash: str = "solid", cosmetic: bool = True
) -> QPen:
    p = QPen(color(value), width)
    p.setCosmetic(cosmetic)  # same thickness at every zoom: crisp lines
    if dash == "dot":
        p.setStyle(Qt.PenStyle.CustomDashLine)
        p.setDashPattern([1.0, 2.5])
    else:
        p.setStyle(DASHES.get(dash, Qt.PenStyle.SolidLine))
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setCapStyle(Qt.PenCapStyle.RoundCap if dash == "dot" else Qt.PenCapStyle.FlatCap)
    return p


@lru_cache(maxsize=512)
def brush(value: str, alpha: int = 255) -> QBrush:
    c = QColor(value)
    c.setAlpha(alpha)
    return QBrush(c)


@lru_cache(maxsize=64)
def alpha_pen(value: str, alpha: int, width: float = 1.0) -> QPen:
    c = QColor(value)
    c.setAlpha(alpha)
    p = QPen(c, width)
    p.setCosmetic(True)
    return p


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


@lru_cache(maxsize=32)
def font(size: float = theme.LABEL_SIZE, bold: bool = False) -> QFont:
    ensure_fonts()
    f = QFont(theme.FONT_FAMILY)
    # Sizes are points at 96 dpi turned into diagram units, so a label is as big
    # relative to its node on screen, in PNG/SVG export and in the PDF report.
    f.setPixelSize(max(1, round(size * 96 / 72)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # zoom-stable
    return f


@lru_cache(maxsize=32)
def metrics(size: float = theme.LABEL_SIZE, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(size, bold))


@lru_cache(maxsize=4096)
def outline(shape: str, w: float, h: float) -> QPainterPath:
    """The outline of a node shape in a w x h frame at the origin."""
    path = QPainterPath()
    r = QRectF(0, 0, w, h)
    if shape == "rounded_rect":
        rad = min(theme.CORNER_RADIUS, w / 4, h / 4)
        path.addRoundedRect(r, rad, rad)
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(w / 2, 0),
                    QPointF(w, h / 2),
                    QPointF(w / 2, h),
                    QPointF(0, h / 2),
                    QPointF(w / 2, 0),
                ]
            )
        )
    elif shape == "ellipse":
        path.addEllipse(r)
    elif shape == "circle":
        d = min(w, h)
        path.addEllipse(QRectF((w - d) / 2, (h - d) / 2, d, d))
    elif shape == "document":
        wave = min(h * 0.12, 10)
        path.moveTo(0, 0)
        path.lineTo(w, 0)
        path.lineTo(w, h - wave)
        path.cubicTo(w * 0.75, h - 2.5 * wave, w * 0.5, h + wave, 0, h - wave)
        path.closeSubpath()
    elif shape == "cylinder":
        cap = min(h * 0.2, 14)
        path.moveTo(0, cap / 2)
        path.arcTo(QRectF(0, 0, w, cap), 180, -180)
        path.lineTo(w, h - cap / 2)
        path.arcTo(QRectF(0, h - cap, w, cap), 0, -180)
        path.closeSubpath()
    elif shape == "hexagon":
        dx = min(w * 0.18, h / 2)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(dx, 0),
                    QPointF(w - dx, 0),
                    QPointF(w, h / 2),
                    QPointF(w - dx, h),
                    QPointF(dx, h),
                    QPointF(0, h / 2),
                    QPointF(dx, 0),
                ]
            )
        )
    elif shape == "note":
        fold = min(14.0, w / 4, h / 4)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(0, 0),
                    QPointF(w - fold, 0),
                    QPointF(w, fold),
                    QPointF(w, h),
                    QPointF(0, h),
                    QPointF(0, 0),
                ]
            )
        )
    else:  # rect, person (a card with a figure drawn inside)
        rad = min(3.0, w / 4, h / 4)
        path.addRoundedRect(r, rad, rad)
    return path


@lru_cache(maxsize=4096)
def decoration(shape: str, w: float, h: float) -> QPainterPath | None:
    """Extra strokes inside a shape: a cylinder's top rim, a note's fold, a
    person's figure."""
    path = QPainterPath()
    if shape == "cylinder":
        cap = min(h * 0.2, 14)
        path.moveTo(0, cap / 2)
        path.arcTo(QRectF(0, 0, w, cap), 180, 180)
    elif shape == "note":
        fold = min(14.0, w / 4, h / 4)
        path.moveTo(w - fold, 0)
        path.lineTo(w - fold, fold)
        path.lineTo(w, fold)
    elif shape == "person":
        s = min(22.0, h * 0.35)
        cx, top = w / 2, 5.0
        path.addEllipse(QRectF(cx - s * 0.22, top, s * 0.44, s * 0.44))
        path.moveTo(cx - s * 0.45, top + s)
        path.arcTo(QRectF(cx - s * 0.45, top + s * 0.5, s * 0.9, s), 180, -180)
    else:
        return None
    return path


def person_text_top(h: float) -> float:
    """Where a person card's label starts, below its figure."""
    return 5.0 + min(22.0, h * 0.35) + 4.0


def text_rect(shape: str, w: float, h: float) -> QRectF:
    """The area a node's label may use inside its shape."""
    pad = theme.NODE_PADDING
    if shape in ("diamond", "ellipse", "circle", "hexagon"):
        # the inscribed rectangle of a diamond/ellipse is about 70 % of the frame
        k = (
            0.5
            if shape == "diamond"
            else (1 / math.sqrt(2) if shape != "hexagon" else 0.8)
        )
        d = min(w, h) if shape == "circle" else None
        iw, ih = (d * k, d * k) if d else (w * k, h * k)
        return QRectF((w - iw) / 2 + 2, (h - ih) / 2, max(iw - 4, 4), max(ih, 4))
    if shape == "person":
        top = person_text_top(h)
        return QRectF(pad, top, max(w - 2 * pad, 4), max(h - top - 3, 4))
    if shape == "cylinder":
        cap = min(h * 0.2, 14)
        return QRectF(pad, cap, max(w - 2 * pad, 4), max(h - cap * 1.5, 4))
    return QRectF(pad, pad / 2, max(w - 2 * pad, 4), max(h - pad, 4))
