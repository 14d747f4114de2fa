"""Drawing a Scene on a reportlab canvas: the diagram as vector graphics and text."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from blueprint import theme
from blueprint.layout import Rect, fit_ellipsis
from blueprint.model.rules import LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT

from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from .scene import HEADER_EDGE, Prim, Scene

FACES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}
_COLOURS: dict[str, Color] = {}


def colour(value: str) -> Color:
    found = _COLOURS.get(value)
    if found is None:
        found = _COLOURS[value] = HexColor(value)
    return found


class _Pen:
    """Canvas state that changes only when it must (fewer operators per page);
    widths and dashes arrive in page points and are set in diagram units."""

    def __init__(self, canv: Canvas, scale: float) -> None:
        self.canv = canv
        self.scale = scale
        self.fill: str | None = None
        self.stroke: str | None = None
        self.width: float | None = None
        self.dash: tuple[float, ...] | None = None

    def set(self, prim: Prim) -> None:
        c = self.canv
        if prim.fill and prim.fill != self.fill:
            c.setFillColor(colour(prim.fill))
            self.fill = prim.fill
        if prim.stroke:
            if prim.stroke != self.stroke:
                c.setStrokeColor(colour(prim.stroke))
                self.stroke = prim.stroke
            if prim.width != self.width:
                c.setLineWidth(prim.width / self.scale)
                self.width = prim.width
            if prim.dash != self.dash:
                c.setDash([d / self.scale for d in prim.dash] if prim.dash else [])
                self.dash = prim.dash


def _path(canv: Canvas, prim: Prim):
    p = canv.beginPath()
    for op in prim.ops:
        code = op[0]
        if code == "M":
            p.moveTo(op[1], op[2])
        elif code == "L":
            p.lineTo(op[1], op[2])
        elif code == "C":
            p.curveTo(*op[1:])
        else:
            p.close()
    return p


def _text(canv: Canvas, text: str, face: str, size: float, x: float, y: float):
    """A line of text, upright inside the y-down diagram transform."""
    t = canv.beginText()
    t.setTextTransform(1, 0, 0, -1, x, y)
    t.setFont(FACES[face], size)
    t.textOut(text)
    canv.drawText(t)


def _extents(scene: Scene) -> list[tuple[float, float, float, float]]:
    """Each primitive's (left, top, right, bottom), worked out once per scene
    rather than once per tile."""
    cached = scene.__dict__.get("_extents")
    if cached is None or cached[0] is not scene.prims or cached[1] != len(scene.prims):
        boxes = [p.bbox for p in scene.prims]
        extents = [(b.x, b.y, b.x + b.w, b.y + b.h) for b in boxes]
        cached = scene.__dict__["_extents"] = (scene.prims, len(extents), extents)
    return cached[2]


def draw_scene(
    canv: Canvas, scene: Scene, viewport: Rect, x: float, y: float, scale: float
) -> None:
    """Draw the part of scene inside viewport, clipped to it, with the viewport's
    bottom-left corner at page point (x, y)."""
    canv.saveState()
    canv.translate(x, y + viewport.h * scale)
    canv.scale(scale, -scale)
    canv.translate(-viewport.x, -viewport.y)
    clip = canv.beginPath()
    clip.rect(viewport.x, viewport.y, viewport.w, viewport.h)
    canv.clipPath(clip, stroke=0, fill=0)
    canv.setLineJoin(1)
    pen = _Pen(canv, scale)
    left, top, right, bottom = viewport.x, viewport.y, viewport.right, viewport.bottom
    for prim, (x0, y0, x1, y1) in zip(scene.prims, _extents(scene), strict=True):
        # inclusive, so zero-width lines on a viewport's edge still count
        if x0 > right or left > x1 or y0 > bottom or top > y1:
            continue
        kind = prim.kind
        pen.set(prim)
        stroke, fill = int(bool(prim.stroke)), int(bool(prim.fill))
        if kind == "rect":
            b = prim.bbox
            if prim.radius:
                canv.roundRect(
                    b.x, b.y, b.w, b.h, prim.radius, stroke=stroke, fill=fill
                )
            else:
                canv.rect(b.x, b.y, b.w, b.h, stroke=stroke, fill=fill)
        elif kind == "path":
            canv.drawPath(_path(canv, prim), stroke=stroke, fill=fill)
        elif kind == "line":
            p = canv.beginPath()
            p.moveTo(*prim.points[0])
            for point in prim.points[1:]:
                p.lineTo(*point)
            canv.drawPath(p, stroke=1, fill=0)
        elif kind == "text":
            _text(canv, prim.text, prim.face, prim.size, prim.x, prim.y)
        elif kind == "badge":
            _badge(canv, pen, prim)
    _stage_names(canv, pen, scene, viewport)
    if viewport.x > LANE_HEADER_WIDTH / 2:
        _lane_tags(canv, pen, scene, viewport)
    canv.restoreState()


def _fit(text: str, width: float, face: str, size: float) -> str:
    font = FACES[face]
    if stringWidth(text, font, size) <= width:
        return text
    return fit_ellipsis(text[:300], width, lambda s: stringWidth(s, font, size))


def _stage_names(canv: Canvas, pen: _Pen, scene: Scene, viewport: Rect) -> None:
    """Each stage's name centred in the part of its header this page shows, so a
    tile cut through a stage still names it."""
    size = theme.LANE_TITLE_SIZE
    baseline = -STAGE_HEADER_HEIGHT / 2 - 1 + size * 0.36
    if not viewport.y <= baseline <= viewport.bottom:
        return
    pen.set(Prim("text", viewport, fill=theme.INK))
    for name, left, right in scene.stages:
        left, right = max(left, viewport.x) + 6, min(right, viewport.right) - 6
        if right - left < 24:
            continue
        text = _fit(name, right - left, "bold", size)
        w = stringWidth(text, BOLD, size)
        _text(canv, text, "bold", size, (left + right - w) / 2, baseline)


def _lane_tags(canv: Canvas, pen: _Pen, scene: Scene, viewport: Rect) -> None:
    """Lane names at the left edge of a tile that does not show the headers."""
    size = theme.LINE_LABEL_SIZE
    x = viewport.x + 6
    for name, fill, top, bottom in scene.lanes:
        y = max(top, viewport.y) + 5
        if y + size * 2 > min(bottom, viewport.bottom):
            continue
        text = _fit(name, 180, "bold", size)
        w = stringWidth(text, BOLD, size)
        tag = Rect(x, y, w + 10, size * 1.6)
        pen.set(Prim("rect", tag, fill=fill, stroke=HEADER_EDGE, width=0.5))
        canv.roundRect(tag.x, tag.y, tag.w, tag.h, 3, stroke=1, fill=1)
        pen.set(Prim("text", tag, fill=theme.INK))
        _text(canv, text, "bold", size, x + 5, y + size * 1.15)


def _badge(canv: Canvas, pen: _Pen, prim: Prim) -> None:
    b = prim.bbox
    if prim.radius:
        canv.roundRect(b.x, b.y, b.w, b.h, prim.radius, stroke=1, fill=1)
    else:
        canv.circle(prim.x, prim.y, b.w / 2, stroke=1, fill=1)
    if not prim.text:
        return
    pen.set(Prim("text", b, fill=prim.stroke))
    w = stringWidth(prim.text, FACES[prim.face], prim.size)
    _text(
        canv, prim.text, prim.face, prim.size, prim.x - w / 2, prim.y + prim.size * 0.36
    )
