"""Help > Keyboard Shortcuts lists the real shortcuts; every menu entry can be
reached from the keyboard; panels, toolbars and dialogs have accessible names."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QMenu,
    QToolBar,
    QWidget,
)

from blueprint.ui.shortcuts_sheet import (
    ShortcutsDialog,
    collect_shortcuts,
    plain,
    typeable,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found[1].lower() if found else None


def walk(menu: QMenu, path: str, out: list[tuple[str, QAction]]) -> None:
    menu.aboutToShow.emit()  # fill menus built on demand (recent, templates…)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        out.append((path, action))
        sub = action.menu()
        if isinstance(sub, QMenu):
            walk(sub, f"{path} › {plain(sub.title())}", out)


def menu_entries(window) -> list[tuple[str, QAction]]:
    out: list[tuple[str, QAction]] = []
    for top in window.menuBar().actions():
        walk(top.menu(), plain(top.text()), out)
    return out


def test_shortcut_sheet_lists_the_actions_real_shortcuts(qtbot, window):
    window.actions_.shortcuts.trigger()
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None and sheet.isVisible()
    rows = set(sheet.visible_rows())
    expected = set()
    for _path, action in menu_entries(window):
        keys = [s.toString(NATIVE) for s in action.shortcuts() if typeable(s)]
        if keys and action.menu() is None:
            expected.add((plain(action.text()), "   or   ".join(keys)))
    assert expected and expected <= rows
    ctrl_s = QKeySequence("Ctrl+S").toString(NATIVE)
    assert ("Save", ctrl_s) in rows  # not the Save key some keyboards have
    assert QKeySequence(Qt.Key.Key_Save) in window.actions_.save.shortcuts()
    groups = [
        sheet.tree.topLevelItem(i).text(0)
        for i in range(sheet.tree.topLevelItemCount())
    ]
    assert groups[:3] == ["File", "Edit", "Edit › Arrange"] or groups[:2] == [
        "File",
        "Edit",
    ]
    assert "Help" in groups

    # generated, not written down: a changed shortcut shows in the next sheet
    window.actions_.zoom_fit.setShortcut(QKeySequence("Ctrl+Alt+J"))
    again = ShortcutsDialog(window)
    fit = QKeySequence("Ctrl+Alt+J").toString(NATIVE)
    assert ("Zoom to Fit", fit) in again.visible_rows()
    assert ("Zoom to Fit", fit) not in rows

    # the filter narrows by command or key
    again.filter.setText("zoom")
    shown = again.visible_rows()
    assert shown and all("zoom" in command.lower() for command, _ in shown)
    again.filter.setText("Ctrl+Shift+S")
    assert [c for c, _ in again.visible_rows()] == ["Save As"]


def test_panel_only_shortcuts_are_listed_by_panel(window):
    """The outline's F2 works only in its list: listed under the panel, once."""
    shortcuts = collect_shortcuts(window)
    rename = [s for s in shortcuts if s.command == "Rename Diagram"]
    assert [(s.group, s.keys) for s in rename] == [("Outline panel", ("F2",))]
    for s in shortcuts:
        assert s.keys and s.command and "&" not in s.command.replace("&&", "")


def test_every_menu_entry_is_reachable_by_keyboard(window):
    tops = [plain(a.text()) for a in window.menuBar().actions()]
    letters = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert None not in letters, tops
    assert len(set(letters)) == len(letters), tops
    by_menu: dict[str, dict[str, str]] = {}
    unreachable = []
    for path, action in menu_entries(window):
        letter = mnemonic(action.text())
        if letter is None and action.shortcut().isEmpty():
            unreachable.append(f"{path} › {action.text()}")
        if letter is not None:
            taken = by_menu.setdefault(path, {})
            assert letter not in taken, (
                f"{path}: {taken.get(letter)!r} and {action.text()!r} share "
                f"the letter {letter!r}"
            )
            taken[letter] = action.text()
    assert not unreachable, unreachable


def test_panels_toolbars_and_comfort_dialogs_have_accessible_names(qtbot, window):
    docks = window.findChildren(QDockWidget)
    assert len(docks) >= 4
    panels_menu = next(
        a.menu()
        for _path, a in menu_entries(window)
        if a.menu() is not None and plain(a.text()) == "Panels"
    )
    toggles = set(panels_menu.actions())
    for dock in docks:
        assert dock.accessibleName(), dock.windowTitle()
        assert dock.toggleViewAction() in toggles, dock.windowTitle()
    for bar in window.findChildren(QToolBar):
        if bar.isVisibleTo(window):
            assert bar.accessibleName() or bar.windowTitle()

    from blueprint.ui.dialogs.preferences import PreferencesDialog
    from blueprint.ui.export_report import ExportReportDialog

    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractButton)
    for widget in (
        window.start_page,
        PreferencesDialog(window, window.workspace.preferences, grid_sizes=True),
        ExportReportDialog(window),
        ShortcutsDialog(window),
    ):
        assert widget.accessibleName()
        unnamed = [
            type(w).__name__
            for w in widget.findChildren(QWidget)
            if isinstance(w, kinds)
            and not _inside_composite(w)
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())
        ]
        assert not unnamed, (type(widget).__name__, unnamed)


def _inside_composite(widget: QWidget) -> bool:
    """Parts of a spin box, combo box, list or field (its clear button) that Qt
    makes and names itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit
        ):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")
