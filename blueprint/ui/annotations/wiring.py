"""Puts the annotation UI into a main window: inspector tabs, the register and the
analysis docks, highlight modes in the View menu and toolbar, CSV export."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
)

from blueprint.model import Annotation
from blueprint.ui import settings
from blueprint.ui.analysis_panel import AnalysisDock
from blueprint.ui.analysis_panel.look import COMPACT_TABS, STYLE, themed
from blueprint.ui.session import Session

from .gaps_tab import GapsTab
from .highlight import GAP_MODES, MODES, NONE
from .highlight_view import HighlightController
from .notes_tab import NotesTab
from .quality_tab import QualityTab
from .register_dock import RegisterDock
from .servqual_tab import ServqualTab
from .tab_base import AnnotationTab

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def colour_blind_setting(window: MainWindow) -> bool:
    """The `colour_blind` preference: heat maps and chips in Okabe & Ito's set."""
    return bool(window.workspace.preferences.colour_blind)


def _submenu(menu_bar_or_menu, title: str) -> QMenu | None:
    for action in menu_bar_or_menu.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    return None


def _with_mnemonic(mode: str, text: str) -> str:
    """Menu text with an access key: the gap's number, else a letter of its own."""
    if mode in GAP_MODES:
        number = str(GAP_MODES[mode])
        return text.replace(number, f"&{number}", 1)
    letter = {"none": "No", "severity": "Severity", "quality": "Quality"}
    word = letter.get(mode, text)
    return text.replace(word, f"&{word}", 1)


