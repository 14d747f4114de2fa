"""Entities to table rows and back; every row read is validated by the model."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import sqlite

from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    Style,
)
from blueprint.model.errors import DomainError
from blueprint.model.record import values

from .schema import (
    annotation_table,
    diagram_table,
    edge_table,
    lane_table,
    line_table,
    node_table,
    project_table,
    stage_table,
)

Row = dict[str, Any]
_BOOL = {0: False, 1: True}  # anything else reaches the model, which refuses it


def _json_list(name: str, text: object) -> list[Any]:
    if text == "[]":  # by far the most common value: skip the parser
        return []
    if not isinstance(text, str):
        raise DomainError(name, "must be a JSON list")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise DomainError(name, "is not valid JSON") from None
    if not isinstance(value, list):
        raise DomainError(name, "must be a JSON list")
    return value


# -- entity -> row --------------------------------------------------------------------


def _project_row(p: ProjectInfo) -> Row:
    return {
        "id": p.id,
        "title": p.title,
        "client": p.client,
        "author": p.author,
        "created": p.created,
        "modified": p.modified,
        "accent_colour": p.accent_colour,
        "logo": p.logo,
    }


def _diagram_row(d: Diagram) -> Row:
    return {
        "id": d.id,
        "name": d.name,
        "notation": d.notation,
        "position": d.order,
        "zoom": d.zoom,
        "scroll_x": d.scroll_x,
        "scroll_y": d.scroll_y,
        "presentation": json.dumps(list(d.presentation)),
    }


def _lane_row(x: Lane) -> Row:
    return {
        "id": x.id,
        "diagram_id": x.diagram_id,
        "name": x.name,
        "role": x.role,
        "height": x.height,
        "position": x.order,
    }


def _line_row(x: DividingLine) -> Row:
    return {
        "id": x.id,
        "diagram_id": x.diagram_id,
        "kind": x.kind,
        "below_lane_id": x.below_lane_id,
    }


def _stage_row(x: Stage) -> Row:
    return {
        "id": x.id,
        "diagram_id": x.diagram_id,
        "name": x.name,
        "width": x.width,
        "position": x.order,
    }


def _node_row(n: Node) -> Row:
    return {
        "id": n.id,
        "diagram_id": n.diagram_id,
        "lane_id": n.lane_id,
        "kind": n.kind,
        "label": n.label,
        "description": n.description,
        "x": n.x,
        "y": n.y,
        "width": n.width,
        "height": n.height,
        "fill": n.style.fill,
        "stroke": n.style.stroke,
        "text_colour": n.style.text,
        "duration": n.duration,
        "wait_time": n.wait_time,
        "moment_of_truth": int(n.moment_of_truth),
        "fail_point": int(n.fail_point),
        "wait_point": int(n.wait_point),
    }


def _edge_row(e: Edge) -> Row:
    return {
        "id": e.id,
        "diagram_id": e.diagram_id,
        "source_id": e.source_id,
        "target_id": e.target_id,
        "kind": e.kind,
        "label": e.label,
        "support_type": e.support_type,
        "gap": e.gap,
        "routing": e.routing,
        "waypoints": json.dumps([list(p) for p in e.waypoints]),
    }


_BODY_COLUMNS = (
    "gap",
    "finding",
    "cause",
    "severity",
    "remedy",
    "owner",
    "status",
    "criterion",
    "rating",
    "evidence",
    "dimension",
    "expectation",
    "perception",
    "weight",
    "text",
)


def _annotation_row(a: Annotation) -> Row:
    row: Row = {
        "id": a.id,
        "diagram_id": a.diagram_id,
        "node_id": a.target_id if a.target_kind == "node" else None,
        "edge_id": a.target_id if a.target_kind == "edge" else None,
        "kind": a.body.kind,
        "position": a.order,
    }
    row.update(dict.fromkeys(_BODY_COLUMNS))
    row.update(values(a.body))
    return row


# -- row -> entity (columns in the order of each table's select) -----------------------


def _project(r: tuple) -> ProjectInfo:
    return ProjectInfo(
        id=r[0],
        title=r[1],
        client=r[2],
        author=r[3],
        created=r[4],
        modified=r[5],
        accent_colour=r[6],
        logo=r[7],
    )


def _diagram(r: tuple) -> Diagram:
    presentation = _json_list("diagram.presentation", r[7])
    return Diagram(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(presentation))


def _lane(r: tuple) -> Lane:
    return Lane(r[0], r[1], r[2], r[3], r[4], r[5])


def _line(r: tuple) -> DividingLine:
    return DividingLine(r[0], r[1], r[2], r[3])


def _stage(r: tuple) -> Stage:
    return Stage(r[0], r[1], r[2], r[3], r[4])


_NO_STYLE = Style()


def _node(r: tuple) -> Node:
    style = _NO_STYLE if r[10] is r[11] is r[12] is None else Style(r[10], r[11], r[12])
    return Node(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        r[8],
        r[9],
        style,
        r[13],
        r[14],
        _BOOL.get(r[15], r[15]),
        _BOOL.get(r[16], r[16]),
        _BOOL.get(r[17], r[17]),
    )


def _edge(r: tuple) -> Edge:
    points = _json_list("edge.waypoints", r[9])
    if points and not all(isinstance(p, list) and len(p) == 2 for p in points):
        raise DomainError("edge.waypoints", "must be a list of [x, y] pairs")
    waypoints = tuple(map(tuple, points)) if points else ()
    return Edge(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], waypoints)


_BODIES: dict[str, tuple[type, tuple[str, ...]]] = {
    "gap": (
        GapFinding,
        ("gap", "finding", "cause", "severity", "remedy", "owner", "status"),
    ),
    "quality": (QualityRating, ("criterion", "rating", "evidence")),
    "servqual": (ServqualScore, ("dimension", "expectation", "perception", "weight")),
    "note": (NoteText, ("text",)),
}
_BODY_INDEX = {name: 6 + i for i, name in enumerate(_BODY_COLUMNS)}


def _annotation(r: tuple) -> Annotation:
    kind = r[4]
    if kind not in _BODIES:
        raise DomainError("annotation.kind", f"unknown annotation kind {kind!r}")
    cls, names = _BODIES[kind]
    body = cls(**{name: r[_BODY_INDEX[name]] for name in names})
    if r[2] is not None:
        target_kind, target_id = "node", r[2]
    elif r[3] is not None:
        target_kind, target_id = "edge", r[3]
    else:
        target_kind, target_id = "diagram", r[1]
    return Annotation(r[0], r[1], target_kind, target_id, body, r[5])


# -- the mapping ---------------------------------------------------------------------

ToRow = Callable[[Any], Row]
FromRow = Callable[[tuple], Entity]

# entity type -> (table, entity to row, row to entity); in insert order
MAPPING: dict[type[Entity], tuple[Table, ToRow, FromRow]] = {
    ProjectInfo: (project_table, _project_row, _project),
    Diagram: (diagram_table, _diagram_row, _diagram),
    Lane: (lane_table, _lane_row, _lane),
    DividingLine: (line_table, _line_row, _line),
    Stage: (stage_table, _stage_row, _stage),
    Node: (node_table, _node_row, _node),
    Edge: (edge_table, _edge_row, _edge),
    Annotation: (annotation_table, _annotation_row, _annotation),
}
TYPE_ORDER = {t: i for i, t in enumerate(MAPPING)}


def to_row(e: Entity) -> tuple[Table, Row]:
    table, to, _ = MAPPING[type(e)]
    return table, to(e)


def rows_by_table(entities: Iterable[Entity]) -> Iterator[tuple[Table, list[Row]]]:
    """Rows grouped by table, parents first."""
    groups: dict[type[Entity], list[Row]] = {}
    for e in entities:
        groups.setdefault(type(e), []).append(MAPPING[type(e)][1](e))
    for kind in sorted(groups, key=TYPE_ORDER.__getitem__):
        yield MAPPING[kind][0], groups[kind]


def _select(table: Table) -> str:
    return str(select(*table.columns).compile(dialect=sqlite.dialect()))


# each table's SELECT of every column, in the order the row builders read them:
# opening a file runs these on the plain sqlite3 connection (SQLAlchemy's result
# rows cost a third again of the reading itself)
SELECTS: dict[Table, str] = {table: _select(table) for table, _, _ in MAPPING.values()}
