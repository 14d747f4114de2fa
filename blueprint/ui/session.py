"""An open project: the store's EditSession, its Document and one QUndoStack.

Dirty means `not undo_stack.isClean()`: a successful save marks the stack clean, so
undoing back to the saved step makes the project clean again. Every change goes
through `push` (a DocumentCommand on the stack), which the store's working copy
records as it is applied.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from blueprint.model import Change, Document
from blueprint.model.factory import new_document
from blueprint.store import EditSession, ProjectFileError
from blueprint.ui.commands import DocumentCommand

UNTITLED = "Untitled"


class Session(QObject):
    """One project open for editing, with its undo history and autosave timer."""

    dirty_changed = Signal(bool)
    path_changed = Signal()
    autosaved = Signal()
    autosave_failed = Signal(str)

    def __init__(
        self,
        edit: EditSession,
        *,
        recovered: bool = False,
        autosave_seconds: float = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = edit
        self.document: Document = edit.document
        self.undo_stack = QUndoStack(self)
        self.recovered = recovered
        # Restored work was never saved, and an upgraded older file differs from
        # what is on disk: dirty until saved, with no undo step leading back to a
        # "clean" state that the file does not hold.
        if recovered or (edit.path is not None and edit.has_unsaved_changes):
            self.undo_stack.resetClean()
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._changed)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.timeout.connect(self.autosave)
        self.set_autosave_interval(autosave_seconds)
        # the store groups bursts of changes into one commit; commit them as soon
        # as the event loop is idle, so a crash loses nothing the user saw happen
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(edit.flush)
        self._unsubscribe = self.document.events.subscribe(self._schedule_flush)
        self._closed = False
        self.untitled_name = UNTITLED  # the name shown until the project has a file

    # -- opening -----------------------------------------------------------------

    @classmethod
    def new(cls, document: Document | None = None, **kwargs: Any) -> Session:
        return cls(EditSession.create(document or new_document()), **kwargs)

    @classmethod
    def open(cls, path: str, **kwargs: Any) -> Session:
        """Open a project file; raises the store's ProjectFileError."""
        return cls(EditSession.open(path), **kwargs)

    @classmethod
    def restore(cls, recovery: Any, **kwargs: Any) -> Session:
        """Open a recovered project as unsaved changes against its original path."""
        return cls(recovery.restore(), recovered=True, **kwargs)

    # -- state -------------------------------------------------------------------

    @property
    def path(self) -> str | None:
        path = self.edit.path
        return os.fspath(path) if path is not None else None

    @property
    def read_only(self) -> bool:
        return bool(self.edit.read_only)

    @property
    def lock_holder(self) -> str | None:
        return getattr(self.edit, "lock_holder", None)

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def is_untouched(self) -> bool:
        """A new project nobody has changed: File > New or Open may replace it."""
        return (
            self.path is None
            and not self.recovered
            and self.undo_stack.count() == 0
            and not self.is_dirty
        )

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return os.path.basename(self.path)
        return self.untitled_name

    # -- changing ----------------------------------------------------------------

    def push(
        self,
        text: str,
        edit: Callable[[], Change],
        *,
        merge_id: int = -1,
        merge_key: Hashable = None,
    ) -> DocumentCommand:
        """Run a Document edit as one undoable step."""
        command = DocumentCommand(
            self.document, text, edit, merge_id=merge_id, merge_key=merge_key
        )
        self.undo_stack.push(command)
        return command

    def update(
        self,
        entity_id: str,
        text: str,
        *,
        merge_id: int = -1,
        merge_key: Hashable = None,
        **fields: object,
    ) -> bool:
        """Change fields of one entity as an undo step; False if nothing changed.

        The new entity is built first so an invalid value raises DomainError here,
        before anything reaches the undo stack.
        """
        entity = self.document.get(entity_id)
        if entity is None:
            return False
        new = entity.evolve(**fields)
        if new == entity:
            return False
        self.push(
            text,
            lambda: self.document.apply(Change(puts=(new,))),
            merge_id=merge_id,
            merge_key=merge_key,
        )
        return True

    # -- saving ------------------------------------------------------------------

    def save(self) -> None:
        """Write the project to its file; raises ProjectFileError, stays dirty then."""
        if self.path is None or self.read_only:
            raise ValueError("this project needs a file name: use save_as")
        self.edit.save()
        self._saved()

    def save_as(self, path: str) -> None:
        old = self.path
        self.edit.save_as(path)
        self._saved()
        if self.path != old:
            self.path_changed.emit()

    def _saved(self) -> None:
        self.recovered = False
        self.undo_stack.setClean()
        self._autosave.stop()

    # -- autosave ----------------------------------------------------------------

    def _schedule_flush(self, _event: object) -> None:
        if not self._flush.isActive():
            self._flush.start()

    def set_autosave_interval(self, seconds: float) -> None:
        self._autosave.setInterval(max(1, round(seconds * 1000)))

    def _changed(self) -> None:
        # The first change after a save starts the clock; later changes don't
        # reset it, so autosave happens every interval of unsaved work.
        if self.is_dirty and not self._autosave.isActive():
            self._autosave.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self._autosave.stop()
        else:
            self._changed()
        self.dirty_changed.emit(not clean)

    def autosave(self) -> None:
        """Secure unsaved work in the recovery copy (the user's file is untouched).

        The store commits every change to the working copy as it happens; this
        makes those commits durable on disk and repairs the copy if one failed.
        """
        if self._closed or not self.is_dirty:
            return
        try:
            self.edit.checkpoint()
        except ProjectFileError as error:
            self.autosave_failed.emit(str(error))
            return
        self.autosaved.emit()

    def close(self) -> None:
        """Forget the project: release the file's lock and the working copy."""
        if self._closed:
            return
        self._closed = True
        self._autosave.stop()
        self._flush.stop()
        self._unsubscribe()
        self.undo_stack.clear()
        self.edit.close()
