"""The Document: every entity of a project by id, and the one place changes happen.

`apply(change)` validates a whole Change against the state it would produce, applies
it, emits one EntitiesChanged and returns the inverse Change. The edit methods
(move_nodes, remove_nodes, ...) build a Change with `edits` and apply it, so each
returns exactly what it replaced; applying that inverse restores the previous state.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from . import edits
from .changes import Change, EntitiesChanged, Events
from .entities import (
    PROJECT_ID,
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    Lane,
    Node,
    ProjectInfo,
    Stage,
)
from .errors import DomainError

E = TypeVar("E", bound=Entity)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while bulk-loading entities.

    Loading creates tens of thousands of objects and no cycles; without this the
    collector rescans the growing heap again and again (measured: 2-3x the load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_TARGETS: dict[str, type[Entity]] = {"node": Node, "edge": Edge, "diagram": Diagram}
# per entity type: (field, referenced id, required type) for each id it refers to;
# a dict of functions because loading calls this for every entity
_REFERENCES: dict[type, Callable[[Any], tuple[tuple[str, str, type[Entity]], ...]]] = {
    Node: lambda e: (
        ("diagram_id", e.diagram_id, Diagram),
        ("lane_id", e.lane_id, Lane),
    ),
    Edge: lambda e: (
        ("diagram_id", e.diagram_id, Diagram),
        ("source_id", e.source_id, Node),
        ("target_id", e.target_id, Node),
    ),
    DividingLine: lambda e: (
        ("diagram_id", e.diagram_id, Diagram),
        ("below_lane_id", e.below_lane_id, Lane),
    ),
    Annotation: lambda e: (
        ("diagram_id", e.diagram_id, Diagram),
        ("target_id", e.target_id, _TARGETS[e.target_kind]),
    ),
    Lane: lambda e: (("diagram_id", e.diagram_id, Diagram),),
    Stage: lambda e: (("diagram_id", e.diagram_id, Diagram),),
}


def _references(e: Entity) -> tuple[tuple[str, str, type[Entity]], ...]:
    """(field, referenced id, required type) for each id an entity refers to."""
    refs = _REFERENCES.get(e.__class__)
    return refs(e) if refs is not None else ()


def _plainly_referenced(e: Entity, lookup: Callable[[str], Entity | None]) -> bool:
    """True when `e` is a node or connector whose ids all name entities of the right
    type in its diagram: checked inline because opening a file runs this for every
    row. False sends `e` to Document._check_references, which raises naming the
    field, or passes anything else that is sound."""
    kind = e.__class__
    if kind is Node:
        lane = lookup(e.lane_id)  # type: ignore[attr-defined]
        return (
            lane.__class__ is Lane
            and lane.diagram_id == e.diagram_id  # type: ignore[union-attr,attr-defined]
            and lookup(e.diagram_id).__class__ is Diagram  # type: ignore[attr-defined]
        )
    if kind is Edge:
        diagram_id = e.diagram_id  # type: ignore[attr-defined]
        source, target = lookup(e.source_id), lookup(e.target_id)  # type: ignore[attr-defined]
        return (
            source.__class__ is Node
            and target.__class__ is Node
            and source is not target
            and source.diagram_id == diagram_id  # type: ignore[union-attr]
            and target.diagram_id == diagram_id  # type: ignore[union-attr]
            and lookup(diagram_id).__class__ is Diagram
        )
    return False


class Document:
    """A project in memory; the single source of truth for every view."""

    def __init__(self, project: ProjectInfo | None = None) -> None:
        self.events = Events()
        self._entities: dict[str, Entity] = {}
        # per diagram, per entity type: id -> entity (insertion ordered)
        self._by_diagram: dict[str, dict[type[Entity], dict[str, Entity]]] = {}
        # id -> ids that refer to it; built on first use, so opening a file stays fast
        self._referrers_index: dict[str, set[str]] | None = {}
        self._insert(project or ProjectInfo())

    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Document:
        """A document of loaded entities, every reference checked once.

        The fast path for opening files: no events, no inverse; the same checks as
        apply() so a damaged or hostile file cannot produce an invalid document."""
        with paused_gc():
            return cls._load(list(entities))

    @classmethod
    def _load(cls, entities: list[Entity]) -> Document:
        project = next((e for e in entities if isinstance(e, ProjectInfo)), None)
        doc = cls(project)
        doc._referrers_index = None
        known, by_diagram = doc._entities, doc._by_diagram
        # rows come grouped by diagram and type: keep the last bucket at hand
        last_diagram, last_kind, bucket = None, None, {}
        for e in entities:  # _insert, inlined: this loop runs for every row of a file
            if e is project:
                continue
            entity_id, kind = e.id, e.__class__
            if entity_id in known:
                raise DomainError(f"{e.kind_name}.id", f"{entity_id!r} appears twice")
            known[entity_id] = e
            diagram_id = (
                entity_id if kind is Diagram else getattr(e, "diagram_id", None)
            )
            if diagram_id is None:
                continue
            if kind is not last_kind or diagram_id != last_diagram:
                bucket = by_diagram.setdefault(diagram_id, {}).setdefault(kind, {})
                last_diagram, last_kind = diagram_id, kind
            bucket[entity_id] = e
        lookup = known.get
        for e in entities:
            if not _plainly_referenced(e, lookup):
                doc._check_references(e, lookup)  # raises if one is unsound
        return doc

    @property
    def _referrers(self) -> dict[str, set[str]]:
        if self._referrers_index is None:
            index: dict[str, set[str]] = {}
            for e in self._entities.values():
                for _, ref, _ in _references(e):
                    if ref in index:
                        index[ref].add(e.id)
                    else:
                        index[ref] = {e.id}
            self._referrers_index = index
        return self._referrers_index

    # -- reading -------------------------------------------------------------------

    @property
    def project(self) -> ProjectInfo:
        return self._entities[PROJECT_ID]  # type: ignore[return-value]

    def get(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def require(self, entity_id: str, kind: type[E]) -> E:
        e = self._entities.get(entity_id)
        if not isinstance(e, kind):
            raise DomainError(
                f"{kind.kind_name}.id", f"no {kind.kind_name} {entity_id!r}"
            )
        return e

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __len__(self) -> int:
        return len(self._entities)

    def entities(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def state(self) -> dict[str, Entity]:
        """A copy of every entity by id: equal states mean equal projects."""
        return dict(self._entities)

    def diagrams(self) -> list[Diagram]:
        ds = [e for e in self._entities.values() if isinstance(e, Diagram)]
        return sorted(ds, key=lambda d: (d.order, d.name, d.id))

    def diagram(self, diagram_id: str) -> Diagram:
        return self.require(diagram_id, Diagram)

    def diagram_named(self, name: str) -> Diagram | None:
        return next((d for d in self.diagrams() if d.name == name), None)

    def _of(self, diagram_id: str, kind: type[E]) -> list[E]:
        return list(self._by_diagram.get(diagram_id, {}).get(kind, {}).values())  # type: ignore[arg-type]

    def lanes(self, diagram_id: str) -> list[Lane]:
        return sorted(self._of(diagram_id, Lane), key=lambda x: (x.order, x.id))

    def stages(self, diagram_id: str) -> list[Stage]:
        return sorted(self._of(diagram_id, Stage), key=lambda x: (x.order, x.id))

    def lines(self, diagram_id: str) -> list[DividingLine]:
        return self._of(diagram_id, DividingLine)

    def nodes(self, diagram_id: str) -> list[Node]:
        return self._of(diagram_id, Node)

    def edges(self, diagram_id: str) -> list[Edge]:
        return self._of(diagram_id, Edge)

    def annotations(self, diagram_id: str | None = None) -> list[Annotation]:
        if diagram_id is None:
            out: list[Annotation] = []
            for d in self.diagrams():
                out.extend(self.annotations(d.id))
            return out
        return sorted(self._of(diagram_id, Annotation), key=lambda a: (a.order, a.id))

    def annotations_of(self, target_id: str) -> list[Annotation]:
        found = [
            e
            for rid in self._referrers.get(target_id, ())
            if isinstance(e := self._entities[rid], Annotation)
            and e.target_id == target_id
        ]
        return sorted(found, key=lambda a: (a.order, a.id))

    def edges_of(self, node_id: str) -> list[Edge]:
        return [
            e
            for rid in self._referrers.get(node_id, ())
            if isinstance(e := self._entities[rid], Edge)
        ]

    def referrers(self, entity_id: str) -> list[Entity]:
        return [self._entities[r] for r in self._referrers.get(entity_id, ())]

    # -- changing --------------------------------------------------------------------

    def apply(self, change: Change) -> Change:
        """Apply a whole Change or nothing; return its inverse."""
        puts = {e.id: e for e in change.puts}
        if len(puts) != len(change.puts):
            raise DomainError("change", "puts the same id twice")
        deletes = set(change.deletes)
        if deletes & puts.keys():
            raise DomainError("change", "puts and deletes the same id")
        self._validate(puts, deletes)

        added: list[Entity] = []
        updated: list[tuple[Entity, Entity]] = []
        removed: list[Entity] = []
        for entity_id in change.deletes:
            if entity_id in self._entities:
                removed.append(self._remove(entity_id))
        for e in change.puts:
            old = self._entities.get(e.id)
            if old is e:
                continue
            if old is None:
                added.append(e)
            else:
                self._remove(e.id)
                updated.append((old, e))
            self._insert(e)

        inverse = Change(
            puts=tuple(old for old, _ in updated) + tuple(removed),
            deletes=tuple(e.id for e in added),
        )
        if added or updated or removed:
            self.events.emit(
                EntitiesChanged(tuple(added), tuple(updated), tuple(removed))
            )
        return inverse

    def _validate(self, puts: Mapping[str, Entity], deletes: set[str]) -> None:
        def after(entity_id: str) -> Entity | None:
            if entity_id in puts:
                return puts[entity_id]
            if entity_id in deletes:
                return None
            return self._entities.get(entity_id)

        if PROJECT_ID in deletes:
            raise DomainError("project", "cannot be deleted")
        for e in puts.values():
            old = self._entities.get(e.id)
            if old is not None and type(old) is not type(e):
                raise DomainError(
                    f"{e.kind_name}.id", f"{e.id!r} is already a {old.kind_name}"
                )
            self._check_references(e, after)
        for entity_id in deletes:
            for referrer in self._referrers.get(entity_id, ()):
                still = after(referrer)
                if still is not None and any(
                    ref == entity_id for _, ref, _ in _references(still)
                ):
                    raise DomainError(
                        f"{still.kind_name}.id",
                        f"{referrer!r} still refers to deleted {entity_id!r}",
                    )

    @staticmethod
    def _check_references(e: Entity, lookup: Callable[[str], Entity | None]) -> None:
        diagram_id = getattr(e, "diagram_id", None)
        for field, ref, kind in _references(e):
            target = lookup(ref)
            if target.__class__ is not kind:
                raise DomainError(
                    f"{e.kind_name}.{field}",
                    f"refers to a missing {kind.kind_name} {ref!r}",
                )
            if kind is not Diagram and target.diagram_id != diagram_id:  # type: ignore[union-attr,attr-defined]
                raise DomainError(
                    f"{e.kind_name}.{field}", f"refers to {ref!r} in another diagram"
                )
        if e.__class__ is Edge and e.source_id == e.target_id:  # type: ignore[attr-defined]
            raise DomainError(
                "edge.target_id", "a connector cannot join a node to itself"
            )

    def _insert(self, e: Entity) -> None:
        self._entities[e.id] = e
        cls = e.__class__
        diagram_id = e.id if cls is Diagram else getattr(e, "diagram_id", None)
        if diagram_id is not None:
            self._by_diagram.setdefault(diagram_id, {}).setdefault(cls, {})[e.id] = e
        referrers = self._referrers_index
        if referrers is None:
            return
        for _, ref, _ in _references(e):
            if ref in referrers:
                referrers[ref].add(e.id)
            else:
                referrers[ref] = {e.id}

    def _remove(self, entity_id: str) -> Entity:
        e = self._entities.pop(entity_id)
        diagram_id = e.id if isinstance(e, Diagram) else getattr(e, "diagram_id", None)
        if diagram_id is not None:
            bucket = self._by_diagram[diagram_id][type(e)]
            del bucket[entity_id]
            if isinstance(e, Diagram) and len(self._by_diagram[diagram_id]) == 1:
                del self._by_diagram[diagram_id]
        referrers = self._referrers_index
        if referrers is None:
            return e
        for _, ref, _ in _references(e):
            refs = referrers.get(ref)
            if refs is not None:
                refs.discard(e.id)
                if not refs:
                    del referrers[ref]
        return e

    # -- edits: each applies one Change and returns its inverse -----------------------

    def add(self, entities: Iterable[Entity]) -> Change:
        entities = tuple(entities)
        for e in entities:
            if e.id in self._entities:
                raise DomainError(f"{e.kind_name}.id", f"{e.id!r} already exists")
        return self.apply(Change(puts=entities))

    def update(self, entity_id: str, **fields: object) -> Change:
        """Replace one entity with some fields changed."""
        e = self._entities.get(entity_id)
        if e is None:
            raise DomainError("id", f"no entity {entity_id!r}")
        return self.apply(Change(puts=(e.evolve(**fields),)))

    def set_project_info(self, **fields: object) -> Change:
        return self.update(PROJECT_ID, **fields)

    def remove(self, ids: Iterable[str]) -> Change:
        """Remove entities and, transitively, everything that refers to them."""
        return self.apply(edits.cascade_delete(self, ids))

    def move_nodes(self, moves: Mapping[str, tuple[float, float]]) -> Change:
        """Move nodes to new top-left positions; a node moved into another lane
        joins it. Returns the inverse (old positions and lanes)."""
        return self.apply(edits.move_nodes(self, moves))

    def resize_node(
        self, node_id: str, x: float, y: float, w: float, h: float
    ) -> Change:
        return self.apply(edits.resize_node(self, node_id, x, y, w, h))

    def set_lane_height(self, lane_id: str, height: float) -> Change:
        return self.apply(edits.set_lane_height(self, lane_id, height))

    def move_lane(self, lane_id: str, index: int) -> Change:
        return self.apply(edits.move_lane(self, lane_id, index))

    def remove_lane(self, lane_id: str, *, keep_nodes: bool = True) -> Change:
        return self.apply(edits.remove_lane(self, lane_id, keep_nodes=keep_nodes))

    def insert_lane(self, lane: Lane, index: int) -> Change:
        return self.apply(edits.insert_lane(self, lane, index))

    def move_diagram(self, diagram_id: str, index: int) -> Change:
        return self.apply(edits.reorder(self, self.diagrams(), diagram_id, index))

    def move_stage(self, stage_id: str, index: int) -> Change:
        stage = self.require(stage_id, Stage)
        return self.apply(
            edits.reorder(self, self.stages(stage.diagram_id), stage_id, index)
        )
