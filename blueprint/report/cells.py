"""A table's cells made ready once: plain text broken into lines, cell styles shared.

reportlab gives every cell of every Table its own CellStyle and applies each style
command to each cell in its range, again for every table a long table is cut
into (see LongTable): hundreds of thousands of calls for a long report whose
commands all cover whole columns. When they do, the styles are worked out once
per column and shared by the cells (reportlab only reads them; a split row gets
copies); tables whose commands single out cells or rows are styled as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.tables import CellStyle, _isLineCommand, _setCellStyle

from .plain import Lines, Plain, lines

# commands that do not set cell styles: reportlab keeps them apart and renumbers
# them itself when it splits a table
_KEPT = {"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT"}


def _is_cell_style(cmd: tuple) -> bool:
    return not (cmd[0] in _KEPT or cmd[0] == "ROUNDEDCORNERS" or _isLineCommand(cmd))


class ColumnStyles:
    """Each column's cell style, and the same with the leading of the table's
    plain text for its Lines cells (other string cells keep reportlab's)."""

    def __init__(self, base: list[CellStyle], text: list[CellStyle]) -> None:
        self.base, self.text = base, text

    @classmethod
    def of(
        cls, cmds: Sequence[tuple], n_rows: int, n_cols: int, leading: float
    ) -> tuple[ColumnStyles | None, list[tuple]]:
        """(column styles, the commands they leave to reportlab), or (None, every
        command) when a cell-style command does not cover whole columns."""
        base = [CellStyle(f"column {j}") for j in range(n_cols)]
        rest = []
        for cmd in cmds:
            if not _is_cell_style(cmd):
                rest.append(cmd)
                continue
            op, (c0, r0), (c1, r1), *values = cmd
            whole = r0 in (0, -n_rows) and r1 in (-1, n_rows - 1)
            if not whole or isinstance(r0, str):  # rows singled out, or split rows
                return None, list(cmds)
            c0, c1 = c0 + n_cols if c0 < 0 else c0, c1 + n_cols if c1 < 0 else c1
            for j in range(max(c0, 0), min(c1, n_cols - 1) + 1):
                _setCellStyle([base], 0, j, op, values)
        text = []
        for j, style in enumerate(base):
            lined = style.copy(CellStyle(f"column {j} text"))
            lined.leading = leading
            text.append(lined)
        return cls(base, text), rest

    def rows(self, data: Sequence[Sequence]) -> list[list[CellStyle]]:
        base, text = self.base, self.text
        return [
            [text[j] if type(v) is Lines else base[j] for j, v in enumerate(row)]
            for row in data
        ]


def _fits(cell: CellStyle, text: CellStyle, style: ParagraphStyle) -> bool:
    """Whether a string cell of this column shows text of this style exactly as
    a Paragraph would: same font, size, leading and colour, left aligned from
    the top, no indents."""
    return (
        cell.alignment == "LEFT"
        and cell.valign == "TOP"
        and cell.fontname == style.fontName
        and cell.fontsize == style.fontSize
        and text.leading == style.leading
        and cell.color == style.textColor
        and style.alignment == 0  # TA_LEFT
        and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
        and style.backColor is None
    )


def prepare(
    rows: list[list], cols: Sequence[float], styles: ColumnStyles | None
) -> None:
    """Turn the rows' Plain cells into what the table shows, in place: Lines
    where the column's cells show the text's style as it is (see _fits),
    Paragraphs otherwise and in cells that hold several things. A Plain cell is
    broken to its own column's width: do not put one in a spanned cell."""
    fits: dict[tuple[int, int], float | None] = {}  # (column, style) -> width

    def width(j: int, style: ParagraphStyle) -> float | None:
        key = (j, id(style))
        if key not in fits:
            ok = styles is not None and _fits(styles.base[j], styles.text[j], style)
            cell = styles.base[j] if styles is not None else None
            fits[key] = (
                cols[j] - cell.leftPadding - cell.rightPadding if ok and cell else None
            )
        return fits[key]

    for row in rows:
        for j, value in enumerate(row):
            if type(value) is Plain:
                w = width(j, value.style)
                row[j] = value.paragraphs() if w is None else lines(value, w)
            elif isinstance(value, list) and any(type(v) is Plain for v in value):
                row[j] = [
                    p
                    for v in value
                    for p in (v.paragraphs() if type(v) is Plain else (v,))
                ]
