"""The Notes tab: free notes on a step, a connector or a whole diagram."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint.model import Annotation, DomainError, NoteText
from blueprint.ui.docks.inspector_forms import set_text
from blueprint.ui.icons import icon

from .tab_base import AnnotationTab, mark_invalid
from .target import add_annotation, edit_body, remove_annotation


class NoteCard(QFrame):
    """One note: its text, edited in place, and a button to remove it."""

    def __init__(self, tab: NotesTab, annotation_id: str, number: int) -> None:
        super().__init__()
        self.tab, self.annotation_id = tab, annotation_id
        self.setObjectName("annotation_card")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(f"Note {number}")
        self.text.setPlaceholderText("Write a note")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(76)
        self.text.textChanged.connect(self._typed)
        self.remove = QToolButton()
        self.remove.setIcon(icon("delete"))
        self.remove.setAccessibleName(f"Remove note {number}")
        self.remove.setToolTip("Remove this note")
        self.remove.clicked.connect(self._remove)
        row.addWidget(self.text, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)

    def show_note(self, body: NoteText) -> None:
        set_text(self.text, body.text)

    def _typed(self) -> None:
        session = self.tab.session
        if session is None:
            return
        try:
            edit_body(
                session,
                self.annotation_id,
                "Edit note",
                merge_key=(self.annotation_id, "text"),
                text=self.text.toPlainText(),
            )
        except DomainError as error:
            mark_invalid(self.text, error)
        else:
            mark_invalid(self.text, None)

    def _remove(self) -> None:
        if self.tab.session is not None:
            remove_annotation(self.tab.session, self.annotation_id, "Remove note")


class NotesTab(AnnotationTab):
    title = "Notes"
    body_kind = "note"

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[NoteCard] = []
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(6)
        column.addWidget(self.cards_box)
        self.add_button = QToolButton()
        self.add_button.setText("Add Note")
        self.add_button.setIcon(icon("add"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setAccessibleName("Add note")
        self.add_button.clicked.connect(self.add_note)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def load(self, annotations: list[Annotation]) -> None:
        ids = [a.id for a in annotations]
        if ids != [c.annotation_id for c in self.cards]:
            for card in self.cards:
                card.hide()
                card.deleteLater()
            self.cards = [NoteCard(self, i, n) for n, i in enumerate(ids, start=1)]
            for card in self.cards:
                self.cards_layout.addWidget(card)
        for card, a in zip(self.cards, annotations, strict=True):
            card.show_note(a.body)  # type: ignore[arg-type]
        if not ids:
            self.hint.setText("No notes here yet.")
            self.hint.show()

    def add_note(self) -> str | None:
        if self.session is None or self.target is None:
            return None
        new = add_annotation(self.session, self.target, NoteText(), "Add note")
        card = next((c for c in self.cards if c.annotation_id == new), None)
        if card is not None:
            card.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return new
