"""Table building blocks: full-width tables that split well, headers, chips."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from blueprint import theme

from .context import Context
from .fonts import BOLD
from .para import Paragraph
from .render import colour
from .text import markup


def minutes(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g} min" if value < 600 else f"{value / 60:.1f} h"


def _measured(availWidth: float, availHeight: float) -> None:
    """Table._calc for a table already measured for this space."""


class ReportTable(Table):
    """A Table that keeps its measurements while the space it is given stays the
    same."""

    # The second layout pass meets every table in the place the first one did
    # (only the contents pages change, and the next section starts on a new
    # page), so a long table's page-by-page splits are worked out once: each
    # split remembers its pieces for the space it was split in, and wrapping again
    # in the space last wrapped in keeps the measurements already made.

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = (availWidth, availHeight)
        if getattr(self, "_wrapped_in", None) == key:
            return self._width, self._height
        self._wrapped_in = None  # in case super() fails half-way
        size = super().wrap(availWidth, availHeight)
        self._wrapped_in = key
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        key = (availWidth, availHeight)
        splits = self.__dict__.setdefault("_splits", {})
        if key not in splits:
            measured = getattr(self, "_wrapped_in", None) == key
            self._wrapped_in = None  # in case super() fails half-way
            if measured:  # frames split right after wrapping in the same space
                self._calc = _measured
            try:
                splits[key] = super().split(availWidth, availHeight)
            finally:
                self.__dict__.pop("_calc", None)
            # split measured the table for this space as wrap would have (and
            # left it so: its pieces are new tables)
            self.availWidth, self._wrapped_in = availWidth, key
        return list(splits[key])


class CellParagraph(Paragraph):
    """A table cell's Paragraph that remembers its line breaks for the last width:
    a long table is wrapped again each time it splits at a page end, and again in
    the second layout pass, always at its columns' widths."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # split() may drop blPara (a paragraph pushed on whole): wrap anew then
        if getattr(self, "_wrapped_at", None) == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


def _cache_wraps(rows: list[list]) -> None:
    # cells hold a Paragraph or a list of them; their class is swapped rather
    # than every module building CellParagraphs (same content, same drawing)
    for row in rows:
        for value in row:
            for item in value if isinstance(value, list | tuple) else (value,):
                if type(item) is Paragraph:
                    item.__class__ = CellParagraph


def table(
    ctx: Context, rows: list[list], widths: Sequence[float], *, extra=()
) -> Table:
    """A full-width table whose header repeats on every page and whose tall rows
    split between pages instead of failing. widths are relative; a column is
    widened (at the widest one's expense) until its header fits on one line."""
    total = ctx.body_frame[0]
    cols = [w * total / sum(widths) for w in widths]
    for i, h in enumerate(rows[0]):
        if isinstance(h, Paragraph) and (text := h.getPlainText()):
            need = stringWidth(text, BOLD, ctx.styles.head.fontSize) + 11
            if cols[i] < need:
                widest = max(range(len(cols)), key=cols.__getitem__)
                cols[widest] -= need - cols[i]
                cols[i] = need
    _cache_wraps(rows)
    t = ReportTable(
        rows, colWidths=cols, repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT"
    )
    style = ctx.styles.table()
    for cmd in extra:
        style.add(*cmd)
    t.setStyle(style)
    return [t, *ctx.long_texts()]


def head(ctx: Context, *names: str) -> list[Paragraph]:
    return [Paragraph(markup(n.upper()), ctx.styles.head) for n in names]


def signed(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:+.2f}".replace("-", "−")


class Chip(Flowable):
    """A small coloured box with a number: a severity or a rating at a glance."""

    def __init__(self, text: str, fill: str, ink: str = theme.INK) -> None:
        super().__init__()
        self.text, self.fill, self.ink = text, fill, ink
        self.width, self.height = 20, 11

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(colour(self.fill))
        c.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
        c.setFillColor(colour(self.ink))
        c.setFont(BOLD, 7.2)
        c.drawCentredString(self.width / 2, 3.0, self.text)


def severity_chip(severity: int) -> Chip:
    ink = "#ffffff" if severity >= 4 else theme.INK
    return Chip(str(severity), theme.severity_colour(severity), ink)


def rating_chip(rating: float) -> Chip:
    ink = "#ffffff" if rating <= 1.5 or rating >= 6.5 else theme.INK
    return Chip(f"{rating:g}", theme.rating_colour(rating), ink)
