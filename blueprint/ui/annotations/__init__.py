"""Annotating in the editor: inspector tabs (gaps, quality, SERVQUAL, notes), the
annotation register, and highlight modes with their legend."""

from .gaps_tab import GapsTab
from .highlight import MODES, Highlight, compute
from .highlight_view import HighlightController, LegendOverlay
from .notes_tab import NotesTab
from .quality_tab import QualityTab
from .register import RegisterModel
from .register_csv import write_csv
from .register_dock import RegisterDock
from .servqual_tab import ServqualTab
from .wiring import AnnotationUI

__all__ = [
    "MODES",
    "AnnotationUI",
    "GapsTab",
    "Highlight",
    "HighlightController",
    "LegendOverlay",
    "NotesTab",
    "QualityTab",
    "RegisterDock",
    "RegisterModel",
    "ServqualTab",
    "compute",
    "write_csv",
]
