"""Label wrapping with any text measure (reportlab's string width or Qt's metrics)."""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "…"
Measure = Callable[[str], float]


def _break_word(word: str, width: float, measure: Measure) -> list[str]:
    """Split a word wider than width into pieces that fit (at least one character)."""
    pieces, current = [], ""
    for ch in word:
        if current and measure(current + ch) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def fit_ellipsis(line: str, width: float, measure: Measure) -> str:
    """The line shortened until it fits with an ellipsis at its end."""
    line = line.rstrip()
    while line and measure(line + ELLIPSIS) > width:
        cut = max(1, len(line) // 8) if len(line) > 40 else 1
        line = line[:-cut].rstrip()
    return line + ELLIPSIS


def wrap_label(
    text: str, width: float, measure: Measure, max_lines: int | None = None
) -> list[str]:
    """Greedy word wrap into lines no wider than width (in measure's units).

    Explicit newlines are kept and a word too long for a line is broken. With
    max_lines, wrapping stops early (a 20,000-character label costs what its
    visible lines cost) and the last line ends in an ellipsis when text is cut."""
    if max_lines is not None and max_lines <= 0:
        return []
    width = max(width, 1.0)
    space = measure(" ")
    lines: list[str] = []
    full = False
    for paragraph in text.splitlines() or [""]:
        if full:
            break
        current, current_w = "", 0.0
        for word in paragraph.split():
            w = measure(word)
            if current and current_w + space + w <= width:
                current, current_w = f"{current} {word}", current_w + space + w
                continue
            if current:
                lines.append(current)
            if w > width:
                *pieces, word = _break_word(word, width, measure)
                lines.extend(pieces)
                w = measure(word)
            current, current_w = word, w
            if max_lines is not None and len(lines) >= max_lines:
                full = True
                break
        if not full:
            lines.append(current)
            full = max_lines is not None and len(lines) >= max_lines
    if max_lines is None:
        return lines
    cut = len(lines) > max_lines or _shown(lines[:max_lines]) < _shown([text])
    lines = lines[:max_lines]
    if cut and lines:
        lines[-1] = fit_ellipsis(lines[-1], width, measure)
    return lines


def _shown(lines: list[str]) -> int:
    """Characters other than white space, to tell whether wrapping cut the text."""
    return sum(len("".join(line.split())) for line in lines)