class AnnotationUI(QObject):
    """Everything of the annotating and analysis UI one window holds."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: Session | None = None
        self.gaps, self.quality = GapsTab(), QualityTab()
        self.servqual, self.notes = ServqualTab(), NotesTab()
        self.tabs: list[AnnotationTab] = [
            self.gaps,
            self.quality,
            self.servqual,
            self.notes,
        ]
        self.tab_index: dict[str, int] = {}
        for tab in self.tabs:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(tab)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            index = window.inspector.add_tab(scroll, tab.title)
            self.tab_index[tab.body_kind] = index
            tab.count_changed.connect(
                lambda n, i=index, t=tab.title: window.inspector.tabs.setTabText(
                    i, f"{t} ({n})" if n else t
                )
            )
        window.inspector.selection_changed.connect(self._selection_changed)

        self.register = RegisterDock(window)
        self.register.jump_requested.connect(self.jump_to)
        self.register.export_requested.connect(self.export_register)
        self.analysis = AnalysisDock(window)
        self.analysis.select_requested.connect(self.select_in_current)
        self.highlight = HighlightController(
            window.current_view, lambda: colour_blind_setting(window), self
        )
        self.highlight_actions: dict[str, QAction] = {}
        self.highlight_combo = QComboBox()
        self.export_action = QAction("Annotation &Register as CSV…", window)
        window.tabs.currentChanged.connect(lambda _i: self._current_changed())
        window.workspace.preferences_changed.connect(self.preferences_changed)
        self._restyle()

    def _restyle(self) -> None:
        sheet = themed(STYLE)
        for tab in self.tabs:
            tab.setStyleSheet(sheet)
        self.register.setStyleSheet(sheet)
        self.analysis.restyle()
        self.window.inspector.tabs.tabBar().setStyleSheet(COMPACT_TABS)

    def preferences_changed(self) -> None:
        """Theme and colour-blind palette: show everything in the new colours."""
        self._restyle()
        colour_blind = colour_blind_setting(self.window)
        self.quality.colour_blind = colour_blind
        self.analysis.colour_blind = colour_blind
        if self.register.model.colour_blind != colour_blind:
            self.register.model.colour_blind = colour_blind
            self.register.model.reload()
        for tab in self.tabs:
            tab.refresh()
        self.analysis.restyle()
        self.highlight.apply()

    def docks(self) -> list[QDockWidget]:
        return [self.register, self.analysis]

    # -- installing into the window ----------------------------------------------------

    def install(self) -> None:
        """Place the docks and add the menus and toolbar entries."""
        w = self.window
        w.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.register)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.analysis)
        w.tabifyDockWidget(self.register, self.analysis)
        self.analysis.raise_()
        w.resizeDocks([self.register], [250], Qt.Orientation.Vertical)
        # five inspector tabs and the gap form need more room than properties
        w.resizeDocks([w.inspector], [380], Qt.Orientation.Horizontal)

        group = QActionGroup(self)
        group.setExclusive(True)
        menu = QMenu("&Highlight", w)
        menu.setToolTipsVisible(True)
        for mode, text in MODES.items():
            if mode in ("gap1", "severity"):
                menu.addSeparator()
            action = menu.addAction(_with_mnemonic(mode, text))
            action.setCheckable(True)
            action.setChecked(mode == NONE)
            action.setStatusTip(f"Highlight: {text}")
            action.triggered.connect(lambda _=False, m=mode: self.highlight.set_mode(m))
            group.addAction(action)
            self.highlight_actions[mode] = action
            self.highlight_combo.addItem(text, mode)
        view = _submenu(w.menuBar(), "View")
        if view is not None:
            view.addSeparator()
            view.addMenu(menu)
        self.export_action.setStatusTip("Export the annotations shown in the register")
        self.export_action.triggered.connect(self.export_register)
        file_menu = _submenu(w.menuBar(), "File")
        export = _submenu(file_menu, "Export") if file_menu is not None else None
        if export is not None:
            export.addSeparator()
            export.addAction(self.export_action)

        combo = self.highlight_combo
        combo.setAccessibleName("Highlight")
        combo.setToolTip("Highlight steps by their annotations")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.activated.connect(lambda i: self.highlight.set_mode(combo.itemData(i)))
        self.highlight.mode_changed.connect(self._mode_changed)
        toolbar = w.toolbar
        spacer = next(
            (
                a
                for a in toolbar.actions()
                if (widget := toolbar.widgetForAction(a)) is not None
                and widget.sizePolicy().horizontalPolicy()
                == QSizePolicy.Policy.Expanding
            ),
            None,
        )
        label = QLabel("Highlight:")
        label.setObjectName("dock_hint")
        label.setBuddy(combo)
        if spacer is not None:
            toolbar.insertSeparator(spacer)
            toolbar.insertWidget(spacer, label)
            toolbar.insertWidget(spacer, combo)
        else:
            toolbar.addWidget(label)
            toolbar.addWidget(combo)

    def _mode_changed(self, mode: str) -> None:
        self.highlight_actions[mode].setChecked(True)
        self.highlight_combo.setCurrentIndex(self.highlight_combo.findData(mode))

    # -- following the window ----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        doc = session.document if session is not None else None
        colour_blind = colour_blind_setting(self.window)
        self.quality.colour_blind = colour_blind
        self.register.model.colour_blind = colour_blind
        self.analysis.colour_blind = colour_blind
        for tab in self.tabs:
            tab.set_session(session)
        self.register.set_document(doc)
        self.highlight.set_document(doc)
        self.analysis.set_session(session)
        if session is not None:
            self._current_changed()
            self._selection_changed(
                self.window.inspector.diagram_id, self.window.inspector.ids
            )

    def _selection_changed(self, diagram_id: object, ids: object) -> None:
        for tab in self.tabs:
            tab.show_selection(diagram_id, ids)  # type: ignore[arg-type]

    def _current_changed(self) -> None:
        if self.session is None:
            return
        self.highlight.current_changed()
        self.analysis.set_diagram(self.window.current_diagram_id())

    # -- actions -----------------------------------------------------------------------

    def select_in_current(self, ids: tuple[str, ...]) -> None:
        """Select steps and connectors of the shown diagram and bring them into view."""
        view, scene = self.window.current_view(), self.window.current_scene()
        if view is None or scene is None:
            return
        scene.select_ids(ids)
        items = [i for i in scene.selectedItems()]
        if items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            view.centerOn(rect.center())

    def jump_to(self, annotation_id: str) -> None:
        """Open the annotation's diagram, select and centre its target, show its tab."""
        session = self.session
        if session is None:
            return
        a = session.document.get(annotation_id)
        if not isinstance(a, Annotation):
            return
        view = self.window.open_diagram(a.diagram_id)
        if view is None:
            return
        scene = view.diagram_scene()
        if a.target_kind == "node":
            scene.focus_node(a.target_id)
        elif a.target_kind == "edge":
            scene.select_ids([a.target_id])
        else:
            scene.select_ids([])
        item = scene.node_item(a.target_id) or scene.edge_item(a.target_id)
        if item is not None:
            view.centerOn(item.sceneBoundingRect().center())
        inspector = self.window.inspector
        inspector.show()
        inspector.raise_()
        inspector.tabs.setCurrentIndex(self.tab_index[a.kind])
        if a.kind == "gap":
            self.gaps.current_id = a.id
            self.gaps.refresh()

    def export_register(self) -> None:
        window, session = self.window, self.session
        if session is None:
            return
        folder = os.path.dirname(session.path or "") or settings.last_folder()
        title = session.document.project.title
        suggested = os.path.join(folder, f"{title} annotations.csv")
        path = window.prompts.export_path(window, suggested, ".csv")
        if not path:
            return
        try:
            count = self.register.export_csv(path)
        except OSError as error:
            window.prompts.error(
                window, "Could Not Export", f"{path}: {error.strerror or error}"
            )
            return
        window.statusBar().showMessage(
            f"Exported {count} annotation{'s' if count != 1 else ''} to "
            f"{os.path.basename(path)}",
            4000,
        )
