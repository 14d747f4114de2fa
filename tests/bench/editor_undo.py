"""Benchmark part of bench_editor: 1,000 commands undone and redone in the editor.

app: a QUndoStack of 1,000 DocumentCommands (add, connect, move, annotate, delete)
on the stress tier, undone to the start and redone to the end, with the scene and
the working copy following. baseline: the very same entity changes (recorded from
the app) made directly on a scene of Qt's built-in items. Verdict: <= 2x, 2 s.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import shiboken6
from common import compared, interleave, row
from PySide6.QtCore import QRectF
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGraphicsScene
from tiers import Tier, fresh

from blueprint.model import (
    Annotation,
    Document,
    Edge,
    EntitiesChanged,
    Node,
    NoteText,
    new_id,
)
from blueprint.store import EditSession, save_document
from blueprint.ui.canvas import DiagramScene
from blueprint.ui.commands import DocumentCommand

COMMANDS = 1000


def make_commands(doc: Document, d: str, count: int, seed: int = 3):
    """count edits of every common kind, each a function returning its inverse:
    add a step, connect two, move one, annotate one, delete one (with its
    connectors and annotations)."""
    rng = random.Random(seed)
    lanes = doc.lanes(d)
    made: list[Callable] = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            lane = rng.choice(lanes)
            node = Node(
                new_id(),
                d,
                lane.id,
                "action",
                f"New step {i}",
                x=rng.uniform(200, 20000),
                y=sum(x.height for x in lanes[: lane.order]) + 30,
            )
            made.append(lambda n=node: doc.add([n]))
        else:
            edit = (_connect, _move, _annotate, _delete)[kind - 1]
            made.append(lambda e=edit, r=random.Random(i): e(doc, d, r))  # noqa: B008
    return made


def _pick(doc: Document, d: str, rng: random.Random) -> Node:
    nodes = doc.nodes(d)
    return nodes[rng.randrange(len(nodes))]


def _connect(doc, d, rng):
    a, b = _pick(doc, d, rng), _pick(doc, d, rng)
    while b.id == a.id:
        b = _pick(doc, d, rng)
    return doc.add([Edge(new_id(), d, a.id, b.id)])


def _move(doc, d, rng):
    n = _pick(doc, d, rng)
    return doc.move_nodes({n.id: (n.x + rng.choice((-40.0, 40.0)), n.y)})


def _annotate(doc, d, rng):
    n = _pick(doc, d, rng)
    return doc.add([Annotation(new_id(), d, "node", n.id, NoteText("seen"), 99)])


def _delete(doc, d, rng):
    return doc.remove([_pick(doc, d, rng).id])


class PlainMirror:
    """Built-in Qt items following recorded model changes: the baseline does the
    very same additions, removals and moves directly on a scene."""

    def __init__(self, doc: Document, d: str, width: float) -> None:
        self.scene = QGraphicsScene()
        self.items: dict[str, list] = {}
        self.centres: dict[str, tuple[float, float]] = {}
        self.width = width
        top = 0.0
        for lane in doc.lanes(d):
            self.scene.addRect(QRectF(0, top, width, lane.height))
            top += lane.height
        for n in doc.nodes(d):
            self.add(n)
        for e in doc.edges(d):
            self.add(e)

    def add(self, e) -> None:
        if isinstance(e, Node):
            rect = self.scene.addRect(QRectF(0, 0, e.width, e.height))
            rect.setPos(e.x, e.y)
            text = self.scene.addText(e.label)
            text.setPos(e.x + 4, e.y + 4)
            text.setTextWidth(e.width - 8)
            self.items[e.id] = [rect, text]
            self.centres[e.id] = (e.x + e.width / 2, e.y + e.height / 2)
        elif isinstance(e, Edge):
            (x0, y0), (x1, y1) = self.centres[e.source_id], self.centres[e.target_id]
            self.items[e.id] = [self.scene.addLine(x0, y0, x1, y1)]

    def remove(self, e) -> None:
        for item in self.items.pop(e.id, ()):
            self.scene.removeItem(item)

    def update(self, old, new) -> None:
        if isinstance(new, Node) and new.id in self.items:
            rect, text = self.items[new.id]
            rect.setPos(new.x, new.y)
            text.setPos(new.x + 4, new.y + 4)
            self.centres[new.id] = (new.x + new.width / 2, new.y + new.height / 2)

    def replay(self, events: list[EntitiesChanged]) -> None:
        for event in events:
            for e in event.removed:
                self.remove(e)
            for old, new in event.updated:
                self.update(old, new)
            for e in sorted(event.added, key=lambda e: not isinstance(e, Node)):
                self.add(e)  # nodes before the connectors that end on them


def bench_undo(tier: Tier, runs: int, quick: bool) -> list[dict]:
    doc, d = fresh(tier)
    folder = Path(tempfile.mkdtemp(prefix="bench-undo-"))
    path = folder / "undo.blueprint"
    save_document(doc, path)
    session = EditSession.open(path)  # the editor's session: working copy commits
    doc = session.document
    stack = QUndoStack()
    scene = DiagramScene(doc, d, stack)
    for i, edit in enumerate(make_commands(doc, d, COMMANDS)):
        stack.push(DocumentCommand(doc, f"step {i}", edit))
    assert stack.count() == COMMANDS

    events: list[EntitiesChanged] = []
    unsubscribe = doc.events.subscribe(events.append)
    stack.setIndex(0)
    stack.setIndex(stack.count())
    unsubscribe()
    mirror = PlainMirror(doc, d, scene.lane_width())  # the state after redo-all
    undo_events = events[: len(events) // 2]
    redo_events = events[len(events) // 2 :]

    def app() -> None:
        stack.setIndex(0)
        stack.setIndex(stack.count())

    def base() -> None:
        mirror.replay(undo_events)
        mirror.replay(redo_events)

    # (the recording above warmed the app up; one undo + redo is far over 20 ms)
    m = interleave(app, base, runs, app_repeat=1)
    result = row(
        f"undo all + redo all, {COMMANDS:,} commands, {tier.label}",
        m.app_wall,
        m.base_wall,
        ratio_limit=2.0,
        ceiling=2.0,
        clock="wall",
        repeat=[m.app_repeat, m.base_repeat],
        runs=runs,
        changes=len(events),
    )
    rows = [result]
    session.close()
    if not quick:  # the same without the working copy: what its commits add
        rows.append(
            compared(
                "  the same without the working copy",
                app,
                base,
                runs=runs,
                clock="wall",
            )
        )
    scene.detach()
    shiboken6.delete(scene)
    shiboken6.delete(mirror.scene)
    return rows
