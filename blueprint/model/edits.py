"""Edits as pure functions: each reads a Document and returns the Change to apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .changes import Change
from .entities import (
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    Lane,
    Node,
    Stage,
    new_id,
)
from .errors import DomainError
from .rules import lane_at, lane_spans

if TYPE_CHECKING:
    from .document import Document


def cascade_delete(doc: Document, ids: Iterable[str]) -> Change:
    """Delete ids and, transitively, everything that refers to them."""
    order: list[str] = []
    seen: set[str] = set()
    stack = [i for i in ids if i in doc]
    missing = [i for i in ids if i not in doc]
    if missing:
        raise DomainError("id", f"no entity {missing[0]!r}")
    while stack:
        entity_id = stack.pop()
        if entity_id in seen:
            continue
        seen.add(entity_id)
        order.append(entity_id)
        stack.extend(r.id for r in doc.referrers(entity_id))
    return Change(deletes=tuple(order))


def move_nodes(doc: Document, moves: Mapping[str, tuple[float, float]]) -> Change:
    puts: list[Entity] = []
    for node_id, (x, y) in moves.items():
        node = doc.require(node_id, Node)
        lane = lane_at(doc, node.diagram_id, y + node.height / 2)
        lane_id = lane.id if lane is not None else node.lane_id
        if (x, y, lane_id) != (node.x, node.y, node.lane_id):
            puts.append(node.evolve(x=float(x), y=float(y), lane_id=lane_id))
    return Change(puts=tuple(puts))


def resize_node(
    doc: Document, node_id: str, x: float, y: float, w: float, h: float
) -> Change:
    node = doc.require(node_id, Node)
    lane = lane_at(doc, node.diagram_id, y + h / 2)
    lane_id = lane.id if lane is not None else node.lane_id
    return Change(
        puts=(
            node.evolve(
                x=float(x), y=float(y), width=float(w), height=float(h), lane_id=lane_id
            ),
        )
    )


def _shift_lanes(doc: Document, new_tops: Mapping[str, float]) -> list[Entity]:
    """Move every node with its lane when lane tops change."""
    old_tops = {
        lane.id: top for lane, top, _ in lane_spans(doc, _diagram_of(doc, new_tops))
    }
    puts: list[Entity] = []
    for lane_id, top in new_tops.items():
        dy = top - old_tops[lane_id]
        if dy:
            for r in doc.referrers(lane_id):
                if isinstance(r, Node) and r.lane_id == lane_id:
                    puts.append(r.evolve(y=r.y + dy))
    return puts


def _diagram_of(doc: Document, lane_ids: Iterable[str]) -> str:
    first = next(iter(lane_ids))
    return doc.require(first, Lane).diagram_id


def _tops(lanes: Sequence[Lane]) -> dict[str, float]:
    tops, y = {}, 0.0
    for lane in lanes:
        tops[lane.id] = y
        y += lane.height
    return tops


def set_lane_height(doc: Document, lane_id: str, height: float) -> Change:
    lane = doc.require(lane_id, Lane)
    new = lane.evolve(height=float(height))
    lanes = [new if x.id == lane_id else x for x in doc.lanes(lane.diagram_id)]
    return Change(puts=(new, *_shift_lanes(doc, _tops(lanes))))


def _renumber(lanes: Sequence[Lane]) -> list[Lane]:
    return [x if x.order == i else x.evolve(order=i) for i, x in enumerate(lanes)]


def move_lane(doc: Document, lane_id: str, index: int) -> Change:
    lane = doc.require(lane_id, Lane)
    lanes = [x for x in doc.lanes(lane.diagram_id) if x.id != lane_id]
    index = max(0, min(index, len(lanes)))
    lanes.insert(index, lane)
    renumbered = _renumber(lanes)
    changed = [
        new for new, old in zip(renumbered, lanes, strict=True) if new is not old
    ]
    return Change(puts=(*changed, *_shift_lanes(doc, _tops(renumbered))))


def insert_lane(doc: Document, lane: Lane, index: int) -> Change:
    doc.require(lane.diagram_id, Diagram)
    if lane.id in doc:
        raise DomainError("lane.id", f"{lane.id!r} already exists")
    lanes = list(doc.lanes(lane.diagram_id))
    index = max(0, min(index, len(lanes)))
    lanes.insert(index, lane)
    renumbered = _renumber(lanes)
    tops = _tops(renumbered)
    puts: list[Entity] = [
        new
        for new, old in zip(renumbered, lanes, strict=True)
        if new is not old or old is lane
    ]
    del tops[lane.id]
    return Change(puts=(*puts, *_shift_lanes(doc, tops)))


def remove_lane(doc: Document, lane_id: str, *, keep_nodes: bool = True) -> Change:
    """Remove a lane; its nodes go to the lane above (or below), or are deleted."""
    lane = doc.require(lane_id, Lane)
    lanes = doc.lanes(lane.diagram_id)
    i = lanes.index(lane)
    rest = [x for x in lanes if x.id != lane_id]
    members = [r for r in doc.referrers(lane_id) if isinstance(r, Node)]
    lines = [r for r in doc.referrers(lane_id) if isinstance(r, DividingLine)]
    if keep_nodes and members and not rest:
        raise DomainError(
            "lane", "the last lane cannot be removed while it holds nodes"
        )
    renumbered = _renumber(rest)
    tops = _tops(renumbered)
    puts: list[Entity] = [
        new for new, old in zip(renumbered, rest, strict=True) if new is not old
    ]
    puts += _shift_lanes(doc, tops)
    deletes: list[str] = [lane_id]
    if keep_nodes and members:
        neighbour = rest[i - 1] if i > 0 else rest[0]
        old_top = _tops(lanes)[lane_id]
        new_top = tops[neighbour.id]
        for n in members:
            offset = min(max(n.y - old_top, 0.0), max(neighbour.height - n.height, 0.0))
            puts.append(n.evolve(lane_id=neighbour.id, y=new_top + offset))
    elif members:
        deletes += cascade_delete(doc, [n.id for n in members]).deletes
    above = rest[i - 1] if i > 0 else None
    taken = {x.kind for x in doc.lines(lane.diagram_id) if x.below_lane_id != lane_id}
    for line in lines:
        if above is not None and line.kind not in taken:
            puts.append(line.evolve(below_lane_id=above.id))
        else:
            deletes.append(line.id)
    return Change(puts=tuple(puts), deletes=tuple(deletes))


def reorder(
    doc: Document, items: Sequence[Diagram | Stage], item_id: str, index: int
) -> Change:
    moving = next((x for x in items if x.id == item_id), None)
    if moving is None:
        raise DomainError("id", f"no such item {item_id!r}")
    rest = [x for x in items if x.id != item_id]
    rest.insert(max(0, min(index, len(rest))), moving)
    return Change(
        puts=tuple(x.evolve(order=i) for i, x in enumerate(rest) if x.order != i)
    )


# -- copy and paste ------------------------------------------------------------------


def clip(doc: Document, node_ids: Iterable[str]) -> tuple[Entity, ...]:
    """The nodes, the edges between them and the annotations on both."""
    nodes = [doc.require(i, Node) for i in node_ids]
    chosen = {n.id for n in nodes}
    edges = {
        e.id: e
        for n in nodes
        for e in doc.edges_of(n.id)
        if e.source_id in chosen and e.target_id in chosen
    }
    notes = [a for x in (*chosen, *edges) for a in doc.annotations_of(x)]
    lanes = {n.lane_id: doc.require(n.lane_id, Lane) for n in nodes}
    return (*lanes.values(), *nodes, *edges.values(), *notes)


def paste(
    doc: Document, clipped: Iterable[Entity], diagram_id: str, dx: float, dy: float
) -> Change:
    """Fresh copies of clipped nodes, edges and annotations in a diagram, offset by
    (dx, dy). Lanes map by id, then by role, then by position."""
    doc.require(diagram_id, Diagram)
    entities = list(clipped)
    source_lanes = {e.id: e for e in entities if isinstance(e, Lane)}
    target_lanes = doc.lanes(diagram_id)
    if not target_lanes:
        raise DomainError("diagram", "has no lane to paste into")
    ids: dict[str, str] = {}
    puts: list[Entity] = []
    for n in (e for e in entities if isinstance(e, Node)):
        ids[n.id] = new_id()
        x, y = n.x + dx, n.y + dy
        lane = next((t for t in target_lanes if t.id == n.lane_id), None)
        if lane is None and n.lane_id in source_lanes:
            role = source_lanes[n.lane_id].role
            lane = next(
                (t for t in target_lanes if t.role == role and role != "other"), None
            )
            if lane is not None:  # another diagram: centre the node in its lane
                top = next(
                    t for ln, t, _ in lane_spans(doc, diagram_id) if ln.id == lane.id
                )
                y = top + max(lane.height - n.height, 0) / 2
        lane = lane or lane_at(doc, diagram_id, y + n.height / 2) or target_lanes[0]
        puts.append(
            n.evolve(id=ids[n.id], diagram_id=diagram_id, lane_id=lane.id, x=x, y=y)
        )
    for e in (e for e in entities if isinstance(e, Edge)):
        if e.source_id in ids and e.target_id in ids:
            ids[e.id] = new_id()
            puts.append(
                e.evolve(
                    id=ids[e.id],
                    diagram_id=diagram_id,
                    source_id=ids[e.source_id],
                    target_id=ids[e.target_id],
                    waypoints=tuple((px + dx, py + dy) for px, py in e.waypoints),
                )
            )
    for a in (e for e in entities if isinstance(e, Annotation)):
        if a.target_id in ids:
            puts.append(
                a.evolve(id=new_id(), diagram_id=diagram_id, target_id=ids[a.target_id])
            )
    return Change(puts=tuple(puts))


def duplicate_diagram(doc: Document, diagram_id: str, name: str) -> Change:
    """A full copy of a diagram with fresh ids, placed after the last diagram."""
    source = doc.diagram(diagram_id)
    new_diagram = source.evolve(
        id=new_id(), name=name, order=max(d.order for d in doc.diagrams()) + 1
    )
    ids: dict[str, str] = {source.id: new_diagram.id}
    kinds = (Lane, Stage, DividingLine, Node, Edge, Annotation)
    originals = [e for k in kinds for e in doc._of(diagram_id, k)]
    for e in originals:
        ids[e.id] = new_id()
    puts: list[Entity] = [new_diagram]
    for e in originals:
        changes: dict[str, object] = {"id": ids[e.id], "diagram_id": new_diagram.id}
        for ref in ("lane_id", "below_lane_id", "source_id", "target_id"):
            if hasattr(e, ref):
                changes[ref] = ids[getattr(e, ref)]
        puts.append(e.evolve(**changes))
    return Change(puts=tuple(puts))
