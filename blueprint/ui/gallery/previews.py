"""Preview pictures of the templates, drawn by the canvas and shipped as PNGs.

Run `python -m blueprint.ui.gallery.previews` after changing a template to redraw
resources/previews/<template id>.png; a test fails while one is missing or stale.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap

from blueprint.model.templates import TEMPLATES, new_from_template
from blueprint.resources import resource

PREVIEW_WIDTH = 480  # pixels: sharp on a high-DPI gallery card of 240 points


def preview_path(template_id: str) -> Path:
    return resource("previews", f"{template_id}.png")


def render_preview(template_id: str) -> QImage:
    """The template's diagram as the canvas exports it, scaled to PREVIEW_WIDTH."""
    from blueprint.ui.canvas import render_diagram

    doc = new_from_template(template_id)
    diagram_id = doc.diagrams()[0].id
    with tempfile.TemporaryDirectory() as folder:
        path = render_diagram(doc, diagram_id, Path(folder) / "preview.png")
        image = QImage(str(path))
    return image.scaledToWidth(
        PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
    )


def expected_size(template_id: str) -> QSize:
    return render_preview(template_id).size()


def write_previews(folder: Path | None = None) -> list[Path]:
    """Redraw every template's preview; returns the files written."""
    written = []
    for template_id in TEMPLATES:
        target = (folder or resource("previews")) / f"{template_id}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render_preview(template_id).save(str(target), "PNG"):
            raise OSError(f"{target}: could not be written")
        written.append(target)
    return written


def load_preview(template_id: str) -> QPixmap:
    """The shipped preview; an empty pixmap if it is missing (the card then shows
    the template's name and description alone)."""
    path = preview_path(template_id)
    return QPixmap(str(path)) if path.is_file() else QPixmap()


def main() -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from blueprint.ui.app import application

    application()  # the bundled fonts, as the editor draws them
    for path in write_previews():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
