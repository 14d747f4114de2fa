"""Charts drawn as vector graphics with real text: quality scorecard and SERVQUAL."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from blueprint import theme
from blueprint.analysis import QualitySummary, ServqualSummary
from blueprint.layout import fit_ellipsis
from blueprint.model.catalogue import SCALE_MAX, SCALE_MIN

from .fonts import BOLD, ITALIC, REGULAR
from .render import colour
from .styles import FAINT, INK, MUTED, RULE, Palette

LABEL_W = 165.0
VALUE_W = 62.0


def _fit(text: str, width: float, font: str, size: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    return fit_ellipsis(text, width, lambda s: stringWidth(s, font, size))


class _ScaleChart(Flowable):
    """Rows against a 1-7 scale: names on the left, bars in the middle, values on
    the right, with a faint grid and axis numbers at the bottom."""

    row_h = 22.0
    axis_h = 16.0

    def __init__(self, rows: int, palette: Palette) -> None:
        super().__init__()
        self.rows, self.palette = rows, palette
        self.width = 0.0
        self.height = self.rows * self.row_h + self.axis_h + 4

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.height

    def x_of(self, value: float) -> float:
        track = self.width - LABEL_W - VALUE_W
        return LABEL_W + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * track

    def grid(self, top: float | None = None) -> None:
        c = self.canv
        top = self.height - 2 if top is None else top
        c.setStrokeColor(colour(RULE))
        c.setLineWidth(0.4)
        c.setFont(REGULAR, 6.8)
        c.setFillColor(colour(MUTED))
        for v in range(SCALE_MIN, SCALE_MAX + 1):
            x = self.x_of(v)
            c.line(x, self.axis_h, x, top)
            c.drawCentredString(x, self.axis_h - 10, str(v))

    def row_base(self, i: int) -> float:
        return self.height - 2 - (i + 1) * self.row_h


class QualityChart(_ScaleChart):
    """Grönroos' six criteria: mean rating (1-7) each, coloured worst to best."""

    def __init__(self, summary: QualitySummary, palette: Palette) -> None:
        self.summary = summary
        super().__init__(len(summary.criteria), palette)

    def draw(self) -> None:
        c = self.canv
        self.grid()
        for i, crit in enumerate(self.summary.criteria):
            y = self.row_base(i)
            c.setFillColor(colour(INK))
            c.setFont(BOLD, 7.8)
            c.drawString(0, y + 10, _fit(crit.name, LABEL_W - 8, BOLD, 7.8))
            c.setFont(ITALIC, 6.6)
            c.setFillColor(colour(MUTED))
            c.drawString(0, y + 2.5, f"{crit.group} quality")
            if crit.mean is None:
                c.setFillColor(colour(FAINT))
                c.rect(
                    self.x_of(1),
                    y + 5,
                    self.x_of(7) - self.x_of(1),
                    9,
                    stroke=0,
                    fill=1,
                )
                c.setFont(ITALIC, 7)
                c.setFillColor(colour(MUTED))
                c.drawString(self.x_of(1) + 4, y + 7.5, "not rated")
                continue
            c.setFillColor(colour(theme.rating_colour(crit.mean)))
            c.rect(
                self.x_of(1),
                y + 4,
                self.x_of(crit.mean) - self.x_of(1),
                11,
                stroke=0,
                fill=1,
            )
            c.setFillColor(colour(INK))
            c.setFont(BOLD, 8)
            right = self.width - VALUE_W + 8
            c.drawString(right, y + 7, f"{crit.mean:.1f}")
            c.setFont(REGULAR, 6.8)
            c.setFillColor(colour(MUTED))
            n = crit.count
            c.drawString(right + 20, y + 7, f"{n} rating{'s' if n != 1 else ''}")


class ServqualChart(_ScaleChart):
    """Expectation and perception per SERVQUAL dimension, with the gap P - E."""

    row_h = 30.0

    def __init__(self, summary: ServqualSummary, palette: Palette) -> None:
        self.summary = summary
        super().__init__(len(summary.dimensions), palette)
        self.height += 14  # the key above the rows

    def draw(self) -> None:
        c = self.canv
        self.grid(self.height - 16)
        key_y = self.height - 9
        x = LABEL_W
        for name, fill in (("Expected", "#afb8c1"), ("Perceived", self.palette.accent)):
            c.setFillColor(colour(fill))
            c.rect(x, key_y, 9, 6, stroke=0, fill=1)
            c.setFillColor(colour(MUTED))
            c.setFont(REGULAR, 7)
            c.drawString(x + 12, key_y, name)
            x += 70
        c.drawString(self.width - VALUE_W + 8, key_y, "Gap P − E")
        for i, dim in enumerate(self.summary.dimensions):
            y = self.row_base(i) - 14
            c.setFillColor(colour(INK))
            c.setFont(BOLD, 7.8)
            c.drawString(0, y + 15, dim.name)
            c.setFont(REGULAR, 6.6)
            c.setFillColor(colour(MUTED))
            n = dim.count
            c.drawString(
                0, y + 6, f"{n} score{'s' if n != 1 else ''}" if n else "not measured"
            )
            if dim.expectation is None or dim.perception is None:
                continue
            left = self.x_of(1)
            c.setFillColor(colour("#afb8c1"))
            c.rect(left, y + 15, self.x_of(dim.expectation) - left, 8, stroke=0, fill=1)
            c.setFillColor(colour(self.palette.accent))
            c.rect(left, y + 5, self.x_of(dim.perception) - left, 8, stroke=0, fill=1)
            c.setFont(REGULAR, 6.5)
            c.setFillColor(colour(MUTED))
            c.drawString(
                self.x_of(dim.expectation) + 3, y + 16.5, f"{dim.expectation:.2f}"
            )
            c.drawString(
                self.x_of(dim.perception) + 3, y + 6.5, f"{dim.perception:.2f}"
            )
            score = dim.score or 0.0
            c.setFillColor(colour("#a40e26" if score < 0 else "#1a7f37"))
            c.setFont(BOLD, 8.5)
            c.drawString(self.width - VALUE_W + 8, y + 10, signed(score))


def signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")
