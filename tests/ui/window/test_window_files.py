"""New, edit, save, reopen, undo; the unsaved-changes prompt; bad and locked files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.app import Workspace
from blueprint.ui.dialogs.prompts import Unsaved

from .conftest import FakePrompts
from .helpers import add_from_palette


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press the way the user makes it: to the active window's focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def build_project(qtbot, window) -> list[str]:
    """Two steps added from the palette, connected, one renamed in the inspector."""
    first = add_from_palette(qtbot, window, "action")
    second = add_from_palette(qtbot, window, "decision")
    scene = window.current_scene()
    doc = window.session.document
    # the second lands on the first (both at the view's centre): move it aside
    scene.commit_move({second: (doc.get(first).x + 200, doc.get(first).y)})
    edge = scene.commit_connect(first, second)
    assert edge is not None
    scene.select_ids([first])
    label = window.inspector.node_form.label
    label.selectAll()
    qtbot.keyClicks(label, "Check in")
    assert doc.get(first).label == "Check in"
    return [first, second, edge]


def test_new_edit_save_reopen_gives_the_same_project(qtbot, window, prompts, tmp_path):
    build_project(qtbot, window)
    assert window.isWindowModified()
    assert window.state_label.text() == "Unsaved changes"
    path = tmp_path / "hotel.blueprint"
    prompts.save_paths.append(str(path))
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle() == "hotel.blueprint[*] — Blueprint"
    assert window.state_label.text() == "Saved"
    assert window.path_label.text() == str(path)
    state = window.session.document.state()

    other = Workspace(FakePrompts())
    try:
        reopened = other.open_path(str(path))
        assert reopened is not None
        # the first window still has the file: the second may only read it
        assert reopened.session.read_only
        assert reopened.session.document.state() == state
    finally:
        for w in list(other.windows):
            w.shutdown(save_state=False)
            w.deleteLater()

    window.close()
    assert window not in window.workspace.windows
    again = window.workspace.open_path(str(path))
    assert again is not None and not again.session.read_only
    assert again.session.document.state() == state


def test_typing_a_label_is_one_undo_step(qtbot, window):
    node = add_from_palette(qtbot, window, "action")
    stack = window.session.undo_stack
    count = stack.count()
    label = window.inspector.node_form.label
    label.selectAll()
    qtbot.keyClicks(label, "Greet guest")
    assert stack.count() == count + 1
    assert window.session.document.get(node).label == "Greet guest"
    stack.undo()
    assert window.session.document.get(node).label == "Action"
    assert label.text() == "Action"


def test_an_empty_label_is_refused_without_an_undo_step(qtbot, window):
    node = add_from_palette(qtbot, window, "action")
    label = window.inspector.node_form.label
    count = window.session.undo_stack.count()
    label.selectAll()
    qtbot.keyClick(label, Qt.Key.Key_Delete)
    assert label.property("invalid") is True
    assert "label" in label.toolTip()
    assert window.session.document.get(node).label == "Action"
    assert window.session.undo_stack.count() == count


def test_undo_to_the_start_and_redo_to_the_end(qtbot, window, prompts, tmp_path):
    doc = window.session.document
    states = [doc.state()]
    add_from_palette(qtbot, window, "action")
    states.append(doc.state())
    build_project(qtbot, window)
    prompts.save_paths.append(str(tmp_path / "p.blueprint"))
    assert window.save()
    final = doc.state()
    stack = window.session.undo_stack
    while stack.canUndo():
        press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.state() == states[0]
    assert window.isWindowModified()
    stack.redo()
    assert doc.state() == states[1]
    while stack.canRedo():
        press(
            qtbot,
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert doc.state() == final
    assert not window.isWindowModified()  # back at the saved step


def test_close_with_unsaved_changes_cancel_keeps_the_window(qtbot, window, prompts):
    add_from_palette(qtbot, window, "action")
    prompts.unsaved.append(Unsaved.CANCEL)
    assert not window.close()
    assert prompts.asked_unsaved == ["Untitled"]
    assert window.isVisible() and window in window.workspace.windows


def test_close_with_unsaved_changes_discard_leaves_the_file(
    qtbot, window, prompts, tmp_path
):
    path = tmp_path / "kept.blueprint"
    prompts.save_paths.append(str(path))
    assert window.save_as()
    saved = path.read_bytes()
    add_from_palette(qtbot, window, "action")
    prompts.unsaved.append(Unsaved.DISCARD)
    assert window.close()
    assert window not in window.workspace.windows
    assert path.read_bytes() == saved


def test_close_with_unsaved_changes_save_writes_the_file(
    qtbot, window, prompts, tmp_path
):
    node = add_from_palette(qtbot, window, "action")
    path = tmp_path / "saved.blueprint"
    prompts.unsaved.append(Unsaved.SAVE)
    prompts.save_paths.append(str(path))  # untitled: Save asks for a name
    assert window.close()
    reopened = window.workspace.open_path(str(path))
    assert reopened is not None and node in reopened.session.document


def test_save_as_cancelled_cancels_the_close(qtbot, window, prompts):
    add_from_palette(qtbot, window, "action")
    prompts.unsaved.append(Unsaved.SAVE)
    prompts.save_paths.append(None)
    assert not window.close()
    assert window.isWindowModified()


def test_quit_asks_each_dirty_window_and_stops_at_cancel(qtbot, workspace, prompts):
    first = workspace.new_project()
    add_from_palette(qtbot, first, "action")
    second = workspace.new_project(first)  # first is touched: a second window
    assert second is not first and len(workspace.windows) == 2
    add_from_palette(qtbot, second, "action")
    prompts.unsaved[:] = [Unsaved.DISCARD, Unsaved.CANCEL]
    assert not workspace.quit()
    assert workspace.windows == [second]


def test_new_and_open_reuse_an_untouched_window(qtbot, workspace, prompts, tmp_path):
    window = workspace.new_project()
    assert workspace.new_project(window) is window  # still untouched
    source = workspace.new_project()  # no origin: a window of its own
    assert source is not window
    add_from_palette(qtbot, source, "action")
    path = tmp_path / "a.blueprint"
    prompts.save_paths.append(str(path))
    source.save_as()
    source.close()
    prompts.open_paths.append(str(path))
    assert workspace.ask_and_open(window) is window
    assert window.session.path == str(path)
    assert workspace.open_path(str(path), window) is window  # already open: raised


def test_opening_a_corrupt_file_shows_the_error_and_the_app_goes_on(
    qtbot, window, prompts, tmp_path
):
    bad = tmp_path / "broken.blueprint"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 300)
    before = bad.read_bytes()
    assert window.workspace.open_path(str(bad), window) is None
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith(f"{bad}: ")
    assert "\n" not in prompts.errors[0] and "Traceback" not in prompts.errors[0]
    assert bad.read_bytes() == before
    assert window.isVisible() and window.workspace.windows == [window]
    add_from_palette(qtbot, window, "action")  # still editing


@pytest.mark.parametrize("content", [b"", b"not a database at all"])
def test_opening_files_that_are_not_projects(qtbot, window, prompts, tmp_path, content):
    path = tmp_path / "other.blueprint"
    path.write_bytes(content)
    assert window.workspace.open_path(str(path), window) is None
    assert prompts.errors and prompts.errors[0].startswith(str(path))


def test_a_missing_recent_file_is_reported_and_forgotten(
    qtbot, window, prompts, tmp_path
):
    from blueprint.ui import settings

    gone = tmp_path / "gone.blueprint"
    settings.add_recent_file(str(gone))
    assert window.workspace.open_path(str(gone), window) is None
    assert str(gone) not in settings.recent_files()
    assert prompts.errors


def test_a_file_open_elsewhere_opens_read_only_and_offers_save_as(
    qtbot, workspace, prompts, tmp_path
):
    path = tmp_path / "shared.blueprint"
    owner = workspace.new_project()
    prompts.save_paths.append(str(path))
    owner.save_as()
    add_from_palette(qtbot, owner, "action")

    other = Workspace(FakePrompts())
    try:
        reader = other.open_path(str(path))
        assert reader is not None and reader.session.read_only
        assert "(read-only)" in reader.windowTitle()
        assert reader.banner.isVisibleTo(reader)
        assert reader.state_label.text() == "Read-only"
        add_from_palette(qtbot, reader, "decision")
        copy = tmp_path / "copy.blueprint"
        other.prompts.save_paths.append(str(copy))
        assert reader.save()  # Save on a read-only project is Save As
        assert copy.is_file() and not reader.session.read_only
        assert reader.session.path == str(copy)
        assert not reader.banner.isVisibleTo(reader)
    finally:
        for w in list(other.windows):
            w.shutdown(save_state=False)
            w.deleteLater()


def test_new_from_template_fills_the_untouched_window(qtbot, window):
    menu = window.actions_.template_menu
    names = [a.text().split(" ", 1)[1] for a in menu.actions()]
    assert "Service blueprint" in names and "Gaps model" in names
    action = menu.actions()[names.index("Service blueprint")]
    action.trigger()
    assert window.workspace.windows == [window]  # reused: it was untouched
    doc = window.session.document
    (diagram,) = doc.diagrams()
    assert diagram.notation == "service-blueprint" and doc.nodes(diagram.id)
    assert window.palette.notation == "service-blueprint"
    assert window.outline.diagram_ids() == [diagram.id]
    assert not window.isWindowModified()  # a new project, nothing to save yet
