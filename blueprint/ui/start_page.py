"""The start page: new from a template, open an example as a copy, recent files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.examples import EXAMPLES
from blueprint.model.templates import TEMPLATES
from blueprint.resources import resource
from blueprint.store import EditSession, ProjectFileError, load_document
from blueprint.ui import settings
from blueprint.ui.icons import app_icon, icon, notation_icon
from blueprint.ui.session import Session

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

TAGLINE = (
    "Map a service the way its customers live it: service blueprints, Grönroos' "
    "service production system, delivery systems and the Gaps model."
)
EXAMPLE_NOTATION = "service-blueprint"  # every bundled example is a blueprint
TEMPLATE_COLUMNS = 3
CARD_ICON = 36
GALLERY_CARD = 200  # pixels: three templates side by side beside the panels
CARD_TEXT = 84  # characters of a description on a card; the tooltip has it all
RECENT_ROWS = 5  # at most this many rows show without scrolling


def _short(text: str) -> str:
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


def _example_text(path: Path) -> tuple[str, str]:
    example = next((e for e in EXAMPLES.values() if e.filename == path.name), None)
    if example is None:
        return path.stem.replace("-", " ").capitalize(), ""
    return example.title, example.description


class Card(QFrame):
    """A clickable tile (icon, title, description) that the keyboard can reach:
    Tab to it, Enter or Space to choose it."""

    activated = Signal()

    def __init__(self, title: str, text: str, icon_pixmap, accessible: str) -> None:
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
        body = QLabel(_short(text))
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


def _section(title: str, hint: str = "") -> tuple[QWidget, QVBoxLayout]:
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


class StartPage(QScrollArea):
    """Shown in a window in place of the diagram tabs when no diagram is open, and
    at start-up without a file. Choosing anything hides it again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self._forced = False
        self.setObjectName("start_page")
        self.setAccessibleName("Start page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        page.setObjectName("start_page_body")
        self.setWidget(page)

        outer = QHBoxLayout(page)
        outer.setContentsMargins(28, 28, 28, 28)
        column = QVBoxLayout()
        column.setSpacing(22)
        content = QWidget()
        content.setMaximumWidth(1080)
        content.setLayout(column)
        outer.addStretch(1)
        outer.addWidget(content, 12)
        outer.addStretch(1)

        column.addLayout(self._header())
        self.project_hint = self._project_hint()
        column.addWidget(self.project_hint)
        column.addWidget(self._recent())
        column.addWidget(self._templates())
        column.addWidget(self._examples())
        column.addStretch(1)

    # -- parts -----------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(56, 56))
        title = QLabel("Welcome to Blueprint")
        title.setObjectName("start_title")
        tagline = QLabel(TAGLINE)
        tagline.setObjectName("start_tagline")
        tagline.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(title)
        words.addWidget(tagline)
        self.open_button = QPushButton(icon("open"), "&Open Project…")
        self.open_button.setAccessibleName("Open a project file")
        self.open_button.clicked.connect(self.open_file)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _project_hint(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("start_notice")
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 8, 12, 8)
        self._hint_text = QLabel()
        self._hint_text.setWordWrap(True)
        self.open_first = QPushButton("Open &First Diagram")
        self.open_first.clicked.connect(self._open_first_diagram)
        row.addWidget(self._hint_text, 1)
        row.addWidget(self.open_first)
        frame.hide()
        return frame

    def _templates(self) -> QWidget:
        box, column = _section(
            "Start a new project",
            "Each template lays out a model as the literature draws it.",
        )
        self.gallery = _gallery(self)
        if self.gallery is not None:
            column.addWidget(self.gallery)
            self.template_cards: dict[str, Card] = {}
            return box
        grid = QGridLayout()
        grid.setSpacing(10)
        self.template_cards = {}
        for i, template in enumerate(TEMPLATES.values()):
            card = Card(
                template.name,
                template.description,
                notation_icon(template.notation, CARD_ICON).pixmap(
                    CARD_ICON, CARD_ICON
                ),
                f"New {template.name}",
            )
            card.activated.connect(lambda t=template.id: self.new_from_template(t))
            self.template_cards[template.id] = card
            grid.addWidget(card, i // TEMPLATE_COLUMNS, i % TEMPLATE_COLUMNS)
        column.addLayout(grid)
        return box

    def _examples(self) -> QWidget:
        box, column = _section(
            "Learn from a worked example",
            "Opens a copy: save it wherever you like, the example stays as it is.",
        )
        row = QHBoxLayout()
        row.setSpacing(10)
        self.example_cards: dict[str, Card] = {}
        for path in example_files():
            title, text = _example_text(path)
            card = Card(
                title,
                text,
                notation_icon(EXAMPLE_NOTATION, CARD_ICON).pixmap(CARD_ICON, CARD_ICON),
                f"Open the example {title}",
            )
            card.activated.connect(lambda p=path: self.open_example(p))
            self.example_cards[path.name] = card
            row.addWidget(card)
        column.addLayout(row)
        return box

    def _recent(self) -> QWidget:
        box, column = _section("Recent projects")
        self.recent = QListWidget()
        self.recent.setObjectName("start_recent")
        self.recent.setAccessibleName("Recent projects")
        self.recent.setIconSize(QSize(20, 20))
        self.recent.setUniformItemSizes(True)
        self.recent.setWordWrap(False)
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.currentRowChanged.connect(lambda _row: self._recent_buttons())
        self.recent_empty = QLabel(
            "Projects you open or save appear here.\nUse Open Project… to find one."
        )
        self.recent_empty.setObjectName("start_hint")
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remove_button = QPushButton("&Remove from List")
        self.remove_button.setAccessibleName("Remove the chosen project from the list")
        self.remove_button.clicked.connect(self.remove_current_recent)
        self.clear_missing = QPushButton("Forget &Missing")
        self.clear_missing.setAccessibleName("Forget projects whose files are gone")
        self.clear_missing.clicked.connect(self.forget_missing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_missing)
        buttons.addStretch(1)
        column.addWidget(self.recent)
        column.addWidget(self.recent_empty)
        column.addLayout(buttons)
        return box

    # -- showing ---------------------------------------------------------------------

    @property
    def forced(self) -> bool:
        return self._forced

    def show_page(self) -> None:
        """Show the page even though a diagram is open (start-up without a file)."""
        self._forced = True
        self.sync()
        first = self.gallery or next(iter(self.template_cards.values()), None)
        (first or self.open_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        self._forced = False
        self.sync()

    def sync(self) -> None:
        """Shown when asked for or when no diagram is open; the tabs otherwise."""
        tabs = self.window_.tabs
        shown = self._forced or tabs.count() == 0
        tabs.setVisible(not shown)
        self.setVisible(shown)
        if shown:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        gallery = getattr(self, "gallery", None)
        if (
            gallery is not None
            and watched is gallery
            and event.type() == QEvent.Type.Resize
        ):
            fit_height(gallery)
        return super().eventFilter(watched, event)

    def _tab_changed(self, index: int) -> None:
        if index >= 0:
            self._forced = False  # a diagram was opened or another project shown
        self.sync()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Recent files (missing ones greyed) and whether the project has diagrams."""
        self.recent.clear()
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
            self.recent.addItem(item)
        has_recent = self.recent.count() > 0
        rows = min(max(self.recent.count(), 1), RECENT_ROWS)
        row = self.recent.sizeHintForRow(0) if self.recent.count() else 28
        self.recent.setFixedHeight(rows * row + 2 * self.recent.frameWidth() + 6)
        self.recent.setVisible(has_recent)
        self.recent_empty.setVisible(not has_recent)
        self._recent_buttons()
        diagrams = self.window_.session.document.diagrams()
        closed_all = self.window_.tabs.count() == 0 and bool(diagrams)
        self.project_hint.setVisible(closed_all)
        if closed_all:
            n = len(diagrams)
            self._hint_text.setText(
                f"“{self.window_.session.document.project.title}” has {n} "
                f"diagram{'s' if n != 1 else ''}: open one from the Outline panel "
                "or start something new below."
            )

    def _recent_buttons(self) -> None:
        self.remove_button.setEnabled(self.recent.currentItem() is not None)
        self.clear_missing.setEnabled(
            any(not os.path.isfile(p) for p in self.recent_paths())
        )

    def recent_paths(self) -> list[str]:
        return [
            self.recent.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.recent.count())
        ]

    # -- choosing --------------------------------------------------------------------

    def new_from_template(self, template_id: str) -> MainWindow:
        # "blank" is the plain new project of File > New (one generic diagram)
        template = None if template_id == "blank" else template_id
        window = self.window_.workspace.new_project(self.window_, template)
        self._went(window)
        return window

    def open_example(self, path: Path) -> MainWindow | None:
        """Open a bundled example as a new unsaved project: the bundled file is
        only read, never locked or written."""
        try:
            document = load_document(path)
            session = Session(
                EditSession.create(document),
                autosave_seconds=self.window_.workspace.preferences.autosave_seconds,
            )
        except (ProjectFileError, OSError) as error:
            reason = (
                str(error)
                if isinstance(error, ProjectFileError)
                else (f"{path}: {error.strerror or error}")
            )
            self.window_.prompts.error(self.window_, "Could Not Open Example", reason)
            return None
        window = self.window_.workspace.show_session(session, self.window_)
        self._went(window)
        return window

    def open_file(self) -> MainWindow | None:
        return self._opened(self.window_.workspace.ask_and_open(self.window_))

    def open_recent(self, path: str) -> MainWindow | None:
        window = self.window_.workspace.open_path(path, self.window_)
        self.refresh()  # a missing file has left the list
        return self._opened(window)

    def _opened(self, window: MainWindow | None) -> MainWindow | None:
        if window is not None:
            self._went(window)
        return window

    def _went(self, window: MainWindow) -> None:
        if window is self.window_:
            self.dismiss()

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.open_recent(item.data(Qt.ItemDataRole.UserRole))

    def remove_current_recent(self) -> None:
        item = self.recent.currentItem()
        if item is not None:
            settings.remove_recent_file(item.data(Qt.ItemDataRole.UserRole))
            self.refresh()

    def forget_missing(self) -> None:
        for path in self.recent_paths():
            if not os.path.isfile(path):
                settings.remove_recent_file(path)
        self.refresh()

    def _open_first_diagram(self) -> None:
        diagrams = self.window_.session.document.diagrams()
        if diagrams:
            self.window_.open_diagram(diagrams[0].id)


def _gallery(page: StartPage) -> QWidget | None:
    """The template gallery with previews, when the editor has one, grown to show
    every card (the page scrolls, not the gallery)."""
    try:
        from blueprint.ui.gallery import TemplateGallery
    except ImportError:
        return None
    try:
        gallery = TemplateGallery(page, card_width=GALLERY_CARD)
    except TypeError:  # a gallery without a card size
        gallery = TemplateGallery(page)
    if not hasattr(gallery, "template_chosen"):
        return None
    gallery.template_chosen.connect(page.new_from_template)
    gallery.setStyleSheet(
        "QListView#template_gallery { background: transparent; border: none; }"
    )
    gallery.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    gallery.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    gallery.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    gallery.installEventFilter(page)
    return gallery


def fit_height(view: QListView) -> None:
    """Make a wrapping icon view as tall as its laid-out items."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    view.doItemsLayout()
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    height = last.bottom() + view.verticalOffset() + view.spacing() + 2
    height += 2 * view.frameWidth()
    if height > 0 and height != view.height():
        view.setFixedHeight(height)


def install_start_page(window: MainWindow) -> StartPage:
    """Put a start page in the window's central area, beside the diagram tabs."""
    page = StartPage(window)
    layout = window.centralWidget().layout()
    layout.addWidget(page)
    layout.setStretchFactor(page, 1)  # type: ignore[attr-defined]
    window.tabs.currentChanged.connect(page._tab_changed)
    window.outline.open_requested.connect(lambda _id: page.dismiss())
    window.palette.kind_activated.connect(lambda _kind: page.dismiss())
    page.sync()
    return page
