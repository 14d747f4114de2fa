"""draw.io pages to Blueprint diagrams: lanes, nodes, connectors, lines and stages.

Cells Blueprint wrote (bp_* properties) come back exactly; anything else is mapped
by its style and position, and every approximation is noted for the summary.
"""

from __future__ import annotations

from blueprint.model.catalogue import LANE_ROLES, LINE_KINDS
from blueprint.model.entities import (
    MAX_TEXT,
    Annotation,
    Diagram,
    DividingLine,
    Entity,
    Lane,
    NoteText,
    ProjectInfo,
    Stage,
    new_id,
)
from blueprint.model.notations import NOTATIONS

from . import props as bp
from .edges import EdgeReader
from .lanes import LaneBox, Layout, find_lanes
from .mxfile import Cell, Page
from .nodes import NodeMaker, Pending
from .styles import BLUEPRINT_ROLES, label_text, role_for, xml_safe
from .summary import Notes
from .tree import PageTree

MAX_LANE_HEIGHT = 100_000.0


class Ids:
    """Ids for imported entities: the stored Blueprint id when free, else a new one."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: object = None) -> str:
        if (
            isinstance(wanted, str)
            and 0 < len(wanted) <= 64
            and wanted.strip() == wanted
            and wanted not in self.used
        ):
            self.used.add(wanted)
            return wanted
        fresh = new_id()
        self.used.add(fresh)
        return fresh


def keep_orders(items: list[tuple[str, int | None]]) -> list[int]:
    """Stored orders while they still agree with the drawn order, else 0, 1, 2..."""
    if (
        items
        and all(o is not None for _, o in items)
        and sorted(items, key=lambda t: (t[1], t[0])) == items
    ):
        return [o for _, o in items]  # type: ignore[misc]
    return list(range(len(items)))


class PageReader:
    """Reads one page; after read(), `entities` is ready for Document.add."""

    def __init__(self, page: Page, ids: Ids, notes: Notes) -> None:
        self.ids, self.notes = ids, notes
        self.name = page.name
        self.tree = PageTree(page, notes)
        self.entities: list[Entity] = []
        self.project: ProjectInfo | None = None
        self.stored_order: int | None = None
        self.diagram_id = ""
        if page.bad_numbers:
            self.note(
                "an unreadable or out-of-range number was replaced",
                "{n} unreadable or out-of-range numbers were replaced",
                count=page.bad_numbers,
            )
        if page.unknown_elements:
            self.note(
                "an unknown XML element was left out",
                "{n} unknown XML elements were left out",
                count=page.unknown_elements,
            )

    def note(self, singular: str, plural: str, item: str = "", count: int = 1) -> None:
        self.notes.add(self.name, singular, plural, item, count)

    def text(self, cell: Cell) -> str:
        """A name from a label: exact for names Blueprint wrote, else tidied."""
        styles = self.tree.styles[cell.id]
        if "bp_id" in cell.properties:
            return label_text(cell.value, styles, keep_spacing=True)
        return " ".join(label_text(cell.value, styles, keep_spacing=False).split())

    def clip(self, text: str, limit: int, what: str) -> str:
        if len(text) <= limit:
            return text
        self.note(f"a {what} was shortened", f"{{n}} {what}s were shortened")
        return text[:limit]

    # -- the page ---------------------------------------------------------------------

    def read(self) -> Diagram:
        tree = self.tree
        pool = next(
            (
                c
                for c in tree.cells.values()
                if c.properties.get("bp_type") == "diagram"
            ),
            None,
        )
        pool_props = pool.properties if pool else {}
        self.diagram_id = self.ids.take(pool_props.get("bp_id"))
        if pool is not None and xml_safe(self.text(pool)) == self.name:
            self.name = self.text(pool)  # the exact name, if XML could not hold it
        boxes, pools = find_lanes(tree, {pool.id} if pool else set())
        maker = NodeMaker(self, boxes, pools)
        pending = maker.collect()
        if not boxes and (pending or maker.line_cells):
            boxes.append(self._imported_lane(pending))
            self.note(
                "there were no lanes, so one lane 'Imported' holds the shapes",
                "there were no lanes, so one lane 'Imported' holds the shapes",
            )
        layout = Layout(boxes)
        maker.place(pending, layout)
        lanes = self._lanes(boxes, pending, layout)
        diagram = self._diagram(pool_props, lanes)
        self.entities += [diagram, *lanes]
        by_box = {id(b): lane for b, lane in zip(boxes, lanes, strict=True)}
        self.entities += maker.nodes(pending, layout, by_box)
        self.entities += EdgeReader(maker).edges(layout)
        self.entities += self._lines(maker.line_cells, boxes, lanes)
        self.entities += self._stages(maker.stage_cells)
        for lane, box in zip(lanes, boxes, strict=True):
            if box.cell is not None:
                maker.keep_properties(box.cell, "Lane", lane.name)
        for root_id in sorted(tree.roots | tree.layers):
            maker.keep_properties(tree.cells[root_id], "Page", self.name)
        for cell, *_ in maker.line_cells:
            maker.keep_properties(cell, "Dividing line", self.text(cell))
        for cell in maker.stage_cells:
            maker.keep_properties(cell, "Stage", self.text(cell))
        for pool_id in pools:
            cell = tree.cells[pool_id]
            if pool is None or pool_id != pool.id:
                maker.keep_properties(cell, "Pool", self.text(cell))
        if pool is not None:
            self._pool_extras(pool)
        self.entities += maker.annotations
        if not any(c.vertex or c.edge for c in tree.cells.values()):
            self.note("the page is empty", "the page is empty")
        return diagram

    def _imported_lane(self, pending: list[Pending]) -> LaneBox:
        rects = [self.tree.rect(p.cell) for p in pending] or [(0.0, 0.0, 200.0, 80.0)]
        left = min(r[0] for r in rects)
        top = min(r[1] for r in rects)
        right = max(r[0] + r[2] for r in rects)
        bottom = max(r[1] + r[3] for r in rects)
        return LaneBox(
            None, left - 40, top - 20, right - left + 80, bottom - top + 40, False, 0.0
        )

    def _diagram(self, props: dict[str, str], lanes: list[Lane]) -> Diagram:
        notation = props.get("bp_notation")
        if notation not in NOTATIONS:
            roles = {lane.role for lane in lanes}
            blueprint = "customer" in roles and bool(roles & set(BLUEPRINT_ROLES))
            notation = "service-blueprint" if blueprint else "blank"
        scroll = bp.parse_points(props.get("bp_scroll")) or [(0.0, 0.0)]
        zoom = bp.number(props.get("bp_zoom"), 0.01) or 1.0
        self.stored_order = bp.integer(props.get("bp_order"))
        return Diagram(
            id=self.diagram_id,
            name=self.clip(self.name, 200, "page name"),
            notation=notation,
            zoom=min(zoom, 100.0),
            scroll_x=scroll[0][0],
            scroll_y=scroll[0][1],
            presentation=tuple((props.get("bp_presentation") or "").split()),
        )

    # -- lanes -------------------------------------------------------------------------

    def _lanes(
        self, boxes: list[LaneBox], pending: list[Pending], layout: Layout
    ) -> list[Lane]:
        for box in boxes:
            box.height = box.thickness
        for p in pending:  # lanes drawn elsewhere grow to hold their shapes
            ours = (
                p.box is not None
                and p.box.cell is not None
                and ("bp_id" in p.box.cell.properties)
            )
            if p.box is not None and p.member and not ours:
                x, y, _, h = self.tree.rect(p.cell)
                p.box.height = max(p.box.height, max(p.box.across(x, y), 0.0) + h)
        lanes: list[Lane] = []
        stored: list[tuple[str, int | None]] = []
        for i, box in enumerate(boxes):
            cell = box.cell
            props = cell.properties if cell else {}
            name = "Imported"
            if cell is not None:
                name = self.text(cell)
                if not name:
                    name = f"Lane {i + 1}"
                    self.note(
                        "a lane without a name was named after its place",
                        "{n} lanes without names were named after their place",
                    )
                if box.height > box.thickness + bp.CLOSE:
                    self.note(
                        "a lane was enlarged to hold its shapes",
                        "{n} lanes were enlarged to hold their shapes",
                        name,
                    )
            if not 20.0 <= box.height <= MAX_LANE_HEIGHT:
                self.note(
                    "a lane's height was brought within 20 to 100,000",
                    "{n} lanes' heights were brought within 20 to 100,000",
                    name,
                )
                box.height = min(max(box.height, 20.0), MAX_LANE_HEIGHT)
            name = self.clip(name, 200, "lane name")
            role = props.get("bp_role")
            if role not in LANE_ROLES:
                role = role_for(name)
                if role == "other" and box.parent is not None:
                    role = role_for(self.text(box.parent))  # a sub-lane's role
            lane_id = self.ids.take(props.get("bp_id"))
            stored.append((lane_id, bp.integer(props.get("bp_order"))))
            lanes.append(Lane(lane_id, self.diagram_id, name, role, box.height, i))
        orders = keep_orders(stored)
        lanes = [ln.evolve(order=o) for ln, o in zip(lanes, orders, strict=True)]
        if any(box.column for box in boxes):
            self.note(
                "vertical lanes were turned into horizontal ones",
                "vertical lanes were turned into horizontal ones",
            )
        layout.stack()
        return lanes

    # -- dividing lines and stages -------------------------------------------------

    def _lines(
        self,
        cells: list[tuple[Cell, str, tuple[float, float]]],
        boxes: list[LaneBox],
        lanes: list[Lane],
    ) -> list[DividingLine]:
        out: list[DividingLine] = []
        by_id = {lane.id for lane in lanes}
        kinds: set[str] = set()
        for cell, kind, (px, py) in cells:
            props = cell.properties
            if kind not in LINE_KINDS:
                self.note(
                    "a dividing line of unknown kind was left out",
                    "{n} dividing lines of unknown kinds were left out",
                    kind,
                )
                continue
            if kind in kinds:
                self.note(
                    "a second line of the same kind was left out",
                    "{n} repeated dividing lines were left out",
                    kind,
                )
                continue
            below = props.get("bp_below")
            if below not in by_id:
                pairs = list(zip(boxes, lanes, strict=True))
                _, lane = min(
                    pairs, key=lambda p: abs(p[0].across(px, py) - p[0].thickness)
                )
                below = lane.id
            kinds.add(kind)
            line_id = self.ids.take(props.get("bp_id"))
            out.append(DividingLine(line_id, self.diagram_id, kind, below))
        return out

    def _stages(self, cells: list[Cell]) -> list[Stage]:
        cells = sorted(cells, key=lambda c: self.tree.pos.get(c.id, (0.0, 0.0)))
        stages: list[Stage] = []
        stored: list[tuple[str, int | None]] = []
        for cell in cells:
            props = cell.properties
            name = self.clip(self.text(cell) or "Stage", 200, "stage name")
            stage_id = self.ids.take(props.get("bp_id"))
            stored.append((stage_id, bp.integer(props.get("bp_order"))))
            width = max(cell.geometry.width, 20.0)
            stages.append(Stage(stage_id, self.diagram_id, name, width))
        orders = keep_orders(stored)
        return [s.evolve(order=o) for s, o in zip(stages, orders, strict=True)]

    def _pool_extras(self, pool: Cell) -> None:
        props = pool.properties
        found, bad = bp.parse_annotations(
            props.get("bp_annotations"),
            self.diagram_id,
            "diagram",
            self.diagram_id,
            self.ids.take,
        )
        self.entities += found
        if bad:
            self.note(
                "an unreadable annotation was left out",
                "{n} unreadable annotations were left out",
            )
        project = bp.parse_entity(props.get("bp_project"), ProjectInfo)
        if isinstance(project, ProjectInfo):
            self.project = project

    def diagram_note(self, text: str) -> Annotation:
        return Annotation(
            self.ids.take(),
            self.diagram_id,
            "diagram",
            self.diagram_id,
            NoteText(text[:MAX_TEXT]),
        )
