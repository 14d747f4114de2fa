"""A page's cells as a tree: parents, children, depth and absolute positions.

mxGraph stores a vertex's position relative to its parent; everything else in the
import needs page coordinates. Broken trees (missing parents, cycles, duplicate
ids) are repaired and counted rather than refused.
"""

from __future__ import annotations

import json

from .mxfile import Cell, Page
from .styles import Style, parse_style, xml_safe
from .summary import Notes


class PageTree:
    def __init__(self, page: Page, notes: Notes) -> None:
        self.name = page.name
        self.cells: dict[str, Cell] = {}
        self.styles: dict[str, Style] = {}
        for i, cell in enumerate(page.cells):
            if not cell.id:
                cell.id = f"#anonymous-{i}"
            if cell.id in self.cells:
                notes.add(
                    page.name,
                    "a cell with a duplicate id was ignored",
                    "{n} cells with duplicate ids were ignored",
                    cell.id,
                )
                continue
            self.cells[cell.id] = cell
            self.styles[cell.id] = parse_style(cell.style)
            if "bp_exact" in cell.properties:
                _restore_exact(cell)
        self.roots = {
            c.id for c in self.cells.values() if c.parent is None or c.parent == c.id
        }
        self.layers = {
            c.id
            for c in self.cells.values()
            if c.id not in self.roots and c.parent in self.roots
        }
        self._default_layer = next(iter(self.layers), next(iter(self.roots), None))
        self._repair(notes)
        self.depth = self._depths(notes)
        self.children: dict[str, list[Cell]] = {}
        for cell in self.cells.values():
            if cell.parent is not None and cell.id not in self.roots:
                self.children.setdefault(cell.parent, []).append(cell)
        self.order = sorted(self.depth, key=self.depth.__getitem__)
        self.pos = self._positions()

    # -- structure ---------------------------------------------------------------

    def is_container(self, cell_id: str) -> bool:
        """Whether a cell is the root or a layer (not a shape of its own)."""
        return cell_id in self.roots or cell_id in self.layers

    def parent(self, cell: Cell) -> Cell | None:
        """The parent shape, or None when the cell sits on a layer."""
        if cell.parent is None or self.is_container(cell.parent):
            return None
        return self.cells.get(cell.parent)

    def kids(self, cell_id: str) -> list[Cell]:
        return self.children.get(cell_id, [])

    def _repair(self, notes: Notes) -> None:
        for cell in self.cells.values():
            if cell.id in self.roots:
                continue
            if cell.parent not in self.cells:
                cell.parent = self._default_layer
                if self._default_layer is None:  # a page without root or layer
                    continue
                notes.add(
                    self.name,
                    "a cell with a missing parent was put on the page",
                    "{n} cells with missing parents were put on the page",
                    cell.id,
                )

    def _depths(self, notes: Notes) -> dict[str, int]:
        """Each cell's depth below the root; cycles are broken onto the page."""
        depth: dict[str, int] = {r: 0 for r in self.roots}
        for start in self.cells:
            while start not in depth:
                path: list[str] = []
                on_path: set[str] = set()
                cur: str | None = start
                cycle = False
                while cur is not None and cur not in depth:
                    if cur in on_path:
                        cycle = True
                        break
                    on_path.add(cur)
                    path.append(cur)
                    cur = self.cells[cur].parent if cur in self.cells else None
                if cycle and cur is not None:
                    self.cells[cur].parent = self._default_layer
                    notes.add(
                        self.name,
                        "a cell inside itself was put on the page",
                        "{n} cells inside themselves were put on the page",
                        cur,
                    )
                    continue  # walk again with the cycle broken
                base = depth.get(cur, 0) if cur is not None else 0
                for cell_id in reversed(path):
                    base += 1
                    depth[cell_id] = base
        return depth

    # -- geometry ------------------------------------------------------------------

    def _positions(self) -> dict[str, tuple[float, float]]:
        """Absolute top-left of every vertex; parents are placed before children."""
        pos: dict[str, tuple[float, float]] = {}
        for cell_id in self.order:
            cell = self.cells.get(cell_id)
            if cell is None or self.is_container(cell_id):
                continue
            parent = self.parent(cell)
            g = cell.geometry
            if parent is None or parent.edge:
                pos[cell_id] = (g.x, g.y)
                continue
            px, py = pos.get(parent.id, (0.0, 0.0))
            if g.relative and cell.vertex:
                pg = parent.geometry
                pos[cell_id] = (px + g.x * pg.width, py + g.y * pg.height)
            else:
                pos[cell_id] = (px + g.x, py + g.y)
        return pos

    def origin(self, cell: Cell) -> tuple[float, float]:
        """Where a cell's own coordinates (e.g. an edge's points) are measured from."""
        parent = self.parent(cell)
        if parent is None:
            return (0.0, 0.0)
        return self.pos.get(parent.id, (0.0, 0.0))

    def rect(self, cell: Cell) -> tuple[float, float, float, float]:
        x, y = self.pos.get(cell.id, (0.0, 0.0))
        return (x, y, cell.geometry.width, cell.geometry.height)


def _restore_exact(cell: Cell) -> None:
    """Put back text with characters XML cannot hold (see writer._object), where
    the file still has the sanitised form Blueprint wrote."""
    try:
        exact = json.loads(cell.properties.pop("bp_exact"))
    except (ValueError, RecursionError):
        return
    if not isinstance(exact, dict):
        return
    for key, original in exact.items():
        if not isinstance(original, str):
            continue
        if key == "label" and cell.value == xml_safe(original):
            cell.value = original
        elif cell.properties.get(key) == xml_safe(original):
            cell.properties[key] = original
