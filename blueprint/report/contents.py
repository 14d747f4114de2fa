"""The table of contents, laid out in the report's single pass.

Its entries are the story's headings, known before layout, so it has its final
size from the start. What is not known until the headings are placed, each
entry's page number and the dot leader before it (whose length depends on the
number's width), is drawn as a reference to a form XObject at the end of the
entry, and the forms are defined once the layout is finished (see
ReportTemplate._finish). Each entry links to its heading, title and leader alike.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .para import Paragraph
from .template import Heading

DOT = " . "  # the leader, as reportlab's TableOfContents draws it
_CALLBACK = "contents_entry_end"


class Contents(Flowable):
    """Entries of the headings given to set_entries: the title (indented by
    level), a dot leader and the right-aligned page number."""

    def __init__(self, level_styles: list[ParagraphStyle], table_style: TableStyle):
        super().__init__()
        self.level_styles = level_styles
        self.table_style = table_style
        self.entries: list[tuple[int, str, str]] = []  # level, markup, key
        self._table: Table | None = None
        self._width = -1.0
        # entry ends drawn so far: (form name, key, level, room to the right)
        self._ends: list[tuple[str, str, int, float]] = []
        self._pending: list[tuple[float, float, str]] = []  # (x, y, form) to draw

    def set_entries(self, headings: list[Heading]) -> None:
        self.entries = [(h.level, h.toc_markup, h.key) for h in headings if h.contents]
        self._table = None

    def _style(self, level: int) -> ParagraphStyle:
        return self.level_styles[min(level, len(self.level_styles) - 1)]

    def _make_table(self, width: float) -> Table:
        rows: list[list[Flowable]] = []
        for i, (level, text, key) in enumerate(self.entries):
            style = self._style(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            end = f'<onDraw name="{_CALLBACK}" label="{i}"/>'
            markup = f'<a href="#{key}">{text}</a>{end}'
            rows.append([_Entry(markup, style, self)])
        return Table(rows, colWidths=(width,), style=self.table_style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self.entries:
            return 0, 0
        if self._table is None or self._width != availWidth:
            self._table, self._width = self._make_table(availWidth), availWidth
        self.canv.setNamedCB(_CALLBACK, self._entry_end)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self.entries:
            return []
        self.wrap(availWidth, availHeight)
        return self._table.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self._table is not None and self.entries:
            self._table.drawOn(canvas, x, y, _sW)

    def _entry_end(self, canvas: Canvas, kind: str, label: str) -> None:
        """Called as an entry's paragraph is drawn, where its text ends."""
        level, _, key = self.entries[int(label)]
        info = canvas._curr_tx_info  # where the paragraph's text ended
        x, y = info["cur_x"], info["cur_y"]
        name = f"contents{label}"
        self._pending.append((x, y, name))
        # the page number's exact place is not known yet: the leader links too
        leading = self._style(level).leading
        canvas.linkRect("", key, (x, y, self._width, y + leading), relative=1)
        self._ends.append((name, key, level, self._width - x))

    def draw_pending(self, canvas: Canvas) -> None:
        """The forms of the entry just drawn, after its text (in the callback
        they would come first in the page's content, and in extracted text)."""
        for x, y, name in self._pending:
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(name)
            canvas.restoreState()
        self._pending = []

    def define_forms(self, canvas: Canvas, pages: dict[str, int]) -> None:
        """The leader and page number of each entry drawn, as reportlab's
        TableOfContents draws them (shrunk if the number would not fit)."""
        for name, key, level, room in self._ends:
            style = self._style(level)
            text = str(pages.get(key, "?"))
            size = style.fontSize
            width = stringWidth(text, style.fontName, size)
            while width > room and size >= 1.0:
                size *= 0.9
                width = stringWidth(text, style.fontName, size)
            dot = stringWidth(DOT, style.fontName, size)
            dots = max(int((room - width) / dot), 0)
            canvas.beginForm(
                name, lowerx=0, lowery=-size, upperx=max(room, 1), uppery=2 * size
            )
            tx = canvas.beginText(room - dots * dot - width, 0)
            tx.setFont(style.fontName, size)
            tx.setFillColor(style.textColor)
            tx.textLine(dots * DOT + text)
            canvas.drawText(tx)
            canvas.endForm()
        self._ends = []


class _Entry(Paragraph):
    """An entry's paragraph: its leader and page number follow its text."""

    def __init__(self, markup: str, style: ParagraphStyle, owner: Contents) -> None:
        super().__init__(markup, style)
        self.owner = owner

    def draw(self) -> None:
        super().draw()
        self.owner.draw_pending(self.canv)
