"""Cached pens, brushes, fonts and outline paths for the canvas, built from theme.

Painting thousands of items must not build Qt objects per frame, so everything a
paint method needs comes from these caches, keyed by plain values.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainterPath,
    QPen,
)

from blueprint import layout, theme
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


@lru_cache(maxsize=256)
def blend(top: str, under: str, alpha: float) -> str:
    """The opaque colour of `top` at `alpha` over `under`, as '#rrggbb'."""
    a, b = QColor(top), QColor(under)
    mix = [
        round(x * alpha + y * (1 - alpha))
        for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
    ]
    return QColor(*mix).name()


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
    # theme sizes are diagram units (the report draws them as such): pixel sizes
    # keep text the same size relative to its node on any screen or export device
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # zoom-stable
    return f


@lru_cache(maxsize=32)
def metrics(size: float = theme.LABEL_SIZE, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(size, bold))


def _path(ops: list) -> QPainterPath:
    """A QPainterPath from blueprint.layout's path operations."""
    path = QPainterPath()
    for op in ops:
        code = op[0]
        if code == "M":
            path.moveTo(op[1], op[2])
        elif code == "L":
            path.lineTo(op[1], op[2])
        elif code == "C":
            path.cubicTo(*op[1:7])
        elif code == "Z":
            path.closeSubpath()
    return path


@lru_cache(maxsize=4096)
def outline(shape: str, w: float, h: float) -> QPainterPath:
    """The outline of a node shape in a w x h frame at the origin (as the report
    draws it: the geometry is blueprint.layout's)."""
    return _path(layout.shape_path(shape, layout.Rect(0, 0, w, h), theme.CORNER_RADIUS))


@lru_cache(maxsize=4096)
def decoration(shape: str, w: float, h: float) -> QPainterPath | None:
    """Strokes over a shape: a cylinder's rim, a note's fold, a person's figure."""
    ops = layout.shape_details(shape, layout.Rect(0, 0, w, h))
    return _path(ops) if ops else None


def text_rect(shape: str, w: float, h: float) -> QRectF:
    """The area a node's label may use inside its shape."""
    r = layout.text_box(shape, layout.Rect(0, 0, w, h))
    return QRectF(r.x, r.y, r.w, r.h)
