"""Table building blocks: full-width tables that split well, headers, chips."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, FrameBreak, Table, TableStyle

from blueprint import theme

from .cells import ColumnStyles, prepare
from .context import Context
from .fonts import BOLD
from .para import Paragraph
from .plain import Lines
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
    same: frames wrap a table and then split it in the same space, and each split
    would measure every row again."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = (availWidth, availHeight)
        if getattr(self, "_wrapped_in", None) == key:
            return self._width, self._height
        self._wrapped_in = None  # in case super() fails half-way
        size = super().wrap(availWidth, availHeight)
        self._wrapped_in = key
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return _continued(self.pieces(availWidth, availHeight))

    def pieces(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """reportlab's split: the rows that fit here and a table of the rest."""
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

    # Lines cells (plain text broken into lines; see plain.py) have the leading of
    # their text style, where reportlab's own string cells assume 1.2 x the font
    # size when a row is split inside; and they are drawn in one text object

    def _listCellGeom(self, V, w, s, W=None, H=None, aH=72000):
        if type(V) is Lines:
            return w - s.leftPadding - s.rightPadding, (V.count("\n") + 1) * s.leading
        return super()._listCellGeom(V, w, s, W=W, H=H, aH=aH)

    def _splitCell(self, value, style, oldHeight, newHeight, width):
        if type(value) is not Lines:
            return super()._splitCell(value, style, oldHeight, newHeight, width)
        rows = value.split("\n")
        room = newHeight - style.topPadding
        if len(rows) * style.leading <= room:
            return value, ()
        fit = int(room / style.leading)
        if fit < 2:  # as a Paragraph: no single line left behind at a page's foot
            return []
        return value.part(0, fit), value.part(fit, len(rows))

    def _drawCell(self, cellval, cellstyle, pos, size):
        plain = type(cellval) is Lines or type(cellval) is str
        if not plain or cellstyle.href or cellstyle.destination:
            return super()._drawCell(cellval, cellstyle, pos, size)
        if not cellval:  # an empty cell: nothing to draw
            return None
        if cellstyle.alignment != "LEFT" or cellstyle.valign != "TOP":
            return super()._drawCell(cellval, cellstyle, pos, size)
        c = self.canv
        cur = self._curcellstyle
        if cur is not cellstyle:  # as reportlab does: set only what changed
            if cur is None or cellstyle.color != cur.color:
                c.setFillColor(cellstyle.color)
            if (
                cur is None
                or cellstyle.leading != cur.leading
                or cellstyle.fontname != cur.fontname
                or cellstyle.fontsize != cur.fontsize
            ):
                c.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        colpos, rowpos = pos
        top = rowpos + size[1] - cellstyle.topPadding - cellstyle.fontsize
        text = c.beginText(colpos + cellstyle.leftPadding, top)
        squeeze = getattr(cellval, "squeeze", None)
        for i, line in enumerate(cellval.split("\n")):
            if squeeze and i in squeeze:  # see plain.lines
                text.setWordSpace(squeeze[i])
                text.textLine(line)
                text.setWordSpace(0)
            else:
                text.textLine(line)  # moves down by the leading of the font
        c.drawText(text)
        return None


class CellParagraph(Paragraph):
    """A table cell's Paragraph that remembers its line breaks for the last width:
    a long table's rows are measured again in each window (see LongTable), always
    at their columns' widths."""

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
            for item in value if isinstance(value, (list, tuple)) else (value,):
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
    cmds = [*ctx.styles.table().getCommands(), *extra]
    styles, cmds = ColumnStyles.of(cmds, len(rows), len(cols), ctx.styles.cell.leading)
    prepare(rows, cols, styles)
    _cache_wraps(rows)
    if len(rows) > WINDOW + 1:
        return [LongTable(rows, cols, cmds, styles=styles), *ctx.long_texts()]
    return [_report_table(rows, cols, cmds, 1, styles), *ctx.long_texts()]


def _report_table(
    rows: list[list],
    cols: Sequence[float],
    cmds: list[tuple],
    header: int,
    styles: ColumnStyles | None = None,
) -> ReportTable:
    t = ReportTable(
        rows,
        colWidths=cols,
        repeatRows=header,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
        cellStyles=styles.rows(rows) if styles is not None else None,
    )
    t.setStyle(TableStyle(cmds))
    return t


WINDOW = 48  # rows a long table measures at first for one page (about one page)


def _continued(parts: list[Flowable]) -> list[Flowable]:
    """The rest of a split table starts the next frame. reportlab splits between
    rows when the next row cannot be split inside; placed in the space left on
    the page, the rest would repeat the header in the middle of that page."""
    if len(parts) == 2:
        return [parts[0], FrameBreak(), parts[1]]
    return parts


