"""TemplateGallery: the model templates as cards with a preview, name and
description; double click or Enter picks one. Used by File > New and the start page.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from blueprint import theme
from blueprint.model.templates import TEMPLATES

from .previews import load_preview

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 3

ACCENT = "#1f6feb"
BORDER = "#d0d7de"
CARD_PAD = 12
DESCRIPTION_LINES = 3


class _CardDelegate(QStyledItemDelegate):
    """Paints a template as a card: preview on top, name, then description."""

    def __init__(self, card: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.card

    def preview_height(self) -> int:
        return round((self.card.width() - 2 * CARD_PAD) * 0.56)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        card = QRectF(option.rect).adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        painter.setPen(
            QPen(
                QColor(ACCENT if selected else "#8c959f" if hovered else BORDER),
                2.0 if selected else 1.0,
            )
        )
        painter.setBrush(QColor("#f0f6ff" if selected else "#ffffff"))
        painter.drawRoundedRect(card, 10, 10)

        box = QRect(
            round(card.left()) + CARD_PAD,
            round(card.top()) + CARD_PAD,
            round(card.width()) - 2 * CARD_PAD,
            self.preview_height(),
        )
        painter.setPen(QPen(QColor("#e6eaef"), 1))
        painter.setBrush(QColor(theme.PAPER))
        painter.drawRoundedRect(QRectF(box), 6, 6)
        pixmap = index.data(PREVIEW_ROLE)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            fitted = pixmap.size().scaled(
                box.size() - QSize(8, 8), Qt.AspectRatioMode.KeepAspectRatio
            )
            target = QRect(0, 0, fitted.width(), fitted.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, pixmap)

        left = box.left()
        width = box.width()
        top = box.bottom() + 10
        name_font = QFont(option.font)  # type: ignore[attr-defined]
        name_font.setPointSizeF(name_font.pointSizeF() * 1.2)
        name_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(name_font)
        painter.setPen(QColor(theme.INK))
        # a long name takes a second line from the description
        name_lines = self._draw_wrapped(
            painter, str(index.data(Qt.ItemDataRole.DisplayRole)), left, top, width, 2
        )
        top += name_lines * painter.fontMetrics().lineSpacing() + 4
        painter.setFont(QFont(option.font))  # type: ignore[attr-defined]
        painter.setPen(QColor(theme.MUTED_INK))
        self._draw_wrapped(
            painter,
            str(index.data(DESCRIPTION_ROLE) or ""),
            left,
            top,
            width,
            DESCRIPTION_LINES + 1 - name_lines,
        )
        if focused and not selected:
            painter.setPen(QPen(QColor(ACCENT), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), 9, 9)
        painter.restore()

    @staticmethod
    def _draw_wrapped(
        painter: QPainter, text: str, left: int, top: int, width: int, most: int
    ) -> int:
        """At most `most` lines, the last one elided; returns the lines drawn."""
        metrics = painter.fontMetrics()
        layout = QTextLayout(text, painter.font())
        layout.beginLayout()
        lines = []
        while len(lines) < most:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append((line.textStart(), line.textLength()))
        layout.endLayout()
        y = top
        for n, (start, length) in enumerate(lines):
            piece = text[start : start + length].rstrip()
            if n == len(lines) - 1 and start + length < len(text):
                piece = metrics.elidedText(
                    text[start:], Qt.TextElideMode.ElideRight, width
                )
            painter.drawText(left, y + metrics.ascent(), piece)
            y += metrics.lineSpacing()
        return len(lines)


class TemplateGallery(QListView):
    """The templates as a grid of cards. `template_chosen(id)` on double click
    or Enter; `template_ids()`, `current_template()` and `select(id)` for callers."""

    template_chosen = Signal(str)
    current_template_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, card_width: int = 252) -> None:
        super().__init__(parent)
        self.setObjectName("template_gallery")
        self.setAccessibleName("Templates")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setSpacing(6)
        # as tall as its cards: a page embedding it scrolls as one
        self.setSizeAdjustPolicy(QListView.SizeAdjustPolicy.AdjustToContents)
        self.setStyleSheet(
            "QListView#template_gallery { background: #f6f8fa; border: none; }"
        )
        preview = round((card_width - 2 * CARD_PAD) * 0.56)
        line = QFontMetrics(self.font()).lineSpacing()
        # a name in 1.2x type over three lines of description, or two over two
        text = round(line * (2 * 1.3 + DESCRIPTION_LINES - 1)) + 14
        card = QSize(card_width, CARD_PAD * 2 + preview + text)
        self.setItemDelegate(_CardDelegate(card, self))
        self.model_ = QStandardItemModel(self)
        # blank first: Ctrl+N then Enter starts an empty project, as before
        ordered = sorted(TEMPLATES.values(), key=lambda t: t.id != "blank")
        for template in ordered:
            item = QStandardItem(template.name)
            item.setData(template.id, ID_ROLE)
            item.setData(template.description, DESCRIPTION_ROLE)
            item.setData(load_preview(template.id), PREVIEW_ROLE)
            item.setToolTip(template.description)
            item.setEditable(False)
            self.model_.appendRow(item)
        self.setModel(self.model_)
        self.doubleClicked.connect(self._activate)
        self.selectionModel().currentChanged.connect(
            lambda current, _old: self.current_template_changed.emit(
                current.data(ID_ROLE) or ""
            )
        )
        self.setCurrentIndex(self.model_.index(0, 0))

    def template_ids(self) -> list[str]:
        return [
            self.model_.index(row, 0).data(ID_ROLE)
            for row in range(self.model_.rowCount())
        ]

    def current_template(self) -> str | None:
        return self.currentIndex().data(ID_ROLE) or None

    def select(self, template_id: str) -> None:
        if template_id in (ids := self.template_ids()):
            self.setCurrentIndex(self.model_.index(ids.index(template_id), 0))

    def preview_of(self, template_id: str) -> QPixmap:
        row = self.template_ids().index(template_id)
        return self.model_.index(row, 0).data(PREVIEW_ROLE)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        template_id = index.data(ID_ROLE)
        if template_id:
            self.template_chosen.emit(template_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
