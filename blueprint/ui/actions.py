"""The window's actions with standard shortcuts, and what they do.

Every command is a QAction in a menu (so it is reachable by keyboard through the
menu bar's mnemonics) and most carry a platform-standard shortcut.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMenu,
)

from blueprint.ui import settings
from blueprint.ui.icons import icon

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def _shortcuts(*keys: Key | str) -> list[QKeySequence]:
    """Standard keys first; a plain fallback where a platform defines none."""
    out: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, str):
            out.append(QKeySequence(key))
        else:
            out.extend(QKeySequence.keyBindings(key))
    seen: list[QKeySequence] = []
    for seq in out:
        if not seq.isEmpty() and seq not in seen:
            seen.append(seq)
    return seen


class Actions(QObject):
    """All of a main window's actions, as attributes."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

        def make(
            text: str,
            icon_name: str | None = None,
            *keys: Key | str,
            tip: str = "",
        ) -> QAction:
            action = QAction(text, window)
            if icon_name:
                action.setIcon(icon(icon_name))
            shortcuts = _shortcuts(*keys)
            if shortcuts:
                action.setShortcuts(shortcuts)
            plain = text.replace("&", "").rstrip("…")
            if shortcuts:
                native = QKeySequence.SequenceFormat.NativeText
                plain += f" ({shortcuts[0].toString(native)})"
            action.setToolTip(tip or plain)
            action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
            window.addAction(action)  # shortcuts work even with the menu bar hidden
            return action

        # file
        self.new = make("&New", "new", Key.New, tip="Start a new project")
        self.open = make("&Open…", "open", Key.Open, tip="Open a project file")
        self.save = make("&Save", "save", Key.Save, tip="Save the project")
        self.save_as = make(
            "Save &As…", None, Key.SaveAs, "Ctrl+Shift+S", tip="Save under a new name"
        )
        self.export_png = make(
            "Diagram as &PNG Image…", None, tip="Export the current diagram as PNG"
        )
        self.export_svg = make(
            "Diagram as &SVG Drawing…", None, tip="Export the current diagram as SVG"
        )
        self.export_pdf = make(
            "Diagram as P&DF…", None, tip="Export the current diagram on one PDF page"
        )
        self.export_report = make(
            "Export Re&port…",
            "export",
            "Ctrl+Shift+E",
            tip="Write a PDF report of the project for a client",
        )
        self.print_ = make(
            "Pr&int…", None, Key.Print, tip="Print the current diagram on one page"
        )
        self.close = make(
            "&Close", "close", Key.Close, "Ctrl+W", tip="Close this project"
        )
        self.quit = make("&Quit", None, Key.Quit, "Ctrl+Q", tip="Quit Blueprint")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # edit
        self.undo = make("&Undo", "undo", Key.Undo)
        self.redo = make("&Redo", "redo", Key.Redo)
        self.cut = make("Cu&t", "cut", Key.Cut)
        self.copy = make("&Copy", "copy", Key.Copy)
        self.paste = make("&Paste", "paste", Key.Paste)
        self.duplicate = make("Dupl&icate", "duplicate", "Ctrl+D")
        self.delete = make("&Delete", "delete", Key.Delete)
        self.select_all = make("Select &All", "select-all", Key.SelectAll)
        self.find = make("&Find…", "find", Key.Find, tip="Find a step by its label")
        self.find_next = make("Find &Next", None, Key.FindNext, "F3")
        self.align = {
            how: make(text, "align" if i == 0 else None)
            for i, (how, text) in enumerate(
                (
                    ("left", "Align &Left Edges"),
                    ("hcenter", "Align &Centres Horizontally"),
                    ("right", "Align &Right Edges"),
                    ("top", "Align &Top Edges"),
                    ("vcenter", "Align &Middles Vertically"),
                    ("bottom", "Align &Bottom Edges"),
                )
            )
        }
        self.distribute = {
            how: make(text, "distribute" if i == 0 else None)
            for i, (how, text) in enumerate(
                (
                    ("horizontal", "Distribute &Horizontally"),
                    ("vertical", "Distribute &Vertically"),
                )
            )
        }
        self.preferences = make(
            "Pr&eferences…", "preferences", Key.Preferences, "Ctrl+,"
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        # view
        self.zoom_in = make("Zoom &In", "zoom-in", Key.ZoomIn, "Ctrl+=")
        self.zoom_out = make("Zoom &Out", "zoom-out", Key.ZoomOut)
        self.zoom_fit = make("Zoom to &Fit", "zoom-fit", "Ctrl+Shift+H")
        self.zoom_reset = make("&Actual Size (100 %)", "zoom-reset", "Ctrl+0")
        self.next_tab = make("Next Diagram", None, Key.NextChild, "Ctrl+PgDown")
        self.previous_tab = make(
            "Previous Diagram", None, Key.PreviousChild, "Ctrl+PgUp"
        )
        self.close_tab = make("Close Diagram &Tab")
        self.start_page = make(
            "&Start Page", None, tip="Templates, worked examples and recent projects"
        )
        self.present = make(
            "P&resent", None, "F5", tip="Show the diagram full screen, step by step"
        )
        self.presentation_steps = make(
            "Pr&esentation Steps…", None, tip="Choose and order the steps to present"
        )

        # help
        self.shortcuts = make(
            "&Keyboard Shortcuts",
            None,
            Key.HelpContents,
            "Ctrl+/",
            tip="Every command's keyboard shortcut",
        )
        self.about = make("&About Blueprint", "about")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.models_help = make(
            "&Models and Terms",
            None,
            tip="Each model, gap, criterion and SERVQUAL dimension, with sources",
        )
        self.examples_menu = QMenu("&Examples", window)
        self.examples_menu.setAccessibleName("Worked examples")

        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find a step")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.addAction(
            icon("find"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.find_field.setAccessibleName("Find a step")
        self.find_field.setMaximumWidth(220)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setAccessibleName("Open recent")
        self.template_menu = QMenu("New from &Template", window)
        self.template_menu.setAccessibleName("New from template")

    def edit_actions(self) -> list[QAction]:
        """Actions that need an open diagram."""
        return [
            self.cut,
            self.copy,
            self.paste,
            self.duplicate,
            self.delete,
            self.select_all,
            self.find,
            self.find_next,
            self.zoom_in,
            self.zoom_out,
            self.zoom_fit,
            self.zoom_reset,
            self.export_png,
            self.export_svg,
            self.export_pdf,
            self.print_,
            self.close_tab,
            self.present,
            self.presentation_steps,
            *self.align.values(),
            *self.distribute.values(),
        ]


# -- what the actions do -----------------------------------------------------------


def _on_scene(window: MainWindow, method: str, *args: object) -> Callable[[], None]:
    def call() -> None:
        scene = window.current_scene()
        if scene is not None:
            getattr(scene, method)(*args)

    return call


def _on_view(window: MainWindow, method: str) -> Callable[[], None]:
    def call() -> None:
        view = window.current_view()
        if view is not None:
            getattr(view, method)()

    return call


def cut(window: MainWindow) -> None:
    """Copy the selection, then delete it as one undo step named Cut."""
    scene = window.current_scene()
    if scene is None or not scene.copy_selection():
        return
    stack = window.session.undo_stack
    stack.beginMacro("Cut")
    try:
        scene.delete_selection()
    finally:
        stack.endMacro()


def focus_find(window: MainWindow) -> None:
    field = window.actions_.find_field
    window.toolbar.show()
    field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    field.selectAll()


def find_next(window: MainWindow) -> None:
    """Select the next step whose label holds the find field's text."""
    scene, text = window.current_scene(), window.actions_.find_field.text().strip()
    if scene is None or not text:
        return
    last, matches, index = window.find_state
    if text != last or not matches:
        matches, index = scene.find(text), -1
    if not matches:
        window.find_state = (text, [], -1)
        window.statusBar().showMessage(f"No step matches “{text}”", 4000)
        return
    index = (index + 1) % len(matches)
    window.find_state = (text, matches, index)
    scene.focus_node(matches[index])
    window.statusBar().showMessage(f"Match {index + 1} of {len(matches)}", 4000)


def export_diagram(window: MainWindow, suffix: str) -> None:
    """Export the current diagram as the canvas draws it (PNG or SVG)."""
    from blueprint.ui.canvas import ExportError, render_diagram

    diagram_id = window.current_diagram_id()
    if diagram_id is None:
        return
    session = window.session
    name = session.document.diagram(diagram_id).name
    folder = os.path.dirname(session.path or "") or settings.last_folder()
    path = window.prompts.export_path(
        window, os.path.join(folder, f"{name}{suffix}"), suffix
    )
    if not path:
        return
    try:
        render_diagram(session.document, diagram_id, Path(path))
    except ExportError as error:
        window.prompts.error(window, "Could Not Export", str(error))
        return
    except OSError as error:
        window.prompts.error(
            window, "Could Not Export", f"{path}: {error.strerror or error}"
        )
        return
    window.statusBar().showMessage(f"Exported {os.path.basename(path)}", 4000)


def _step_tab(window: MainWindow, delta: int) -> None:
    tabs = window.tabs
    if tabs.count():
        tabs.setCurrentIndex((tabs.currentIndex() + delta) % tabs.count())


def connect_actions(window: MainWindow) -> None:
    a, w = window.actions_, window.workspace
    a.new.triggered.connect(_later("gallery.dialog", "ask_new_project", window))
    a.open.triggered.connect(lambda: w.ask_and_open(window))
    a.recent_menu.aboutToShow.connect(lambda: w.fill_recent_menu(window, a.recent_menu))
    w.fill_template_menu(window, a.template_menu)
    a.save.triggered.connect(window.save)
    a.save_as.triggered.connect(window.save_as)
    a.export_png.triggered.connect(lambda: export_diagram(window, ".png"))
    a.export_svg.triggered.connect(lambda: export_diagram(window, ".svg"))
    a.close.triggered.connect(window.close)
    a.quit.triggered.connect(w.quit)
    a.undo.triggered.connect(lambda: window.session.undo_stack.undo())
    a.redo.triggered.connect(lambda: window.session.undo_stack.redo())
    a.cut.triggered.connect(lambda: cut(window))
    a.copy.triggered.connect(_on_scene(window, "copy_selection"))
    a.paste.triggered.connect(_on_scene(window, "paste_clipboard"))
    a.duplicate.triggered.connect(_on_scene(window, "duplicate_selection"))
    a.delete.triggered.connect(_on_scene(window, "delete_selection"))
    a.select_all.triggered.connect(_on_scene(window, "select_all"))
    a.find.triggered.connect(lambda: focus_find(window))
    a.find_next.triggered.connect(lambda: find_next(window))
    a.find_field.returnPressed.connect(lambda: find_next(window))
    for how, action in a.align.items():
        action.triggered.connect(_on_scene(window, "align", how))
    for how, action in a.distribute.items():
        action.triggered.connect(_on_scene(window, "distribute", how))
    a.preferences.triggered.connect(lambda: w.edit_preferences(window))
    a.zoom_in.triggered.connect(_on_view(window, "zoom_in"))
    a.zoom_out.triggered.connect(_on_view(window, "zoom_out"))
    a.zoom_fit.triggered.connect(_on_view(window, "zoom_to_fit"))
    a.zoom_reset.triggered.connect(_on_view(window, "zoom_reset"))
    a.next_tab.triggered.connect(lambda: _step_tab(window, 1))
    a.previous_tab.triggered.connect(lambda: _step_tab(window, -1))
    a.close_tab.triggered.connect(lambda: window.close_tab(window.tabs.currentIndex()))
    a.about.triggered.connect(lambda: w.show_about(window))
    _connect_comfort(window)


def _later(module: str, function: str, *args: object) -> Callable[[], None]:
    """Call a function of a module loaded on first use: the report's module needs
    reportlab, which the editor need not load to start."""

    def call() -> None:
        getattr(importlib.import_module(f"blueprint.ui.{module}"), function)(*args)

    return call


def _connect_comfort(window: MainWindow) -> None:
    a = window.actions_
    a.export_report.triggered.connect(
        _later("export_report", "show_export_dialog", window)
    )
    a.print_.triggered.connect(_later("printing", "print_current", window))
    a.export_pdf.triggered.connect(_later("printing", "export_pdf", window))
    a.shortcuts.triggered.connect(_later("shortcuts_sheet", "show_shortcuts", window))
    a.start_page.triggered.connect(lambda: window.start_page.show_page())
    _connect_teaching(window)


def _connect_teaching(window: MainWindow) -> None:
    from blueprint.ui.gallery.examples import fill_examples_menu

    a = window.actions_
    fill_examples_menu(window.workspace, window, a.examples_menu)
    a.models_help.triggered.connect(_later("models_help", "show_models_help", window))
    a.present.triggered.connect(
        _later("presentation.control", "start_presentation", window)
    )
    a.presentation_steps.triggered.connect(
        _later("presentation.control", "edit_presentation_steps", window)
    )
