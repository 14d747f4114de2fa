"""The diagram pages: the drawing on a landscape page (or tiles of it) with a legend."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from blueprint import theme
from blueprint.layout import TilePlan, plan_tiles
from blueprint.model import NOTATIONS
from blueprint.model.catalogue import EDGE_KINDS, LINE_KINDS, NODE_FLAGS

from .context import FACES, Context
from .fonts import BOLD, REGULAR
from .para import Paragraph
from .render import colour, draw_scene
from .scene import DASHES, Scene, build_scene
from .styles import MUTED, RULE, mix
from .template import Heading
from .text import markup, short

MIN_LABEL_PT = 6.0  # labels are never printed smaller than this
MIN_SCALE = MIN_LABEL_PT / theme.LABEL_SIZE
MAX_SCALE = 1.0  # small diagrams keep their canvas size rather than balloon
LEGEND_H = 34.0
LEGEND_ROWS = (17.0, 5.0)  # baselines of the legend's two rows
HEADING_ALLOWANCE = 62.0  # kicker, title and meta line above the drawing
OVERLAP = 28.0  # points of drawing repeated on neighbouring tiles
MAX_TILES = 60


def measure(text: str, face: str, size: float) -> float:
    return stringWidth(text, FACES[face], size)


class DiagramFlowable(Flowable):
    """One page's view of a diagram: the drawing fills the frame above a legend."""

    def __init__(self, scene: Scene, plan: TilePlan, index: int, accent: str) -> None:
        super().__init__()
        self.scene, self.plan, self.index, self.accent = scene, plan, index, accent
        self.width = self.height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, ah
        return aw, ah

    def draw(self) -> None:
        canv, plan = self.canv, self.plan
        vp = plan.viewports[self.index]
        area_w, area_h = self.width, self.height - LEGEND_H
        scale = min(plan.scale, area_w / vp.w, area_h / vp.h)
        w, h = vp.w * scale, vp.h * scale
        x = 0.0 if plan.tiled else (area_w - w) / 2
        y = LEGEND_H + area_h - h
        draw_scene(canv, self.scene, vp, x, y, scale)
        if plan.tiled:
            self._overlaps(x, y, w, h, scale)
        self._legend(area_w)

    def _overlaps(self, x: float, y: float, w: float, h: float, scale: float) -> None:
        """Dashed lines where the neighbouring tiles' views begin, named, and
        corner marks, so printed tiles can be trimmed and joined."""
        canv, plan, i = self.canv, self.plan, self.index
        vp = plan.viewports[i]
        row, col = divmod(i, plan.columns)
        canv.saveState()
        # light enough not to compete with the diagram's own lines
        canv.setStrokeColor(colour(mix(self.accent, "#ffffff", 0.45)))
        canv.setFillColor(colour(self.accent))
        canv.setLineWidth(0.5)
        canv.setDash([2, 3])
        canv.setFont(BOLD, 6.5)
        marks = []
        if col + 1 < plan.columns:
            nx = x + (plan.viewports[i + 1].x - vp.x) * scale
            marks.append((nx, y, nx, y + h, f"{plan.name(i + 1)} →", nx + 2, y + h - 8))
        if col > 0:
            px = x + (plan.viewports[i - 1].right - vp.x) * scale
            marks.append(
                (px, y, px, y + h, f"← {plan.name(i - 1)}", px - 30, y + h - 8)
            )
        if row + 1 < plan.rows:
            ny = y + h - (plan.viewports[i + plan.columns].y - vp.y) * scale
            marks.append(
                (x, ny, x + w, ny, f"↓ {plan.name(i + plan.columns)}", x + 4, ny - 8)
            )
        if row > 0:
            py = y + h - (plan.viewports[i - plan.columns].bottom - vp.y) * scale
            marks.append(
                (x, py, x + w, py, f"↑ {plan.name(i - plan.columns)}", x + 4, py + 3)
            )
        for x0, y0, x1, y1, label, tx, ty in marks:
            canv.line(x0, y0, x1, y1)
            canv.drawString(tx, ty, label)
        canv.setDash([])
        canv.setStrokeColor(colour(MUTED))
        for cx, cy, dx, dy in (
            (x, y, -1, -1),
            (x + w, y, 1, -1),
            (x, y + h, -1, 1),
            (x + w, y + h, 1, 1),
        ):
            canv.line(cx + dx * 3, cy, cx + dx * 10, cy)
            canv.line(cx, cy + dy * 3, cx, cy + dy * 10)
        canv.restoreState()

    def _legend(self, width: float) -> None:
        """Markers, lines and connector kinds used in this diagram, explained."""
        canv, scene = self.canv, self.scene
        canv.saveState()
        canv.setStrokeColor(colour(RULE))
        canv.setLineWidth(0.5)
        canv.line(0, LEGEND_H - 7, width, LEGEND_H - 7)
        canv.setFont(BOLD, 7)
        canv.setFillColor(colour(MUTED))
        canv.drawString(0, LEGEND_ROWS[0], "LEGEND")
        limit = width - (110 if self.plan.tiled else 0)
        items: list[tuple[str, str, str, str]] = []
        for marker in scene.markers:
            if marker == "gap":
                items.append(("tag", "G3", theme.GAP_BADGE, "Gap finding (gap number)"))
            elif marker == "quality":
                items.append(
                    ("dots", "", theme.INK, "Quality rating (1 red to 7 green)")
                )
            else:
                letter, col = theme.FLAG_BADGES[marker]
                items.append(("disc", letter, col, NODE_FLAGS[marker].name))
        for kind in scene.line_kinds:
            col, dash = theme.LINE_STYLE[kind]
            items.append(("line", dash, col, LINE_KINDS[kind].name))
        for kind in scene.edge_kinds:
            col, dash = theme.EDGE_STYLE.get(kind, (theme.EDGE_INK, "solid"))
            items.append(("arrow", dash, col, f"{EDGE_KINDS[kind].name} connector"))
        row, x = 0, 42.0
        for shape, text, col, name in items:
            need = 28 + stringWidth(name, REGULAR, 7)
            if x + need > limit:
                row, x = row + 1, 42.0
                if row == len(LEGEND_ROWS):
                    break
            x = self._legend_item(x, LEGEND_ROWS[row], shape, text, col, name) + 14
        if not items:
            canv.setFont(REGULAR, 7)
            canv.drawString(
                42, LEGEND_ROWS[0], "No markers, dividing lines or connectors yet."
            )
        if self.plan.tiled:
            self._locator(width, LEGEND_ROWS[0])
        canv.restoreState()

    def _legend_item(
        self, x: float, y: float, shape: str, text: str, col: str, name: str
    ) -> float:
        canv = self.canv
        canv.setFillColor(colour(col))
        canv.setStrokeColor(colour(col))
        if shape == "dots":
            for i, rating in enumerate((2, 4, 6)):
                canv.setFillColor(colour(theme.rating_colour(rating)))
                canv.circle(x + 4 + i * 9, y + 2.5, 3.5, stroke=0, fill=1)
            end = x + 28
        elif shape in ("disc", "tag"):
            if shape == "disc":
                canv.circle(x + 5, y + 2.5, 5, stroke=0, fill=1)
                mid, end = x + 5, x + 14
            else:
                canv.roundRect(x, y - 2.5, 16, 10, 2.5, stroke=0, fill=1)
                mid, end = x + 8, x + 20
            canv.setFillColor(colour("#ffffff"))
            canv.setFont(BOLD, 5.8)
            canv.drawCentredString(mid, y + 0.6, text)
        else:
            canv.setLineWidth(1.4 if shape == "line" else 1.0)
            canv.setDash(list(DASHES[text]) if DASHES[text] else [])
            canv.line(x, y + 2.5, x + 20, y + 2.5)
            canv.setDash([])
            if shape == "arrow":
                p = canv.beginPath()
                p.moveTo(x + 24, y + 2.5)
                p.lineTo(x + 18, y + 5)
                p.lineTo(x + 18, y)
                p.close()
                canv.drawPath(p, stroke=0, fill=1)
            end = x + 28
        canv.setFillColor(colour(MUTED))
        canv.setFont(REGULAR, 7)
        canv.drawString(end, y, name)
        return end + stringWidth(name, REGULAR, 7)

    def _locator(self, width: float, y: float) -> None:
        """A small map of the tiles with this page's tile filled."""
        plan, canv = self.plan, self.canv
        gap = 1.5
        cell_h = min(6.0, (LEGEND_H - 10) / plan.rows - gap)
        cell_w = min(9.0, 70 / plan.columns - gap)
        left = width - plan.columns * (cell_w + gap)
        top = LEGEND_H - 10
        canv.setFont(BOLD, 7)
        canv.setFillColor(colour(MUTED))
        canv.drawRightString(left - 5, y, f"Part {plan.name(self.index)}")
        for i in range(len(plan.viewports)):
            row, col = divmod(i, plan.columns)
            cx = left + col * (cell_w + gap)
            cy = top - (row + 1) * (cell_h + gap)
            canv.setFillColor(colour(self.accent if i == self.index else RULE))
            canv.rect(cx, cy, cell_w, cell_h, stroke=0, fill=1)


