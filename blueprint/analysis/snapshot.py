"""Immutable copies of a project's entities, grouped by diagram, for the analysis.

Entities are frozen, so copying the Document's lists is a consistent snapshot: take
it on the thread that edits the Document (it costs a few list copies) and analyse it
anywhere, e.g. on a worker thread while the user keeps editing. A snapshot can also
be built from a raw collection of entities (a damaged import that never went through
a Document); nothing is validated then, and the analysis reports what is broken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Document,
    Edge,
    Entity,
    Lane,
    Node,
    ProjectInfo,
)


@dataclass(frozen=True, eq=False)
class DiagramParts:
    """One diagram's entities: lanes in stacking order, annotations in their order.

    `sound` is True when the entities come from a Document, whose `apply`
    validates every reference (edge ends, lanes, annotation targets) on every
    change: the analysis then skips looking for broken references. Parts built
    from raw entities are not sound, and broken references become findings.
    """

    diagram: Diagram
    lanes: tuple[Lane, ...]
    lines: tuple[DividingLine, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    annotations: tuple[Annotation, ...]
    sound: bool = False

    @property
    def id(self) -> str:
        return self.diagram.id

    def key(self) -> tuple[int, ...]:
        """Identities of every entity: equal keys (while the entities are alive)
        mean the same content, because entities are frozen and replaced on change."""
        return (
            id(self.diagram),
            *map(id, self.lanes),
            -1,
            *map(id, self.lines),
            -2,
            *map(id, self.nodes),
            -3,
            *map(id, self.edges),
            -4,
            *map(id, self.annotations),
        )


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Every diagram of a project (in diagram order) at one moment."""

    project: ProjectInfo | None
    diagrams: tuple[DiagramParts, ...]
    by_id: Mapping[str, DiagramParts]

    def diagram(self, diagram_id: str) -> DiagramParts:
        try:
            return self.by_id[diagram_id]
        except KeyError:
            raise _missing(diagram_id) from None


Source = Document | Snapshot | Mapping[str, Entity] | Iterable[Entity]


def _lane_key(lane: Lane) -> tuple[int, str]:
    return (lane.order, lane.id)


def _annotation_key(a: Annotation) -> tuple[int, str]:
    return (a.order, a.id)


def _missing(diagram_id: str) -> KeyError:
    return KeyError(f"no diagram {diagram_id!r} in the project")


def _from_document(doc: Document, diagram_id: str | None) -> Snapshot:
    if diagram_id is None:
        diagrams = doc.diagrams()
    else:
        found = doc.get(diagram_id)
        if not isinstance(found, Diagram):
            raise _missing(diagram_id)
        diagrams = [found]
    parts = tuple(
        DiagramParts(
            d,
            tuple(doc.lanes(d.id)),
            tuple(doc.lines(d.id)),
            tuple(doc.nodes(d.id)),
            tuple(doc.edges(d.id)),
            tuple(doc.annotations(d.id)),
            sound=True,
        )
        for d in diagrams
    )
    return Snapshot(doc.project, parts, MappingProxyType({p.id: p for p in parts}))


def _from_entities(entities: Iterable[Entity], diagram_id: str | None) -> Snapshot:
    project: ProjectInfo | None = None
    diagrams: list[Diagram] = []
    groups: dict[type, dict[str, list[Entity]]] = {
        t: {} for t in (Lane, DividingLine, Node, Edge, Annotation)
    }
    for e in entities:
        kind = type(e)
        if kind is ProjectInfo:
            project = e  # type: ignore[assignment]
        elif kind is Diagram:
            diagrams.append(e)  # type: ignore[arg-type]
        elif kind in groups:
            groups[kind].setdefault(e.diagram_id, []).append(e)  # type: ignore[attr-defined]
    diagrams.sort(key=lambda d: (d.order, d.name, d.id))
    if diagram_id is not None:
        diagrams = [d for d in diagrams if d.id == diagram_id]
        if not diagrams:
            raise _missing(diagram_id)

    def of(kind: type, d: Diagram) -> list[Any]:
        return groups[kind].get(d.id, [])

    parts = tuple(
        DiagramParts(
            d,
            tuple(sorted(of(Lane, d), key=_lane_key)),
            tuple(of(DividingLine, d)),
            tuple(of(Node, d)),
            tuple(of(Edge, d)),
            tuple(sorted(of(Annotation, d), key=_annotation_key)),
        )
        for d in diagrams
    )
    return Snapshot(project, parts, MappingProxyType({p.id: p for p in parts}))


def snapshot(source: Source, diagram_id: str | None = None) -> Snapshot:
    """A frozen copy of a project (or of one diagram when diagram_id is given).

    `source` is a Document, an existing Snapshot, a state mapping such as
    `Document.state()`, or any iterable of entities. Call it on the thread that
    edits the Document; the result is safe to analyse on any thread. Raises
    KeyError when diagram_id is not a diagram of the project.
    """
    if isinstance(source, Snapshot):
        if diagram_id is None:
            return source
        part = source.diagram(diagram_id)
        return Snapshot(source.project, (part,), MappingProxyType({part.id: part}))
    if isinstance(source, Document):
        return _from_document(source, diagram_id)
    if isinstance(source, Mapping):
        return _from_entities(list(source.values()), diagram_id)
    return _from_entities(list(source), diagram_id)
