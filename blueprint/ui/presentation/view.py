"""The read-only view of a presentation: glides to each step's area, dims the rest,
and draws a soft pointer that follows the mouse."""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRadialGradient,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from blueprint.ui.canvas import DiagramScene

SHADE = QColor(16, 20, 27, 150)  # over what the step is not about
SPOT_EDGE = QColor("#f2a900")  # amber reads well on projectors and on white
POINTER = QColor(255, 72, 48)
POINTER_RADIUS = 30.0
POINTER_IDLE_MS = 3000  # the pointer fades when the trainer stops moving it
GLIDE_MS = 420


class _Overlay(QWidget):
    """Paints the shade with holes for the lit spots, and the pointer."""

    def __init__(self, view: PresentationView) -> None:
        # a child of the view, not of its viewport: scrolling moves the viewport's
        # children, and the overlay must stay put over it
        super().__init__(view)
        self._view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if view.spots:
            holes = QPainterPath()
            for spot in view.spots:
                rect = view.mapFromScene(spot).boundingRect().toRectF()
                holes.addRoundedRect(rect, 10, 10)
            shade = QPainterPath()
            shade.addRect(QRectF(self.rect()))
            painter.fillPath(shade.subtracted(holes), SHADE)
            painter.setPen(QPen(SPOT_EDGE, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(holes.simplified())
        if view.pointer is not None:
            glow = QRadialGradient(view.pointer, POINTER_RADIUS)
            for stop, alpha in ((0.0, 170), (0.35, 120), (1.0, 0)):
                colour = QColor(POINTER)
                colour.setAlpha(alpha)
                glow.setColorAt(stop, colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(view.pointer, POINTER_RADIUS, POINTER_RADIUS)
        painter.end()


class PresentationView(QGraphicsView):
    """Shows a DiagramScene without letting anything in it be picked or changed."""

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setInteractive(False)  # no selection, drags, edits or context menus
        self.setAcceptDrops(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.BlankCursor)
        self.spots: list[QRectF] = []
        self.pointer: QPointF | None = None
        self.area = QRectF()
        self.glide_ms = GLIDE_MS
        self._from = QRectF()
        self._overlay = _Overlay(self)
        self._glide = QVariantAnimation(self)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._glide.valueChanged.connect(self._glide_to)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(POINTER_IDLE_MS)
        self._idle.timeout.connect(self.hide_pointer)

    def diagram_scene(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    # -- what is shown ----------------------------------------------------------------

    def show_area(self, area: QRectF, spots: list[QRectF]) -> None:
        """Glide to `area` and light `spots` (none: all lit)."""
        self.spots = list(spots)
        start = self.visible_rect()
        self.area = QRectF(area)
        self._glide.stop()
        if self.glide_ms <= 0 or not self.isVisible() or start.isEmpty():
            self._fit(self.target())
            return
        self._from = start
        self._glide.setDuration(self.glide_ms)
        self._glide.start()

    def target(self) -> QRectF:
        """The part of the scene shown once at `area`: the area grown to the
        viewport's shape, centred, or from the lane headers on for areas that
        start there (the lanes run on to the right, so nothing blank shows left)."""
        port = self.viewport().rect()
        area = self.area
        if area.isEmpty() or port.isEmpty():
            return QRectF(area)
        scale = min(port.width() / area.width(), port.height() / area.height())
        width, height = port.width() / scale, port.height() / scale
        left = area.left() if area.left() <= 0 else area.center().x() - width / 2
        return QRectF(left, area.center().y() - height / 2, width, height)

    def _glide_to(self, t: float) -> None:
        a, b = self._from, self.target()
        mixed = QRectF(
            a.left() + (b.left() - a.left()) * t,
            a.top() + (b.top() - a.top()) * t,
            a.width() + (b.width() - a.width()) * t,
            a.height() + (b.height() - a.height()) * t,
        )
        self._fit(mixed)

    def _fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.centerOn(rect.center())
        self._overlay.update()

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._overlay.setGeometry(self.viewport().geometry())
        self._fit(self.target())

    # -- the pointer ------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._repaint_pointer()
        self.pointer = event.position()
        self._idle.start()
        self._repaint_pointer()

    def hide_pointer(self) -> None:
        if self.pointer is not None:
            self._repaint_pointer()
            self.pointer = None

    def _repaint_pointer(self) -> None:
        """Only the pointer's neighbourhood: the scene under it repaints too."""
        if self.pointer is not None:
            r = POINTER_RADIUS + 2
            self._overlay.update(
                QRectF(
                    self.pointer.x() - r, self.pointer.y() - r, 2 * r, 2 * r
                ).toAlignedRect()
            )

    def leaveEvent(self, event: QEvent) -> None:
        self.hide_pointer()
        super().leaveEvent(event)

    # -- nothing moves but by the steps -----------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.ignore()
