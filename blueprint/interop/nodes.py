"""Shapes to nodes for one page: kinds, lanes, positions, styles and notes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from blueprint.model.entities import MAX_TEXT, Annotation, Node, NoteText, Style
from blueprint.model.notations import NODE_KINDS
from blueprint.theme import node_look

from . import props as bp
from .lanes import LaneBox, Layout
from .mxfile import Cell
from .styles import colour, kind_for, kind_name, label_text, line_kind, shape_of

if TYPE_CHECKING:
    from blueprint.model.entities import Lane

    from .reader import PageReader


@dataclass
class Pending:
    """A shape that will become a node, once lanes are known."""

    cell: Cell
    kind: str | None = None  # forced (frames, tables); None: by style
    label: str | None = None  # forced (tables); None: the cell's label
    box: LaneBox | None = None
    member: bool = False  # drawn inside its lane (not only placed near it)
    extra: list[str] = field(default_factory=list)  # attached labels' text


class NodeMaker:
    def __init__(self, reader: PageReader, boxes: list[LaneBox], pools: set[str]):
        self.r = reader
        self.tree = reader.tree
        self.boxes = boxes
        self.lane_cells = {b.cell.id: b for b in boxes if b.cell is not None}
        self.pools = pools
        self.line_cells: list[tuple[Cell, str, tuple[float, float]]] = []
        self.stage_cells: list[Cell] = []
        self.edge_cells: list[Cell] = []
        self.edge_labels: dict[str, list[str]] = {}
        self.alias: dict[str, str] = {}  # cell id -> id of the cell whose node it is
        self.node_of: dict[str, str] = {}  # cell id -> node id
        self.rects: list[tuple[tuple[float, float, float, float], str]] = []
        self.annotations: list[Annotation] = []

    def note(self, singular: str, plural: str, item: str = "") -> None:
        self.r.note(singular, plural, item)

    # -- sorting cells ---------------------------------------------------------------

    def collect(self) -> list[Pending]:
        tree = self.tree
        pending: list[Pending] = []
        by_cell: dict[str, Pending] = {}
        consumed: set[str] = set()  # the insides of tables
        for cell_id in tree.order:
            cell = tree.cells.get(cell_id)
            if cell is None or tree.is_container(cell_id):
                continue
            if cell_id in self.lane_cells or cell_id in self.pools:
                continue
            parent = tree.parent(cell)
            if parent is not None and parent.id in consumed:
                consumed.add(cell_id)
                self.alias[cell_id] = self.alias.get(parent.id, parent.id)
                continue
            if cell.edge:
                self.edge_cells.append(cell)
                continue
            style = tree.styles[cell_id]
            text = label_text(cell.value, style, keep_spacing=False)
            if not cell.vertex:
                if text:
                    self.note(
                        "a cell that is neither shape nor connector was left out",
                        "{n} cells neither shapes nor connectors were left out",
                        text,
                    )
                continue
            if parent is not None and parent.edge:
                if text:
                    self.edge_labels.setdefault(parent.id, []).append(text)
                continue
            if cell.geometry.relative and parent is not None:
                if parent.id in by_cell:
                    if text:
                        by_cell[parent.id].extra.append(text)
                    else:
                        self.note(
                            "a decoration attached to a shape was left out",
                            "{n} decorations attached to shapes were left out",
                            shape_of(style),
                        )
                    self.alias[cell_id] = parent.id
                elif text:
                    self.note(
                        "a label attached to a lane was left out",
                        "{n} labels attached to lanes were left out",
                        text,
                    )
                continue
            p = self._classify(cell, style, text, consumed)
            if p is not None:
                pending.append(p)
                by_cell[cell_id] = p
                self.alias[cell_id] = cell_id
        return pending

    def _classify(
        self, cell: Cell, style: dict, text: str, consumed: set[str]
    ) -> Pending | None:
        bp_type = cell.properties.get("bp_type")
        x, y, w, h = self.tree.rect(cell)
        if bp_type == "stage":
            self.stage_cells.append(cell)
            return None
        centre = (x + w / 2, y + h / 2)
        if bp_type == "line":
            self.line_cells.append((cell, cell.properties.get("bp_kind", ""), centre))
            return None
        kind = line_kind(text) if bp_type != "node" else None
        if kind:
            self.line_cells.append((cell, kind, centre))
            return None
        shape = shape_of(style)
        if shape == "line":
            self.note(
                "a line shape without a dividing-line label was left out",
                "{n} line shapes without a dividing-line label were left out",
                text,
            )
            return None
        if shape == "table" or style.get("childLayout") == "tableLayout":
            consumed.add(cell.id)
            self.note(
                "a table was imported as one node",
                "{n} tables were imported as one node each",
                text,
            )
            return Pending(cell, "action", self._table_text(cell) or text or "Table")
        kids = [
            k for k in self.tree.kids(cell.id) if k.vertex and not k.geometry.relative
        ]
        if kids and bp_type != "node":
            if "group" in style:
                return None  # a group only bundles its shapes, which come in alone
            if not text:
                self.note(
                    "a container without a label was left out; its shapes were kept",
                    "{n} containers without labels were left out; their shapes were "
                    "kept",
                )
                return None
            self.note(
                "a container was imported as a frame node beside its shapes",
                "{n} containers were imported as frame nodes beside their shapes",
                text,
            )
            return Pending(cell, "frame")
        return Pending(cell)

    def _table_text(self, table: Cell) -> str:
        rows = sorted(self.tree.kids(table.id), key=lambda c: c.geometry.y)
        lines = []
        for row in rows:
            cells = sorted(self.tree.kids(row.id), key=lambda c: c.geometry.x)
            parts = [
                label_text(c.value, self.tree.styles[c.id], keep_spacing=False)
                for c in cells
            ]
            if any(parts):
                lines.append(" | ".join(parts))
        return "\n".join(lines)

    def place(self, pending: list[Pending], layout: Layout) -> None:
        """Each shape's lane: the lane it is drawn in, else the nearest one."""
        lane_of: dict[str, LaneBox] = {}
        for cell_id in self.tree.order:
            cell = self.tree.cells.get(cell_id)
            if cell is None:
                continue
            if cell_id in self.lane_cells:
                lane_of[cell_id] = self.lane_cells[cell_id]
            elif cell.parent in lane_of:
                lane_of[cell_id] = lane_of[cell.parent]
        for p in pending:
            box = lane_of.get(p.cell.id)
            if box is not None:
                p.box, p.member = box, True
                continue
            x, y, w, h = self.tree.rect(p.cell)
            p.box, p.member = layout.nearest(x + w / 2, y + h / 2)
            if not p.member:
                self.note(
                    "a shape outside any lane was put in the nearest lane",
                    "{n} shapes outside any lane were put in the nearest lane",
                    label_text(
                        p.cell.value, self.tree.styles[p.cell.id], keep_spacing=False
                    ),
                )

    # -- nodes ----------------------------------------------------------------------

    def nodes(
        self, pending: list[Pending], layout: Layout, lanes: dict[int, Lane]
    ) -> list[Node]:
        out = []
        for p in pending:
            node = self._node(p, layout, lanes[id(p.box)])
            self.node_of[p.cell.id] = node.id
            x, y, w, h = self.tree.rect(p.cell)
            self.rects.append(((x, y, w, h), node.id))
            out.append(node)
            self.annotate(p.cell, "node", node.id)
        return out

    def _node(self, p: Pending, layout: Layout, lane: Lane) -> Node:
        cell, box = p.cell, p.box
        assert box is not None
        props, style = cell.properties, self.tree.styles[cell.id]
        ours = props.get("bp_type") == "node"
        x, y, w, h = self.tree.rect(cell)
        across = box.across(x, y)  # a member keeps its drawn place, even overhanging
        if not p.member:
            across = min(max(across, 0.0), max(box.height - h, 0.0))
        nx, ny = layout.along(box, x, y), box.top + across
        stored = bp.parse_points(props.get("bp_pos"))
        if stored and len(stored) == 1 and bp.close(stored, [(nx, ny)]):
            nx, ny = stored[0]
        label = (
            p.label
            if p.label is not None
            else label_text(cell.value, style, keep_spacing=ours)
        )
        kind = props.get("bp_kind")
        if kind not in NODE_KINDS:
            kind, approximated = p.kind or "action", None
            if p.kind is None:
                kind, approximated = kind_for(style, label)
            if approximated:
                self.note(
                    "a shape of unknown type became an action",
                    "{n} shapes of unknown types became actions",
                    f"{label} ({approximated})",
                )
            if shape_of(style) == "image":
                self.note(
                    "a picture became an evidence node without its image",
                    "{n} pictures became evidence nodes without their images",
                    label,
                )
        if not label.strip():
            label = kind_name(kind)
            self.note(
                "a shape without a label was named after its kind",
                "{n} shapes without labels were named after their kind",
            )
        if len(label) > 20_000:
            label = label[:20_000]
            self.note("a long label was shortened", "{n} long labels were shortened")
        if w < 10 or h < 10:
            self.note(
                "a tiny shape was enlarged to 10 units",
                "{n} tiny shapes were enlarged to 10 units",
                label,
            )
        flags, unknown = bp.parse_flags(props.get("bp_flags"))
        if unknown:
            self.note(
                "an unknown flag was ignored",
                "{n} unknown flags were ignored",
                unknown[0],
            )
        description = "\n".join(
            t for t in (props.get("bp_description", ""), *p.extra) if t
        )
        node = Node(
            id=self.r.ids.take(props.get("bp_id") if ours else None),
            diagram_id=self.r.diagram_id,
            lane_id=lane.id,
            kind=kind,
            label=label,
            description=description[:MAX_TEXT],
            x=nx,
            y=ny,
            width=max(w, 10.0),
            height=max(h, 10.0),
            duration=bp.number(props.get("bp_duration"), 0),
            wait_time=bp.number(props.get("bp_wait_time"), 0),
            **flags,
        )
        return node.evolve(style=self._style(node, style, ours, props))

    def _style(self, node: Node, style: dict, ours: bool, props: dict) -> Style:
        fill = colour(style.get("fillColor"))
        if not ours:
            return Style(fill=fill)
        kept = bp.parse_style(props.get("bp_style"))
        look = node_look(node.evolve(style=kept))
        drawn = {
            "fill": fill,
            "stroke": colour(style.get("strokeColor")),
            "text": colour(style.get("fontColor")),
        }
        changes = {  # colours changed in draw.io win over the stored ones
            k: v
            for k, v in drawn.items()
            if v is not None and v != getattr(look, k).lower()
        }
        return replace(kept, **changes)

    # -- annotations -------------------------------------------------------------------

    def annotate(self, cell: Cell, target_kind: str, target_id: str) -> None:
        found, bad = bp.parse_annotations(
            cell.properties.get("bp_annotations"),
            self.r.diagram_id,
            target_kind,
            target_id,
            self.r.ids.take,
        )
        if bad:
            self.note(
                "an unreadable annotation was left out",
                "{n} unreadable annotations were left out",
            )
        self.annotations.extend(found)
        extra = {
            k: v for k, v in cell.properties.items() if not k.startswith(bp.PREFIX)
        }
        if extra:
            text = "\n".join(f"{k}: {v}" for k, v in extra.items())
            order = max((a.order for a in found), default=-1) + 1
            self.annotations.append(
                Annotation(
                    self.r.ids.take(),
                    self.r.diagram_id,
                    target_kind,
                    target_id,
                    NoteText(text[:MAX_TEXT]),
                    min(order, 10_000_000),
                )
            )

    def keep_properties(self, cell: Cell, what: str, name: str) -> None:
        """Custom properties of a lane, pool, stage or line, as a diagram note."""
        extra = {
            k: v for k, v in cell.properties.items() if not k.startswith(bp.PREFIX)
        }
        if extra:
            lines = "\n".join(f"{k}: {v}" for k, v in extra.items())
            self.annotations.append(self.r.diagram_note(f"{what} {name!r}:\n{lines}"))
            self.note(
                f"a {what.lower()}'s custom properties became a diagram note",
                f"{{n}} {what.lower()}s' custom properties became diagram notes",
                name,
            )