def _plan(scene: Scene, frame: tuple[float, float]) -> TilePlan:
    """Tiles at a legible scale; a diagram that would need more than MAX_TILES
    pages (nodes placed absurdly far apart) is drawn smaller instead."""
    width, height = frame
    room = height - HEADING_ALLOWANCE - LEGEND_H
    least = MIN_SCALE
    plan = plan_tiles(scene.bounds, width, room, least, MAX_SCALE, OVERLAP)
    while len(plan.viewports) > MAX_TILES:
        least *= 0.7
        plan = plan_tiles(scene.bounds, width, room, least, MAX_SCALE, OVERLAP)
    return plan


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _meta(ctx: Context, diagram_id: str) -> str:
    c = ctx.analyses[diagram_id].counts
    parts = [
        _count(c.nodes, "step or element", "steps and elements"),
        _count(c.edges, "connector", "connectors"),
    ]
    for n, one, many in (
        (c.moments_of_truth, "moment of truth", "moments of truth"),
        (c.fail_points, "fail point", "fail points"),
        (c.wait_points, "wait point", "wait points"),
    ):
        if n:
            parts.append(_count(n, one, many))
    return " · ".join(parts)


def diagram_pages(
    ctx: Context, diagram_id: str, larger: bool = False
) -> tuple[list[Flowable], TilePlan]:
    """The landscape page(s) of one diagram: title, drawing and legend. A diagram
    too large for one page is tiled or, with larger, put on the larger page size
    (and tiled there only if it is still too large)."""
    diagram = ctx.doc.diagram(diagram_id)
    scene = build_scene(ctx.doc, diagram_id, measure)
    template = "wide"
    plan = _plan(scene, ctx.wide_frame)
    if plan.tiled and larger:
        template, plan = "larger", _plan(scene, ctx.larger_frame)
    if plan.scale < MIN_SCALE:
        size = plan.scale * theme.LABEL_SIZE
        ctx.warnings.append(
            f"diagram {diagram.name!r} is too large for {MAX_TILES} "
            f"pages; its labels are printed at {size:.1f} pt"
        )
    notation = NOTATIONS[diagram.notation].name
    out: list[Flowable] = [NextPageTemplate(template), PageBreak()]
    out += ctx.heading(diagram.name, kicker=notation)
    meta = _meta(ctx, diagram_id)
    if plan.tiled:
        meta += (
            f" · printed on {len(plan.viewports)} pages ({plan.columns} × "
            f"{plan.rows}) at {plan.scale:.0%} so labels stay readable"
        )
    out.append(Paragraph(markup(meta), ctx.styles.muted))
    if not ctx.doc.nodes(diagram_id):
        out.append(
            Paragraph(
                "This diagram has no steps yet: its lanes are shown empty.",
                ctx.styles.muted,
            )
        )
    for i in range(len(plan.viewports)):
        if i:
            out.append(PageBreak())
            part = f"part {plan.name(i)} of {len(plan.viewports)}"
            title = f"{short(diagram.name, 90)} — {part}"
            out.append(Heading(markup(title), ctx.styles.h2, 1, title, contents=False))
        out.append(DiagramFlowable(scene, plan, i, ctx.palette.accent_text))
    out.append(NextPageTemplate("body"))
    return out, plan


def no_diagrams(ctx: Context) -> list[Flowable]:
    """What the diagrams section says when the project has none."""
    return [
        PageBreak(),
        *ctx.heading("Diagrams"),
        Paragraph(
            "This project has no diagrams yet: add a service blueprint or "
            "another model to see it drawn here.",
            ctx.styles.muted,
        ),
    ]
