"""Image export of a diagram (PNG or SVG) drawn by the canvas's own items."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from blueprint import theme
from blueprint.model import Document

from .scene import DiagramScene

EXPORT_MARGIN = 20.0
PNG_SCALE = 2.0  # pixels per diagram unit: sharp when printed or shown on high DPI
MAX_PIXELS = 16_000  # per side, so a huge diagram does not exhaust memory


class ExportError(Exception):
    """Raised with a one-line message naming the file and the reason."""


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([])
    return app  # type: ignore[return-value]


def render_diagram(document: Document, diagram_id: str, path: str | Path) -> Path:
    """Write a diagram to PNG or SVG (by the file's extension); returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ExportError(f"{path.name}: choose a .png or .svg file name")
    _application()
    scene = DiagramScene(document, diagram_id, QUndoStack())
    try:
        scene.grid_visible = False
        scene.clearSelection()
        scene.settle_routes()  # the report's routes, not the quick ones
        source = scene.content_rect().adjusted(
            -EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN
        )
        scene.setSceneRect(source)
        if suffix == ".png":
            _write_png(scene, source, path)
        else:
            _write_svg(scene, source, path, document.diagram(diagram_id).name)
    finally:
        scene.detach()
    return path


def _write_png(scene: DiagramScene, source: QRectF, path: Path) -> None:
    scale = min(PNG_SCALE, MAX_PIXELS / max(source.width(), source.height()))
    size = QSize(
        max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    )
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(theme.PAPER))
    image.setDotsPerMeterX(round(96 * scale / 0.0254))
    image.setDotsPerMeterY(round(96 * scale / 0.0254))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
    )
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise ExportError(f"{path}: could not be written")


def _write_svg(scene: DiagramScene, source: QRectF, path: Path, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setTitle(title)
    generator.setDescription("Exported from Blueprint")
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setResolution(96)
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(f"{path}: could not be written")
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
    )
    scene.render(
        painter,
        QRectF(0, 0, source.width(), source.height()),
        source,
        Qt.AspectRatioMode.IgnoreAspectRatio,
    )
    painter.end()
    if not path.is_file():
        raise ExportError(f"{path}: could not be written")
