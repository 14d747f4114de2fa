"""What an annotation is on (a step, a connector or a whole diagram) and its edits.

Every edit is one DocumentCommand on the session's undo stack; typing into a field
merges into one step per annotation and field.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace

from blueprint.model import (
    Annotation,
    Diagram,
    Document,
    Edge,
    GapFinding,
    Node,
    NoteText,
    QualityRating,
    ServqualScore,
    new_id,
)
from blueprint.model.catalogue import CRITERIA, GAP_STATUSES, GAPS, SERVQUAL_DIMENSIONS
from blueprint.ui.commands import MERGE_PROPERTY
from blueprint.ui.session import Session

KIND_NAMES = {
    "gap": "Gap",
    "quality": "Quality",
    "servqual": "SERVQUAL",
    "note": "Note",
}
STATUS_NAMES = {"open": "Open", "in_progress": "In progress", "closed": "Closed"}
assert set(STATUS_NAMES) == set(GAP_STATUSES)
WHOLE_DIAGRAM = "whole diagram"


@dataclass(frozen=True)
class Target:
    """The thing annotated: kind is "node", "edge" or "diagram"."""

    diagram_id: str
    kind: str
    id: str


def target_of(
    doc: Document, diagram_id: str | None, ids: Sequence[str]
) -> Target | None:
    """The one step or connector selected, the diagram when nothing is; else None."""
    if diagram_id is None or not isinstance(doc.get(diagram_id), Diagram):
        return None
    if not ids:
        return Target(diagram_id, "diagram", diagram_id)
    if len(ids) != 1:
        return None
    entity = doc.get(ids[0])
    if isinstance(entity, Node):
        return Target(diagram_id, "node", entity.id)
    if isinstance(entity, Edge):
        return Target(diagram_id, "edge", entity.id)
    return None


def edge_name(doc: Document, edge: Edge) -> str:
    if edge.label:
        return edge.label
    source, target = doc.get(edge.source_id), doc.get(edge.target_id)
    return f"{getattr(source, 'label', '?')} → {getattr(target, 'label', '?')}"


def target_name(doc: Document, kind: str, target_id: str) -> str:
    """A target as the register and the tabs name it."""
    entity = doc.get(target_id)
    if kind == "node" and isinstance(entity, Node):
        return entity.label
    if kind == "edge" and isinstance(entity, Edge):
        return edge_name(doc, entity)
    if kind == "diagram":
        return WHOLE_DIAGRAM
    return "?"


def target_heading(doc: Document, target: Target) -> str:
    """One line saying what the tab annotates."""
    name = target_name(doc, target.kind, target.id)
    if target.kind == "node":
        return f"On step “{name}”"
    if target.kind == "edge":
        return f"On connector “{name}”"
    diagram = doc.get(target.diagram_id)
    return f"On the whole diagram “{getattr(diagram, 'name', '?')}”"


def item_name(annotation: Annotation) -> str:
    """The gap, criterion or dimension of an annotation ("" for notes)."""
    body = annotation.body
    if isinstance(body, GapFinding):
        return GAPS[body.gap].title
    if isinstance(body, QualityRating):
        return CRITERIA[body.criterion].name
    if isinstance(body, ServqualScore):
        return SERVQUAL_DIMENSIONS[body.dimension].name
    return ""


def value_of(annotation: Annotation) -> float | None:
    """Severity (gap), rating (quality) or P − E (SERVQUAL); None for notes."""
    body = annotation.body
    if isinstance(body, GapFinding):
        return body.severity
    if isinstance(body, QualityRating):
        return body.rating
    if isinstance(body, ServqualScore):
        return body.gap
    return None


def value_text(annotation: Annotation) -> str:
    body = annotation.body
    if isinstance(body, GapFinding):
        return f"Severity {body.severity}"
    if isinstance(body, QualityRating):
        return f"Rating {body.rating}"
    if isinstance(body, ServqualScore):
        return f"P − E {signed(body.gap)}"
    return ""


def main_text(annotation: Annotation) -> str:
    """The annotation's words: finding, evidence or note text."""
    body = annotation.body
    if isinstance(body, GapFinding):
        return body.finding
    if isinstance(body, QualityRating):
        return body.evidence
    if isinstance(body, NoteText):
        return body.text
    return ""


def signed(value: float) -> str:
    """A score with its sign and a true minus: +0.50, −1.25, 0.00."""
    if abs(value) < 0.005:
        return "0.00"
    return f"{'+' if value > 0 else '−'}{abs(value):.2f}"


# -- edits -----------------------------------------------------------------------------


def _next_order(doc: Document, diagram_id: str) -> int:
    return max((a.order for a in doc.annotations(diagram_id)), default=-1) + 1


def add_annotation(
    session: Session,
    target: Target,
    body: GapFinding | QualityRating | ServqualScore | NoteText,
    text: str,
    *,
    merge_key: Hashable = None,
) -> str:
    """Add an annotation to the target as one undo step; returns its id."""
    doc = session.document
    annotation = Annotation(
        new_id(),
        target.diagram_id,
        target.kind,
        target.id,
        body,
        _next_order(doc, target.diagram_id),
    )
    session.push(
        text,
        lambda: doc.add([annotation]),
        merge_id=MERGE_PROPERTY if merge_key is not None else -1,
        merge_key=merge_key,
    )
    return annotation.id


def edit_body(
    session: Session,
    annotation_id: str,
    undo_text: str,
    /,
    *,
    merge_key: Hashable = None,
    **fields: object,
) -> bool:
    """Change fields of an annotation's body; raises DomainError for a bad value
    (nothing is pushed then); False if nothing changed."""
    annotation = session.document.get(annotation_id)
    if not isinstance(annotation, Annotation):
        return False
    body = replace(annotation.body, **fields)  # validates
    return session.update(
        annotation_id,
        undo_text,
        merge_id=MERGE_PROPERTY if merge_key is not None else -1,
        merge_key=merge_key,
        body=body,
    )


def remove_annotation(
    session: Session, annotation_id: str, text: str, *, merge_key: Hashable = None
) -> None:
    doc = session.document
    if doc.get(annotation_id) is None:
        return
    session.push(
        text,
        lambda: doc.remove([annotation_id]),
        merge_id=MERGE_PROPERTY if merge_key is not None else -1,
        merge_key=merge_key,
    )
