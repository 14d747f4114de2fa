"""Help > Examples: each worked example opens as an unsaved copy of its bundled file,
so the file in resources/ is never locked, changed or saved over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from blueprint.model.examples import EXAMPLES
from blueprint.resources import resource
from blueprint.store import ProjectFileError, load_document
from blueprint.ui.session import Session

if TYPE_CHECKING:
    from blueprint.ui.app import Workspace
    from blueprint.ui.main_window import MainWindow


def open_example(
    workspace: Workspace, example_id: str, origin: MainWindow | None = None
) -> MainWindow | None:
    """A new, unsaved project copied from a worked example (Save asks for a path);
    None, with the reason shown, if the bundled file cannot be read."""
    example = EXAMPLES[example_id]
    path = resource("examples", example.filename)
    try:
        # load_document reads the file and leaves it byte-for-byte untouched: no
        # lock, no journal, no working copy beside it
        document = load_document(path)
        session = Session.new(
            document, autosave_seconds=workspace.preferences.autosave_seconds
        )
    except ProjectFileError as error:
        workspace.prompts.error(origin, "Could Not Open Example", str(error))
        return None
    except OSError as error:
        workspace.prompts.error(
            origin, "Could Not Open Example", f"{path}: {error.strerror or error}"
        )
        return None
    session.untitled_name = document.project.title
    window = workspace.show_session(session, origin)
    window.statusBar().showMessage(
        f"A copy of the example “{example.title}”: Save keeps it where you choose",
        6000,
    )
    return window


def fill_examples_menu(workspace: Workspace, origin: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for i, example in enumerate(EXAMPLES.values(), start=1):
        action = menu.addAction(
            f"&{i} {example.title}",
            lambda e=example.id: open_example(workspace, e, origin),
        )
        action.setStatusTip(example.description)
        action.setToolTip(example.description)