class LongTable(Flowable):
    """A long table that is measured and split a window of rows at a time.

    reportlab splits a Table at a page end into the rows that fit and a new
    Table of all the rest, which it measures again in full: quadratic in the
    table's pages. This one builds a Table of only a window of the rows that
    follow, enough to overflow the space given, lets reportlab split that (same
    header on every page, same rules about rows kept together or split inside),
    and keeps the rest as rows. Looks the same; linear in the rows."""

    def __init__(
        self,
        rows: list[list],
        cols: Sequence[float],
        cmds: list[tuple],
        header: int = 1,
        start: int | None = None,
        first: list | None = None,
        hint: int = WINDOW,
        styles: ColumnStyles | None = None,
    ) -> None:
        super().__init__()
        self.rows, self.cols, self.cmds, self.header = rows, cols, cmds, header
        self.styles = styles
        self.start = header if start is None else start  # first row still to place
        self.first = first  # cells replacing rows[start]: the rest of a split row
        self.hint = hint  # rows the previous page took: about as many fit on this
        self.hAlign = "LEFT"
        self._window: ReportTable | None = None
        self._end = 0
        self._space: tuple[float, float] | None = None

    def _make(self, end: int) -> ReportTable:
        h, start = self.header, self.start
        own = [self.first] if self.first is not None else self.rows[start : start + 1]
        data = [*self.rows[:h], *own, *self.rows[start + 1 : end]]
        cmds = window_commands(self.cmds, len(self.rows), h, start, end)
        return _report_table(data, self.cols, cmds, h, self.styles)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._space == (availWidth, availHeight):
            return self.width, self.height
        # a window a little larger than the previous page's rows overflows the
        # space (a page) nearly always, so few rows are measured twice
        n = len(self.rows)
        end = min(n, self.start + max(self.hint + self.hint // 8 + 2, 4))
        while True:
            window = self._make(end)
            width, height = window.wrap(availWidth, availHeight)
            # a window that overflows the space holds the page's rows and the
            # height reported makes the frame split (the true one is larger)
            if height > availHeight or end == n:
                break
            end = min(n, self.start + 2 * (end - self.start))
        self._window, self._end = window, end
        self._space = (availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        window, h = self._window, self.header
        parts = window.pieces(availWidth, availHeight)
        if len(parts) != 2:  # nothing fits here ([]), or all of it ([window])
            if parts and self._end < len(self.rows):
                return [window, self._rest(self._end, None, self._end - self.start)]
            return parts
        head, rest = parts
        placed = len(head._cellvalues) - h
        left = len(rest._cellvalues) - h
        rows = self._end - self.start
        if placed + left == rows:  # split between rows
            return _continued([head, self._rest(self.start + placed, None, placed)])
        if placed + left == rows + 1:  # a row split inside: its rest comes first
            cells = rest._cellvalues[h]
            rest = self._rest(self.start + placed - 1, cells, placed)
            return _continued([head, rest])
        # not a split this class knows: let reportlab split the whole rest
        return self._make(len(self.rows)).split(availWidth, availHeight)

    def _rest(self, start: int, first: list | None, placed: int) -> LongTable:
        return LongTable(
            self.rows,
            self.cols,
            self.cmds,
            self.header,
            start,
            first,
            placed,
            self.styles,
        )

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self._window.drawOn(canvas, x, y, _sW)


def window_commands(
    cmds: list[tuple], n: int, header: int, start: int, end: int
) -> list[tuple]:
    """Style commands of a table of n rows for a table of its header rows followed
    by rows start..end-1: rows renumbered, commands outside the window dropped,
    alternating row colours kept in step."""
    out = []
    for op, (c0, r0), (c1, r1), *args in cmds:
        r0 = r0 + n if r0 < 0 else r0
        r1 = r1 + n if r1 < 0 else r1
        lo, hi = max(r0, start), min(r1, end - 1)
        if r0 < header:  # the header rows, and the window's rows if it covers them
            new0 = r0
            new1 = (
                hi - start + header if r1 >= start and lo <= hi else min(r1, header - 1)
            )
        elif lo <= hi:
            new0, new1 = lo - start + header, hi - start + header
        else:
            continue
        if op == "ROWBACKGROUNDS" and args and args[0]:
            colours = list(args[0])
            shift = (lo - r0) - (lo - start + header - new0)
            k = shift % len(colours)
            args = [colours[k:] + colours[:k], *args[1:]]
        out.append((op, (c0, new0), (c1, new1), *args))
    return out


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
        # a long report shows thousands of chips of a dozen kinds: each kind is
        # drawn once per document as a form, and each chip shows its form
        c = self.canv
        name = "Chip_" + re.sub(r"\W", "_", f"{self.text}_{self.fill}_{self.ink}")
        if not c.hasForm(name):
            c.beginForm(name, 0, 0, self.width, self.height)
            c.setFillColor(colour(self.fill))
            c.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
            c.setFillColor(colour(self.ink))
            c.setFont(BOLD, 7.2)
            c.drawCentredString(self.width / 2, 3.0, self.text)
            c.endForm()
        c.doForm(name)


def severity_chip(severity: int) -> Chip:
    ink = "#ffffff" if severity >= 4 else theme.INK
    return Chip(str(severity), theme.severity_colour(severity), ink)


def rating_chip(rating: float) -> Chip:
    ink = "#ffffff" if rating <= 1.5 or rating >= 6.5 else theme.INK
    return Chip(f"{rating:g}", theme.rating_colour(rating), ink)
