"""What a user does to a diagram (add, delete, copy, paste, align, nudge, lanes,
labels), each as one command on the scene's undo stack."""

from __future__ import annotations

import atexit
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from blueprint.model import (
    NODE_KINDS,
    NOTATIONS,
    Change,
    DomainError,
    Edge,
    Entity,
    Lane,
    Node,
    edits,
    new_id,
    serial,
)
from blueprint.model.rules import LANE_HEADER_WIDTH, can_connect, lane_at, snap
from blueprint.ui.commands import MERGE_MOVE, MERGE_NUDGE, DocumentCommand

from . import geometry, style

if TYPE_CHECKING:
    from .scene import DiagramScene

CLIP_MIME = "application/x-blueprint-clip"
CLIP_FORMAT = "blueprint-clip"
ALIGN_NAMES = {
    "left": "Align left",
    "right": "Align right",
    "top": "Align top",
    "bottom": "Align bottom",
    "hcenter": "Align centres",
    "vcenter": "Align middles",
}


def clip_to_json(entities: Iterable[Entity]) -> str:
    return json.dumps(
        {
            "format": CLIP_FORMAT,
            "version": 1,
            "entities": [serial.to_dict(e) for e in entities],
        }
    )


def clip_from_json(text: str) -> tuple[Entity, ...]:
    """Entities from clipboard JSON; raises DomainError if it is not a clip."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise DomainError("clipboard", "is not Blueprint data") from exc
    if not isinstance(data, dict) or data.get("format") != CLIP_FORMAT:
        raise DomainError("clipboard", "is not Blueprint data")
    items = data.get("entities")
    if not isinstance(items, list):
        raise DomainError("clipboard", "has no entities")
    return tuple(serial.from_dict(x) for x in items)


class SceneActions:
    """Mixed into DiagramScene: the edits, each pushed as one DocumentCommand."""

    # -- commands ---------------------------------------------------------------------

    def _push(
        self: DiagramScene,
        text: str,
        edit: Callable[[], Change],
        *,
        merge_id: int = -1,
        merge_key: object = None,
    ) -> bool:
        """Push one command; a refused edit becomes no command and a message."""
        errors: list[DomainError] = []

        def guarded() -> Change:
            try:
                return edit()
            except DomainError as exc:
                errors.append(exc)
                return Change()

        self.undo_stack.push(
            DocumentCommand(
                self.document, text, guarded, merge_id=merge_id, merge_key=merge_key
            )
        )
        if errors:
            self.message.emit(str(errors[0]))
            return False
        return True

    def commit_move(
        self: DiagramScene, moves: Mapping[str, tuple[float, float]]
    ) -> None:
        key = (self.diagram_id, frozenset(moves))
        n = len(moves)
        self._push(
            f"Move {n} nodes" if n > 1 else "Move node",
            lambda: self.document.move_nodes(dict(moves)),
            merge_id=MERGE_MOVE,
            merge_key=key,
        )

    def commit_resize(
        self: DiagramScene, node_id: str, x: float, y: float, w: float, h: float
    ) -> None:
        self._push(
            "Resize node", lambda: self.document.resize_node(node_id, x, y, w, h)
        )

    def commit_connect(
        self: DiagramScene, source_id: str, target_id: str
    ) -> str | None:
        reason = can_connect(self.document, source_id, target_id)
        if reason is not None:
            self.message.emit(f"connector: {reason}")
            return None
        notation = NOTATIONS[self.document.diagram(self.diagram_id).notation]
        kind = "flow" if "flow" in notation.edge_kinds else notation.edge_kinds[0]
        edge = Edge(new_id(), self.diagram_id, source_id, target_id, kind=kind)
        if self._push("Connect", lambda: self.document.add([edge])):
            self.select_ids([edge.id])
            return edge.id
        return None

    def commit_reconnect(
        self: DiagramScene, edge_id: str, end: str, node_id: str
    ) -> None:
        edge = self.document.require(edge_id, Edge)
        ends = {"source_id": edge.source_id, "target_id": edge.target_id}
        ends[f"{end}_id"] = node_id
        if (ends["source_id"], ends["target_id"]) == (edge.source_id, edge.target_id):
            return
        reason = can_connect(self.document, ends["source_id"], ends["target_id"])
        if reason is not None:
            self.message.emit(f"connector: {reason}")
            return
        self._push("Reconnect", lambda: self.document.update(edge_id, **ends))

    def commit_lane_move(self: DiagramScene, lane_id: str, index: int) -> None:
        if self.lane_ids().index(lane_id) != index:
            self._push("Move lane", lambda: self.document.move_lane(lane_id, index))

    def commit_lane_height(self: DiagramScene, lane_id: str, height: float) -> None:
        self._push(
            "Resize lane", lambda: self.document.set_lane_height(lane_id, height)
        )

    # -- nodes ------------------------------------------------------------------------

    def add_node_at(self: DiagramScene, kind: str, pos: QPointF) -> str | None:
        """A new node of a kind centred on a point, snapped, in the lane there."""
        if kind not in NODE_KINDS:
            self.message.emit(f"node kind: unknown kind {kind!r}")
            return None
        spans = self.lane_spans()
        if not spans:
            self.message.emit("diagram: add a lane before adding nodes")
            return None
        w, h = style.DEFAULT_NODE_SIZE.get(kind, (140.0, 60.0))
        x, y = pos.x() - w / 2, pos.y() - h / 2
        if self.snap_enabled:
            x, y = snap(x, self.grid_size), snap(y, self.grid_size)
        x = max(x, LANE_HEADER_WIDTH + 10)
        lane = lane_at(self.document, self.diagram_id, y + h / 2)
        if lane is None:  # above or below all lanes: into the nearest one
            lane, top, bottom = spans[0] if y < spans[0][1] else spans[-1]
            y = min(max(y, top + 5), max(bottom - h - 5, top))
        node = Node(
            new_id(),
            self.diagram_id,
            lane.id,
            kind,
            label=NODE_KINDS[kind].name,
            x=x,
            y=y,
            width=w,
            height=h,
        )
        if self._push(
            f"Add {NODE_KINDS[kind].name}", lambda: self.document.add([node])
        ):
            self.select_ids([node.id])
            return node.id
        return None

    def delete_selection(self: DiagramScene) -> None:
        if self.editing():  # a Delete shortcut while typing must not delete nodes
            return
        ids = self.selected_ids()
        if ids:
            self._push(f"Delete {len(ids)} items", lambda: self.document.remove(ids))

    def nudge(self: DiagramScene, dx: float, dy: float) -> None:
        items = self.selected_node_items()
        if not items or self.editing():
            return
        moves = {i.node_id: (i.node.x + dx, i.node.y + dy) for i in items}
        self._push(
            "Nudge",
            lambda: self.document.move_nodes(moves),
            merge_id=MERGE_NUDGE,
            merge_key=(self.diagram_id, frozenset(moves)),
        )

    def _frames(self: DiagramScene) -> dict[str, geometry.Frame]:
        return {
            i.node_id: (i.node.x, i.node.y, i.node.width, i.node.height)
            for i in self.selected_node_items()
        }

    def align(self: DiagramScene, mode: str) -> None:
        frames = self._frames()
        if len(frames) >= 2:
            moves = geometry.align(frames, mode)
            self._push(ALIGN_NAMES[mode], lambda: self.document.move_nodes(moves))

    def distribute(self: DiagramScene, direction: str) -> None:
        frames = self._frames()
        if len(frames) >= 3:
            moves = geometry.distribute(frames, direction)
            self._push(
                f"Distribute {direction}ly", lambda: self.document.move_nodes(moves)
            )

    def find(self: DiagramScene, text: str) -> list[str]:
        """Ids of nodes whose label contains text (any case), top to bottom."""
        needle = text.casefold().strip()
        if not needle:
            return []
        found = [i for i in self._nodes.values() if needle in i.node.label.casefold()]
        found.sort(key=lambda i: (i.node.y, i.node.x, i.node_id))
        return [i.node_id for i in found]

    def focus_node(self: DiagramScene, node_id: str) -> None:
        item = self.node_item(node_id)
        if item is None:
            return
        self.select_ids([node_id])
        for view in self.views():
            view.ensureVisible(item.sceneBoundingRect(), 80, 80)

    def set_edge_routing(self: DiagramScene, edge_id: str, routing: str) -> None:
        self._push(
            "Change routing", lambda: self.document.update(edge_id, routing=routing)
        )

    def set_highlight(
        self: DiagramScene,
        mode: str | None = None,
        colours: Mapping[str, str] | None = None,
        fills: Mapping[str, str] | None = None,
    ) -> None:
        """Emphasise nodes for an analysis: `mode` names the view (set by later
        features such as gaps, critical path or quality) and `colours` maps node
        ids to a halo colour; `fills` may also paint their bodies (a heat map).
        No arguments clear it. Badges are always drawn."""
        self.highlight_mode = mode if colours or fills else None
        colours, fills = colours or {}, fills or {}
        for node_id, item in self._nodes.items():
            colour, fill = colours.get(node_id), fills.get(node_id)
            if item.highlight != colour or item.highlight_fill != fill:
                item.highlight, item.highlight_fill = colour, fill
                item.update()

    # -- clipboard --------------------------------------------------------------------

    def copy_selection(self: DiagramScene) -> tuple[Entity, ...]:
        """The selected nodes with the edges between them, also on the clipboard."""
        ids = [i.node_id for i in self.selected_node_items()]
        if not ids:
            return ()
        clipped = edits.clip(self.document, ids)
        mime = QMimeData()
        mime.setData(CLIP_MIME, clip_to_json(clipped).encode("utf-8"))
        labels = [e.label for e in clipped if isinstance(e, Node)]
        mime.setText("\n".join(labels))
        QGuiApplication.clipboard().setMimeData(mime)
        if QGuiApplication.platformName() == "offscreen":
            _empty_clipboard_at_exit()
        return clipped

    def cut_selection(self: DiagramScene) -> None:
        if self.copy_selection():
            self.delete_selection()

    def paste(
        self: DiagramScene,
        entities: Iterable[Entity],
        offset: tuple[float, float] = (20, 20),
        text: str = "Paste",
    ) -> list[str]:
        """Fresh copies in this diagram as one step; selects and returns new nodes."""
        try:
            change = edits.paste(self.document, entities, self.diagram_id, *offset)
        except DomainError as exc:
            self.message.emit(str(exc))
            return []
        if not change:
            return []
        self._push(text, lambda: self.document.apply(change))
        new_nodes = [e.id for e in change.puts if isinstance(e, Node)]
        self.select_ids(new_nodes)
        return new_nodes

    def paste_clipboard(self: DiagramScene) -> list[str]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(CLIP_MIME):
            return []
        try:
            entities = clip_from_json(bytes(mime.data(CLIP_MIME)).decode("utf-8"))
        except (DomainError, UnicodeDecodeError) as exc:
            self.message.emit(f"clipboard: {exc}")
            return []
        return self.paste(entities)

    def duplicate_selection(self: DiagramScene) -> list[str]:
        ids = [i.node_id for i in self.selected_node_items()]
        if not ids:
            return []
        return self.paste(edits.clip(self.document, ids), (20, 20), "Duplicate")

    # -- lanes ------------------------------------------------------------------------

    def add_lane(
        self: DiagramScene, index: int | None = None, name: str | None = None
    ) -> str:
        count = len(self.lane_spans())
        index = count if index is None else max(0, min(index, count))
        # order = index: edits.insert_lane puts a lane twice when they differ
        lane = Lane(
            new_id(),
            self.diagram_id,
            name or f"Lane {count + 1}",
            "other",
            120.0,
            index,
        )
        self._push("Add lane", lambda: self.document.insert_lane(lane, index))
        return lane.id

    def move_lane(self: DiagramScene, lane_id: str, index: int) -> None:
        self.commit_lane_move(lane_id, index)

    def set_lane_height(self: DiagramScene, lane_id: str, height: float) -> None:
        self.commit_lane_height(lane_id, height)

    def delete_lane(self: DiagramScene, lane_id: str) -> bool:
        """Delete a lane; if it holds nodes, `confirm_lane_delete` decides whether
        they move to a neighbour lane or are deleted (or nothing happens)."""
        lane = self.document.require(lane_id, Lane)
        members = [r for r in self.document.referrers(lane_id) if isinstance(r, Node)]
        keep = True
        if members:
            choice = self.confirm_lane_delete(
                lane, len(members), len(self.lane_spans()) > 1
            )
            if choice not in ("move", "delete"):
                return False
            keep = choice == "move"
        return self._push(
            "Delete lane", lambda: self.document.remove_lane(lane_id, keep_nodes=keep)
        )

    def _ask_lane_delete(
        self: DiagramScene, lane: Lane, count: int, can_move: bool
    ) -> str | None:
        views = self.views()
        box = QMessageBox(views[0] if views else None)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Delete lane")
        box.setText(f"The lane “{lane.name}” holds {count} node(s).")
        move = box.addButton(
            "Move to neighbour lane", QMessageBox.ButtonRole.AcceptRole
        )
        move.setEnabled(can_move)
        delete = box.addButton("Delete them", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "move" if clicked is move else "delete" if clicked is delete else None


@functools.cache  # register once
def _empty_clipboard_at_exit() -> None:
    """Qt's offscreen clipboard frees the data it holds a second time as the
    application ends, which crashed headless runs at exit; no other program can
    read that clipboard, so emptying it first loses nothing."""

    def empty() -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()

    atexit.register(empty)
