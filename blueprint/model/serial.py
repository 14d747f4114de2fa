"""Entities as plain JSON-ready dicts and back: the canonical form used by JSON
interchange, the clipboard and foreign formats' custom properties."""

from __future__ import annotations

import base64
import binascii
from dataclasses import fields
from typing import Any

from .entities import (
    ANNOTATION_BODIES,
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    Lane,
    Node,
    ProjectInfo,
    Stage,
    Style,
)
from .errors import DomainError
from .record import values

TYPES: dict[str, type[Entity]] = {
    t.kind_name: t
    for t in (ProjectInfo, Diagram, Lane, DividingLine, Stage, Node, Edge, Annotation)
}


def to_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"type": e.kind_name}
    for f in fields(e):  # type: ignore[arg-type]
        value = getattr(e, f.name)
        if isinstance(value, Style):
            value = {k: v for k, v in values(value).items() if v is not None}
        elif isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        elif f.name == "waypoints":
            value = [list(p) for p in value]
        elif f.name == "presentation":
            value = list(value)
        elif f.name == "body":
            value = {"kind": value.kind, **values(value)}
        out[f.name] = value
    return out


def from_dict(data: object) -> Entity:
    """Build an entity from to_dict's form; raises DomainError naming the bad field."""
    if not isinstance(data, dict):
        raise DomainError("entity", "must be an object")
    type_name = data.get("type")
    cls = TYPES.get(type_name)  # type: ignore[arg-type]
    if cls is None:
        raise DomainError("type", f"unknown entity type {type_name!r}")
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = set(data) - names - {"type"}
    if unknown:
        raise DomainError(f"{type_name}.{sorted(unknown)[0]}", "is not a known field")
    values: dict[str, Any] = {k: v for k, v in data.items() if k != "type"}
    try:
        if "style" in values:
            style = values["style"]
            if not isinstance(style, dict):
                raise DomainError("node.style", "must be an object")
            values["style"] = Style(**style)
        if "logo" in values and values["logo"] is not None:
            try:
                values["logo"] = base64.b64decode(values["logo"], validate=True)
            except (binascii.Error, TypeError, ValueError) as exc:
                raise DomainError("project.logo", "is not valid base64") from exc
        if "waypoints" in values:
            values["waypoints"] = _points(values["waypoints"])
        if "presentation" in values:
            if not isinstance(values["presentation"], list):
                raise DomainError("diagram.presentation", "must be a list")
            values["presentation"] = tuple(values["presentation"])
        if "body" in values:
            values["body"] = _body(values["body"])
        return cls(**values)
    except TypeError as exc:  # missing required fields
        raise DomainError(str(type_name), f"incomplete: {exc}") from None


def _points(value: object) -> tuple[tuple[float, float], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 for p in value
    ):
        raise DomainError("edge.waypoints", "must be a list of [x, y] pairs")
    return tuple((p[0], p[1]) for p in value)


def _body(value: object):
    if not isinstance(value, dict):
        raise DomainError("annotation.body", "must be an object")
    kind = value.get("kind")
    cls = ANNOTATION_BODIES.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise DomainError("annotation.body.kind", f"unknown annotation kind {kind!r}")
    args = {k: v for k, v in value.items() if k != "kind"}
    try:
        return cls(**args)
    except TypeError as exc:
        raise DomainError(f"annotation.{kind}", f"bad fields: {exc}") from None
