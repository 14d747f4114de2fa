"""The main window of one project: diagram tabs, docks, menus, status bar, title."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from blueprint.model import Diagram, EntitiesChanged
from blueprint.store import ProjectFileError
from blueprint.ui import settings
from blueprint.ui.actions import Actions, connect_actions
from blueprint.ui.annotations import AnnotationUI
from blueprint.ui.canvas import DiagramScene, DiagramView
from blueprint.ui.dialogs.prompts import Prompts, Unsaved
from blueprint.ui.docks.history import HistoryDock
from blueprint.ui.docks.inspector import InspectorDock
from blueprint.ui.docks.outline import OutlineDock
from blueprint.ui.docks.palette import PaletteDock
from blueprint.ui.icons import app_icon, icon
from blueprint.ui.menus import build_menus, build_toolbar
from blueprint.ui.session import Session
from blueprint.ui.start_page import install_start_page

if TYPE_CHECKING:
    from blueprint.ui.app import Workspace


class MainWindow(QMainWindow):
    """Edits one project; File > New and Open may give it another untouched one."""

    def __init__(self, workspace: Workspace, session: Session) -> None:
        super().__init__()
        self.workspace = workspace
        self.session = session
        self._views: dict[str, DiagramView] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self.find_state: tuple[str, list[str], int] = ("", [], -1)
        self.setWindowIcon(app_icon())
        self.setObjectName("main_window")
        self.setAccessibleName("Blueprint")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("diagram_tabs")
        self.tabs.setAccessibleName("Diagrams")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._current_changed())
        self.banner = self._read_only_banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.palette = PaletteDock(self)
        self.outline = OutlineDock(lambda: self.prompts, self)
        self.inspector = InspectorDock(self)
        self.history = HistoryDock(self)
        self.annotation_ui = AnnotationUI(self)  # annotation tabs, register, analysis
        left, right = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.addDockWidget(left, self.outline)
        self.addDockWidget(left, self.palette)
        self.addDockWidget(right, self.inspector)
        self.addDockWidget(right, self.history)
        self.resizeDocks(
            [self.outline, self.palette], [180, 420], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.inspector, self.history], [520, 180], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.outline, self.inspector], [230, 300], Qt.Orientation.Horizontal
        )
        self.palette.kind_activated.connect(self.add_node)
        self.outline.open_requested.connect(self.open_diagram)

        self.actions_ = Actions(self)
        build_menus(
            self,
            self.actions_,
            [
                self.outline,
                self.palette,
                self.inspector,
                self.history,
                *self.annotation_ui.docks(),
            ],
        )
        self.toolbar = build_toolbar(self, self.actions_)
        connect_actions(self)
        self.annotation_ui.install()

        self.path_label = QLabel()
        self.state_label = QLabel()
        self.selection_label = QLabel()
        self.zoom_label = QLabel()
        for label, name in (
            (self.path_label, "File path"),
            (self.state_label, "Save state"),
            (self.selection_label, "Selection"),
            (self.zoom_label, "Zoom"),
        ):
            label.setAccessibleName(name)
        self.statusBar().addWidget(self.path_label, 1)
        for label in (self.selection_label, self.zoom_label, self.state_label):
            self.statusBar().addPermanentWidget(label)

        self.start_page = install_start_page(self)
        self.set_session(session)

    @property
    def prompts(self) -> Prompts:
        return self.workspace.prompts

    # -- session -----------------------------------------------------------------

    def set_session(self, session: Session) -> None:
        """Show another project here (the caller closes the previous one)."""
        for diagram_id in list(self._views):
            self._close_view(diagram_id)
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.session = session
        session.setParent(self)
        session.dirty_changed.connect(self._update_title)
        session.path_changed.connect(self._update_title)
        session.autosaved.connect(
            lambda: self.statusBar().showMessage(
                "Unsaved work secured for recovery", 3000
            )
        )
        self._unsubscribe = session.document.events.subscribe(self._on_change)
        stack = session.undo_stack
        stack.canUndoChanged.connect(self.actions_.undo.setEnabled)
        stack.canRedoChanged.connect(self.actions_.redo.setEnabled)
        stack.undoTextChanged.connect(
            lambda t: self._step_tip(self.actions_.undo, "Undo", t)
        )
        stack.redoTextChanged.connect(
            lambda t: self._step_tip(self.actions_.redo, "Redo", t)
        )
        self.actions_.undo.setEnabled(stack.canUndo())
        self.actions_.redo.setEnabled(stack.canRedo())
        self.history.set_stack(stack)
        self.outline.set_session(session)
        self.inspector.set_session(session)
        self.annotation_ui.set_session(session)
        session.set_autosave_interval(self.workspace.preferences.autosave_seconds)
        diagrams = session.document.diagrams()
        if diagrams:
            self.open_diagram(diagrams[0].id)
        self._update_title()
        self._current_changed()

    @staticmethod
    def _step_tip(action, verb: str, text: str) -> None:
        action.setText(f"&{verb} {text}" if text else f"&{verb}")

    def _on_change(self, event: EntitiesChanged) -> None:
        for e in event.removed:
            if isinstance(e, Diagram) and e.id in self._views:
                self._close_view(e.id)
        for _, new in event.updated:
            if isinstance(new, Diagram) and new.id in self._views:
                self.tabs.setTabText(self.tabs.indexOf(self._views[new.id]), new.name)

    # -- tabs ----------------------------------------------------------------------

    def open_diagram(self, diagram_id: str) -> DiagramView | None:
        """Show a diagram in its tab, creating the tab on first use."""
        view = self._views.get(diagram_id)
        if view is None:
            diagram = self.session.document.get(diagram_id)
            if not isinstance(diagram, Diagram):
                return None
            scene = DiagramScene(
                self.session.document, diagram_id, self.session.undo_stack
            )
            self._apply_canvas_preferences(scene)
            view = DiagramView(scene)
            view.setAccessibleName(f"Diagram {diagram.name}")
            scene.selection_ids_changed.connect(self._selection_changed)
            scene.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            view.zoom_changed.connect(self._update_zoom)
            self._views[diagram_id] = view
            self.tabs.addTab(view, icon("diagram"), diagram.name)
        self.tabs.setCurrentWidget(view)
        return view

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        for diagram_id, v in list(self._views.items()):
            if v is view:
                self._close_view(diagram_id)

    def _close_view(self, diagram_id: str) -> None:
        view = self._views.pop(diagram_id)
        self.tabs.removeTab(self.tabs.indexOf(view))
        scene = view.diagram_scene()
        scene.detach()  # stop following the document
        view.deleteLater()
        scene.deleteLater()

    def current_view(self) -> DiagramView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DiagramView) else None

    def current_scene(self) -> DiagramScene | None:
        view = self.current_view()
        return view.diagram_scene() if view is not None else None

    def current_diagram_id(self) -> str | None:
        view = self.current_view()
        return next((d for d, v in self._views.items() if v is view), None)

    def open_diagram_ids(self) -> list[str]:
        return [
            d
            for i in range(self.tabs.count())
            for d, v in self._views.items()
            if v is self.tabs.widget(i)
        ]

    def _current_changed(self) -> None:
        diagram_id = self.current_diagram_id()
        diagram = self.session.document.get(diagram_id or "")
        self.palette.set_notation(
            diagram.notation if isinstance(diagram, Diagram) else None
        )
        self.outline.set_current(diagram_id)
        for action in self.actions_.edit_actions():
            action.setEnabled(diagram_id is not None)
        view = self.current_view()
        self._update_zoom(
            view.zoom() if view is not None and hasattr(view, "zoom") else None
        )
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        scene = self.current_scene()
        ids = list(scene.selected_ids()) if scene is not None else []
        self.inspector.show_selection(self.current_diagram_id(), ids)
        count = len(ids)
        self.selection_label.setText(f"{count} selected" if count else "No selection")
        for action in (
            self.actions_.cut,
            self.actions_.copy,
            self.actions_.duplicate,
            self.actions_.delete,
        ):
            action.setEnabled(count > 0)
        for action in self.actions_.align.values():
            action.setEnabled(count > 1)
        for action in self.actions_.distribute.values():
            action.setEnabled(count > 2)

    def _update_zoom(self, zoom: float | None) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %" if zoom else "")

    # -- title and status ------------------------------------------------------------

    def _update_title(self, *_args: object) -> None:
        s = self.session
        name = s.display_name + (" (read-only)" if s.read_only else "")
        self.setWindowTitle(f"{name}[*] — Blueprint")
        self.setWindowModified(s.is_dirty)
        self.setWindowFilePath(s.path or "")
        self.path_label.setText(s.path or "Not saved yet")
        self.path_label.setToolTip(s.path or "")
        if s.read_only:
            state = "Read-only"
        elif s.recovered:
            state = "Recovered, not saved"
        else:
            state = "Unsaved changes" if s.is_dirty else "Saved"
        self.state_label.setText(state)
        self.banner.setVisible(s.read_only)
        holder = s.lock_holder
        self._banner_text.setText(
            "This file is open in another Blueprint window"
            + (f" ({holder})" if holder else "")
            + ". You can edit here and keep your changes with Save As."
        )

    def _read_only_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("read_only_banner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        lock = QLabel()
        lock.setPixmap(icon("lock").pixmap(16, 16))
        self._banner_text = QLabel()
        self._banner_text.setWordWrap(True)
        button = QPushButton("Save As…")
        button.setAccessibleName("Save a copy under a new name")
        button.clicked.connect(self.save_as)
        row.addWidget(lock)
        row.addWidget(self._banner_text, 1)
        row.addWidget(button)
        banner.hide()
        return banner

    # -- files ---------------------------------------------------------------------

    def save(self) -> bool:
        if self.session.path is None or self.session.read_only:
            return self.save_as()
        try:
            self.session.save()
        except (ProjectFileError, OSError) as error:
            self.prompts.error(self, "Could Not Save", str(error))
            return False
        settings.add_recent_file(self.session.path or "")
        self.statusBar().showMessage(f"Saved {self.session.display_name}", 3000)
        self._update_title()
        return True

    def save_as(self) -> bool:
        suggested = (
            self.session.path or f"{self.session.document.project.title}.blueprint"
        )
        path = self.prompts.save_path(self, suggested)
        if not path:
            return False
        try:
            self.session.save_as(path)
        except (ProjectFileError, OSError) as error:
            self.prompts.error(self, "Could Not Save", str(error))
            return False
        settings.add_recent_file(path)
        self.statusBar().showMessage(f"Saved {self.session.display_name}", 3000)
        self._update_title()
        return True

    def confirm_discard(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True to go on."""
        if not self.session.is_dirty:
            return True
        answer = self.prompts.unsaved_changes(self, self.session.display_name)
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            if not self.confirm_discard():
                event.ignore()
                return
            self.shutdown(save_state=True)
        except Exception:
            # PySide 6.11 crashes the process when closeEvent raises: keep the
            # window (its work is still in the working copy) and report the bug.
            event.ignore()
            sys.excepthook(*sys.exc_info())
            return
        event.accept()

    def shutdown(self, *, save_state: bool) -> None:
        """Let go of the project: tabs, document listeners, the session's files."""
        if save_state:
            settings.save_window_state(self)
        for diagram_id in list(self._views):
            self._close_view(diagram_id)
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.outline.set_session(None)
        self.inspector.set_session(None)
        self.annotation_ui.set_session(None)
        self.history.set_stack(None)
        self.session.close()
        self.workspace.window_closed(self)

    # -- editing -------------------------------------------------------------------

    def add_node(self, kind: str) -> str | None:
        """Add a node of a kind in the middle of the visible part of the diagram."""
        view, scene = self.current_view(), self.current_scene()
        if view is None or scene is None:
            return None
        centre = view.mapToScene(view.viewport().rect().center())
        node_id = scene.add_node_at(kind, centre)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return node_id

    def _apply_canvas_preferences(self, scene: DiagramScene) -> None:
        prefs = self.workspace.preferences
        scene.snap_enabled = prefs.snap_to_grid
        if hasattr(scene, "grid_size"):  # a canvas that draws other grids than 10
            scene.grid_size = prefs.grid_size

    def apply_preferences(self) -> None:
        self.session.set_autosave_interval(self.workspace.preferences.autosave_seconds)
        for view in self._views.values():
            self._apply_canvas_preferences(view.diagram_scene())
