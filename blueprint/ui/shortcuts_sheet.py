"""Help > Keyboard Shortcuts: read from the window's own actions, so it cannot drift."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText
DEVICE_KEYS = Qt.Key.Key_Help.value  # from here on: media, browser and launch keys


@dataclass(frozen=True)
class Shortcut:
    group: str  # "File", "Edit › Arrange", "Outline panel"
    command: str  # the action's text without mnemonics
    keys: tuple[str, ...]  # each shortcut as the platform writes it


def plain(text: str) -> str:
    """An action's text as read: no mnemonic markers, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def typeable(seq: QKeySequence) -> bool:
    """A sequence of keys every keyboard has: not the Help, Back, Open, Save…
    keys of some keyboards, which Qt's standard shortcuts also bind."""
    if seq.isEmpty():
        return False
    return all(seq[i].key().value < DEVICE_KEYS for i in range(seq.count()))


def _keys(action: QAction) -> tuple[str, ...]:
    return tuple(seq.toString(NATIVE) for seq in action.shortcuts() if typeable(seq))


def _walk(menu: QMenu, group: str, out: list[Shortcut], seen: set[int]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            _walk(sub, f"{group} › {plain(sub.title())}", out, seen)
            continue
        keys = _keys(action)
        seen.add(id(action))
        if keys:
            out.append(Shortcut(group, plain(action.text()), keys))


def collect_shortcuts(window: MainWindow) -> list[Shortcut]:
    """Every shortcut of the window: menu bar actions grouped by menu in menu
    order, then actions that work only inside a panel, grouped by panel."""
    out: list[Shortcut] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            _walk(menu, plain(menu.title()), out, seen)
    for dock in window.findChildren(QDockWidget):
        group = f"{plain(dock.windowTitle())} panel"
        names: set[str] = set()
        for action in dock.findChildren(QAction):
            keys = _keys(action)
            name = plain(action.text())
            if keys and id(action) not in seen and name and name not in names:
                names.add(name)
                out.append(Shortcut(group, name, keys))
    return out


class ShortcutsDialog(QDialog):
    """The shortcuts in a searchable two-column list, grouped as in the menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        heading = QLabel("Keyboard shortcuts")
        heading.setObjectName("dialog_title")
        hint = QLabel(
            "Every command is also in a menu: press Alt and the underlined letter "
            "to reach it without the mouse."
        )
        hint.setObjectName("dialog_hint")
        hint.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by command or key")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Shortcuts")
        self.tree.setObjectName("shortcuts_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tree.header().setStretchLastSection(True)
        self.shortcuts = collect_shortcuts(window)
        groups: dict[str, QTreeWidgetItem] = {}
        for s in self.shortcuts:
            parent = groups.get(s.group)
            if parent is None:
                parent = groups[s.group] = QTreeWidgetItem(self.tree, [s.group])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(parent, [s.command, "   or   ".join(s.keys)])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(600, 680)

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                row = group.child(j)
                hit = (
                    not needle
                    or any(needle in row.text(c).lower() for c in (0, 1))
                    or needle in group.text(0).lower()
                )
                row.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        return [
            (group.child(j).text(0), group.child(j).text(1))
            for i in range(self.tree.topLevelItemCount())
            if not (group := self.tree.topLevelItem(i)).isHidden()
            for j in range(group.childCount())
            if not group.child(j).isHidden()
        ]


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
