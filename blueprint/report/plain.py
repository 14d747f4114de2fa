"""Plain user text in table cells, broken into lines as a Paragraph would break it.

A long report's tables hold thousands of cells of plain text (labels, kinds,
descriptions, evidence, notes). reportlab's Table measures and draws a string
cell natively (its lines, split on newlines, times the cell's leading; each line
drawn with drawString), far more cheaply than a Paragraph is wrapped, split and
drawn. So a cell of plain text is kept as Plain until its table knows its
columns, then broken into lines at the column's inner width, in the same font and
size, by the same rule as Paragraph's (words fill a line while they fit, with the
same small allowance for spaces; a word wider than the line is broken between
characters), and stored as Lines: the page looks the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl

from .para import Paragraph
from .text import markup

SHRINK = 0.05  # reportlab's spaceShrinkage: a line may overrun by this much per space


class Lines(str):
    """A cell's text already broken into lines (joined by newlines): the table
    gives such cells the leading of the text style they were wrapped in.
    squeeze: the word spacing (negative) of lines whose spaces are narrowed."""

    squeeze: dict[int, float] = {}  # noqa: RUF012 (never changed in place)

    @classmethod
    def of(cls, rows: list[str], squeeze: dict[int, float]) -> Lines:
        out = cls("\n".join(rows))
        if squeeze:
            out.squeeze = squeeze
        return out

    def part(self, start: int, end: int) -> Lines:
        """Lines start..end-1 (a cell split between pages)."""
        rows = self.split("\n")[start:end]
        squeeze = {i - start: w for i, w in self.squeeze.items() if start <= i < end}
        return Lines.of(rows, squeeze)


@dataclass(frozen=True, slots=True)
class Plain:
    """User text for a table cell, in paragraphs (each as Paragraph markup would
    show it: a newline starts a line), and the style it is shown in."""

    parts: tuple[str, ...]
    style: ParagraphStyle

    def paragraphs(self) -> list[Paragraph]:
        """The same text as Paragraphs (for cells that hold more than one text)."""
        return [Paragraph(markup(p), self.style) for p in self.parts]


_widths: dict[tuple[str, str, float], float] = {}


def width(word: str, font: str, size: float) -> float:
    """stringWidth, remembered: a report's words repeat a great deal."""
    key = (word, font, size)
    w = _widths.get(key)
    if w is None:
        if len(_widths) > 200_000:  # a bound for long-running editors
            _widths.clear()
        w = _widths[key] = stringWidth(word, font, size)
    return w


def _words(line: str) -> list[str]:
    # Paragraph's own split: whitespace except the no-break space
    return _rl.split(_rl.strip(line))


def break_lines(
    text: str, font: str, size: float, max_width: float
) -> list[tuple[str, float]]:
    """text broken into lines no wider than max_width (newlines kept), as a left
    aligned Paragraph in this font and size breaks it: (line, its width)."""
    out: list[tuple[str, float]] = []
    space = width(" ", font, size)
    allowance = SHRINK * space
    rows = text.split("\n")
    breaks = len(rows) > 1  # a Paragraph of several lines measures them apart
    if len(rows) > 1 and not _words(rows[-1]):
        rows.pop()  # a Paragraph shows no line after its last line break
    for line in rows:
        words = _words(line)
        if not words:
            out.append(("", 0.0))
            continue
        current: list[str] = []
        used = -space  # the first word on a line has no space before it
        i = 0
        while i < len(words):
            word = words[i]
            w = width(word, font, size)
            new = used + space + w
            if new <= max_width + allowance * len(current):
                current.append(word)
                used = new
                i += 1
                continue
            if w > max_width:  # a word wider than a line: broken between characters
                pieces = _pieces(word, used + space, max_width, font, size)
                # the first piece ends the current line, the middle ones fill
                # lines of their own and the last one starts the next line
                if pieces[0]:
                    current.append(pieces[0])
                    used += space + width(pieces[0], font, size)
                elif not breaks:  # reportlab counts a space before no piece here
                    used += space
                out.append((" ".join(current), used))
                out += [(p, width(p, font, size)) for p in pieces[1:-1]]
                current = pieces[-1:] if len(pieces) > 1 else []
                used = width(current[0], font, size) if current else -space
                i += 1
                continue
            out.append((" ".join(current), used))
            current, used = [], -space
        if current:
            out.append((" ".join(current), used))
    return out


def _pieces(
    word: str, start: float, max_width: float, font: str, size: float
) -> list[str]:
    """A long word cut where each line fills up (the first piece continues the
    current line from start; it may be empty), as reportlab's _splitWord cuts."""
    pieces: list[str] = []
    piece, used = "", start
    for ch in word:
        cw = width(ch, font, size)
        if used + cw > max_width and (piece or cw <= max_width):
            pieces.append(piece)
            piece, used = "", 0.0
        piece += ch
        used += cw
    pieces.append(piece)
    return pieces


def lines(plain: Plain, max_width: float) -> Lines:
    """The cell's text as Lines for a column whose text is max_width wide."""
    s = plain.style
    out: list[str] = []
    squeeze: dict[int, float] = {}
    for part in plain.parts:
        for line, used in break_lines(part, s.fontName, s.fontSize, max_width):
            # a line let over the width by the allowance for spaces has them
            # narrowed to fit, as Paragraph draws it
            if used - max_width > 1e-8:
                spaces = line.count(" ") + line.count("\xa0")
                if spaces:
                    squeeze[len(out)] = (max_width - used) / spaces
            out.append(line)
    return Lines.of(out, squeeze)
