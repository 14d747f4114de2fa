"""The view of a diagram scene: zoom, pan, palette drops and the minimap overlay."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGestureEvent, QGraphicsView, QPinchGesture

from .minimap import Minimap
from .scene import DiagramScene

NODE_KIND_MIME = "application/x-blueprint-node-kind"
MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
FIT_MARGIN = 24.0


class DiagramView(QGraphicsView):
    """Shows a DiagramScene; the scene does the editing, the view the navigation."""

    zoom_changed = Signal(float)

    def __init__(self, scene: DiagramScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # A drag frame then repaints items only: drawing the grid and bands anew
        # was a third of a frame. The scene invalidates the background layer
        # whenever lanes, the grid or the width change.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._pan_from: QPoint | None = None
        self._space = False
        self.minimap = Minimap(self)
        self.horizontalScrollBar().valueChanged.connect(self.minimap.view_moved)
        self.verticalScrollBar().valueChanged.connect(self.minimap.view_moved)

    def diagram_scene(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    # -- zoom -------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to a factor (1.0 = 100 %), keeping `anchor` (viewport point) still."""
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if abs(zoom - self.zoom()) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        self.setTransform(QTransform.fromScale(zoom, zoom))
        drift = self.mapFromScene(fixed) - anchor.toPoint()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + drift.x())
        v.setValue(v.value() + drift.y())
        self.zoom_changed.emit(zoom)
        self.minimap.view_moved()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def zoom_to_fit(self) -> None:
        rect = (
            self.diagram_scene()
            .content_rect()
            .adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        )
        port = self.viewport().rect()
        if rect.isEmpty() or port.isEmpty():
            return
        zoom = min(port.width() / rect.width(), port.height() / rect.height(), 2.0)
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(rect.center())
        self.zoom_changed.emit(zoom)
        self.minimap.view_moved()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                anchor = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.set_zoom(self.zoom() * pinch.scaleFactor(), QPointF(anchor))
                event.accept()
                return True
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.set_zoom(self.zoom() * (1 + event.value()), event.position())
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QGestureEvent):
            return self.viewportEvent(event)
        return super().event(event)

    # -- pan --------------------------------------------------------------------------

    def _start_pan(self, event: QMouseEvent) -> None:
        self._pan_from = event.position().toPoint()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - delta.x())
            v.setValue(v.value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.diagram_scene()
        if not scene.editing():
            if event.key() == Qt.Key.Key_Space:
                if not event.isAutoRepeat():
                    self._space = True
                    self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.ZoomIn) or (
                event.key() == Qt.Key.Key_Equal
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.zoom_in()
                return
            if event.matches(QKeySequence.StandardKey.ZoomOut):
                self.zoom_out()
                return
            if (
                event.key() == Qt.Key.Key_0
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.zoom_reset()
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space = False
        super().focusOutEvent(event)

    # -- palette drops ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(NODE_KIND_MIME):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(NODE_KIND_MIME):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not mime.hasFormat(NODE_KIND_MIME):
            super().dropEvent(event)
            return
        kind = bytes(mime.data(NODE_KIND_MIME)).decode("utf-8", "replace").strip()
        pos = self.mapToScene(event.position().toPoint())
        if self.diagram_scene().add_node_at(kind, pos) is not None:
            event.acceptProposedAction()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            event.ignore()

    # -- overlay ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.minimap.place()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
