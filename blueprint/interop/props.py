"""Blueprint's data as draw.io custom properties (bp_*), written and read back.

Properties are plain text so they can be read and edited in draw.io's Edit Data
dialog; annotations are JSON in the form of blueprint.model.serial. Exact positions
are kept too because page coordinates go through float arithmetic: they are used
only while the shape still lies where Blueprint put it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from blueprint.model.catalogue import EDGE_KINDS, NODE_FLAGS, SUPPORT_TYPES
from blueprint.model.entities import Annotation, Entity, Node, Style, new_id
from blueprint.model.errors import DomainError
from blueprint.model.serial import from_dict, to_dict

PREFIX = "bp_"
FORMAT = "1"  # bp_format on a diagram's pool; bump when the properties change
CLOSE = 0.01  # page units: a shape this close to its stored spot has not moved
FLAG_NAMES = tuple(NODE_FLAGS)


def number(text: str | None, low: float | None = None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or (low is not None and value < low):
        return None
    return value


def integer(text: str | None, low: int = 0, high: int = 1_000_000) -> int | None:
    try:
        value = int(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if low <= value <= high else None


def fmt(value: float) -> str:
    """A number as draw.io writes it: whole numbers without '.0', else exact."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def points(pts: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts)


def parse_points(text: str | None) -> list[tuple[float, float]] | None:
    if text is None:
        return None
    out = []
    for pair in text.split():
        x, _, y = pair.partition(",")
        px, py = number(x), number(y)
        if px is None or py is None:
            return None
        out.append((px, py))
    return out


def close(a: Iterable[tuple[float, float]], b: Iterable[tuple[float, float]]) -> bool:
    a, b = list(a), list(b)
    return len(a) == len(b) and all(
        abs(p[0] - q[0]) <= CLOSE and abs(p[1] - q[1]) <= CLOSE
        for p, q in zip(a, b, strict=True)
    )


# -- node flags and style ---------------------------------------------------------


def flags(node: Node) -> str:
    return ",".join(f for f in FLAG_NAMES if getattr(node, f))


def parse_flags(text: str | None) -> tuple[dict[str, bool], list[str]]:
    """(flag -> True for the named ones, unknown names)."""
    found: dict[str, bool] = {}
    unknown = []
    for word in (text or "").replace(",", " ").split():
        if word in FLAG_NAMES:
            found[word] = True
        else:
            unknown.append(word)
    return found, unknown


def style(s: Style) -> str:
    return ";".join(
        f"{k}={v}" for k in ("fill", "stroke", "text") if (v := getattr(s, k))
    )


def parse_style(text: str | None) -> Style:
    values: dict[str, str] = {}
    for part in (text or "").split(";"):
        key, _, value = part.partition("=")
        if key.strip() in ("fill", "stroke", "text"):
            values[key.strip()] = value.strip()
    try:
        return Style(**values)
    except DomainError:
        return Style()


# -- annotations and whole entities as JSON ---------------------------------------


def annotations(items: list[Annotation]) -> str:
    return json.dumps([to_dict(a) for a in items], ensure_ascii=False)


def parse_annotations(
    text: str | None,
    diagram_id: str,
    target_kind: str,
    target_id: str,
    take_id,
) -> tuple[list[Annotation], int]:
    """Annotations re-pointed at their (possibly new) target; and how many of the
    stored ones were unreadable."""
    if not text:
        return [], 0
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return [], 1
    if not isinstance(data, list):
        return [], 1
    out, bad = [], 0
    for item in data:
        if not isinstance(item, dict):
            bad += 1
            continue
        stored_id = item.get("id")
        values = {
            **item,
            "id": new_id(),
            "diagram_id": diagram_id,
            "target_kind": target_kind,
            "target_id": target_id,
        }
        try:
            a = from_dict(values)
        except (DomainError, RecursionError):
            bad += 1
            continue
        if not isinstance(a, Annotation):
            bad += 1
            continue
        out.append(a.evolve(id=take_id(stored_id)))
    return out, bad


def entity_json(e: Entity) -> str:
    return json.dumps(to_dict(e), ensure_ascii=False)


def parse_entity(text: str | None, kind: type[Entity]) -> Entity | None:
    if not text:
        return None
    try:
        e = from_dict(json.loads(text))
    except (ValueError, RecursionError):  # DomainError is a ValueError
        return None
    return e if isinstance(e, kind) else None


def edge_fields(props: dict[str, str], style: dict) -> dict[str, object]:
    """kind, support_type, gap and routing of a connector from its properties, or
    from its draw.io style for connectors Blueprint did not write."""
    kind = props.get("bp_kind")
    out: dict[str, object] = {"kind": kind if kind in EDGE_KINDS else "flow"}
    support = props.get("bp_support_type")
    if support in SUPPORT_TYPES:
        out["support_type"] = support
    gap = integer(props.get("bp_gap"), 1, 5)
    if gap is not None:
        out["gap"] = gap
    routing = props.get("bp_routing")
    if routing not in ("orthogonal", "straight"):
        edge_style = style.get("edgeStyle")
        routing = "straight" if edge_style in (None, "", "none") else "orthogonal"
    out["routing"] = routing
    return out
