"""Presentation mode: a full-screen window with no editing chrome that steps
through a diagram by keyboard or clicker."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from blueprint import theme
from blueprint.model import Document
from blueprint.ui.canvas import DiagramScene
from blueprint.ui.canvas.lane_items import DividingLineItem

from .caption import CaptionBar
from .sequence import hidden_at, sequence
from .steps import Rect, Step
from .view import PresentationView

K = Qt.Key
FORWARD = {K.Key_Space, K.Key_Right, K.Key_PageDown, K.Key_Down, K.Key_N}
BACK = {K.Key_Left, K.Key_PageUp, K.Key_Backspace, K.Key_Up, K.Key_P}
BLACKOUT = {K.Key_B, K.Key_Period}  # the "blank screen" button of most clickers
HALO = {"fail_point": "#cf222e", "gap": theme.GAP_BADGE}


def _qrect(r: Rect) -> QRectF:
    return QRectF(r.left, r.top, r.width, r.height)


class PresentationWindow(QWidget):
    """Shows the steps of one diagram; emits `finished` when the trainer leaves."""

    finished = Signal()

    def __init__(
        self, document: Document, diagram_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{document.diagram(diagram_id).name} — Presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("QWidget#presentation { background: #ffffff; }")
        self.steps: list[Step] = sequence(document, diagram_id)
        self.index = -1
        # a scene of its own with an unused undo stack: nothing shown here can
        # change the document, and the editor's scene keeps its selection
        self._stack = QUndoStack(self)
        self.scene = DiagramScene(document, diagram_id, self._stack, self)
        self.scene.grid_visible = False
        self.scene.settle_routes()
        self.view = PresentationView(self.scene)
        self.caption = CaptionBar()
        self._blackout = QWidget(self)
        self._blackout.setStyleSheet("background: #000000;")
        self._blackout.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self._reveal_items = {
            item: self._item(item) for step in self.steps for item in step.reveals
        }
        self.go(0)

    def _item(self, item_id: str) -> QGraphicsItem | None:
        edge = self.scene.edge_item(item_id)
        if edge is not None:
            return edge
        return next(
            (
                i
                for i in self.scene.items()
                if isinstance(i, DividingLineItem) and i.line_id == item_id
            ),
            None,
        )

    # -- stepping -------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    def go(self, index: int) -> None:
        """Show step `index` (clamped to the sequence)."""
        if not self.steps:
            return
        index = max(0, min(index, len(self.steps) - 1))
        if index == self.index:
            return
        self.index = index
        step = self.steps[index]
        hidden = hidden_at(self.steps, index)
        for item_id, item in self._reveal_items.items():
            if item is not None:
                item.setVisible(item_id not in hidden)
        colour = HALO.get(step.kind)
        self.scene.set_highlight(
            "presentation" if colour else None,
            {t: colour for t in step.targets} if colour else None,
        )
        self.view.show_area(_qrect(step.area), [_qrect(s) for s in step.spots])
        self.caption.set_step(step, index, len(self.steps))

    def forward(self) -> None:
        self.go(self.index + 1)

    def back(self) -> None:
        self.go(self.index - 1)

    # -- keys and leaving ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._blackout.isVisible() and key != K.Key_Escape:
            if not event.isAutoRepeat():
                self._blackout.hide()  # any key brings the picture back
            event.accept()
            return
        if key == K.Key_Escape:
            self.close()
        elif key in FORWARD or key in (K.Key_Return, K.Key_Enter):
            self.forward()
        elif key in BACK:
            self.back()
        elif key == K.Key_Home:
            self.go(0)
        elif key == K.Key_End:
            self.go(len(self.steps) - 1)
        elif key in BLACKOUT:
            if not event.isAutoRepeat():
                self.toggle_blackout()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def toggle_blackout(self) -> None:
        shown = not self._blackout.isVisible()
        self._blackout.setGeometry(self.rect())
        self._blackout.setVisible(shown)
        if shown:
            self._blackout.raise_()

    @property
    def blacked_out(self) -> bool:
        return self._blackout.isVisible()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.caption.set_scale(self.height())
        self._blackout.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scene.detach()
        self.finished.emit()
        super().closeEvent(event)
