"""The main window's menu bar and toolbar, built from its Actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

if TYPE_CHECKING:
    from blueprint.ui.actions import Actions
    from blueprint.ui.main_window import MainWindow


def _proxy(menu: QMenu, source: QAction, text: str) -> QAction:
    """A menu entry that runs another action (one whose shortcut only works in its
    own panel), enabled when that one is."""
    proxy = menu.addAction(source.icon(), text)
    proxy.setStatusTip(source.statusTip())
    proxy.triggered.connect(source.trigger)
    proxy.setEnabled(source.isEnabled())
    source.changed.connect(lambda: proxy.setEnabled(source.isEnabled()))
    return proxy


def build_diagram_menu(window: MainWindow) -> QMenu:
    """The outline's commands in the menu bar, for the keyboard."""
    outline = window.outline
    menu = QMenu("&Diagram", window)
    _proxy(menu, outline.add_action, "&Add Diagram…")
    _proxy(menu, outline.duplicate_action, "Dupl&icate Diagram")
    rename = _proxy(menu, outline.rename_action, "&Rename Diagram")
    rename.triggered.disconnect()

    def rename_in_outline() -> None:
        outline.show()
        outline.list.setFocus()
        outline.rename_current()

    rename.triggered.connect(rename_in_outline)
    menu.addSeparator()
    _proxy(menu, outline.up_action, "Move &Up")
    _proxy(menu, outline.down_action, "Move Dow&n")
    menu.addSeparator()
    _proxy(menu, outline.delete_action, "&Delete Diagram…")
    return menu


def with_mnemonic(text: str, used: set[str]) -> str:
    """The text with a mnemonic no other entry of its menu has (a word's first
    letter if one is free); `used` collects the letters taken."""
    starts = [
        i for i, c in enumerate(text) if c.isalnum() and text[i - 1 : i] in ("", " ")
    ]
    rest = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    for i in starts + rest:
        if text[i].lower() not in used:
            used.add(text[i].lower())
            return f"{text[:i]}&{text[i:]}"
    return text


def build_menus(window: MainWindow, a: Actions, docks: list[QWidget]) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addAction(a.new)
    file.addMenu(a.template_menu)
    file.addAction(a.open)
    file.addMenu(a.recent_menu)
    file.addSeparator()
    file.addActions([a.save, a.save_as])
    export = file.addMenu("&Export")
    export.addActions([a.export_png, a.export_svg, a.export_pdf])
    file.addAction(a.export_report)
    file.addAction(a.print_)
    file.addSeparator()
    file.addActions([a.close, a.quit])

    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.find, a.find_next])
    edit.addSeparator()
    arrange = edit.addMenu("Arran&ge")
    arrange.addActions(list(a.align.values()))
    arrange.addSeparator()
    arrange.addActions(list(a.distribute.values()))
    edit.addSeparator()
    edit.addAction(a.preferences)

    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_reset])
    view.addSeparator()
    view.addActions([a.next_tab, a.previous_tab, a.close_tab])
    view.addAction(a.start_page)
    view.addSeparator()
    view.addActions([a.present, a.presentation_steps])
    view.addSeparator()
    panels = view.addMenu("&Panels")
    used: set[str] = set()
    for dock in docks:
        toggle = dock.toggleViewAction()  # type: ignore[attr-defined]
        toggle.setText(with_mnemonic(toggle.text(), used))
        panels.addAction(toggle)

    bar.addMenu(build_diagram_menu(window))
    help_ = bar.addMenu("&Help")
    help_.addAction(a.models_help)
    help_.addMenu(a.examples_menu)
    help_.addSeparator()
    help_.addAction(a.shortcuts)
    help_.addAction(a.about)


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName("Main toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.addActions([a.new, a.open, a.save])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    bar.addSeparator()
    bar.addActions([a.zoom_out, a.zoom_in, a.zoom_fit, a.zoom_reset])
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(a.find_field)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
