"""The start page: new from a template, open an example as a copy, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from blueprint.store import EditSession, ProjectFileError, load_document
from blueprint.ui.icons import app_icon, icon, notation_icon
from blueprint.ui.session import Session
from blueprint.ui.start_parts import (
    CARD_ICON,
    Card,
    RecentProjects,
    example_files,
    example_text,
    make_gallery,
    section,
)

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

TAGLINE = (
    "Map a service the way its customers live it: service blueprints, Grönroos' "
    "service production system, delivery systems and the Gaps model."
)
EXAMPLE_NOTATION = "service-blueprint"  # every bundled example is a blueprint


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
        box, column = section(
            "Start a new project",
            "Each template lays out a model as the literature draws it. Double-click "
            "a card or press Enter to start.",
        )
        self.gallery = make_gallery(self, self.new_from_template)
        column.addWidget(self.gallery)
        return box

    def _recent(self) -> QWidget:
        box, column = section("Recent projects")
        self.recent_box = RecentProjects()
        self.recent_box.chosen.connect(self.open_recent)
        column.addWidget(self.recent_box)
        # the list and its buttons, for the keyboard and for tests
        self.recent = self.recent_box.list
        self.recent_empty = self.recent_box.empty
        self.remove_button = self.recent_box.remove_button
        self.clear_missing = self.recent_box.clear_missing
        return box

    def _examples(self) -> QWidget:
        box, column = section(
            "Learn from a worked example",
            "Opens a copy: save it wherever you like, the example stays as it is.",
        )
        row = QHBoxLayout()
        row.setSpacing(10)
        self.example_cards: dict[str, Card] = {}
        for path in example_files():
            title, text = example_text(path)
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

    # -- showing ---------------------------------------------------------------------

    @property
    def forced(self) -> bool:
        return self._forced

    def show_page(self) -> None:
        """Show the page even though a diagram is open (start-up without a file)."""
        self._forced = True
        self.sync()
        self.gallery.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def _tab_changed(self, index: int) -> None:
        if index >= 0:
            self._forced = False  # a diagram was opened or another project shown
        self.sync()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Recent files (missing ones greyed) and whether the project has diagrams."""
        self.recent_box.refresh()
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

    def recent_paths(self) -> list[str]:
        return self.recent_box.paths()

    def _open_first_diagram(self) -> None:
        diagrams = self.window_.session.document.diagrams()
        if diagrams:
            self.window_.open_diagram(diagrams[0].id)


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
