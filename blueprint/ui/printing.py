"""File > Print… and Export > Diagram as PDF: the current diagram as the canvas draws
it, on one page of the chosen size, with the project and diagram named on top."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QUndoStack
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from blueprint import theme
from blueprint.model import Document
from blueprint.ui import settings
from blueprint.ui.canvas import DiagramScene

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

PAGE_SIZES = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 12.0
DIAGRAM_MARGIN = 20.0  # diagram units of paper around the content
HEADER_PT = 9.0


class PrintError(Exception):
    """Raised with a one-line message naming the file or printer and the reason."""


def _orientation(source: QRectF) -> QPageLayout.Orientation:
    if source.width() >= source.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def print_diagram(
    document: Document, diagram_id: str, printer: QPrinter, *, orient: bool = False
) -> None:
    """Draw a diagram on the printer's page: the canvas's own items without the
    grid or selection, scaled to fit, on light paper whatever the chrome's theme.
    `orient`: turn the page to the diagram's shape first (landscape when wide)."""
    diagram = document.diagram(diagram_id)
    scene = DiagramScene(document, diagram_id, QUndoStack())
    try:
        scene.grid_visible = False
        scene.clearSelection()
        scene.settle_routes()  # the final routes, not the quick ones
        source = scene.content_rect().adjusted(
            -DIAGRAM_MARGIN, -DIAGRAM_MARGIN, DIAGRAM_MARGIN, DIAGRAM_MARGIN
        )
        scene.setSceneRect(source)
        if orient:
            printer.setPageOrientation(_orientation(source))
        painter = QPainter()
        if not painter.begin(printer):
            where = printer.outputFileName() or printer.printerName() or "printer"
            raise PrintError(f"{where}: cannot print there")
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            area = QRectF(0, 0, page.width(), page.height())
            font = QFont(theme.FONT_FAMILY)
            font.setPointSizeF(HEADER_PT)
            painter.setFont(font)
            painter.setPen(QColor(theme.MUTED_INK))
            line = painter.fontMetrics().height()
            project = document.project.title.strip()
            title = (
                diagram.name
                if project in ("", diagram.name)
                else f"{project} — {diagram.name}"
            )
            painter.drawText(
                QRectF(0, 0, area.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                title,
            )
            body = area.adjusted(0, line * 1.6, 0, 0)
            scene.render(painter, body, source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            painter.end()
    finally:
        scene.detach()


def make_printer(page_size: str, *, pdf: Path | None = None) -> QPrinter:
    """A high-resolution printer of a page size, landscape (blueprints run wide);
    a PDF file's printer when `pdf` is given."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)))
    printer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        printer.setFontEmbeddingEnabled(True)
    return printer


def print_to_pdf(
    document: Document, diagram_id: str, path: str | Path, page_size: str = "A4"
) -> Path:
    """Print a diagram to a PDF file (vector graphics and real text)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PrintError(
            f"{path}: cannot write the PDF: folder {folder} does not exist"
        )
    if not os.access(folder, os.W_OK) or (
        path.exists() and not os.access(path, os.W_OK)
    ):
        raise PrintError(f"{path}: cannot write the PDF: permission denied")
    printer = make_printer(page_size, pdf=path)
    printer.setDocName(document.diagram(diagram_id).name)
    print_diagram(document, diagram_id, printer, orient=True)
    if not path.is_file():
        raise PrintError(f"{path}: cannot write the PDF")
    return path


def print_current(window: MainWindow, printer: QPrinter | None = None) -> bool:
    """File > Print…: ask for a printer (unless given one) and print the current
    diagram; False if there is none or the user cancelled."""
    diagram_id = window.current_diagram_id()
    if diagram_id is None:
        return False
    document = window.session.document
    if printer is None:
        printer = make_printer(window.workspace.preferences.page_size)
        printer.setDocName(document.diagram(diagram_id).name)
        dialog = QPrintDialog(printer, window)
        dialog.setWindowTitle("Print Diagram")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    try:
        print_diagram(document, diagram_id, printer)
    except PrintError as error:
        window.prompts.error(window, "Could Not Print", str(error))
        return False
    window.statusBar().showMessage(f"Printed {document.diagram(diagram_id).name}", 4000)
    return True


def export_pdf(window: MainWindow) -> Path | None:
    """Export > Diagram as PDF…: the current diagram on one page."""
    diagram_id = window.current_diagram_id()
    if diagram_id is None:
        return None
    session = window.session
    name = session.document.diagram(diagram_id).name
    folder = os.path.dirname(session.path or "") or settings.last_folder()
    path = window.prompts.export_path(
        window, os.path.join(folder, f"{name}.pdf"), ".pdf"
    )
    if not path:
        return None
    try:
        out = print_to_pdf(
            session.document, diagram_id, path, window.workspace.preferences.page_size
        )
    except PrintError as error:
        window.prompts.error(window, "Could Not Export", str(error))
        return None
    window.statusBar().showMessage(f"Exported {out.name}", 4000)
    return out
