"""Headless image export for the command line: a Qt application without a window."""

from __future__ import annotations

import os
from pathlib import Path

from blueprint.model import Document


def ensure_application():
    """The running QApplication, or a new one (offscreen when there is no display)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["blueprint"])


def render_to_file(doc: Document, diagram_id: str, path: Path) -> None:
    """Render one diagram as the canvas draws it, to PNG or SVG by extension."""
    ensure_application()
    from blueprint.ui.canvas import render_diagram

    render_diagram(doc, diagram_id, path)
