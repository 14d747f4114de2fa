"""Change sets and the events a Document emits when it applies one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .entities import Entity


@dataclass(frozen=True)
class Change:
    """Entities to put (insert or replace, by id) and ids to delete, applied at once."""

    puts: tuple[Entity, ...] = ()
    deletes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.puts or self.deletes)

    def __add__(self, other: Change) -> Change:
        return Change(self.puts + other.puts, self.deletes + other.deletes)


@dataclass(frozen=True)
class EntitiesChanged:
    """What one applied Change did: new, replaced (old, new) and removed entities."""

    added: tuple[Entity, ...]
    updated: tuple[tuple[Entity, Entity], ...]
    removed: tuple[Entity, ...]

    def touched_diagrams(self) -> set[str]:
        out: set[str] = set()
        for e in (*self.added, *self.removed, *(new for _, new in self.updated)):
            out.add(getattr(e, "diagram_id", None) or e.id)
        return out


Listener = Callable[[EntitiesChanged], None]


class Events:
    """A small observer: listeners are called in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, event: EntitiesChanged) -> None:
        for listener in list(self._listeners):
            listener(event)
