"""Undo commands: thin leaves around Document edits, which return their own inverse."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from blueprint.model import Change, Document

# merge ids for QUndoCommand.mergeWith: consecutive edits of one kind on one target
MERGE_MOVE = 1
MERGE_TEXT = 2
MERGE_NUDGE = 3
MERGE_PROPERTY = 4


class DocumentCommand(QUndoCommand):
    """One undoable edit: `edit()` calls a Document method and returns its inverse.

    The first redo runs the edit; later undos and redos apply the recorded changes,
    so undo restores exactly the previous entities. Commands with the same merge id
    and key merge (typing into one field, nudging one selection) into one step.
    """

    def __init__(
        self,
        document: Document,
        text: str,
        edit: Callable[[], Change],
        *,
        merge_id: int = -1,
        merge_key: Hashable = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._edit: Callable[[], Change] | None = edit
        self._merge_id = merge_id
        self._merge_key = merge_key
        self._undo: list[Change] = []  # inverses, oldest first
        self._redo: list[Change] = []

    def redo(self) -> None:
        if self._edit is not None:
            self._undo = [self._edit()]
            self._edit = None
            if not self._undo[0]:
                self.setObsolete(True)
        else:
            self._undo = [self._document.apply(c) for c in self._redo]
        self._redo = []

    def undo(self) -> None:
        self._redo = [self._document.apply(c) for c in reversed(self._undo)]
        self._redo.reverse()
        self._undo = []

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, DocumentCommand)
            or other._merge_key != self._merge_key
        ):
            return False
        self._undo.extend(other._undo)
        return True


def apply_command(document: Document, text: str, change: Change) -> DocumentCommand:
    """A command that applies a prepared Change (paste, templates, imports)."""
    return DocumentCommand(document, text, lambda: document.apply(change))
