"""Helpers for the window tests: user gestures shared by several tests."""

from __future__ import annotations

from PySide6.QtCore import Qt


def add_from_palette(qtbot, window, kind: str) -> str:
    """Add a node the way a keyboard user does: pick it in the palette, press Enter."""
    palette = window.palette
    row = palette.kinds_shown().index(kind)
    palette.list.setCurrentIndex(palette.proxy.index(row, 0))
    before = {n.id for n in window.session.document.nodes(window.current_diagram_id())}
    qtbot.keyClick(palette.list, Qt.Key.Key_Return)
    after = window.session.document.nodes(window.current_diagram_id())
    (node,) = [n for n in after if n.id not in before]
    return node.id
