"""The editor application: one window per project, start-up, recovery, screenshots."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEventLoop, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from blueprint import theme
from blueprint.model.factory import new_document
from blueprint.model.templates import TEMPLATES, new_from_template
from blueprint.resources import resource
from blueprint.store import ProjectFileError, find_recoveries
from blueprint.ui import settings, themes
from blueprint.ui.canvas import DiagramScene
from blueprint.ui.dialogs.about import AboutDialog
from blueprint.ui.dialogs.preferences import PreferencesDialog
from blueprint.ui.dialogs.prompts import Prompts
from blueprint.ui.icons import app_icon, notation_icon
from blueprint.ui.main_window import MainWindow
from blueprint.ui.session import Session

SCREENSHOT_SIZE = (1440, 900)
READABLE_ZOOM = 0.6
_CASCADE = QPoint(28, 28)  # a new window's offset from the one it came from


# A quiet light chrome around the diagram, in the theme's neutral greys and accent.
STYLE_SHEET = """
QMainWindow, QDockWidget > QWidget { background: #f6f7f9; }
QMainWindow::separator { background: #d8dee4; width: 1px; height: 1px; }
QDockWidget { titlebar-close-icon: none; font-weight: 600; color: #1f2328; }
QDockWidget::title {
    background: #eef1f4; padding: 6px 10px; border-bottom: 1px solid #d8dee4;
}
QToolBar#main_toolbar {
    background: #ffffff; border: none; border-bottom: 1px solid #d8dee4;
    padding: 4px 8px; spacing: 2px;
}
QToolBar { background: transparent; border: none; spacing: 1px; }
QToolBar::separator { background: #d8dee4; width: 1px; margin: 5px 6px; }
QToolButton { border: 1px solid transparent; border-radius: 6px; padding: 4px; }
QToolButton:hover { background: #eef1f4; border-color: #d8dee4; }
QToolButton:pressed, QToolButton:checked { background: #dde3ea; }
QTabWidget#diagram_tabs::pane { border: none; }
QTabBar { background: #eef1f4; }
QTabBar::tab {
    background: #eef1f4; color: #57606a; padding: 7px 16px; border: none;
    border-right: 1px solid #d8dee4; min-width: 80px;
}
QTabBar::tab:selected {
    background: #ffffff; color: #1f2328; border-top: 2px solid #1f6feb;
}
QTabBar::tab:hover:!selected { background: #e4e8ec; }
QTabBar::close-button { image: url(@ICONS@/close.svg); subcontrol-position: right; }
QTabBar::close-button:hover { background: #d8dee4; border-radius: 3px; }
QStatusBar { background: #f6f7f9; border-top: 1px solid #d8dee4; color: #57606a; }
QStatusBar QLabel { padding: 0 10px; color: #57606a; }
QStatusBar::item { border: none; }
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {
    background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px;
    padding: 3px 6px; selection-background-color: #1f6feb;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus { border: 1px solid #1f6feb; }
QComboBox::drop-down, QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {
    border: none; width: 18px;
}
QComboBox::down-arrow, QAbstractSpinBox::down-arrow {
    image: url(@ICONS@/move-down.svg); width: 12px; height: 12px;
}
QAbstractSpinBox::up-arrow {
    image: url(@ICONS@/move-up.svg); width: 12px; height: 12px;
}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 1px solid #cf222e; background: #fff5f5;
}
QListView, QTreeView, QUndoView {
    background: #ffffff; border: 1px solid #d8dee4; border-radius: 6px;
    outline: none; padding: 2px;
}
QListView::item { padding: 3px 4px; border-radius: 4px; color: #1f2328; }
QListView::item:hover { background: #f0f3f6; }
QListView::item:selected { background: #ddf4ff; color: #0a3069; }
QLabel#dock_hint { color: #6e7781; padding: 4px; }
QFrame#read_only_banner { background: #fff8c5; border-bottom: 1px solid #d4a72c; }
QMenu { background: #ffffff; border: 1px solid #d0d7de; padding: 4px; }
QMenu::item { padding: 5px 24px 5px 24px; border-radius: 4px; }
QMenu::item:selected { background: #ddf4ff; color: #0a3069; }
QMenu::separator { height: 1px; background: #d8dee4; margin: 4px 8px; }
QMenuBar { background: #ffffff; border-bottom: 1px solid #eef1f4; }
QMenuBar::item { padding: 4px 10px; border-radius: 4px; }
QMenuBar::item:selected { background: #eef1f4; }
"""


def apply_style(app: QApplication, theme_name: str | None = None) -> None:
    """The Fusion style with the chrome of a theme (the saved one by default)."""
    app.setStyle("Fusion")
    if theme_name is None:
        theme_name = settings.load_preferences().theme
    themes.apply_theme(app, theme_name, STYLE_SHEET)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class Workspace(QObject):
    """The open windows, and what creates, finds and closes them."""

    preferences_changed = Signal()  # after new preferences were saved and applied

    def __init__(self, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.prompts = prompts or Prompts()
        self.preferences = settings.load_preferences()
        self.windows: list[MainWindow] = []

    def _session_options(self) -> dict[str, int]:
        return {"autosave_seconds": self.preferences.autosave_seconds}

    def _show(self, session: Session, origin: MainWindow | None) -> MainWindow:
        """Show a session in `origin` if that holds an untouched new project, else in
        a new window: one window per project, as in other design tools."""
        if (
            origin is not None
            and origin in self.windows
            and origin.session.is_untouched
        ):
            old = origin.session
            origin.set_session(session)
            old.close()
            old.deleteLater()
            origin.raise_()
            origin.activateWindow()
            return origin
        window = MainWindow(self, session)
        if origin is not None:
            window.resize(origin.size())
            window.restoreState(origin.saveState())
            window.move(origin.pos() + _CASCADE)
        elif not settings.restore_window_state(window):
            window.resize(*SCREENSHOT_SIZE)
        self.windows.append(window)
        window.show()
        return window

    def show_session(
        self, session: Session, origin: MainWindow | None = None
    ) -> MainWindow:
        """Show a session made elsewhere (an example's unsaved copy, say)."""
        return self._show(session, origin)

    def new_project(
        self, origin: MainWindow | None = None, template: str | None = None
    ) -> MainWindow:
        """A new project, blank or from one of the model templates."""
        if template is None:
            document = new_document(author=self.preferences.author)
        else:
            document = new_from_template(template)
            if self.preferences.author:
                document.set_project_info(author=self.preferences.author)
        return self._show(Session.new(document, **self._session_options()), origin)

    def fill_template_menu(self, origin: MainWindow, menu: QMenu) -> None:
        menu.clear()
        for i, template in enumerate(TEMPLATES.values(), start=1):
            action = menu.addAction(
                notation_icon(template.notation),
                f"&{i} {template.name}",
                lambda t=template.id: self.new_project(origin, t),
            )
            action.setStatusTip(template.description)
            action.setToolTip(template.description)

    def window_for(self, path: str) -> MainWindow | None:
        return next(
            (
                w
                for w in self.windows
                if w.session.path and _same_file(w.session.path, path)
            ),
            None,
        )

    def open_path(
        self, path: str, origin: MainWindow | None = None
    ) -> MainWindow | None:
        """Open a project file; an error is shown and None returned, nothing else."""
        path = os.path.abspath(path)
        existing = self.window_for(path)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            session = Session.open(path, **self._session_options())
        except ProjectFileError as error:
            self.prompts.error(origin, "Could Not Open Project", str(error))
            if not os.path.exists(path):
                settings.remove_recent_file(path)
            return None
        except OSError as error:
            self.prompts.error(
                origin, "Could Not Open Project", f"{path}: {error.strerror or error}"
            )
            return None
        settings.add_recent_file(path)
        window = self._show(session, origin)
        if session.read_only:
            window.statusBar().showMessage(
                "Opened read-only: the file is being edited elsewhere", 8000
            )
        return window

    def ask_and_open(self, origin: MainWindow | None) -> MainWindow | None:
        path = self.prompts.open_path(origin)
        return self.open_path(path, origin) if path else None

    def fill_recent_menu(self, origin: MainWindow, menu: QMenu) -> None:
        menu.clear()
        paths = settings.recent_files()
        for i, path in enumerate(paths, start=1):
            label = f"&{i % 10} {os.path.basename(path)}"
            action = menu.addAction(label, lambda p=path: self.open_path(p, origin))
            action.setToolTip(path)
            action.setStatusTip(path)
        if paths:
            menu.addSeparator()
        clear = menu.addAction("&Clear Menu", settings.clear_recent_files)
        clear.setEnabled(bool(paths))

    def offer_recovery(self, parent: QWidget | None = None) -> list[MainWindow]:
        """Offer to restore projects left behind by an editor that stopped."""
        try:
            recoveries = find_recoveries()
        except (ProjectFileError, OSError) as error:
            self.prompts.error(parent, "Recovery", str(error))
            return []
        if not recoveries:
            return []
        restored: list[MainWindow] = []
        for recovery, action in self.prompts.recoveries(parent, recoveries):
            try:
                if action == "restore":
                    session = Session.restore(recovery, **self._session_options())
                    restored.append(self._show(session, None))
                elif action == "discard":
                    recovery.discard()
            except (ProjectFileError, OSError) as error:
                self.prompts.error(parent, "Recovery", str(error))
        return restored

    def edit_preferences(self, origin: QWidget | None) -> None:
        dialog = PreferencesDialog(
            origin, self.preferences, grid_sizes=hasattr(DiagramScene, "grid_size")
        )
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: settings.Preferences) -> None:
        self.preferences = prefs
        settings.save_preferences(prefs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, prefs.theme)
        for window in self.windows:
            window.apply_preferences()
        self.preferences_changed.emit()

    def show_about(self, origin: QWidget | None) -> None:
        AboutDialog(origin).exec()

    def window_closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def quit(self) -> bool:
        """Close every window, asking about unsaved changes; False if one refused."""
        return all(window.close() for window in list(self.windows))


_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled DejaVu fonts so text looks the same on every machine."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    for file in theme.FONT_FILES.values():
        path = resource("fonts", file)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    app.setWindowIcon(app_icon())
    load_fonts()
    if app.font().family() != theme.FONT_FAMILY:
        app.setFont(QFont(theme.FONT_FAMILY, 9))
    apply_style(app)
    return app


def _settle(ms: int) -> None:
    """Let Qt lay out and paint for a moment (no user input is involved)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def screenshot_window(window: MainWindow, out: str) -> str | None:
    """Render a window to a PNG; the error message if that failed."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    _settle(150)
    view = window.current_view()
    if view is not None:
        view.zoom_to_fit()
        if view.zoom() < READABLE_ZOOM:
            # A wide diagram fitted whole has unreadable labels: show its start at
            # a zoom where steps can be read, as a designer would look at it.
            content = view.diagram_scene().content_rect()
            view.set_zoom(READABLE_ZOOM)
            port = view.mapToScene(view.viewport().rect()).boundingRect()
            view.centerOn(
                content.left() + port.width() / 2 - 20,
                content.center().y()
                if content.height() < port.height()
                else content.top() + port.height() / 2 - 20,
            )
    _settle(150)
    if not window.grab().save(out, "PNG"):
        return f"{out}: cannot write the image"
    return None


def run(path: str | None = None, screenshot: str | None = None) -> int:
    """Start the editor (on FILE if given); with `screenshot`, render and exit."""
    if screenshot and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    workspace = Workspace()
    if screenshot:
        return _run_screenshot(workspace, path, screenshot)
    workspace.offer_recovery()
    if path is not None:
        workspace.open_path(path)
    if not workspace.windows:
        workspace.new_project().start_page.show_page()
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


def _run_screenshot(workspace: Workspace, path: str | None, out: str) -> int:
    if path is not None:
        try:
            session = Session.open(os.path.abspath(path))
        except (ProjectFileError, OSError) as error:
            reason = (
                str(error)
                if isinstance(error, ProjectFileError)
                else (f"{path}: {error.strerror or error}")
            )
            print(f"blueprint: error: {reason}", file=sys.stderr)
            return 1
    else:
        session = Session.new(new_document(author=workspace.preferences.author))
    window = MainWindow(workspace, session)
    workspace.windows.append(window)
    try:
        error = screenshot_window(window, out)
    finally:
        window.shutdown(save_state=False)
        window.hide()
        window.deleteLater()
    if error:
        print(f"blueprint: error: {error}", file=sys.stderr)
        return 1
    return 0
