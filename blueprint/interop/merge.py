"""Imported diagrams as entities to add to another project, under fresh ids.

A file exported from a project and imported back into it carries the project's own
ids; adding it unchanged would clash, so every id is renewed and references follow.
"""

from __future__ import annotations

from blueprint.model.document import Document
from blueprint.model.entities import Diagram, Entity, ProjectInfo, new_id

_REFERENCES = ("diagram_id", "lane_id", "below_lane_id", "source_id", "target_id")


def merge_entities(imported: Document, target: Document) -> list[Entity]:
    """Every diagram of `imported` with fresh ids, ordered after the diagrams of
    `target`: pass the list to target.add() (one undoable change)."""
    entities = [e for e in imported.entities() if not isinstance(e, ProjectInfo)]
    ids = {e.id: new_id() for e in entities}
    first = max((d.order for d in target.diagrams()), default=-1) + 1
    orders = {d.id: first + i for i, d in enumerate(imported.diagrams())}
    out: list[Entity] = []
    for e in entities:
        changes: dict[str, object] = {"id": ids[e.id]}
        for name in _REFERENCES:
            if hasattr(e, name):
                changes[name] = ids[getattr(e, name)]
        if isinstance(e, Diagram):
            changes["order"] = orders[e.id]
            changes["presentation"] = tuple(ids.get(s, s) for s in e.presentation)
        out.append(e.evolve(**changes))
    return out
