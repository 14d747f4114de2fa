"""The inspector: properties of the selection, or of the diagram and project if none.

Its tabs start with "Properties"; the annotations issue adds its own tabs with
`add_tab`, and they receive the same selection through `selection_changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from blueprint.model import (
    PROJECT_ID,
    Diagram,
    DomainError,
    Edge,
    EntitiesChanged,
    Entity,
    Node,
)
from blueprint.model.notations import NOTATIONS
from blueprint.ui.commands import MERGE_PROPERTY
from blueprint.ui.session import Session

from .inspector_forms import EdgeForm, EntityForm, NodeForm, set_text


class DiagramForm(EntityForm):
    """The current diagram's name and notation, and the project's title and people."""

    def __init__(self) -> None:
        super().__init__()
        self.name = self.text_field("&Diagram:", "name", "Diagram name")
        self.notation = QLabel()
        self.notation.setWordWrap(True)
        self.notation.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.form.addRow("Notation:", self.notation)
        self.project_fields = {}
        for field, label in (
            ("title", "&Project:"),
            ("client", "&Client:"),
            ("author", "&Author:"),
        ):
            edit = self.text_field(label, field, f"Project {field}")
            edit.textEdited.disconnect()
            edit.textEdited.connect(
                lambda text, f=field, e=edit: self._project_typed(e, f, text)
            )
            self.project_fields[field] = edit

    def load(self, entity: Entity) -> None:
        assert isinstance(entity, Diagram) and self.session is not None
        set_text(self.name, entity.name)
        notation = NOTATIONS[entity.notation]
        self.notation.setText(notation.name)
        self.notation.setToolTip(f"{notation.description}\n\n{notation.source}".strip())
        project = self.session.document.project
        for field, edit in self.project_fields.items():
            set_text(edit, getattr(project, field))

    def _project_typed(self, widget: QWidget, field: str, text: str) -> None:
        if self.session is None:
            return
        try:
            self.session.update(
                PROJECT_ID,
                f"Edit project {field}",
                merge_id=MERGE_PROPERTY,
                merge_key=(PROJECT_ID, field),
                **{field: text},
            )
        except DomainError as error:
            widget.setProperty("invalid", True)
            widget.setToolTip(str(error))
        else:
            widget.setProperty("invalid", False)
            widget.setToolTip("")
        widget.style().polish(widget)


class InspectorDock(QDockWidget):
    selection_changed = Signal(object, object)  # diagram id or None, tuple of ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Inspector", parent)
        self.setObjectName("inspector_dock")
        self.setAccessibleName("Inspector")
        self._session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.diagram_id: str | None = None
        self.ids: tuple[str, ...] = ()

        self.empty = QLabel("Open a diagram to see its properties.")
        self.multi = QLabel()
        for label in (self.empty, self.multi):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setObjectName("dock_hint")
        self.node_form = NodeForm()
        self.edge_form = EdgeForm()
        self.diagram_form = DiagramForm()
        self.pages = QStackedWidget()
        for page in (
            self.empty,
            self.multi,
            self.node_form,
            self.edge_form,
            self.diagram_form,
        ):
            self.pages.addWidget(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Inspector tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, "Properties")
        self.setWidget(self.tabs)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Room for more inspector tabs (annotations); returns the tab's index."""
        return self.tabs.addTab(widget, title)

    def set_session(self, session: Session | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._session = session
        if session is not None:
            self._unsubscribe = session.document.events.subscribe(self._on_change)
        self.show_selection(None, ())

    def show_selection(self, diagram_id: str | None, ids: Sequence[str]) -> None:
        self.diagram_id, self.ids = diagram_id, tuple(ids)
        self._load()
        self.selection_changed.emit(diagram_id, self.ids)

    def current_form(self) -> QWidget:
        return self.pages.currentWidget()

    def _on_change(self, event: EntitiesChanged) -> None:
        touched = {e.id for e in (*event.added, *event.removed)}
        touched |= {new.id for _, new in event.updated}
        removed = {e.id for e in event.removed}
        if removed & set(self.ids):
            self.ids = tuple(i for i in self.ids if i not in removed)
        if self.diagram_id in removed:
            self.diagram_id = None
        watched = {*self.ids, self.diagram_id, PROJECT_ID}
        if touched & watched or removed:
            self._load()

    def _load(self) -> None:
        session = self._session
        if session is None or self.diagram_id is None:
            self.pages.setCurrentWidget(self.empty)
            return
        doc = session.document
        entities = [e for i in self.ids if (e := doc.get(i)) is not None]
        if len(entities) > 1:
            nodes = sum(isinstance(e, Node) for e in entities)
            edges = sum(isinstance(e, Edge) for e in entities)
            parts = [f"{nodes} step{'s' if nodes != 1 else ''}"] if nodes else []
            if edges:
                parts.append(f"{edges} connector{'s' if edges != 1 else ''}")
            self.multi.setText(
                f"{len(entities)} items selected"
                + (f"\n({', '.join(parts)})" if parts else "")
            )
            self.pages.setCurrentWidget(self.multi)
            return
        entity = entities[0] if entities else doc.get(self.diagram_id)
        form: EntityForm | None = {
            Node: self.node_form,
            Edge: self.edge_form,
            Diagram: self.diagram_form,
        }.get(type(entity))  # type: ignore[arg-type]
        if form is None or entity is None:
            self.pages.setCurrentWidget(self.empty)
            return
        form.show_entity(session, entity)
        self.pages.setCurrentWidget(form)
