"""PNG and SVG export drawn by the canvas's own items."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from sample import hotel

from blueprint.ui.canvas import ExportError, render_diagram


def test_png_export(tmp_path, qapp):
    doc, d = hotel()
    out = render_diagram(doc, d, tmp_path / "stay.png")
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 2000
    # a node's fill (the yellow of physical evidence) made it into the picture
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 23)
        for y in range(0, image.height(), 23)
    }
    assert "#fff8c5" in colours


def test_svg_export_keeps_text_as_text(tmp_path, qapp):
    doc, d = hotel()
    out = render_diagram(doc, d, tmp_path / "stay.svg")
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Check in" in text and "Line of visibility" in text


def test_unknown_extension_is_refused(tmp_path, qapp):
    doc, d = hotel()
    with pytest.raises(ExportError, match="stay.gif"):
        render_diagram(doc, d, tmp_path / "stay.gif")


def test_settled_routes_are_the_reports(qapp):
    from PySide6.QtGui import QUndoStack

    from blueprint.layout import Router
    from blueprint.ui.canvas import DiagramScene

    doc, d = hotel()
    scene = DiagramScene(doc, d, QUndoStack())
    scene.settle_routes()
    expected = Router(doc, d).route_all(doc.edges(d))
    assert {e: scene.edge_item(e).points for e in expected} == expected
    scene.detach()
