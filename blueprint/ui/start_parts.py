"""Parts of the start page: cards, sections, the recent projects list and the
template gallery fitted into a scrolling page."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.examples import EXAMPLES
from blueprint.resources import resource
from blueprint.ui import settings
from blueprint.ui.gallery import TemplateGallery
from blueprint.ui.icons import icon

CARD_ICON = 36
GALLERY_CARD = 200  # pixels: three templates side by side beside the panels
CARD_TEXT = 84  # characters of a description on a card; the tooltip has it all
RECENT_ROWS = 5  # at most this many rows show without scrolling


def short_text(text: str) -> str:
    """A card's description: the first sentence, cut at a word if still long."""
    first = text.split(". ")[0].rstrip(".") + "."
    if len(first) <= CARD_TEXT:
        return first
    head = first[:CARD_TEXT]
    clause = max(head.rfind(", "), head.rfind(": "), head.rfind("; "))
    if clause > CARD_TEXT // 3:  # end at a clause rather than mid-phrase
        return head[:clause] + "…"
    return head.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def example_files() -> list[Path]:
    """The bundled worked examples, in the order the model lists them."""
    folder = resource("examples")
    files = sorted(folder.glob("*.blueprint")) if folder.is_dir() else []
    order = [e.filename for e in EXAMPLES.values()]
    return sorted(files, key=lambda p: order.index(p.name) if p.name in order else 99)


def example_text(path: Path) -> tuple[str, str]:
    example = next((e for e in EXAMPLES.values() if e.filename == path.name), None)
    if example is None:
        return path.stem.replace("-", " ").capitalize(), ""
    return example.title, example.description


class Card(QFrame):
    """A clickable tile (icon, title, description) that the keyboard can reach:
    Tab to it, Enter or Space to choose it."""

    activated = Signal()

    def __init__(
        self, title: str, text: str, icon_pixmap: QPixmap, accessible: str
    ) -> None:
        super().__init__()
        self.setObjectName("start_card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        picture = QLabel()
        picture.setPixmap(icon_pixmap)
        picture.setFixedSize(icon_pixmap.deviceIndependentSize().toSize())
        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setObjectName("start_card_title")
        heading.setWordWrap(True)
        body = QLabel(short_text(text))
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setObjectName("start_card_text")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(heading)
        words.addWidget(body, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.title = title

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


def section(title: str, hint: str = "") -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(8)
    heading = QLabel(title)
    heading.setObjectName("start_section")
    column.addWidget(heading)
    if hint:
        note = QLabel(hint)
        note.setObjectName("start_hint")
        note.setWordWrap(True)
        column.addWidget(note)
    return box, column


class RecentProjects(QWidget):
    """The recent projects, missing files greyed; Enter or a double click opens
    one (`chosen(path)`); entries can be removed, missing ones all at once."""

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("start_recent")
        self.list.setAccessibleName("Recent projects")
        self.list.setIconSize(QSize(20, 20))
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.itemActivated.connect(
            lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.list.currentRowChanged.connect(lambda _row: self._buttons())
        self.empty = QLabel(
            "Projects you open or save appear here.\nUse Open Project… to find one."
        )
        self.empty.setObjectName("start_hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remove_button = QPushButton("&Remove from List")
        self.remove_button.setAccessibleName("Remove the chosen project from the list")
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_missing = QPushButton("Forget &Missing")
        self.clear_missing.setAccessibleName("Forget projects whose files are gone")
        self.clear_missing.clicked.connect(self.forget_missing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_missing)
        buttons.addStretch(1)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        column.addLayout(buttons)

    def refresh(self) -> None:
        self.list.clear()
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        for path in settings.recent_files():
            exists = os.path.isfile(path)
            name = os.path.basename(path)
            folder = os.path.dirname(path)
            item = QListWidgetItem(
                icon("open" if exists else "close"),
                f"{name}  —  {folder}" if exists else f"{name}  —  missing: {folder}",
            )
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            item.setToolTip(path if exists else f"{path}\nThe file is no longer there.")
            if not exists:
                item.setForeground(QColor(muted))
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
        has_recent = self.list.count() > 0
        rows = min(max(self.list.count(), 1), RECENT_ROWS)
        row = self.list.sizeHintForRow(0) if self.list.count() else 28
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 6)
        self.list.setVisible(has_recent)
        self.empty.setVisible(not has_recent)
        self._buttons()

    def _buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)
        self.clear_missing.setEnabled(any(not os.path.isfile(p) for p in self.paths()))

    def paths(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
        ]

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            settings.remove_recent_file(item.data(Qt.ItemDataRole.UserRole))
            self.refresh()

    def forget_missing(self) -> None:
        for path in self.paths():
            if not os.path.isfile(path):
                settings.remove_recent_file(path)
        self.refresh()


def make_gallery(parent: QWidget, chosen: Callable[[str], object]) -> TemplateGallery:
    """The template gallery with previews; it is as tall as its cards, so the page
    scrolls, not the gallery."""
    gallery = TemplateGallery(parent, card_width=GALLERY_CARD)
    gallery.template_chosen.connect(chosen)
    gallery.setStyleSheet(
        "QListView#template_gallery { background: transparent; border: none; }"
    )
    gallery.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    gallery.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    gallery.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    # its own size hint does not know how many cards fit a row: measure the
    # laid-out cards whenever its width changes
    gallery.installEventFilter(_FitHeight(gallery))
    return gallery


class _FitHeight(QObject):
    """Keeps a wrapping icon view as tall as its laid-out items."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QListView) and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            fit_height(watched)
        return False


def fit_height(view: QListView) -> None:
    """Make a wrapping icon view as tall as its items at its present width."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    view.doItemsLayout()
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    height = last.bottom() + view.verticalOffset() + view.spacing() + 2
    height += 2 * view.frameWidth()
    if height > 0 and height != view.height():
        view.setFixedHeight(height)
