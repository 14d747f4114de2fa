"""The diagram canvas: scene items built from the model, the view, and image export."""

from .export import ExportError, render_diagram
from .scene import DiagramScene
from .view import NODE_KIND_MIME, DiagramView

__all__ = [
    "NODE_KIND_MIME",
    "DiagramScene",
    "DiagramView",
    "ExportError",
    "render_diagram",
]
