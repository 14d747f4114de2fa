"""The common frame of the annotation tabs: target heading, hints, document events.

A tab follows the inspector's selection (one step, one connector, or nothing for the
whole diagram) and reloads from the Document whenever an annotation of its target
changes, so undo and redo show at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from blueprint.model import Annotation, DomainError, EntitiesChanged
from blueprint.ui.session import Session

from .target import Target, target_heading, target_of

NO_DIAGRAM = "Open a diagram to annotate it."
MANY = (
    "Select one step or connector to annotate it, or click an empty part of the "
    "canvas to annotate the whole diagram."
)


def mark_invalid(widget: QWidget, error: DomainError | None) -> None:
    """Show a refused value on its field (red frame, reason as tooltip)."""
    widget.setProperty("invalid", error is not None)
    widget.setToolTip(str(error) if error is not None else "")
    widget.style().polish(widget)


class AnnotationTab(QWidget):
    """One inspector tab for one kind of annotation on the selected target."""

    title: ClassVar[str] = ""
    body_kind: ClassVar[str] = ""
    count_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.target: Target | None = None
        self._many = False  # several items selected: nothing to annotate
        self._unsubscribe: Callable[[], None] | None = None
        self.setAccessibleName(f"{self.title} annotations")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.setSpacing(8)
        self.heading = QLabel()
        self.heading.setObjectName("annotation_heading")
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("dock_hint")
        self.hint.setWordWrap(True)
        self.content = QWidget()
        self.content.setObjectName("annotation_content")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addWidget(self.content)
        outer.addStretch(1)

    # -- following the session and the selection ---------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.session = session
        self.target = None
        self._many = False
        if session is not None:
            self._unsubscribe = session.document.events.subscribe(self._on_change)
        self.refresh()

    def show_selection(self, diagram_id: str | None, ids: Sequence[str]) -> None:
        if self.session is None:
            return
        target = target_of(self.session.document, diagram_id, ids)
        self._many = target is None and diagram_id is not None
        if target != self.target:
            self.target = target
            self.target_changed()
        self.refresh()

    def _on_change(self, event: EntitiesChanged) -> None:
        target, session = self.target, self.session
        if target is None or session is None:
            return
        doc = session.document
        if doc.get(target.id) is None:  # the step or connector was deleted
            alive = doc.get(target.diagram_id) is not None
            self.target = (
                Target(target.diagram_id, "diagram", target.diagram_id)
                if alive
                else None
            )
            self.target_changed()
            self.refresh()
            return
        for e in chain(
            event.added,
            event.removed,
            (old for old, _ in event.updated),
            (new for _, new in event.updated),
        ):
            if (isinstance(e, Annotation) and e.target_id == target.id) or e.id in (
                target.id,
                target.diagram_id,
            ):
                self.refresh()
                return

    # -- showing -----------------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        if self.session is None or self.target is None:
            return []
        return [
            a
            for a in self.session.document.annotations_of(self.target.id)
            if a.kind == self.body_kind
        ]

    def refresh(self) -> None:
        target, session = self.target, self.session
        if session is None or target is None:
            self.heading.hide()
            self.content.hide()
            self.hint.setText(MANY if self._many else NO_DIAGRAM)
            self.hint.show()
            self.count_changed.emit(0)
            return
        self.heading.setText(target_heading(session.document, target))
        self.heading.show()
        self.hint.hide()  # subclasses show it for an empty list
        self.content.show()
        annotations = self.annotations()
        self.load(annotations)
        self.count_changed.emit(len(annotations))

    def target_changed(self) -> None:
        """The tab now shows another target (subclasses drop per-target state)."""

    def load(self, annotations: list[Annotation]) -> None:  # pragma: no cover
        raise NotImplementedError
