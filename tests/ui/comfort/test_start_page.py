"""The start page: examples open as unsaved copies, templates, recent files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from blueprint.model.examples import EXAMPLES
from blueprint.model.templates import TEMPLATES
from blueprint.store import EditSession
from blueprint.ui import settings
from blueprint.ui.start_parts import example_files

EXAMPLE_FILES = example_files()


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in a folder with its content hash and modification time."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


def saved_project(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    with EditSession.create(EXAMPLES["restaurant-dinner"].build()) as session:
        session.save_as(path)
    return path


def choose_template(qtbot, page, template_id: str) -> None:
    """Pick a template in the gallery with the keyboard."""
    page.gallery.select(template_id)
    page.gallery.setFocus()
    qtbot.keyClick(page.gallery, Qt.Key.Key_Return)


@pytest.fixture
def start(workspace, qtbot):
    """A window at start-up without a file: the start page over a blank project."""
    w = workspace.new_project()
    w.start_page.show_page()
    qtbot.waitExposed(w)
    return w


def test_start_up_without_a_file_shows_the_start_page(start):
    page = start.start_page
    assert page.isVisible() and not start.tabs.isVisible()
    assert set(page.gallery.template_ids()) == set(TEMPLATES)
    assert sorted(page.example_cards) == sorted(p.name for p in EXAMPLE_FILES)
    assert len(EXAMPLE_FILES) == len(EXAMPLES)  # every worked example is offered
    # the keyboard starts on the templates
    assert page.focusWidget() is page.gallery


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_each_example_opens_as_an_unsaved_copy(start, qtbot, prompts, path, tmp_path):
    folder = path.parent
    before = fingerprint(folder)
    card = start.start_page.example_cards[path.name]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)

    session = start.session  # the untouched blank project was replaced in place
    assert session.path is None and not session.read_only
    example = next(e for e in EXAMPLES.values() if e.filename == path.name)
    assert session.document.project.title == example.title
    assert [d.name for d in session.document.diagrams()] == [
        d.name for d in example.build().diagrams()
    ]
    assert start.tabs.isVisible() and not start.start_page.isVisible()
    assert start.tabs.count() == 1
    assert fingerprint(folder) == before  # no lock, no working copy, no change

    # editing and saving the copy asks for a new file; the example stays as it is
    node = session.document.nodes(session.document.diagrams()[0].id)[0]
    session.update(node.id, "Rename", label="Changed in the copy")
    assert session.is_dirty
    out = tmp_path / "mine.blueprint"
    prompts.save_paths.append(str(out))
    assert start.save()
    assert out.is_file() and session.path == str(out)
    assert fingerprint(folder) == before


def test_example_by_keyboard_in_a_new_window_when_the_project_is_in_use(
    start, qtbot, workspace
):
    """A project with work in it is never replaced: the example gets a window."""
    start.start_page.dismiss()
    diagram = start.current_diagram_id()
    start.session.push(
        "Rename", lambda: start.session.document.update(diagram, name="Mine")
    )
    start.start_page.show_page()
    card = start.start_page.example_cards[EXAMPLE_FILES[0].name]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert len(workspace.windows) == 2
    other = workspace.windows[1]
    assert other.session.path is None and other.session.document.diagrams()
    assert start.session.document.get(diagram).name == "Mine"


def test_template_card_starts_a_project_with_the_preferred_author(
    start, qtbot, workspace
):
    workspace.preferences = settings.Preferences(author="Ada Lovelace")
    choose_template(qtbot, start.start_page, "gaps-model")
    doc = start.session.document
    assert [d.notation for d in doc.diagrams()] == ["gaps-model"]
    assert doc.project.author == "Ada Lovelace"
    assert not start.start_page.isVisible() and start.tabs.isVisible()


def test_recent_files_listed_missing_ones_greyed_and_removable(
    start, qtbot, tmp_path, workspace, prompts
):
    kept = saved_project(tmp_path, "kept.blueprint")
    gone = saved_project(tmp_path, "gone.blueprint")
    for path in (gone, kept):
        settings.add_recent_file(str(path))
    gone.unlink()
    page = start.start_page
    page.refresh()
    assert page.recent_paths() == [str(kept), str(gone)]
    live, missing = (page.recent.item(i) for i in range(2))
    assert "missing" in missing.text() and "missing" not in live.text()
    assert missing.foreground().color() != live.foreground().color()
    assert QFont(missing.font()).italic()
    assert page.clear_missing.isEnabled()

    page.clear_missing.click()
    assert settings.recent_files() == [str(kept)]
    assert page.recent_paths() == [str(kept)]
    assert not page.clear_missing.isEnabled()

    # Enter on a recent project opens it, here in place of the blank one
    page.recent.setCurrentRow(0)
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert start.session.path == str(kept)
    assert not page.isVisible()

    # a file that went missing since the list was drawn: one error, then gone
    settings.add_recent_file(str(gone))
    other = workspace.new_project()
    other.start_page.show_page()
    assert other.start_page.open_recent(str(gone)) is None
    assert len(prompts.errors) == 1 and str(gone) in prompts.errors[0]
    assert str(gone) not in other.start_page.recent_paths()

    # Remove from List forgets the chosen entry only
    other.start_page.recent.setCurrentRow(0)
    other.start_page.remove_button.click()
    assert settings.recent_files() == []
    assert other.start_page.recent_empty.isVisibleTo(other.start_page)


def test_closing_every_diagram_shows_the_start_page(window, qtbot):
    page = window.start_page
    assert not page.isVisible()
    window.close_tab(0)
    assert page.isVisible() and not window.tabs.isVisible()
    assert page.project_hint.isVisible()
    assert "1 diagram" in page._hint_text.text()
    page.open_first.click()
    assert window.tabs.count() == 1 and window.tabs.isVisible()
    assert not page.isVisible()
    # View > Start Page brings it back over open diagrams; opening a diagram
    # from the outline hides it again
    window.actions_.start_page.trigger()
    assert page.isVisible() and page.forced
    window.outline.open_requested.emit(window.current_diagram_id())
    assert not page.isVisible()


def test_open_button_asks_for_a_file(start, prompts, tmp_path):
    path = saved_project(tmp_path, "asked.blueprint")
    prompts.open_paths.append(str(path))
    start.start_page.open_button.click()
    assert start.session.path == str(path)
    assert not start.start_page.isVisible()
    assert settings.recent_files()[0] == os.path.abspath(path)


def test_the_editor_starts_on_the_start_page_without_a_file(
    qtbot, monkeypatch, tmp_path
):
    """`blueprint` with no file: one window, the start page over a blank project;
    with a file: the file's diagram, no start page."""
    from PySide6.QtWidgets import QApplication

    from blueprint.ui.app import run
    from blueprint.ui.main_window import MainWindow

    started: list[MainWindow] = []

    def fake_exec(self) -> int:  # instead of running the event loop: look
        started.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert run(None) == 0
        (window,) = [w for w in started if w.isVisible()]
        assert window.start_page.isVisible() and window.start_page.forced
        assert window.session.is_untouched
        window.shutdown(save_state=False)
        window.hide()
        started.clear()

        path = saved_project(tmp_path, "given.blueprint")
        assert run(str(path)) == 0
        (window,) = [w for w in started if w.isVisible()]
        assert window.session.path == str(path)
        assert not window.start_page.isVisible() and window.tabs.count() == 1
    finally:
        for w in started:
            w.shutdown(save_state=False)
            w.hide()
            w.deleteLater()
