"""Start-up with --screenshot, settings kept between runs, preferences, autosave."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from blueprint.model.examples import EXAMPLES
from blueprint.store import EditSession
from blueprint.ui import settings
from blueprint.ui.app import SCREENSHOT_SIZE, Workspace, run
from blueprint.ui.dialogs.about import NO_NETWORK, AboutDialog
from blueprint.ui.dialogs.preferences import PreferencesDialog

from .conftest import FakePrompts
from .helpers import add_from_palette


def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "hotel.blueprint"
    with EditSession.create(EXAMPLES["hotel-stay"].build()) as session:
        session.save_as(path)
    return path


def test_screenshot_renders_the_window_with_the_project(qtbot, tmp_path):
    path = example_file(tmp_path)
    out = tmp_path / "shot.png"
    assert run(str(path), screenshot=str(out)) == 0
    image = QImage(str(out))
    assert image.size() == QSize(*SCREENSHOT_SIZE)
    # a real rendering: many colours (lanes, notes, text), not a blank frame
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 900, 7)
    }
    assert len(colours) > 200
    assert settings.recent_files() == []  # a screenshot is not a visit


def test_screenshot_of_a_bad_file_is_a_one_line_error(qtbot, tmp_path, capsys):
    bad = tmp_path / "bad.blueprint"
    bad.write_bytes(b"not a project")
    out = tmp_path / "shot.png"
    assert run(str(bad), screenshot=str(out)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"blueprint: error: {bad}: ")
    assert not out.exists()
    assert run(None, screenshot=str(tmp_path / "no" / "dir" / "x.png")) == 1
    assert "cannot write" in capsys.readouterr().err


def test_geometry_docks_and_recent_files_persist(qtbot, workspace, prompts, tmp_path):
    window = workspace.new_project()
    window.resize(760, 560)  # within the offscreen screen (800 x 600)
    window.history.hide()
    path = tmp_path / "kept.blueprint"
    prompts.save_paths.append(str(path))
    assert window.save()
    assert settings.recent_files() == [str(path)]
    assert window.close()

    later = Workspace(FakePrompts())  # the next run
    try:
        again = later.new_project()
        assert again.size() == QSize(760, 560)
        assert not again.history.isVisibleTo(again)
        assert again.inspector.isVisibleTo(again)
        menu = again.actions_.recent_menu
        later.fill_recent_menu(again, menu)
        (entry,) = [a for a in menu.actions() if a.toolTip() == str(path)]
        assert entry.text() == "&1 kept.blueprint"
        entry.trigger()
        assert again.session.path == str(path)  # the untouched window was reused
        clear = [a for a in menu.actions() if a.text() == "&Clear Menu"][0]
        clear.trigger()
        assert settings.recent_files() == []
    finally:
        for w in list(later.windows):
            w.shutdown(save_state=False)
            w.deleteLater()
        # delete them while their workspace lives: it owns what they point at
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_recent_files_are_most_recent_first_without_duplicates(tmp_path):
    paths = [str(tmp_path / f"{i}.blueprint") for i in range(12)]
    for p in paths:
        settings.add_recent_file(p)
    settings.add_recent_file(paths[3])
    recent = settings.recent_files()
    assert recent[0] == paths[3] and len(recent) == settings.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_preferences_persist_and_apply(qtbot, window):
    dialog = PreferencesDialog(window, window.workspace.preferences)
    qtbot.addWidget(dialog)
    dialog.snap.setChecked(False)
    dialog.autosave.setValue(30)
    dialog.grid_size.setValue(20)
    dialog.author.setText("  Ada  ")
    prefs = dialog.preferences()
    window.workspace.apply_preferences(prefs)
    assert settings.load_preferences() == settings.Preferences(20, False, 30, "Ada")
    assert window.session._autosave.interval() == 30_000
    assert window.current_scene().snap_enabled is False
    # new projects carry the author's name
    fresh = window.workspace.new_project(window)
    assert fresh.session.document.project.author == "Ada"


def test_autosave_makes_unsaved_work_durable_in_the_working_copy(
    qtbot, window, tmp_path
):
    session = window.session
    session.set_autosave_interval(0.05)
    assert session.edit.working_copy.read_meta()["dirty"] is True  # never saved
    with qtbot.waitSignal(session.autosaved, timeout=3000):
        node_id = add_from_palette(qtbot, window, "action")
    # The checkpoint moved the change from the log into the database file: a
    # copy of that file alone (no -wal) already holds the new node.
    copy = tmp_path / "copy.blueprint"
    copy.write_bytes(session.edit.working_copy.db.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        ids = {row[0] for row in conn.execute("SELECT id FROM node")}
    finally:
        conn.close()
    assert node_id in ids


def test_autosave_waits_while_there_is_nothing_unsaved(
    qtbot, window, prompts, tmp_path
):
    session = window.session
    prompts.save_paths.append(str(tmp_path / "p.blueprint"))
    assert window.save()
    session.set_autosave_interval(0.05)
    with qtbot.assertNotEmitted(session.autosaved, wait=200):
        pass
    add_from_palette(qtbot, window, "action")
    session.undo_stack.undo()  # clean again before the interval ends
    with qtbot.assertNotEmitted(session.autosaved, wait=200):
        pass


def test_about_names_version_licences_and_privacy(qtbot):
    from blueprint import __version__

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert __version__ in summary and "no network connections" in NO_NETWORK
    assert NO_NETWORK in summary
    libraries = dialog.tabs.widget(0).text()
    for name in ("PySide6", "SQLAlchemy", "NetworkX", "ReportLab", "LGPL-3.0"):
        assert name in libraries
    assert "Bitstream" in dialog.tabs.widget(1).toPlainText()


def test_a_normal_start_on_a_bad_file_shows_the_error_and_goes_on(qtbot, tmp_path):
    """The real start-up path: the store's error in a real dialog, then an editor."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from blueprint.ui.main_window import MainWindow

    bad = tmp_path / "bad.blueprint"
    bad.write_bytes(b"\x00" * 512)
    seen: dict[str, object] = {}
    earlier = set(QApplication.topLevelWidgets())  # other tests' windows

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["error"] = box.text()
        box.accept()
        QTimer.singleShot(100, look_and_close)

    def look_and_close() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w not in earlier
        ]
        if not windows:  # a loaded machine may not have shown it yet
            QTimer.singleShot(50, look_and_close)
            return
        seen["titles"] = [w.windowTitle() for w in windows]
        for w in windows:
            w.close()  # a new, untouched project: closes without a question

    QTimer.singleShot(20, answer)
    guard = QTimer()  # never hang the suite
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)
    guard.start(15_000)
    try:
        assert run(str(bad)) == 0
    finally:
        guard.stop()
    assert str(seen["error"]).startswith(f"{bad}: ")
    assert seen["titles"] == ["Untitled[*] — Blueprint"]
