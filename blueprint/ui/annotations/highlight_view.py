"""Applies a highlight mode to the current diagram's scene, with a legend overlay.

The mode belongs to the window: switching tabs moves it (and its legend) to the
diagram shown; edits re-apply it once the scene has its new items.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from blueprint.model import Document, EntitiesChanged
from blueprint.ui.canvas import DiagramScene, DiagramView

from .highlight import DIM, MODES, NONE, Highlight, Legend, compute

INSET = 12


class LegendOverlay(QFrame):
    """A small key in the view's bottom-left corner (the minimap has the right)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("highlight_legend")
        self.setAccessibleName("Highlight legend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QFrame#highlight_legend { background: rgba(255, 255, 255, 238);"
            " border: 1px solid #d0d7de; border-radius: 8px; }"
            " QLabel { background: transparent; color: #1f2328; }"
            " QLabel#legend_title { font-weight: 600; }"
            " QLabel#legend_note { color: #57606a; }"
        )
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 8, 12, 8)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(3)
        self.legend: Legend | None = None
        self.hide()

    def show_legend(self, legend: Legend | None) -> None:
        if legend == self.legend:
            return
        self.legend = legend
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        if legend is None:
            self.hide()
            return
        title = QLabel(legend.title)
        title.setObjectName("legend_title")
        self.grid.addWidget(title, 0, 0, 1, 2)
        for row, (colour, text) in enumerate(legend.entries, start=1):
            chip = QLabel()
            chip.setFixedSize(14, 14)
            chip.setStyleSheet(
                f"background: {colour}; border: 1px solid #8c959f; border-radius: 3px;"
            )
            self.grid.addWidget(chip, row, 0)
            self.grid.addWidget(QLabel(text), row, 1)
        if legend.note:
            note = QLabel(legend.note)
            note.setObjectName("legend_note")
            note.setWordWrap(True)
            note.setMaximumWidth(220)
            self.grid.addWidget(note, len(legend.entries) + 1, 0, 1, 2)
        for i in range(self.grid.count()):  # children added to a shown widget
            widget = self.grid.itemAt(i).widget()  # stay hidden until shown
            if widget is not None:
                widget.show()
                widget.ensurePolished()  # its style sheet's font sets its size
        self.grid.invalidate()
        self.grid.activate()
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        view = self.parentWidget()
        if isinstance(view, DiagramView):
            port = view.viewport().geometry()
            self.adjustSize()
            self.move(port.left() + INSET, port.bottom() - self.height() - INSET)

    def entry_texts(self) -> list[str]:
        return [e[1] for e in self.legend.entries] if self.legend else []


class HighlightController(QObject):
    """The window's highlight mode, applied to whichever diagram is shown."""

    mode_changed = Signal(str)

    def __init__(
        self,
        current_view: Callable[[], DiagramView | None],
        colour_blind: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._current_view = current_view
        self._colour_blind = colour_blind
        self.mode = NONE
        self.document: Document | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._scene: DiagramScene | None = None
        self._view: DiagramView | None = None
        self.last: Highlight = Highlight(NONE)
        self.legend = LegendOverlay()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the scenes have followed the edit
        self._timer.timeout.connect(self.apply)

    def set_document(self, doc: Document | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.document = doc
        self._scene = self._view = None
        if doc is not None:
            self._unsubscribe = doc.events.subscribe(self._on_change)
        else:
            self._timer.stop()
            if shiboken6.isValid(self.legend):
                self.legend.setParent(None)
                self.legend.hide()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown highlight mode {mode!r}")
        if mode != self.mode:
            self.mode = mode
            self.mode_changed.emit(mode)
        self.apply()

    def _on_change(self, _event: EntitiesChanged) -> None:
        if self.mode != NONE:
            self._timer.start()

    def current_changed(self) -> None:
        """Another diagram tab is shown: move the highlight there."""
        self.apply()

    # -- applying ----------------------------------------------------------------------

    def apply(self) -> None:
        view = self._current_view()
        scene = view.diagram_scene() if view is not None else None
        if self._scene is not None and self._scene is not scene:
            self._clear(self._scene)
        self._scene, self._view = scene, view
        doc = self.document
        if scene is None or view is None or doc is None:
            self.last = Highlight(NONE)
            if shiboken6.isValid(self.legend):
                self.legend.show_legend(None)
            return
        if not shiboken6.isValid(self.legend):  # its view was closed
            self.legend = LegendOverlay()
        if self.legend.parentWidget() is not view:
            self.legend.setParent(view)
            self.legend.legend = None  # rebuild and place it on the new view
            view.installEventFilter(self)
        self.last = compute(doc, scene.diagram_id, self.mode, self._colour_blind())
        self._paint(scene, self.last)
        self.legend.show_legend(self.last.legend)

    def _paint(self, scene: DiagramScene, h: Highlight) -> None:
        scene.set_highlight(h.mode if h.mode != NONE else None, h.colours, h.fills)
        ids = scene.item_ids()
        for node_id in ids["node"]:
            item = scene.node_item(node_id)
            if item is not None:
                item.setOpacity(DIM if node_id in h.dimmed_nodes else 1.0)
        for edge_id in ids["edge"]:
            item = scene.edge_item(edge_id)
            if item is not None:
                item.setOpacity(DIM if edge_id in h.dimmed_edges else 1.0)

    def _clear(self, scene: DiagramScene) -> None:
        if shiboken6.isValid(scene):
            self._paint(scene, Highlight(NONE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self.legend.place()
        return False
