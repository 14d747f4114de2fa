"""Starting and leaving presentation mode from an editor window, and editing a
diagram's presentation steps as one undoable change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QWidget

from .dialog import PresentationStepsDialog
from .window import PresentationWindow

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


@dataclass
class EditorState:
    """What the trainer sees in the editor, to find it again after presenting."""

    geometry: QByteArray
    layout: QByteArray  # docks and toolbars
    window_state: Qt.WindowState
    tab: int
    views: list[tuple[QTransform, int, int]]  # per tab: zoom, scroll x, scroll y
    selection: list[str]
    focus: QWidget | None

    def differences(self, other: EditorState) -> list[str]:
        """The parts that differ (focus aside): empty when the editor is as it was."""
        names = ("geometry", "layout", "window_state", "tab", "views", "selection")
        return [n for n in names if getattr(self, n) != getattr(other, n)]

    def same_as(self, other: EditorState) -> bool:
        return not self.differences(other)


def capture(window: MainWindow) -> EditorState:
    views = []
    for i in range(window.tabs.count()):
        view = window.tabs.widget(i)
        h, v = view.horizontalScrollBar(), view.verticalScrollBar()  # type: ignore[attr-defined]
        views.append((view.transform(), h.value(), v.value()))  # type: ignore[attr-defined]
    scene = window.current_scene()
    return EditorState(
        window.saveGeometry(),
        window.saveState(),
        window.windowState(),
        window.tabs.currentIndex(),
        views,
        scene.selected_ids() if scene is not None else [],
        window.focusWidget(),
    )


def restore(window: MainWindow, state: EditorState) -> None:
    """Put the editor back as `state` found it (each part only if it changed)."""
    if window.windowState() != state.window_state:
        window.setWindowState(state.window_state)
    if window.saveGeometry() != state.geometry:
        window.restoreGeometry(state.geometry)
    if window.saveState() != state.layout:
        window.restoreState(state.layout)
    if window.tabs.currentIndex() != state.tab and state.tab < window.tabs.count():
        window.tabs.setCurrentIndex(state.tab)
    for i, (transform, x, y) in enumerate(state.views[: window.tabs.count()]):
        view = window.tabs.widget(i)
        if view.transform() != transform:  # type: ignore[attr-defined]
            view.setTransform(transform)  # type: ignore[attr-defined]
        view.horizontalScrollBar().setValue(x)  # type: ignore[attr-defined]
        view.verticalScrollBar().setValue(y)  # type: ignore[attr-defined]
    scene = window.current_scene()
    if scene is not None and scene.selected_ids() != state.selection:
        scene.select_ids(state.selection)
    window.raise_()
    window.activateWindow()
    if state.focus is not None and state.focus.window() is window:
        state.focus.setFocus(Qt.FocusReason.OtherFocusReason)


def start_presentation(window: MainWindow) -> PresentationWindow | None:
    """Present the window's current diagram full screen; Esc comes back to the
    editor exactly as it was."""
    diagram_id = window.current_diagram_id()
    if diagram_id is None:
        window.statusBar().showMessage("Open a diagram to present it", 4000)
        return None
    existing = window.findChild(PresentationWindow)
    if existing is not None:
        existing.activateWindow()
        return existing
    state = capture(window)
    shown = PresentationWindow(window.session.document, diagram_id, window)
    shown.finished.connect(lambda: restore(window, state))
    screen = window.screen()
    if screen is not None:
        shown.setGeometry(screen.geometry())
    shown.showFullScreen()
    shown.activateWindow()
    shown.setFocus(Qt.FocusReason.OtherFocusReason)
    return shown


def edit_presentation_steps(window: MainWindow) -> PresentationStepsDialog | None:
    """Open the Presentation Steps dialog for the current diagram; OK saves the
    order in the project as one undo step."""
    diagram_id = window.current_diagram_id()
    if diagram_id is None:
        return None
    session = window.session
    dialog = PresentationStepsDialog(window, session.document, diagram_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(
        lambda: session.update(
            diagram_id, "Change presentation steps", presentation=dialog.value()
        )
    )
    dialog.open()
    return dialog
