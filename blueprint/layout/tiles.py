"""Fitting a diagram onto pages: one page when labels stay legible, else tiles."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .shapes import Rect


@dataclass(frozen=True)
class TilePlan:
    """How a diagram goes onto pages: a scale (page points per diagram unit) and
    the part of the diagram each page shows, row by row."""

    scale: float
    columns: int
    rows: int
    viewports: tuple[Rect, ...]
    overlap: float  # in diagram units, shared by neighbouring tiles

    @property
    def tiled(self) -> bool:
        return len(self.viewports) > 1

    def name(self, index: int) -> str:
        """A tile's grid name: row letter and column number (A1, A2, B1, ...)."""
        row, column = divmod(index, self.columns)
        return f"{_letters(row)}{column + 1}"


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def plan_tiles(
    bounds: Rect,
    width: float,
    height: float,
    min_scale: float,
    max_scale: float = 1.0,
    overlap: float = 24.0,
) -> TilePlan:
    """Fit bounds into a width x height area (points): one page at the largest
    scale up to max_scale; if that is below min_scale, the fewest tiles at
    min_scale or more, neighbours sharing `overlap` points of the drawing."""
    w, h = max(bounds.w, 1.0), max(bounds.h, 1.0)
    fit = min(width / w, height / h)
    if fit >= min_scale:
        scale = min(fit, max_scale)
        return TilePlan(scale, 1, 1, (bounds,), 0.0)

    def count(extent: float, room: float) -> int:
        # n tiles of `room` points overlapping by `overlap` cover extent at scale
        # min_scale when n * room - (n - 1) * overlap >= extent * min_scale
        need = extent * min_scale
        if need <= room:
            return 1
        return math.ceil((need - overlap) / (room - overlap))

    columns, rows = count(w, width), count(h, height)
    # the largest scale that still covers the diagram with this many tiles
    scale = min(
        (columns * width - (columns - 1) * overlap) / w,
        (rows * height - (rows - 1) * overlap) / h,
        max_scale,
    )
    vw, vh, ov = width / scale, height / scale, overlap / scale
    step_x = (w - vw) / (columns - 1) if columns > 1 else 0.0
    step_y = (h - vh) / (rows - 1) if rows > 1 else 0.0
    viewports = tuple(
        Rect(
            bounds.x + c * step_x if columns > 1 else bounds.x,
            bounds.y + r * step_y if rows > 1 else bounds.y,
            vw,
            vh,
        )
        for r in range(rows)
        for c in range(columns)
    )
    shared = min(
        vw - step_x if columns > 1 else ov,
        vh - step_y if rows > 1 else ov,
    )
    return TilePlan(scale, columns, rows, viewports, max(shared, 0.0))
