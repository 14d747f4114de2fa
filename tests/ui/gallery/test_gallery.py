"""File > New's template gallery and its shipped previews; Help > Examples copies."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from blueprint.model.examples import EXAMPLES
from blueprint.model.templates import TEMPLATES, new_from_template
from blueprint.resources import resource
from blueprint.store import load_document
from blueprint.ui.gallery import TemplateGallery
from blueprint.ui.gallery.dialog import NewProjectDialog
from blueprint.ui.gallery.previews import expected_size, preview_path

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    qtbot.keyClick(widget.focusWidget() or widget, key, modifiers)


def open_gallery(qtbot, window) -> NewProjectDialog:
    press(qtbot, window, K.Key_N, CTRL)
    dialog = window.findChild(NewProjectDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_each_template_ships_a_preview_of_its_current_layout(qtbot, template_id):
    from blueprint.ui.app import application

    application()
    path = preview_path(template_id)
    assert path.is_file(), (
        f"{path.name} is missing: run python -m blueprint.ui.gallery.previews"
    )
    shipped = QImage(str(path)).size()
    assert shipped == expected_size(template_id), (
        f"{path.name} is stale: run python -m blueprint.ui.gallery.previews"
    )


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_file_new_creates_a_project_from_each_template(
    qtbot, workspace, window, template_id
):
    dialog = open_gallery(qtbot, window)
    gallery = dialog.gallery
    qtbot.waitUntil(gallery.hasFocus)
    assert set(gallery.template_ids()) == set(TEMPLATES)
    gallery.select(template_id)
    press(qtbot, dialog, K.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(NewProjectDialog) is None)

    assert workspace.windows == [window]  # the untouched project was replaced
    doc = window.session.document
    (diagram,) = doc.diagrams()
    assert diagram.notation == template_id
    template = new_from_template(template_id)
    expected = template.nodes(template.diagrams()[0].id)
    assert sorted(n.label for n in doc.nodes(diagram.id)) == sorted(
        n.label for n in expected
    )
    assert window.session.path is None and not window.session.is_dirty


def test_a_double_click_creates_and_escape_creates_nothing(qtbot, workspace, window):
    first = window.session
    dialog = open_gallery(qtbot, window)
    press(qtbot, dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(NewProjectDialog) is None)
    assert window.session is first

    dialog = open_gallery(qtbot, window)
    gallery = dialog.gallery
    index = gallery.model().index(gallery.template_ids().index("gaps-model"), 0)
    gallery.scrollTo(index)
    qtbot.waitUntil(
        lambda: gallery.viewport().rect().contains(gallery.visualRect(index).center())
    )
    centre = gallery.visualRect(index).center()
    # a double click as a mouse makes it: a click, then the second press
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.findChild(NewProjectDialog) is None)
    assert window.session.document.diagrams()[0].notation == "gaps-model"


def test_cards_show_the_previews_blank_first(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    assert gallery.template_ids()[0] == "blank"
    assert gallery.current_template() == "blank"  # Ctrl+N, Enter: an empty project
    for template_id in TEMPLATES:
        assert not gallery.preview_of(template_id).isNull()
    chosen = []
    gallery.template_chosen.connect(chosen.append)
    gallery.select("service-concept")
    gallery.setFocus()
    qtbot.keyClick(gallery, K.Key_Enter)
    assert chosen == ["service-concept"]


def _fingerprint(folder) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


@pytest.mark.parametrize("example_id", list(EXAMPLES))
def test_help_examples_opens_an_unsaved_copy(
    qtbot, workspace, window, prompts, tmp_path, example_id
):
    folder = resource("examples")
    before = _fingerprint(folder)
    example = EXAMPLES[example_id]
    entries = [a for a in window.actions_.examples_menu.actions() if a.text()]
    assert [a.text().split(" ", 1)[1] for a in entries] == [
        e.title for e in EXAMPLES.values()
    ]
    entries[list(EXAMPLES).index(example_id)].trigger()

    session = window.session  # the untouched window took the copy
    assert session.path is None and not session.read_only
    assert session.display_name == example.title
    assert example.title in window.windowTitle()
    bundled = load_document(folder / example.filename)
    assert session.document.state() == bundled.state()
    assert _fingerprint(folder) == before  # no lock, journal or change

    target = tmp_path / "mine.blueprint"
    prompts.save_paths.append(str(target))
    press(qtbot, window, K.Key_S, CTRL)  # Save asks where: the copy has no file
    assert prompts.save_paths == [] and target.is_file()
    assert window.session.path == str(target)
    assert _fingerprint(folder) == before
