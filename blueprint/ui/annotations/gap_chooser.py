"""The gap chooser: a combo whose list shows each gap's name and its definition."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from blueprint.model.catalogue import GAPS

DEFINITION_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 6


def gap_tooltip(number: int) -> str:
    gap = GAPS[number]
    causes = "\n".join(f"• {c}" for c in gap.causes)
    return f"{gap.title}\n{gap.definition}\n\nTypical causes:\n{causes}\n\n{gap.source}"


class _TwoLines(QStyledItemDelegate):
    """Paints an entry as its name in bold over its definition, wrapped."""

    width = 320  # the open list's width, set before it opens

    def _definition_rect(self, option: QStyleOptionViewItem, top: int) -> QRect:
        r = option.rect  # type: ignore[attr-defined]
        return QRect(r.left() + PAD, top, r.width() - 2 * PAD, 10_000)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget
            )
        # the style sheet's selection is a light tint: body text reads on it
        palette = opt.palette  # type: ignore[attr-defined]
        ink = palette.color(QPalette.ColorRole.Text)
        painter.save()
        bold = QFont(opt.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        r = opt.rect  # type: ignore[attr-defined]
        line = QFontMetrics(bold).height()
        painter.drawText(
            QRect(r.left() + PAD, r.top() + PAD, r.width() - 2 * PAD, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self._definition_rect(opt, r.top() + PAD + line + 1),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            str(index.data(DEFINITION_ROLE) or ""),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.width
        fm = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        words = fm.boundingRect(
            QRect(0, 0, width - 2 * PAD, 10_000),
            Qt.TextFlag.TextWordWrap,
            str(index.data(DEFINITION_ROLE) or ""),
        )
        return QSize(width, PAD + fm.height() + 1 + words.height() + PAD)


class GapChooser(QComboBox):
    """Gap 1-5 by name; the open list also shows each gap's definition."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Gap")
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.setMinimumContentsLength(14)
        for number, gap in GAPS.items():
            self.addItem(gap.title, number)
            row = self.count() - 1
            self.setItemData(row, gap.definition, DEFINITION_ROLE)
            self.setItemData(row, gap_tooltip(number), Qt.ItemDataRole.ToolTipRole)
        self._delegate = _TwoLines(self)
        self.setItemDelegate(self._delegate)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)

    def showPopup(self) -> None:
        # wide enough that each definition takes a line or two
        width = max(self.width(), 320)
        self._delegate.width = (
            width - self.view().verticalScrollBar().sizeHint().width()
        )
        self.view().setMinimumWidth(width)
        self.view().doItemsLayout()
        super().showPopup()
