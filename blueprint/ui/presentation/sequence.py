"""A diagram's presentation order: default walks, saved orders, hidden steps (no Qt).

`Diagram.presentation` holds the shown step ids in order, then HIDDEN and the hidden
ones. An empty tuple means the default walk (lanes top-down), which then follows the
diagram as it grows. Steps that appeared after the order was saved (a new lane, a new
gap) join it next to their neighbours, and ids of steps that are gone are ignored.
"""

from __future__ import annotations

from blueprint.model import Document

from .steps import Step, catalogue

HIDDEN = "~hidden"  # never an entity id (those are hex) nor a step id
WALKS = ("lanes", "stages")


def default_arrangement(
    steps: list[Step], walk: str = "lanes"
) -> tuple[list[str], list[str]]:
    """(shown, hidden) step ids of a walk: lanes top-down, or the stages along the
    customer's path (lanes top-down when the diagram has no stages)."""
    if walk not in WALKS:
        raise ValueError(f"unknown walk {walk!r}")
    has_stages = any(s.kind == "stage" for s in steps)
    left_out = "lane" if walk == "stages" and has_stages else "stage"
    shown = [s.id for s in steps if s.kind != left_out]
    hidden = [s.id for s in steps if s.kind == left_out]
    return shown, hidden


def arrange(steps: list[Step], saved: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(shown, hidden) step ids from a saved order; the default when none is saved."""
    if not saved:
        return default_arrangement(steps)
    known = {s.id: s for s in steps}
    mark = saved.index(HIDDEN) if HIDDEN in saved else len(saved)
    shown = list(dict.fromkeys(i for i in saved[:mark] if i in known))
    hidden = [
        i for i in dict.fromkeys(saved[mark + 1 :]) if i in known and i not in shown
    ]
    rank = {s.id: n for n, s in enumerate(steps)}
    placed = set(shown) | set(hidden)
    for step in steps:
        if step.id in placed:
            continue
        kinds_shown = {known[i].kind for i in shown}
        kinds_hidden = {known[i].kind for i in hidden}
        into = (
            hidden
            if step.kind in kinds_hidden and step.kind not in kinds_shown
            else shown
        )
        # right after the last step of that list that comes before it canonically
        before = [n for n, i in enumerate(into) if rank[i] < rank[step.id]]
        into.insert(before[-1] + 1 if before else 0, step.id)
        placed.add(step.id)
    return shown, hidden


def encode(steps: list[Step], shown: list[str], hidden: list[str]) -> tuple[str, ...]:
    """The value for Diagram.presentation; () when it is the default walk."""
    if (list(shown), list(hidden)) == default_arrangement(steps):
        return ()
    return (*shown, HIDDEN, *hidden) if hidden else tuple(shown)


def sequence(doc: Document, diagram_id: str) -> list[Step]:
    """The steps a presentation of the diagram shows, in order."""
    steps = catalogue(doc, diagram_id)
    shown, _ = arrange(steps, doc.diagram(diagram_id).presentation)
    by_id = {s.id: s for s in steps}
    return [by_id[i] for i in shown]


def hidden_at(steps: list[Step], index: int) -> set[str]:
    """Ids of lines and gap connectors not yet revealed at step `index`: a step
    reveals its items, and items of steps left out of the sequence always show."""
    return {item for step in steps[index + 1 :] for item in step.reveals} - {
        item for step in steps[: index + 1] for item in step.reveals
    }


def merged(steps: list[Step], shown: list[str], hidden: list[str]) -> list[str]:
    """Shown and hidden steps in one list for editing: each hidden step sits after
    the last step that comes before it in the canonical order."""
    rank = {s.id: n for n, s in enumerate(steps)}
    out = list(shown)
    for step_id in hidden:
        before = [n for n, i in enumerate(out) if rank[i] < rank[step_id]]
        out.insert(before[-1] + 1 if before else 0, step_id)
    return out
