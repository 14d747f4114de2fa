"""New projects and diagrams laid out from a notation's lanes and lines."""

from __future__ import annotations

from datetime import UTC, datetime

from .changes import Change
from .document import Document
from .entities import Diagram, DividingLine, Entity, Lane, ProjectInfo, new_id
from .notations import NOTATIONS


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def diagram_entities(notation_id: str, name: str, order: int = 0) -> list[Entity]:
    """A diagram with the notation's lanes and dividing lines, and nothing else."""
    notation = NOTATIONS[notation_id]
    diagram = Diagram(id=new_id(), name=name, notation=notation_id, order=order)
    lanes = [
        Lane(new_id(), diagram.id, spec.name, spec.role, spec.height, i)
        for i, spec in enumerate(notation.lanes)
    ]
    lines = [
        DividingLine(new_id(), diagram.id, spec.kind, lanes[spec.below].id)
        for spec in notation.lines
    ]
    return [diagram, *lanes, *lines]


def add_diagram(doc: Document, notation_id: str, name: str) -> Change:
    """Add an empty diagram of a notation after the others; returns the inverse."""
    order = max((d.order for d in doc.diagrams()), default=-1) + 1
    return doc.add(diagram_entities(notation_id, name, order))


def new_document(title: str = "Untitled project", author: str = "") -> Document:
    """A project with one blank diagram."""
    stamp = now_iso()
    doc = Document(
        ProjectInfo(title=title, author=author, created=stamp, modified=stamp)
    )
    add_diagram(doc, "blank", "Diagram 1")
    return doc
