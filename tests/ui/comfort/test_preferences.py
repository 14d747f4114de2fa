"""Preferences persist in QSettings, survive a new window and apply at once:
theme, grid size and snapping, author, page size, colour-blind palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from blueprint import theme
from blueprint.model.rules import LANE_HEADER_WIDTH
from blueprint.ui import settings, themes
from blueprint.ui.app import Workspace
from blueprint.ui.dialogs.preferences import PreferencesDialog

from .conftest import FakePrompts


def fill_in(dialog: PreferencesDialog, qtbot) -> None:
    """What a user does in the dialog, by keyboard and clicks."""
    dialog.author.clear()
    qtbot.keyClicks(dialog.author, "Ada Lovelace")
    dialog.grid_size.setValue(25)
    dialog.autosave.setValue(120)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("A3"))
    dialog.colour_blind.setChecked(True)
    dialog.snap.setChecked(True)


def test_preferences_persist_and_apply_at_once(qtbot, workspace, window):
    seen = []
    workspace.preferences_changed.connect(lambda: seen.append(True))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.grid_size.isVisibleTo(dialog)  # the canvas draws any grid
        fill_in(dialog, qtbot)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.actions_.preferences.trigger()  # runs the dialog until answered

    prefs = settings.load_preferences()
    assert prefs == settings.Preferences(
        grid_size=25,
        snap_to_grid=True,
        autosave_seconds=120,
        author="Ada Lovelace",
        theme="dark",
        page_size="A3",
        colour_blind=True,
    )
    assert seen == [True]
    raw = QSettings(settings.ORGANISATION, settings.APPLICATION)
    assert raw.value("preferences/colour_blind") in (
        True,
        "true",
    )  # the key others read
    # applied at once: the open canvas, the chrome's palette, the session's autosave
    assert window.current_scene().grid_size == 25
    app = QApplication.instance()
    window_colour = app.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 60
    assert themes.current_theme() == "dark"
    assert window.session._autosave.interval() == 120_000

    # a new workspace (the next run) reads them back; its windows use them
    later = Workspace(FakePrompts())
    assert later.preferences == prefs
    new = later.new_project()
    try:
        assert new.session.document.project.author == "Ada Lovelace"
        assert new.current_scene().grid_size == 25
        from blueprint.ui.export_report import ExportReportDialog

        assert ExportReportDialog(new).page_size.currentData() == "A3"
    finally:
        new.shutdown(save_state=False)
        new.deleteLater()

    # back to light
    workspace.apply_preferences(settings.Preferences())
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert themes.current_theme() == "light"


def test_hand_edited_settings_fall_back_to_defaults(qtbot):
    raw = QSettings(settings.ORGANISATION, settings.APPLICATION)
    raw.setValue("preferences/theme", "purple")
    raw.setValue("preferences/page_size", "B5")
    raw.setValue("preferences/grid_size", "lots")
    raw.setValue("preferences/colour_blind", "yes")
    prefs = settings.load_preferences()
    assert (prefs.theme, prefs.page_size, prefs.grid_size) == ("light", "A4", 10)
    assert prefs.colour_blind is True


def grid_columns(scene, grid: float) -> list[int]:
    """x of the grid lines drawn across an empty stretch of one lane at 100 %."""
    scene.grid_size = grid
    lane, top, _bottom = scene.lane_spans()[0]
    source = QRectF(LANE_HEADER_WIDTH + 400, top + 5, 300, 10)
    image = QImage(300, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 300, 10), source)
    painter.end()
    fill = QColor(theme.LANE_FILL.get(lane.role, "#f8f9fa")).rgb()
    return [x for x in range(300) if image.pixel(x, 5) != fill]


def test_grid_size_changes_what_is_drawn_and_where_nodes_snap(qtbot, window):
    view, scene = window.current_view(), window.current_scene()
    fine, coarse = grid_columns(scene, 20), grid_columns(scene, 50)
    assert len(fine) == 15 and len(coarse) == 6
    assert all((LANE_HEADER_WIDTH + 400 + x) % 50 == 0 for x in coarse)

    # a node added and then dragged lands on the 50-unit grid
    scene.grid_size = 50
    view.zoom_reset()
    node_id = scene.add_node_at("action", QPointF(LANE_HEADER_WIDTH + 333, 80))
    node = window.session.document.get(node_id)
    assert node.x % 50 == 0 and node.y % 50 == 0
    port = view.viewport()
    start = view.mapFromScene(QPointF(node.x + 20, node.y + 20))
    end = view.mapFromScene(QPointF(node.x + 20 + 71, node.y + 20 + 12))
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
    )
    for i in range(1, 5):
        QTest.mouseMove(port, start + (end - start) * (i / 4))
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
    )
    moved = window.session.document.get(node_id)
    assert (moved.x - node.x, moved.y - node.y) == (50, 0)

    # snapping off: the node follows the pointer exactly
    scene.snap_enabled = False
    start, end = end, end + (end - start) / 2
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
    )
    QTest.mouseMove(port, end)
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
    )
    last = window.session.document.get(node_id)
    assert last.x % 50 != 0


def test_dark_chrome_keeps_the_diagram_paper_light(qtbot, workspace, window, tmp_path):
    workspace.apply_preferences(settings.Preferences(theme="dark"))
    try:
        view = window.current_view()
        view.resize(600, 400)
        image = view.viewport().grab().toImage()
        corner = QColor(image.pixel(image.width() - 5, image.height() - 5))
        assert corner.lightness() > 240  # paper, not the dark chrome
        toolbar = window.toolbar.grab().toImage()
        assert QColor(toolbar.pixel(toolbar.width() - 3, 3)).lightness() < 60
        # an icon glyph is drawn in the light ink on the dark toolbar
        glyph = window.actions_.save.icon().pixmap(24, 24).toImage()
        inks = [
            QColor.fromRgba(glyph.pixel(x, y))
            for x in range(24)
            for y in range(24)
            if QColor.fromRgba(glyph.pixel(x, y)).alpha() > 200
        ]
        assert inks and min(c.lightness() for c in inks) > 150
    finally:
        workspace.apply_preferences(settings.Preferences())
    glyph = window.actions_.save.icon().pixmap(24, 24).toImage()
    inks = [
        QColor.fromRgba(glyph.pixel(x, y))
        for x in range(24)
        for y in range(24)
        if QColor.fromRgba(glyph.pixel(x, y)).alpha() > 200
    ]
    assert max(c.lightness() for c in inks) < 100


class PaintCount(QObject):
    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_theme_switch_repaints_the_shown_icons_without_walking_every_widget(
    qtbot, workspace, window, monkeypatch
):
    """Every widget repaints through the new palette. Walking app.allWidgets()
    from Python instead crashed now and then (through wrappers of widgets Qt
    had deleted meanwhile), so it must not come back."""

    def refused(*_args):
        raise AssertionError("app.allWidgets() walked on a theme switch")

    monkeypatch.setattr(QApplication, "allWidgets", refused)
    button = window.toolbar.widgetForAction(window.actions_.save)
    painted = PaintCount(button)
    assert button.isVisible()
    workspace.apply_preferences(settings.Preferences(theme="dark"))
    try:
        qtbot.waitUntil(lambda: painted.count > 0)
    finally:
        workspace.apply_preferences(settings.Preferences())
    painted.count = 0
    qtbot.waitUntil(lambda: painted.count > 0)


def test_dark_style_sheet_has_no_light_backgrounds():
    import re

    from blueprint.ui.app import STYLE_SHEET

    light = re.findall(
        r"background: (#[0-9a-f]{6})", themes.stylesheet(STYLE_SHEET, "light")
    )
    dark = re.findall(
        r"background: (#[0-9a-f]{6})", themes.stylesheet(STYLE_SHEET, "dark")
    )
    assert len(dark) == len(light) > 20
    assert max(QColor(c).lightness() for c in light) > 240
    accent = QColor(themes.DARK.accent).lightness()
    assert all(QColor(c).lightness() <= accent for c in dark)
    assert (
        QColor(themes.dark_colour("#fafbfc")).lightness() < 60
    )  # unlisted colours too
